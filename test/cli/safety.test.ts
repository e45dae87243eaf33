import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { HAS_SHARED, PROJECT, SHARED } from '../shared.js';

/**
 * Issue 12: what a CI job sees — exit codes, stderr, files left or changed. Each case here failed
 * on main before the fix (stack traces, exit 0 with data lost, EPIPE). The commands run in this
 * process (the exit code and stderr are what bin.js passes on); what only a process shows — a
 * closed pipe, a signal, worker threads of the built CLI — runs dist/cli/bin.js in a child.
 */
const BIN = `${PROJECT}dist/cli/bin.js`;
const kblint = async (args: string[], cwd: string) => {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, cwd, env: { ...process.env, CI: '1' } });
  return { code, out, err };
};
const kblintProcess = (args: string[], cwd: string) => {
  // A hang (mkdir spinning on /proc) fails the case with a null exit code instead of stalling the suite.
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .*:\d+:\d+/);

/** A copy of examples/artifacts: a manifest with an inventory, two GPO backups and an SMS file. */
function artifactsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kblint-safety-'));
  cpSync(`${PROJECT}examples/artifacts`, dir, { recursive: true });
  return dir;
}

describe('an output path that is an input is refused (exit 2), and the input is left as it was', () => {
  const dir = artifactsDir();
  const manifest = readFileSync(join(dir, 'rollout.yaml'), 'utf8');
  const inventory = readFileSync(join(dir, 'inventory.csv'), 'utf8');
  symlinkSync(join(dir, 'rollout.yaml'), join(dir, 'link.yaml'));
  linkSync(join(dir, 'inventory.csv'), join(dir, 'hard.csv'));
  writeFileSync(join(dir, 'waivers.yaml'), 'waivers: []\n');

  it.each([
    ['the manifest', ['--output', 'rollout.yaml'], "rollout.yaml: output would overwrite the input rollout.yaml; choose another output path"],
    ['the inventory the manifest names', ['--output', 'inventory.csv'], 'inventory.csv: output would overwrite the input inventory.csv; choose another output path'],
    ['a symlink to the manifest', ['--output', 'link.yaml'], 'link.yaml: output would overwrite the input rollout.yaml (the same file through a link); choose another output path'],
    ['a hard link to the inventory', ['--output', 'hard.csv'], 'hard.csv: output would overwrite the input inventory.csv (the same file through a link); choose another output path'],
    ['a registry.pol in a GPO backup', ['--output', 'gpo-finance/DomainSysvol/GPO/Machine/registry.pol'], 'gpo-finance/DomainSysvol/GPO/Machine/registry.pol: output would overwrite the input gpo-finance/DomainSysvol/GPO/Machine/registry.pol; choose another output path'],
    ['the waiver file', ['--waivers', 'waivers.yaml', '--output', 'waivers.yaml'], 'waivers.yaml: output would overwrite the input waivers.yaml; choose another output path'],
  ])('check --output %s', async (_, args, message) => {
    const r = await kblint(['check', 'rollout.yaml', '--format', 'json', ...args], dir);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.split('\n').filter((l) => l.startsWith('kblint check: ') && !l.includes('notchecked'))).toEqual([`kblint check: ${message}`]);
    expect(readFileSync(join(dir, 'rollout.yaml'), 'utf8')).toBe(manifest);
    expect(readFileSync(join(dir, 'inventory.csv'), 'utf8')).toBe(inventory);
    expect(readFileSync(join(dir, 'waivers.yaml'), 'utf8')).toBe('waivers: []\n');
  });

  it('build --out an article', async () => {
    const content = mkdtempSync(join(tmpdir(), 'kblint-safety-'));
    mkdirSync(join(content, 'nl-nl'));
    const article = readFileSync(`${PROJECT}content/nl-nl/18113913.md`, 'utf8');
    writeFileSync(join(content, 'nl-nl/x.md'), article);
    const r = await kblint(['build', '.', '--out', 'nl-nl/x.md'], content);
    expect(r).toMatchObject({ code: 2, err: 'kblint build: nl-nl/x.md: output would overwrite the input nl-nl/x.md; choose another output path\n' });
    expect(readFileSync(join(content, 'nl-nl/x.md'), 'utf8')).toBe(article);
  });

  it.each([
    ['a folder inside the content folder', 'content/site', 'kblint guide: content/site: output would be written into the input folder content; choose another output path\n'],
    ['the working folder, which holds content/', '.', (work: string) => `kblint guide: ${work}: output would be a folder that holds the input content; choose another output path\n`],
    ['the folder above it', '..', (work: string) => `kblint guide: ${join(work, '..')}: output would be a folder that holds the input content; choose another output path\n`],
  ])('guide --out %s is refused before anything is created', async (_, out, err) => {
    const work = mkdtempSync(join(tmpdir(), 'kblint-safety-'));
    mkdirSync(join(work, 'content/nl-nl'), { recursive: true });
    writeFileSync(join(work, 'content/nl-nl/x.md'), readFileSync(`${PROJECT}content/nl-nl/18113913.md`));
    const r = await kblint(['guide', '--out', out], work);
    expect(r).toMatchObject({ code: 2, out: '', err: typeof err === 'string' ? err : err(work) });
    expect(readdirSync(work)).toEqual(['content']);
    expect(readdirSync(join(work, 'content'))).toEqual(['nl-nl']);
  });

  it('guide --kb kb.json --out . is refused: the site would hold the knowledge base it reads', async () => {
    const work = mkdtempSync(join(tmpdir(), 'kblint-safety-'));
    expect((await kblint(['build', `${PROJECT}content`, '--out', 'kb.json'], work)).code).toBe(0);
    const r = await kblint(['guide', '--kb', 'kb.json', '--out', '.'], work);
    expect(r).toMatchObject({ code: 2, err: `kblint guide: ${work}: output would be a folder that holds the input kb.json; choose another output path\n` });
    expect(readdirSync(work)).toEqual(['.kblint-cache', 'kb.json']);
  });

  it('guide --out the content folder', async () => {
    const work = mkdtempSync(join(tmpdir(), 'kblint-safety-'));
    mkdirSync(join(work, 'content/nl-nl'), { recursive: true });
    writeFileSync(join(work, 'content/nl-nl/x.md'), readFileSync(`${PROJECT}content/nl-nl/18113913.md`));
    const r = await kblint(['guide', '--out', 'content/nl-nl'], work);
    expect(r).toMatchObject({ code: 2, err: 'kblint guide: content/nl-nl: output would be written into the input folder content; choose another output path\n' });
    expect(readdirSync(join(work, 'content/nl-nl'))).toEqual(['x.md']);
  });
});

