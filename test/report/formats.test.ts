import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeLine } from '../../src/report/escape.js';
import { namesWithMore, REPORT_MESSAGES, reportText } from '../../src/report/messages.js';
import { parseOutputs } from '../../src/report/outputs.js';
import { suggest } from '../../src/report/suggest.js';
import { HAS_SHARED, PROJECT, SHARED } from '../shared.js';
import { kblint, TODAY, tmp } from './helpers.js';

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

describe('shared report messages', () => {
  it('has the same keys in every locale and every message formats', () => {
    expect(Object.keys(REPORT_MESSAGES.nl).sort()).toEqual(Object.keys(REPORT_MESSAGES.en).sort());
    expect(reportText('nl', 'problems', { total: 1, errors: 1, warnings: 0 })).toBe('1 probleem (1 fout, 0 waarschuwingen)');
  });

  it.each([
    [['A'], 'A'],
    [['A', 'B', 'C', 'D', 'E', 'F'], 'A, B, C, D, E, and F'],
    [['A', 'B', 'C', 'D', 'E', 'F', 'G'], 'A, B, C, D, E, and 2 more'],
    [Array.from({ length: 320 }, (_, i) => `P${i}`), 'P0, P1, P2, P3, P4, and 315 more'],
  ])('lists %j as "%s" (the count of the rest is what is left out)', (names, text) => {
    expect(namesWithMore('en', names, 5)).toBe(text);
  });
});

describe('escaping config text for a terminal', () => {
  it.each([
    ['PC\x1b[2J', 'PC\\x1B[2J'],
    ['a\nb\r', 'a\\nb\\r'],
    ['\u009b31m', '\\x9B31m'],
    ['admin\u202etxt.exe', 'admin\\u{202E}txt.exe'],
    ['tab\tok é', 'tab\tok é'],
  ])('%j → %j', (raw, shown) => expect(safeLine(raw)).toBe(shown));

  it('keeps escape sequences in computer names out of stylish, github, markdown and JSON output', () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'r.yaml'),
      'groups:\n  - name: "evil\\e]0;pwned\\a"\n    computers: ["PC\\e[2J\\u009b1m", "B\\u202eexe.txt"]\n    os: { version: "6.0" }\n    method: group-policy\n',
    );
    const formats = ['github', 'markdown', 'json', 'sarif', 'codequality', 'junit', 'summary'];
    const r = kblint(['check', 'r.yaml', '--format', 'stylish', ...formats.map((f) => `--format=${f}:out.${f}`), ...TODAY], { cwd: dir });
    expect(r.code, r.err).toBe(1);
    for (const [format, text] of [['stylish', r.out], ...formats.map((f) => [f, readFileSync(join(dir, `out.${f}`), 'utf8')])] as [string, string][]) {
      if (format !== 'summary') expect(text, format).toContain('PC');
      expect(text, format).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    }
    expect(r.out).toContain('PC\\x1B[2J\\x9B1m');
  });
});

