/**
 * The commands and report formats run in this process, so that coverage and Stryker see them
 * (the end-to-end tests in test/lint/check.test.ts and test/cli/cli.test.ts run the built CLI in
 * a child process, which neither can look into).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { LintResult } from '../../src/lint/types.js';
import { buildKnowledgeBase } from '../../src/kb/index.js';
import { compileRules, loadRules } from '../../src/lint/index.js';
import { PROJECT } from '../shared.js';

// The rules active on the bundled article (a selector rule that matches nothing there is inactive)
// and their instances (one per requirement a rule selects): the totals follow the rule set.
const seed = compileRules(await loadRules(), (await buildKnowledgeBase([`${PROJECT}content`], { cwd: PROJECT })).kb);
const RULE_COUNT = seed.compiled.length;
const INSTANCES = seed.compiled.reduce((n, r) => n + r.instances.length, 0);

const tmp = () => mkdtempSync(join(tmpdir(), 'kblint-inproc-'));

async function kblint(args: string[], cwd = PROJECT) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, cwd });
  return { code, out, err };
}
const TODAY = ['--today', '2026-11-24'];
const check = (format: string, extra: string[] = [], file = 'examples/violating.yaml') => kblint(['check', file, '--format', format, ...TODAY, ...extra]);
const QUOTE = 'Dit vereist echter wel dat de gebruiker die de RMS-client installeert over lokale beheerdersrechten op de computer moet beschikken.';

describe('check, in process, per format', () => {
  it('stylish: findings by file with fix and source, then the totals', async () => {
    const r = await check('stylish');
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('examples/violating.yaml');
    expect(lines).toContain(
      '  29:30  error  SAL-001 (+2 more) gets the RMS client through Windows Update, but the installing user is not a local administrator.  windows-update-needs-local-admin',
    );
    expect(lines).toContain('      3 computers: SAL-001, SAL-002, and SAL-003');
    expect(lines).toContain(`      source: content/nl-nl/18113913.md:26 "${QUOTE}"`);
    expect(lines.slice(-2)).toEqual([
      '✖ 21 problems (20 errors, 1 warning)',
      `7 targets × ${INSTANCES} rules: 9 pass, 22 fail, 50 not applicable, 3 not checked, 0 error; 1 suppressed by waivers`,
    ]);
    const clean = await check('stylish', [], 'examples/compliant.yaml');
    expect(clean.code).toBe(0);
    expect(clean.out.split('\n')[0]).toBe('✔ no problems (0 errors, 0 warnings)');
  });

  it('stylish in Dutch', async () => {
    const r = await check('stylish', ['--locale', 'nl']);
    expect(r.out).toContain('SAL-001 (+2 andere) krijgt de RMS-client via Windows Update, maar de gebruiker die installeert is geen lokale beheerder.');
    expect(r.out).toContain('      3 computers: SAL-001, SAL-002 en SAL-003');
    expect(r.out).toContain(`      bron: content/nl-nl/18113913.md:26 "${QUOTE}"`);
    expect(r.out).toContain('✖ 21 problemen (20 fouten, 1 waarschuwing)');
  });

  it('json: every finding, outcome and waiver', async () => {
    const r = await check('json');
    expect(r.code).toBe(1);
    const result = JSON.parse(r.out) as LintResult;
    expect(result.summary).toEqual({ pass: 9, fail: 22, notapplicable: 50, notchecked: 3, error: 0, targets: 7, rules: INSTANCES, suppressed: 1 });
    expect(result.outcomes).toHaveLength(result.summary.targets * INSTANCES);
    expect(result.findings.filter((f) => f.suppressed).map((f) => [f.rule, f.target])).toEqual([['pre-vista-needs-client', 'lab-2000']]);
  });

  it('github: one escaped workflow command per rule and location, the most computers first', async () => {
    const lines = (await check('github')).out.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe(
      `::error file=examples/violating.yaml,line=29,col=30,title=kblint windows-update-needs-local-admin (3)::SAL-001 (+2 more) gets the RMS client through Windows Update, but the installing user is not a local administrator.%0A3 computers: SAL-001, SAL-002, and SAL-003%0Afix: Use Group Policy or a computer startup script for users without local administrator rights.%0Asource: content/nl-nl/18113913.md:26: "${QUOTE}"`,
    );
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(1);
  });

  it('junit: one testsuite per rule, a waived finding skipped', async () => {
    const xml = (await check('junit')).out;
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="kblint" tests="18" failures="9" errors="0">\n/);
    expect(xml.match(/<testsuite /g)).toHaveLength(RULE_COUNT);
    expect(xml).toContain('<testsuite name="windows-update-needs-local-admin" tests="1" failures="1" errors="0" skipped="0">');
    expect(xml).toContain('<testsuite name="pre-vista-needs-client" tests="3" failures="0" errors="0" skipped="1">');
    expect(xml).toContain('<skipped message="waived: Isolated lab, no protected content; decommissioned in Q1. (until 2099-03-31)"/>');
  });

  it('html: dates and counts in the page language', async () => {
    const nl = (await check('html', ['--locale', 'nl'])).out;
    expect(nl).toMatch(/^<!doctype html><html lang="nl">/);
    expect(nl).toContain('Gemaakt op 24 november 2026.');
    expect(nl).toContain('7 computers, 21 bevindingen, 1 uitgezonderd, 2 computers niet gecontroleerd.');
    expect((await check('html')).out).toContain('Generated on November 24, 2026.');
  });

  it('sarif: rules, results and the waiver as a suppression', async () => {
    const log = JSON.parse((await check('sarif')).out) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { suppressions?: unknown[]; level: string }[]; invocations: { executionSuccessful: boolean }[] }[];
    };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.tool.driver.rules).toHaveLength(RULE_COUNT);
    expect(log.runs[0]!.results).toHaveLength(11); // one per rule and location
    expect(log.runs[0]!.results.filter((x) => x.level === 'warning')).toHaveLength(1);
    expect(log.runs[0]!.results.filter((x) => x.suppressions)).toEqual([
      expect.objectContaining({ suppressions: [{ kind: 'external', status: 'accepted', justification: 'Isolated lab, no protected content; decommissioned in Q1. (until 2099-03-31)' }] }),
    ]);
    expect(log.runs[0]!.invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });
});

describe('check, in process: exit codes, output file, usage errors', () => {
  it('--max-severity warning turns a lone warning into exit 1; info is the lowest bar', async () => {
    const dir = tmp();
    const compliant = readFileSync(`${PROJECT}examples/compliant.yaml`, 'utf8');
    const warned = compliant.replace('method: group-policy\n    installer: { localAdmin: false }', 'method: group-policy\n    installer: { localAdmin: true }');
    expect(warned).not.toBe(compliant);
    writeFileSync(join(dir, 'w.yaml'), warned);
    expect((await kblint(['check', 'w.yaml', ...TODAY], dir)).code).toBe(0);
    expect((await kblint(['check', 'w.yaml', '--max-severity', 'warning', ...TODAY], dir)).code).toBe(1);
    expect((await kblint(['check', 'w.yaml', '--max-severity', 'info', ...TODAY], dir)).code).toBe(1);
  });

  it('writes --output atomically, and links an HTML report named for its locale to the other one', async () => {
    const dir = tmp();
    expect((await kblint(['check', `${PROJECT}examples/violating.yaml`, '--format', 'json', '--output', 'r.json', ...TODAY], dir)).code).toBe(1);
    expect((JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as LintResult).summary.fail).toBe(22);
    expect((await kblint(['check', `${PROJECT}examples/violating.yaml`, '--format', 'html', '--output', 'report-en.html', ...TODAY], dir)).code).toBe(1);
    expect(readFileSync(join(dir, 'report-en.html'), 'utf8')).toContain('href="report-nl.html"');
    expect(readdirSync(dir).sort()).toEqual(['r.json', 'report-en.html']);
  });

  it.each([
    [['check'], 'kblint check: check needs a rollout manifest, GPO backup folder or inventory CSV (or - for standard input): kblint check rollout.yaml\n'],
    [['check', 'examples/violating.yaml', '--format', 'xml'], "kblint check: --format: expected one of stylish, json, sarif, junit, github, codequality, markdown, summary, html, optionally with :file; got 'xml'\n"],
    [['check', 'examples/violating.yaml', '--max-severity', 'fatal'], "kblint check: --max-severity: expected one of info, warning, error; got 'fatal'\n"],
    [['check', 'examples/violating.yaml', '--today', '24-11-2026'], "kblint check: --today: expected YYYY-MM-DD; got '24-11-2026'\n"],
    [['frobnicate'], "kblint: unknown command 'frobnicate'. Run 'kblint --help' for the list.\n"],
    [['covrage'], "kblint: unknown command 'covrage'. Did you mean 'coverage'? Run 'kblint --help' for the list.\n"],
  ])('%j exits 2: %s', async (args, err) => {
    expect(await kblint(args)).toEqual({ code: 2, out: '', err });
  });

  it('prints help (exit 0, or 2 with no command) and the version', async () => {
    const pkg = JSON.parse(readFileSync(`${PROJECT}package.json`, 'utf8')) as { version: string };
    expect(await kblint(['--version'])).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
    expect((await kblint([])).code).toBe(2);
    const help = await kblint(['--help']);
    expect(help.code).toBe(0);
    expect(help.out.split('\n')[0]).toBe('Usage: kblint <command> [options]');
    const checkHelp = await kblint(['check', '--help']);
    expect(checkHelp.out).toContain('  -f, --format <value>');
    expect(checkHelp.out).toContain('stylish, json, sarif, junit, github, codequality (GitLab), markdown ($GITHUB_STEP_SUMMARY when set), summary or html; repeat it, each as format or format:file (default: stylish)');
  });
});

describe('coverage and explain, in process', () => {
  it('coverage lists the seed requirements with their rules', async () => {
    const r = await kblint(['coverage']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('✓ 4b8dd930/windows-update-gebruiken/privilege [must] windows-update-needs-local-admin');
    expect(r.out.trimEnd().split('\n').at(-1)).toBe(`4 must/must-not/should requirements: 4 checked, 0 not checkable, 0 without a rule; 0 procedure steps; ${RULE_COUNT} rules (${INSTANCES} instances), ${seed.inactive.length} inactive, 0 stale`);
  });

  it('explain shows the rule, its message and the sentence it cites', async () => {
    const r = await kblint(['explain', 'windows-update-needs-local-admin']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      'windows-update-needs-local-admin (error)',
      '  Installing the RMS client through Windows Update requires the installing user to be a local administrator.',
    ]);
    expect(r.out).toContain(`  "${QUOTE}"\n  content/nl-nl/18113913.md:26:1`);
    expect((await kblint(['explain', 'nope'])).code).toBe(2);
  });
});

describe('build, show, diff, parse and guide, in process', () => {
  // Inputs are given as absolute paths: build, parse and diff read them relative to the process's own
  // working folder, not io.cwd (the same thing when run from a shell).
  it('builds kb.json, shows a requirement and an article, and diffs a reworded build', async () => {
    const dir = tmp();
    const seed = readFileSync(`${PROJECT}content/nl-nl/18113913.md`, 'utf8');
    writeFileSync(join(dir, 'seed.md'), seed);
    const built = await kblint(['build', join(dir, 'seed.md'), '--out', 'kb.json', '--no-cache'], dir);
    expect(built).toEqual({ code: 0, err: '', out: 'kb.json: 1 documents, 20 requirements, 0 resolved and 2 unresolved article links (1 built, 0 from cache)\n' });
    const show = await kblint(['show', '4b8dd930/windows-update-gebruiken/privilege', '--kb', 'kb.json'], dir);
    expect(show.code).toBe(0);
    expect(show.out).toContain(`  "${QUOTE}"\n  must because: 'vereist' in the main clause\n  seed.md:26:1  nl-NL  § Windows Update gebruiken\n  claim: privilege {"value":"local-admin"}\n`);
    const article = await kblint(['show', '4b8dd930-4105-4e73-918c-12d2b05d5fb5', '--kb', 'kb.json', '--json'], dir);
    expect((JSON.parse(article.out) as unknown[]).length).toBe(20);
    expect(await kblint(['show', 'nope', '--kb', 'kb.json'], dir)).toEqual({ code: 2, out: '', err: "kblint show: no requirement or article 'nope' in the knowledge base\n" });

    mkdirSync(join(dir, 'v2'));
    writeFileSync(join(dir, 'v2', 'seed.md'), seed.replace('De activering wordt lokaal uitgevoerd.', 'De activering wordt centraal uitgevoerd.'));
    expect((await kblint(['build', join(dir, 'v2', 'seed.md'), '--out', 'kb2.json', '--no-cache'], dir)).code).toBe(0);
    const diff = await kblint(['diff', join(dir, 'kb.json'), join(dir, 'kb2.json')], dir);
    expect(diff).toEqual({
      code: 0,
      err: '',
      out: '~ 4b8dd930/de-rms-client-distribueren/activation-2\n    was: De activering wordt lokaal uitgevoerd.\n    now: De activering wordt centraal uitgevoerd.\n0 added, 0 removed, 1 changed, 19 unchanged\n',
    });
  });

  it('refuses to write kb.json when an article is broken, unless --keep-going', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'seed.md'), readFileSync(`${PROJECT}content/nl-nl/18113913.md`));
    writeFileSync(join(dir, 'broken.md'), '---js\n{}\n---\n');
    const failed = await kblint(['build', dir, '--out', 'kb.json', '--no-cache'], dir);
    expect(failed.code).toBe(2);
    expect(failed.err).toContain("error: broken.md:1: front matter in 'js' is code");
    expect(readdirSync(dir).sort()).toEqual(['broken.md', 'seed.md']);
    expect((await kblint(['build', dir, '--out', 'kb.json', '--no-cache', '--keep-going'], dir)).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['broken.md', 'kb.json', 'seed.md']);
  });

  it('parses an article and prints its structure; a broken one is file:line: message, exit 2', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'seed.md'), readFileSync(`${PROJECT}content/nl-nl/18113913.md`));
    writeFileSync(join(dir, 'bad.md'), '---\nTitle: [x\n---\n');
    expect(await kblint(['parse', join(dir, 'seed.md')], dir)).toEqual({
      code: 0,
      err: '',
      out: 'seed.md: De RMS-client distribueren [nl-NL, 4b8dd930-4105-4e73-918c-12d2b05d5fb5]\n  4 sections, callouts: 1 note, 0 procedures, 1 code samples, 2 article links\n',
    });
    const bad = await kblint(['parse', join(dir, 'bad.md')], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^bad\.md:2:\d+: front matter is not valid YAML/);
  });

  it('writes the guide: as many pages as it says, HTML and markdown', async () => {
    const dir = tmp();
    const r = await kblint(['guide', '--out', 'site', '--locale', 'en'], dir);
    expect(r.code).toBe(0);
    const names = readdirSync(join(dir, 'site', 'en'));
    const pages = names.filter((n) => n.endsWith('.html')).length;
    expect(names.filter((n) => n.endsWith('.md'))).toHaveLength(pages);
    // The pages of the locale and the root index (site/index.html), which lists the languages.
    expect(r.out).toMatch(new RegExp(`^site: ${pages + 1} pages in en \\(HTML and markdown\\) from 1 article in \\d+\\.\\d s\\n$`));
    expect(names).toContain('index.html');
  });

  // --locale of guide lists the site's languages; it is not the one locale rules cite (a merge
  // once passed 'nl,en' on to the rules, and guide with its default refused itself).
  it.each([[[] as string[]], [['--locale', 'nl,en']]])('writes the guide in nl and en with %j', async (extra) => {
    const dir = tmp();
    const r = await kblint(['guide', '--out', 'site', ...extra], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'site')).sort()).toEqual(['en', 'index.html', 'index.md', 'nl']);
    expect(r.out).toMatch(/^site: \d+ pages in nl, en \(HTML and markdown\) from 1 article in \d+\.\d s\n$/);
  });
});