describe('output folders', () => {
  it('creates the folder of --output when it does not exist (the first line of most CI jobs)', async () => {
    const dir = artifactsDir();
    const r = await kblint(['check', 'rollout.yaml', '--format', 'sarif', '--output', 'reports/ci/kblint.sarif'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'reports/ci/kblint.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  it.each([
    ['an existing folder', 'gpo-sales', 'kblint check: gpo-sales: output is a folder; expected a file name\n'],
    ['a path under a file', 'rollout.yaml/report.txt', 'kblint check: rollout.yaml: cannot create the output folder: a part of the path is a file\n'],
  ])('refuses %s as --output with a clear error', async (_, output, err) => {
    const r = await kblint(['check', 'rollout.yaml', '--output', output], artifactsDir());
    expect(r).toMatchObject({ code: 2, out: '', err });
  });

  it.skipIf(!existsSync('/proc/self'))('refuses a folder the kernel will not create (/proc/x) at once instead of spinning in mkdir', async () => {
    const r = await kblint(['check', 'rollout.yaml', '--output', '/proc/x/y/report.json'], artifactsDir());
    expect(r).toMatchObject({ code: 2, out: '', err: 'kblint check: /proc/x/y: cannot create the output folder: this file system does not allow folders here\n' });
  });

  it('refuses a path two folders below a file', async () => {
    const r = await kblint(['check', 'rollout.yaml', '--output', 'rollout.yaml/a/b/report.txt'], artifactsDir());
    expect(r).toMatchObject({ code: 2, out: '', err: 'kblint check: rollout.yaml/a/b: cannot create the output folder: a part of the path is a file\n' });
  });

  it.skipIf(process.getuid?.() === 0)('refuses a read-only folder with a clear error', async () => {
    const dir = artifactsDir();
    mkdirSync(join(dir, 'ro'));
    chmodSync(join(dir, 'ro'), 0o555);
    const r = await kblint(['check', 'rollout.yaml', '--output', 'ro/report.txt'], dir);
    expect(r).toMatchObject({ code: 2, err: expect.stringContaining('ro/report.txt: cannot write the output: permission denied') });
  });

  it('removes the temp file when interrupted (SIGINT) while writing a large report, and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-safety-'));
    // The same writeFileAtomic the report goes through, on 256 MB, interrupted once its temp file exists.
    const script = `
      import { readdirSync } from 'node:fs';
      import { writeFileAtomic } from '${PROJECT}dist/util/atomic.js';
      const wait = setInterval(() => { if (readdirSync(process.argv[1]).length) { clearInterval(wait); process.kill(process.pid, 'SIGINT'); } }, 1);
      await writeFileAtomic(process.argv[1] + '/report.json', Buffer.alloc(256 * 1024 * 1024, 32));
      console.log('finished');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exit = await new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    expect(exit).toEqual({ code: 2, signal: null });
    expect(err).toBe('kblint: interrupted (SIGINT); removed 1 unfinished output file(s)\n');
    expect(out).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  /** A manifest of `n` computers in groups of 1,000. */
  const fleet = (n: number) =>
    `groups:\n${Array.from({ length: n / 1000 }, (_, g) => `  - name: g${g}\n    os: { name: Windows XP, version: "5.1" }\n    method: windows-update\n    computers: [${Array.from({ length: 1000 }, (_, i) => `PC-${g}-${i}`).join(', ')}]\n`).join('')}`;

  it.each(['SIGINT', 'SIGTERM'] as const)('kblint check interrupted by %s while it writes a JSON report: exit 2, "interrupted", no temp file left', async (signal) => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-safety-'));
    writeFileSync(join(dir, 'fleet.yaml'), fleet(20_000));
    mkdirSync(join(dir, 'out'));
    const child = spawn(process.execPath, [BIN, 'check', 'fleet.yaml', '--format', 'json', '--output', 'out/report.json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
    // Signalled as soon as the report's temp file exists (it is written piece by piece).
    const poll = setInterval(() => {
      if (readdirSync(join(dir, 'out')).some((f) => f.endsWith('.tmp'))) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 2);
    const exit = await exited;
    clearInterval(poll);
    expect(exit).toEqual({ code: 2, signal: null });
    expect(err).toBe(`kblint: interrupted (${signal}); removed 1 unfinished output file(s)\n`);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it('interrupted before it writes anything (while it builds the knowledge base): exit 2 and "interrupted"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-safety-'));
    mkdirSync(join(dir, 'content/nl-nl'), { recursive: true });
    writeFileSync(join(dir, 'content/nl-nl/x.md'), readFileSync(`${PROJECT}content/nl-nl/18113913.md`));
    writeFileSync(join(dir, 'r.yaml'), fleet(1000));
    const child = spawn(process.execPath, [BIN, 'check', 'r.yaml'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    // It says which content it builds from, then builds: signalled right then.
    child.stderr.on('data', (d) => {
      if (!err) child.kill('SIGTERM');
      err += d;
    });
    const exit = await new Promise((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
    expect(exit).toEqual({ code: 2, signal: null });
    expect(err).toBe('kblint: knowledge base built from content/ (found in the working folder instead of the bundled articles; --content to choose)\nkblint: interrupted (SIGTERM)\n');
  });
});

describe('inputs that are not files', () => {
  const dir = artifactsDir();
  spawnSync('mkfifo', [join(dir, 'fifo')]);
  symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'));
  symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'));
  it.each([
    [['check', 'fifo'], 'kblint check: fifo: expected a rollout manifest, GPO backup folder or inventory CSV; got a FIFO\n'],
    [['check', '/dev/zero'], 'kblint check: /dev/zero: expected a rollout manifest, GPO backup folder or inventory CSV; got a device\n'],
    [['check', 'loop-a'], 'kblint check: loop-a: symbolic link loop; expected a rollout manifest, GPO backup folder or inventory CSV\n'],
    [['check', 'rollout.yaml', '--waivers', 'fifo'], 'kblint check: fifo: expected a waiver file; got a FIFO\n'],
    [['check', 'rollout.yaml', '--waivers', 'gpo-sales'], 'kblint check: gpo-sales: expected a waiver file; got a folder\n'],
    [['check', 'rollout.yaml', '--kb', 'fifo'], 'kblint check: fifo: expected a knowledge base (kb.json); got a FIFO\n'],
  ])('kblint %j exits 2 naming the file', async (args, err) => {
    expect(await kblint(args, dir)).toMatchObject({ code: 2, out: '', err });
  });
  // parse reads its arguments from the process's working folder, not the one run() is given.
  it('kblint parse fifo exits 2 naming the file', () => {
    expect(kblintProcess(['parse', 'fifo'], dir)).toMatchObject({ code: 2, out: '', err: 'kblint parse: fifo: expected a markdown article or a folder of them; got a FIFO\n' });
  });
});

describe('dates are real calendar dates', () => {
  it.each(['2099-13-45', '2023-02-29', '2024-04-31', '2024-1-5', '24-01-05', 'tomorrow'])('--today %s is a usage error naming the expected format', async (today) => {
    const r = await kblint(['check', 'rollout.yaml', '--today', today], artifactsDir());
    expect(r).toMatchObject({ code: 2, out: '', err: `kblint check: --today: expected YYYY-MM-DD; got '${today}'\n` });
  });

  it('--today 2024-02-29 is a date', async () => {
    expect((await kblint(['check', 'rollout.yaml', '--today', '2024-02-29', '--format', 'summary'], artifactsDir())).code).toBe(1);
  });
});

describe('deeply nested manifests', () => {
  it.each([
    ['deep.yaml', `name: x\ngroups: ${'['.repeat(3000)}${']'.repeat(3000)}\n`, 'deep.yaml:2:72'],
    ['deep.json', `{"name": "x", "groups": ${'['.repeat(3000)}${']'.repeat(3000)}}`, 'deep.json:1:87'],
    ['indented.yaml', `name: x\ngroups:\n${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}-`).join('\n')}\n`, 'indented.yaml:67:129'],
  ])('%s: the nesting limit and where it was passed, not a stack overflow', async (name, text, where) => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-safety-'));
    writeFileSync(join(dir, name), text);
    const r = await kblint(['check', name], dir);
    expect(r).toMatchObject({ code: 2, out: '', err: `kblint check: ${where}: mappings and lists nested more than 64 levels deep; kblint reads at most 64\n` });
  });
});