describe('stylish', () => {
  it('prints each rule and location once, with its computers', () => {
    const r = kblint(['check', 'examples/fleet.yaml', ...TODAY]);
    expect(r.code).toBe(1);
    const json = JSON.parse(kblint(['check', 'examples/fleet.yaml', '--format', 'json', ...TODAY]).out) as { findings: { rule: string; location: { line: number } }[] };
    const locations = new Set(json.findings.map((f) => `${f.rule}@${f.location.line}`));
    const headlines = r.out.split('\n').filter((l) => /^ {2}\d+:\d+ {2}(error|warning|info) /.test(l));
    expect(json.findings.length).toBeGreaterThan(headlines.length);
    expect(new Set(headlines.map((l) => `${l.trim().split(/\s+/).at(-1)}@${l.trim().split(':')[0]}`)).size).toBe(locations.size);
    expect(r.out).not.toMatch(/\x1b/);
  });

  it('colours only when asked: FORCE_COLOR and --color on, NO_COLOR and --no-color off', () => {
    expect(kblint(['check', 'examples/violating.yaml', ...TODAY], { env: { FORCE_COLOR: '1' } }).out).toMatch(/\x1b\[31m/);
    expect(kblint(['check', 'examples/violating.yaml', '--color', ...TODAY]).out).toMatch(/\x1b\[31m/);
    expect(kblint(['check', 'examples/violating.yaml', '--no-color', ...TODAY], { env: { FORCE_COLOR: '1' } }).out).not.toMatch(/\x1b/);
    expect(kblint(['check', 'examples/violating.yaml', ...TODAY], { env: { NO_COLOR: '1' } }).out).not.toMatch(/\x1b/);
  });

  it('--quiet shows errors only; --max-warnings fails a run with too many warnings', () => {
    const dir = tmp();
    const compliant = readFileSync(`${PROJECT}examples/compliant.yaml`, 'utf8');
    writeFileSync(join(dir, 'w.yaml'), compliant.replace('method: group-policy\n    installer: { localAdmin: false }', 'method: group-policy\n    installer: { localAdmin: true }'));
    const plain = kblint(['check', 'w.yaml', ...TODAY], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('group-policy-needs-no-admin');
    const quiet = kblint(['check', 'w.yaml', '--quiet', ...TODAY], { cwd: dir });
    expect(quiet.code).toBe(0);
    expect(quiet.out).not.toContain('group-policy-needs-no-admin');
    expect(kblint(['check', 'w.yaml', '--max-warnings', '0', ...TODAY], { cwd: dir }).code).toBe(1);
    expect(kblint(['check', 'w.yaml', '--max-warnings', '1', ...TODAY], { cwd: dir }).code).toBe(1); // two computers, two warnings
    expect(kblint(['check', 'w.yaml', '--max-warnings', '2', ...TODAY], { cwd: dir }).code).toBe(0);
    expect(kblint(['check', 'w.yaml', '--max-warnings', 'many'], { cwd: dir })).toMatchObject({ code: 2, err: "kblint check: --max-warnings: expected a whole number of 0 or more; got 'many'\n" });
  });
});

describe('several formats, inputs and standard input in one run', () => {
  it.each([
    [['github', 'sarif:k.sarif', 'summary'], [{ format: 'github' }, { format: 'sarif', file: 'k.sarif' }, { format: 'summary' }]],
    [['sarif:C:\\out\\k.sarif'], [{ format: 'sarif', file: 'C:\\out\\k.sarif' }]],
  ])('parses %j', (values, specs) => expect(parseOutputs(values, undefined)).toEqual(specs));

  it.each([
    [['sarf'], "--format: expected one of stylish, json, sarif, junit, github, codequality, markdown, summary, html, optionally with :file; got 'sarf' (did you mean 'sarif'?)"],
    [['__proto__'], "--format: expected one of stylish, json, sarif, junit, github, codequality, markdown, summary, html, optionally with :file; got '__proto__'"],
    [['json:'], "--format json:: the file after ':' is empty"],
    [['json:a', 'sarif:a'], '--format: two formats write to a'],
  ])('refuses %j', (values, message) => expect(() => parseOutputs(values, undefined)).toThrow(message));

  it('writes each format to its file and prints one summary line', () => {
    const dir = tmp();
    const r = kblint(['check', `${PROJECT}examples/violating.yaml`, '--format', 'sarif:out/k.sarif', '--format', 'codequality:gl-code-quality-report.json', '--format', 'junit:out/junit.xml', ...TODAY], { cwd: dir });
    expect(r.code, r.err).toBe(1);
    expect(r.out).toBe('kblint: 21 problems (20 errors, 1 warning) in 7 targets, 3 checks not checked; sarif → out/k.sarif, codequality → gl-code-quality-report.json, junit → out/junit.xml\n');
    const issues = JSON.parse(readFileSync(join(dir, 'gl-code-quality-report.json'), 'utf8')) as Record<string, unknown>[];
    expect(issues).toHaveLength(10);
    expect(issues[0]).toEqual({
      description: 'FIN-001 (+1 more) installs the RMS client from a user logon script; it runs without administrator rights and fails. 2 computers: FIN-001 and FIN-002.',
      check_name: 'script-is-computer-startup-script',
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      severity: 'major',
      location: { path: expect.stringMatching(/examples\/violating\.yaml$/), lines: { begin: 16 } },
    });
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(10);
  });

  it('appends a markdown step summary to $GITHUB_STEP_SUMMARY', () => {
    const dir = tmp();
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = kblint(['check', 'examples/violating.yaml', '--format', 'github', '--format', 'markdown', ...TODAY], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^::error /);
    const md = readFileSync(summary, 'utf8');
    expect(md).toMatch(/^# earlier step\n## kblint: examples\/violating\.yaml\n\n❌ 21 problems \(20 errors, 1 warning\)\n/);
    expect(md).toContain('| error | script-is-computer-startup-script | examples/violating.yaml:16:16 | 2 computers: FIN-001 and FIN-002 |');
  });

  it('lints several inputs, globs and standard input as one run', () => {
    const both = kblint(['check', 'examples/violating.yaml', 'examples/compliant.yaml', '--format', 'json', ...TODAY]);
    const glob = kblint(['check', 'examples/{violating,compliant}.yaml', '--format', 'json', ...TODAY]);
    expect(JSON.parse(both.out).summary.targets).toBe(JSON.parse(glob.out).summary.targets);
    const stdin = kblint(['check', '-', '--format', 'json', ...TODAY], { input: readFileSync(`${PROJECT}examples/violating.yaml`, 'utf8') });
    expect(stdin.code).toBe(1);
    expect(JSON.parse(stdin.out).findings[0].location).toEqual({ file: '<stdin>', line: 16, column: 16 });
    expect(kblint(['check', 'examples/nothing-*.yaml'])).toMatchObject({ code: 2, err: 'kblint check: examples/nothing-*.yaml: no file matches this pattern\n' });
  });
});

describe('JUnit for Jenkins and GitLab', () => {
  it.skipIf(!HAS_SHARED || !hasXmllint)('is valid against the Jenkins xunit junit-10.xsd for every example', () => {
    const dir = tmp();
    for (const example of ['violating.yaml', 'compliant.yaml', 'fleet.yaml', 'artifacts/rollout.yaml']) {
      const file = join(dir, `${example.replace('/', '-')}.xml`);
      kblint(['check', `examples/${example}`, '--format', `junit:${file}`, ...TODAY]);
      const r = spawnSync('xmllint', ['--noout', '--schema', `${SHARED}schemas/junit-10.xsd`, file], { encoding: 'utf8' });
      expect(r.stderr.trim(), example).toBe(`${file} validates`);
    }
  });

  it('reports a warning that does not fail the run as system-out, not as a failure', () => {
    const dir = tmp();
    const compliant = readFileSync(`${PROJECT}examples/compliant.yaml`, 'utf8');
    writeFileSync(join(dir, 'w.yaml'), compliant.replace('method: group-policy\n    installer: { localAdmin: false }', 'method: group-policy\n    installer: { localAdmin: true }'));
    const r = kblint(['check', 'w.yaml', '--format', 'junit', ...TODAY], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/<testsuites name="kblint" tests="\d+" failures="0" errors="0">/);
    expect(r.out).toContain('<system-out>warning below --max-severity error: reported, not failing');
    const strict = kblint(['check', 'w.yaml', '--format', 'junit', '--max-severity', 'warning', ...TODAY], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/<testsuites name="kblint" tests="\d+" failures="1" errors="0">/);
  });
});

it('needs no file outside the repository for these tests', () => {
  expect(existsSync(`${PROJECT}dist/cli/bin.js`)).toBe(true);
  expect(suggest('chek', ['check', 'coverage'])).toBe('check');
  cpSync; // keep the import list honest when tests are trimmed
});

describe('CLI conventions', () => {
  it('suggests the command or option meant, and shows a command help with examples', () => {
    expect(kblint(['chek'])).toMatchObject({ code: 2, err: "kblint: unknown command 'chek'. Did you mean 'check'? Run 'kblint --help' for the list.\n" });
    const typo = kblint(['check', 'examples/violating.yaml', '--fromat', 'json']);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('(did you mean --format?)');
    const help = kblint(['help', 'check']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: kblint check /);
    expect(help.out).toContain('Examples:\n  kblint check examples/violating.yaml\n');
    const dir = tmp();
    writeFileSync(join(dir, 'typo.yaml'), 'groups:\n  - name: a\n    metod: none\n');
    expect(kblint(['check', 'typo.yaml'], { cwd: dir })).toMatchObject({ code: 2, err: "kblint check: typo.yaml:3:12: groups[0].metod: unknown key 'metod' (did you mean 'method'?)\n" });
    for (const command of ['build', 'coverage', 'explain', 'guide', 'show', 'diff', 'drift', 'parse']) {
      expect(kblint([command, '--help']).out, command).toMatch(/\nExamples:\n {2}kblint /);
    }
  });
});
