import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, PROJECT, SHARED } from '../shared.js';

const BIN = `${PROJECT}dist/cli/bin.js`;
const kblint = (args: string[], cwd = PROJECT) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'kblint-cli-'));

describe('kblint CLI', () => {
  it('prints help and version', () => {
    expect(kblint(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('Usage: kblint <command>') });
    const pkg = JSON.parse(readFileSync(`${PROJECT}package.json`, 'utf8')) as { version: string };
    expect(kblint(['--version'])).toMatchObject({ code: 0, out: `${pkg.version}\n` });
    expect(kblint(['build', '--help'])).toMatchObject({ code: 0, out: expect.stringContaining('--keep-going') });
  });

  it('exits 2 with a plain message on usage errors', () => {
    expect(kblint(['frobnicate'])).toMatchObject({ code: 2, err: "kblint: unknown command 'frobnicate'. Run 'kblint --help' for the list.\n" });
    const r = kblint(['build', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^kblint build: Unknown option '--bogus'/);
  });

  it('reports a broken article as file:line: message, never a stack trace', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.md'), '---\nTitle: [x\n---\n');
    const r = kblint(['parse', 'bad.md'], dir);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toMatch(/^bad\.md:2:\d+: front matter is not valid YAML/);
    expect(r.err).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('builds kb.json, and refuses to write it when an article is broken unless --keep-going', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'seed.md'), readFileSync(`${PROJECT}content/nl-nl/18113913.md`));
    writeFileSync(join(dir, 'broken.md'), '---js\n{}\n---\n');
    const failed = kblint(['build', '.', '--out', 'kb.json'], dir);
    expect(failed.code).toBe(2);
    expect(failed.err).toContain("error: broken.md:1: front matter in 'js' is code");
    expect(existsSync(join(dir, 'kb.json'))).toBe(false);
    const kept = kblint(['build', '.', '--out', 'kb.json', '--keep-going'], dir);
    expect(kept.code).toBe(0);
    expect(kept.out).toMatch(/^kb\.json: 1 documents, \d+ requirements, 0 resolved and 2 unresolved article links/);
    const show = kblint(['show', '4b8dd930/windows-update-gebruiken/privilege', '--kb', 'kb.json'], dir);
    expect(show.code).toBe(0);
    expect(show.out).toContain('"Dit vereist echter wel dat de gebruiker die de RMS-client installeert over lokale beheerdersrechten op de computer moet beschikken."');
    expect(kblint(['show', 'nope', '--kb', 'kb.json'], dir)).toMatchObject({ code: 2, err: "kblint show: no requirement or article 'nope' in the knowledge base\n" });
  });

  it.skipIf(!HAS_SHARED)('gives the same kb.json on worker threads as on one thread', () => {
    const dir = tmp();
    const src = `${SHARED}corpus/rms/de-de`;
    expect(kblint(['build', src, '--out', join(dir, 'a.json'), '--no-cache'], dir).code).toBe(0);
    expect(kblint(['build', src, '--out', join(dir, 'b.json'), '--no-cache', '-j', '1'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
  });

  it.skipIf(!HAS_SHARED)('diffs two builds', () => {
    const dir = tmp();
    kblint(['build', `${SHARED}corpus/history/nl-nl@aa71797/dermsclientdistribueren-18113913.md`, '--out', 'old.json'], dir);
    kblint(['build', `${SHARED}corpus/rms/nl-nl/18113913.md`, '--out', 'new.json'], dir);
    const r = kblint(['diff', 'old.json', 'new.json'], dir);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').at(-1)).toMatch(/^2 added, 0 removed, 1 changed, \d+ unchanged$/);
  });
});