describe('option values are never looked up on a prototype', () => {
  it.each(['__proto__', 'toString', 'constructor', 'hasOwnProperty'])('--format %s is a usage error', async (format) => {
    const r = await kblint(['check', 'rollout.yaml', '--format', format], artifactsDir());
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toMatch(new RegExp(`^kblint check: --format: expected one of stylish, json, sarif, junit, github, .*; got '${format}'\n$`));
  });

  it.each([
    ['javascript:alert(document.domain)'],
    ['JavaScript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['java\tscript:alert(1)'],
  ])('--guide-url %j is a usage error', async (url) => {
    const r = await kblint(['check', 'rollout.yaml', '--format', 'html', '--output', 'r.html', '--guide-url', url], artifactsDir());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^kblint check: --guide-url: expected a relative URL or an http\(s\) URL; got '/);
  });

  it.each([['site/en/'], ['https://docs.example.com/kblint/en/'], ['../site/nl/']])('--guide-url %j is allowed', async (url) => {
    const dir = artifactsDir();
    expect((await kblint(['check', 'rollout.yaml', '--format', 'html', '--output', 'r.html', '--guide-url', url], dir)).code).toBe(1);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain(url.replace(/&/g, '&amp;'));
  });
});

describe('never a silent green', () => {
  it('zero targets is exit 2 with the reason', async () => {
    const dir = artifactsDir();
    writeFileSync(join(dir, 'zero.yaml'), 'groups:\n  - name: nobody\n    inventory: { file: inventory.csv, ou: "OU=Nowhere,DC=contoso,DC=com" }\n    method: manual\n');
    const r = await kblint(['check', 'zero.yaml'], dir);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toBe('kblint check: zero.yaml: nothing to check: no computers were found (a group without computers, an inventory OU that matches none, or an inventory without the Name and OperatingSystemVersion columns); kblint never passes a rollout it did not see\n');
  });

  it('a run where nothing could be checked says so in every format, and --fail-on notchecked fails it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-safety-'));
    writeFileSync(join(dir, 'r.yaml'), 'groups:\n  - name: g\n    computers: [PC1]\n');
    // A computer with no facts: every rule instance of the seed (12) needs one it does not have.
    const note = 'kblint check: nothing was verified: all 12 applicable check(s) are notchecked (a fact they need is unknown)';
    // One run with every machine format at once (each to its file) and stylish on stdout.
    const all = ['json', 'sarif', 'junit', 'github', 'codequality'].flatMap((f) => ['--format', `${f}:out.${f}`]);
    expect(await kblint(['check', 'r.yaml', '--format', 'stylish', ...all], dir)).toMatchObject({ code: 0, err: `${note}; --fail-on notchecked makes this fail\n` });
    expect(await kblint(['check', 'r.yaml', '--format', 'stylish', ...all, '--fail-on', 'notchecked'], dir)).toMatchObject({ code: 1, err: `${note}\n` });
    expect(await kblint(['check', 'r.yaml', '--fail-on', 'pass'], dir)).toMatchObject({ code: 2, err: "kblint check: --fail-on: expected notchecked; got 'pass'\n" });
  });

  it('says which knowledge base a run used when it found ./kb.json or ./content/, and rebuilds when content is newer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-safety-'));
    mkdirSync(join(dir, 'content/nl-nl'), { recursive: true });
    writeFileSync(join(dir, 'content/nl-nl/18113913.md'), readFileSync(`${PROJECT}content/nl-nl/18113913.md`));
    const fromContent = await kblint(['show', '4b8dd930'], dir);
    expect(fromContent.code).toBe(0);
    expect(fromContent.err).toBe('kblint: knowledge base built from content/ (found in the working folder instead of the bundled articles; --content to choose)\n');
    expect((await kblint(['build', '--out', 'kb.json'], dir)).code).toBe(0);
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir, 'content/nl-nl/18113913.md'), old, old);
    expect((await kblint(['show', '4b8dd930'], dir)).err).toBe("kblint: knowledge base kb.json (found in the working folder; --kb or --content to choose)\n");
    utimesSync(join(dir, 'content/nl-nl/18113913.md'), new Date(), new Date());
    utimesSync(join(dir, 'kb.json'), old, old);
    expect((await kblint(['show', '4b8dd930'], dir)).err).toBe("kblint: kb.json is older than content/nl-nl/18113913.md; building the knowledge base from content/ instead (run 'kblint build' to refresh kb.json)\n");
  });
});

