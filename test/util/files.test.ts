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
