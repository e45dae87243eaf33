import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readInputFile } from '../../src/util/files.js';

const dir = mkdtempSync(join(tmpdir(), 'kblint-files-'));
writeFileSync(join(dir, 'ok.txt'), 'hello');
mkdirSync(join(dir, 'folder'));
symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'));
symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'));
execFileSync('mkfifo', [join(dir, 'fifo')]);

describe('readInputFile', () => {
  it('reads a regular file', async () => {
    expect((await readInputFile(join(dir, 'ok.txt'))).toString()).toBe('hello');
  });

  it.each([
    ['folder', 'expected a gpreport.xml file; got a folder'],
    ['fifo', 'expected a gpreport.xml file; got a FIFO'],
    ['loop-a', 'symbolic link loop; expected a gpreport.xml file'],
    ['missing', 'no such file; expected a gpreport.xml file'],
  ])('refuses %s with a named error', async (name, message) => {
    await expect(readInputFile(join(dir, name), { what: 'a gpreport.xml file', display: name })).rejects.toMatchObject({
      name: 'KblintError',
      file: name,
      message,
    });
  });

  it('refuses a device such as /dev/zero without reading it', async () => {
    await expect(readInputFile('/dev/zero', { display: '/dev/zero' })).rejects.toMatchObject({ message: 'expected a file; got a device' });
  });

  it('refuses a file over the size cap', async () => {
    await expect(readInputFile(join(dir, 'ok.txt'), { maxBytes: 4, display: 'ok.txt' })).rejects.toMatchObject({
      message: '5 bytes is over the 4-byte limit for a file',
    });
  });
});

describe('writeFileAtomic and special output paths', () => {
  it('writes into a FIFO instead of replacing it with a regular file', async () => {
    const { writeFileAtomic } = await import('../../src/util/atomic.js');
    const { lstatSync, readFileSync: read } = await import('node:fs');
    const { spawn } = await import('node:child_process');
    const fifo = join(dir, 'out-fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const closed = new Promise((r) => reader.on('close', r));
    await writeFileAtomic(fifo, 'report');
    await closed;
    expect(got).toBe('report');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    void read;
  });

  it('writes /dev/null without touching the device', async () => {
    const { writeFileAtomic } = await import('../../src/util/atomic.js');
    const { statSync } = await import('node:fs');
    await writeFileAtomic('/dev/null', 'report');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('keeps a symlink and updates the file it names', async () => {
    const { writeFileAtomic } = await import('../../src/util/atomic.js');
    const { lstatSync, readFileSync: read, writeFileSync: write } = await import('node:fs');
    write(join(dir, 'real.txt'), 'old');
    symlinkSync(join(dir, 'real.txt'), join(dir, 'link.txt'));
    await writeFileAtomic(join(dir, 'link.txt'), 'new');
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(read(join(dir, 'real.txt'), 'utf8')).toBe('new');
  });
});