describe('an explicit --kb that no longer matches its content is said, naming the knowledge base and the content', () => {
  const seed = readFileSync(`${PROJECT}content/nl-nl/18113913.md`, 'utf8');
  const setup = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-safety-'));
    mkdirSync(join(dir, 'content/nl-nl'), { recursive: true });
    writeFileSync(join(dir, 'content/nl-nl/18113913.md'), seed);
    expect((await kblint(['build', '--out', 'kbs/kb.json'], dir)).code).toBe(0);
    return dir;
  };
  const stale = (what: string) => `kblint: warning: knowledge base kbs/kb.json is stale: ${what}; this run uses kbs/kb.json as it is (rebuild it with 'kblint build --out kbs/kb.json', or use --content)\n`;

  it('up to date (even when the kb file is older than the articles, if their bytes are the same): nothing said', async () => {
    const dir = await setup();
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir, 'kbs/kb.json'), old, old);
    expect(await kblint(['show', '4b8dd930', '--kb', 'kbs/kb.json'], dir)).toMatchObject({ code: 0, err: '' });
  });

  it('an article changed since the build', async () => {
    const dir = await setup();
    writeFileSync(join(dir, 'content/nl-nl/18113913.md'), `${seed}\nEen nieuwe zin.\n`);
    expect(await kblint(['show', '4b8dd930', '--kb', 'kbs/kb.json'], dir)).toMatchObject({ code: 0, err: stale('1 article(s) changed since it was built (content/nl-nl/18113913.md)') });
  });

  it('built from other content: an article of --content (or ./content) it does not have', async () => {
    const dir = await setup();
    mkdirSync(join(dir, 'other/nl-nl'), { recursive: true });
    writeFileSync(join(dir, 'other/nl-nl/new.md'), seed);
    expect((await kblint(['show', '4b8dd930', '--kb', 'kbs/kb.json', '--content', 'other'], dir)).err).toBe(stale('1 article(s) in the content are not in it (other/nl-nl/new.md): it was built from other content'));
    writeFileSync(join(dir, 'content/nl-nl/new.md'), seed);
    expect((await kblint(['check', `${PROJECT}examples/compliant.yaml`, '--kb', 'kbs/kb.json', '--format', 'summary'], dir)).err).toBe(stale('1 article(s) in the content are not in it (content/nl-nl/new.md): it was built from other content'));
  });

  it('a knowledge base used away from the content it was built from (a CI artifact) is not compared', async () => {
    const dir = await setup();
    const elsewhere = mkdtempSync(join(tmpdir(), 'kblint-safety-'));
    expect(await kblint(['show', '4b8dd930', '--kb', join(dir, 'kbs/kb.json')], elsewhere)).toMatchObject({ code: 0, err: '' });
  });
});

describe('pipes and exit codes', () => {
  const pipe = (command: string, cwd: string) =>
    spawnSync('bash', ['-c', `set -o pipefail; node ${BIN} ${command} | head -n 0; echo "exit=$?"`], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' } });

  it('coverage | head exits quietly with its own exit code', () => {
    const r = pipe('coverage', PROJECT);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('exit=0\n');
  });

  it.skipIf(!HAS_SHARED)('diff | head exits quietly with its own exit code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-safety-'));
    await kblint(['build', `${SHARED}corpus/history/nl-nl@aa71797/dermsclientdistribueren-18113913.md`, '--out', 'a.json'], dir);
    await kblint(['build', `${SHARED}corpus/rms/nl-nl/18113913.md`, '--out', 'b.json'], dir);
    const r = pipe('diff a.json b.json', dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('exit=0\n');
  });

  it('every command documents exit codes 0, 1 and 2 in --help', async () => {
    const commands = ['check', 'build', 'coverage', 'guide', 'explain', 'show', 'diff', 'parse'];
    for (const c of [undefined, ...commands]) {
      const r = await kblint(c ? [c, '--help'] : ['--help'], PROJECT);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Exit codes: 0 clean; 1 findings (check: at or above --max-severity, or notchecked with --fail-on notchecked); 2 usage, input or internal error.');
    }
  });

  it('deep nesting on worker threads is an error naming the file, not a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-safety-'));
    const seed = readFileSync(`${PROJECT}content/nl-nl/18113913.md`, 'utf8');
    // Enough articles for the worker pool; each its own asset id.
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `a${i}.md`), seed.replace(/4b8dd930-4105-4e73-918c-12d2b05d5fb5/g, `4b8dd930-4105-4e73-918c-12d2b05d5f${String(i).padStart(2, '0')}`));
    writeFileSync(join(dir, 'deep.md'), `---\ntitle: x\nms:assetid: 'deep'\n---\n\n${'>'.repeat(2000)} hi\n${'* '.repeat(5000)}x\n`);
    const r = kblintProcess(['build', '.', '--out', 'kb.json', '-j', '2', '--no-cache'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('error: deep.md:6:1: more than 32 nested block quotes or list items on one line; kblint reads at most 32\n');
    noStack(r.err);
    expect(existsSync(join(dir, 'kb.json'))).toBe(false);
  });
});

describe('a GPO linked nowhere applies to no computer', () => {
  it('with an inventory, an unlinked GPO selects nobody: a warning at its report and zero targets (exit 2), not the whole inventory', async () => {
    const dir = artifactsDir();
    const report = join(dir, 'gpo-finance', 'gpreport.xml');
    const xml = readFileSync(report).toString('utf16le').replace(/<LinksTo>[\s\S]*?<\/LinksTo>\r?\n/, '');
    writeFileSync(report, Buffer.from(xml, 'utf16le'));
    writeFileSync(join(dir, 'one.yaml'), 'groups:\n  - name: finance\n    gpo: gpo-finance\n    inventory: { file: inventory.csv }\n    activation: true\n');
    const r = await kblint(['check', 'one.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("kblint check: warning: gpo-finance/gpreport.xml:1: GPO 'Finance - RMS client' is not linked to any OU (its gpreport.xml has no LinksTo), so it applies to no computer of the inventory");
    expect(r.err).toContain('nothing to check: no computers were found');
    noStack(r.err);
  });
});
