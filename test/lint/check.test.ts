import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv4Module from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/lint/types.js';
import { HAS_SHARED, PROJECT, SHARED } from '../shared.js';

const kblint = (args: string[], cwd = PROJECT) => {
  const r = spawnSync(process.execPath, [`${PROJECT}dist/cli/bin.js`, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CI: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'kblint-check-'));
const TODAY = ['--today', '2026-11-24'];
const jsonOf = (file: string, extra: string[] = []) => JSON.parse(kblint(['check', file, '--format', 'json', ...TODAY, ...extra]).out) as LintResult;

describe('kblint check on the examples', () => {
  it('finds every violation of the violating example, each at its config line', () => {
    const r = kblint(['check', 'examples/violating.yaml', ...TODAY]);
    expect(r.code).toBe(1);
    const result = jsonOf('examples/violating.yaml');
    expect(result.findings.map((f) => `${f.location.line}:${f.location.column} ${f.rule} ${f.target}${f.suppressed ? ' (waived)' : ''}`)).toEqual([
      '16:16 script-is-computer-startup-script FIN-001',
      '16:16 script-is-computer-startup-script FIN-002',
      '17:23 script-verifies-integrity FIN-001',
      '17:23 script-verifies-integrity FIN-002',
      '19:9 script-installs-msis-in-order FIN-001',
      '19:9 script-installs-msis-in-order FIN-002',
      '19:9 script-installs-quietly FIN-001',
      '19:9 script-installs-quietly FIN-002',
      '19:9 script-suppresses-reboot FIN-001',
      '19:9 script-suppresses-reboot FIN-002',
      '29:30 windows-update-needs-local-admin SAL-001',
      '29:30 windows-update-needs-local-admin SAL-002',
      '29:30 windows-update-needs-local-admin SAL-003',
      '30:17 pre-vista-needs-activation SAL-001',
      '30:17 pre-vista-needs-activation SAL-002',
      '30:17 pre-vista-needs-activation SAL-003',
      '32:13 clusters-reachable-on-documented-ports SAL-001',
      '32:13 clusters-reachable-on-documented-ports SAL-002',
      '32:13 clusters-reachable-on-documented-ports SAL-003',
      '38:13 vista-no-separate-client HR-010',
      '39:30 group-policy-needs-no-admin HR-010',
      '43:13 pre-vista-needs-client lab-2000 (waived)',
    ]);
    // 12 rule instances: the 11 rules of before, and the MSI order for SMS and Group Policy, which
    // cannot know the order of hr-vista's Group Policy packages (notchecked, not a pass).
    expect(result.summary).toEqual({ pass: 9, fail: 22, notapplicable: 50, notchecked: 3, error: 0, targets: 7, rules: 12, suppressed: 1 });
    expect(result.outcomes).toHaveLength(84);
    expect(result.outcomes.find((o) => o.rule === 'clusters-reachable-on-documented-ports' && o.target === 'HR-010')).toEqual({
      rule: 'clusters-reachable-on-documented-ports', requirement: '4b8dd930/de-rms-client-distribueren/port-2', target: 'HR-010', group: 'hr-vista', outcome: 'notchecked', reason: 'unknown: network.root',
    });
    expect(result.outcomes.find((o) => o.rule === 'windows-update-needs-local-admin' && o.target === 'HR-010')).toMatchObject({
      outcome: 'notapplicable', reason: 'method is "group-policy"; the rule is about "windows-update"',
    });
    expect(result.outcomes.find((o) => o.rule === 'installs-msis-in-documented-order' && o.target === 'HR-010')).toMatchObject({
      outcome: 'notchecked', reason: 'unknown: command.msi',
    });
    const finding = result.findings.find((f) => f.rule === 'windows-update-needs-local-admin')!;
    expect(finding.requirement).toMatchObject({
      id: '4b8dd930/windows-update-gebruiken/privilege',
      doc: '4b8dd930-4105-4e73-918c-12d2b05d5fb5',
      source: { file: 'content/nl-nl/18113913.md', line: 26, column: 1 },
      quote: 'Dit vereist echter wel dat de gebruiker die de RMS-client installeert over lokale beheerdersrechten op de computer moet beschikken.',
    });
    expect(result.waivers).toEqual([expect.objectContaining({ rule: 'pre-vista-needs-client', status: 'active', matched: 1 })]);
  });

  it('passes the compliant example and counts the fleet', () => {
    expect(kblint(['check', 'examples/compliant.yaml', ...TODAY])).toMatchObject({ code: 0 });
    const fleet = jsonOf('examples/fleet.yaml');
    expect(fleet.summary.targets).toBe(320);
    expect(fleet.summary.notchecked).toBe(176); // the kiosks have no network facts, Group Policy groups no MSI order: not a pass
    expect(fleet.findings.filter((f) => f.rule === 'windows-update-needs-local-admin')).toHaveLength(64);
  });

  it('writes messages in Dutch', () => {
    const r = kblint(['check', 'examples/violating.yaml', '--locale', 'nl', ...TODAY]);
    expect(r.out).toContain('SAL-001 (+2 andere) krijgt de RMS-client via Windows Update, maar de gebruiker die installeert is geen lokale beheerder.');
    expect(r.out).toContain('kan de RMS-basis- en licentieclusters niet allebei bereiken via poort 80 of 443.');
  });
});

describe('formats', () => {
  it.skipIf(!HAS_SHARED)('writes SARIF 2.1.0 that the official schema accepts, docs in relatedLocations', () => {
    const r = kblint(['check', 'examples/violating.yaml', '--format', 'sarif', ...TODAY]);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.out);
    // A CommonJS package: its default export is the module object under NodeNext typing.
    const Ajv4 = (Ajv4Module as unknown as { default: typeof Ajv4Module.default }).default;
    const ajv = new Ajv4({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(`${SHARED}schemas/sarif-schema-2.1.0.json`, 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const result = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'vista-no-separate-client');
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'examples/violating.yaml', uriBaseId: 'SRCROOT' }, region: { startLine: 38, startColumn: 13 } });
    expect(result.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('content/nl-nl/18113913.md');
    expect(result.relatedLocations[0].physicalLocation.region.startLine).toBe(12);
    const waived = log.runs[0].results.find((x: { suppressions?: unknown[] }) => x.suppressions);
    expect(waived.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'Isolated lab, no protected content; decommissioned in Q1. (until 2099-03-31)' }]);
    expect(log.runs[0].tool.driver.rules).toHaveLength(12);
  });

  it('writes an HTML report with dates in the page language', () => {
    const nl = kblint(['check', 'examples/violating.yaml', '--format', 'html', '--locale', 'nl', ...TODAY]).out;
    expect(nl).toMatch(/^<!doctype html><html lang="nl">/);
    expect(nl).toContain('Gemaakt op 24 november 2026.');
    expect(nl).toContain('7 computers, 21 bevindingen, 1 uitgezonderd, 2 computers niet gecontroleerd.');
    expect(nl).toContain('<a href="site/nl/rule-windows-update-needs-local-admin.html">Controle windows-update-needs-local-admin</a>');
    expect(kblint(['check', 'examples/violating.yaml', '--format', 'html', ...TODAY]).out).toContain('Generated on November 24, 2026.');
  });

  it('writes GitHub annotations and JUnit', () => {
    const gh = kblint(['check', 'examples/violating.yaml', '--format', 'github', ...TODAY]).out.trim().split('\n');
    expect(gh).toHaveLength(10); // one annotation per rule and location (test/report has the details)
    expect(gh[0]).toMatch(/^::error file=examples\/violating\.yaml,line=29,col=30,title=kblint windows-update-needs-local-admin \(3\)::SAL-001 \(\+2 more\) gets/);
    const xml = kblint(['check', 'examples/violating.yaml', '--format', 'junit', ...TODAY]).out;
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="kblint" tests="18" failures="9" errors="0">/);
    expect(xml).toContain('<testsuite name="windows-update-needs-local-admin" tests="1" failures="1" errors="0" skipped="0">');
  });

  it('writes --output atomically and exits by --max-severity', () => {
    const dir = tmp();
    const out = join(dir, 'report.json');
    expect(kblint(['check', 'examples/violating.yaml', '--format', 'json', '--output', out, ...TODAY]).code).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.fail).toBe(22);
    cpSync(`${PROJECT}examples/compliant.yaml`, join(dir, 'c.yaml'));
    writeFileSync(join(dir, 'w.yaml'), readFileSync(join(dir, 'c.yaml'), 'utf8').replace("method: group-policy\n    installer: { localAdmin: false }", 'method: group-policy\n    installer: { localAdmin: true }'));
    expect(kblint(['check', join(dir, 'w.yaml'), ...TODAY]).code).toBe(0); // a warning only
    expect(kblint(['check', join(dir, 'w.yaml'), '--max-severity', 'warning', ...TODAY]).code).toBe(1);
    expect(kblint(['check', join(dir, 'w.yaml'), '--format', 'xml'])).toMatchObject({ code: 2, err: "kblint check: --format: expected one of stylish, json, sarif, junit, github, codequality, markdown, summary, html, optionally with :file; got 'xml'\n" });
  });

  it('exits 2 on a bad manifest and writes nothing', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.yaml'), 'groups:\n  - name: a\n    method: wsus\n');
    const r = kblint(['check', 'bad.yaml', '--output', 'out.txt'], dir);
    expect(r).toMatchObject({ code: 2, err: "kblint check: bad.yaml:3:13: groups[0].method: expected one of group-policy, windows-update, startup-script, sms, manual, none; got 'wsus'\n" });
    expect(existsSync(join(dir, 'out.txt'))).toBe(false);
  });
});

describe('waivers and stale rules', () => {
  it('reports an expired waiver, which no longer suppresses, and one that matched nothing', () => {
    const dir = tmp();
    writeFileSync(
      join(dir, '.kblintignore.yaml'),
      'waivers:\n  - rule: windows-update-needs-local-admin\n    target: SAL-*\n    reason: Pilot.\n    expires: "2026-01-01"\n  - rule: vista-no-separate-client\n    target: NOPE-*\n    reason: Typo.\n    expires: "2030-01-01"\n',
    );
    const r = kblint(['check', `${PROJECT}examples/violating.yaml`, ...TODAY], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('.kblintignore.yaml:2:5  waiver for windows-update-needs-local-admin on SAL-* expired 2026-01-01; it no longer suppresses');
    expect(r.out).toContain('.kblintignore.yaml:6:5  waiver for vista-no-separate-client on NOPE-* matched nothing');
    expect(r.out).toContain('SAL-001 (+2 more) gets the RMS client through Windows Update');
  });

  it('treats a rule whose requirement changed as stale: exit 2, unless --allow-stale', () => {
    const dir = tmp();
    cpSync(`${PROJECT}rules`, join(dir, 'rules'), { recursive: true });
    const file = join(dir, 'rules', 'script-installs-quietly.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('hash: 899e1489d6e4c864', 'hash: ffffffffffffffff'));
    const args = ['check', `${PROJECT}examples/violating.yaml`, '--rules', join(dir, 'rules'), '--content', `${PROJECT}content`, ...TODAY];
    const r = kblint(args, dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('stale rule script-installs-quietly');
    expect(kblint([...args, '--allow-stale'], dir).code).toBe(1);
    const cov = kblint(['coverage', '--rules', join(dir, 'rules'), '--content', `${PROJECT}content`], dir);
    expect(cov.code).toBe(2);
    expect(cov.out).toContain('✗ stale rule script-installs-quietly (rules/script-installs-quietly.yaml): requirement 4b8dd930/installeren-met-een-script/command changed (hash');
  });
});

describe('coverage and explain', () => {
  it('lists every must/must-not/should requirement of the seed with its rules', () => {
    const r = kblint(['coverage']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('✓ 4b8dd930/de-rms-client-distribueren/install [must-not] vista-no-separate-client');
    expect(r.out).toContain('✓ 4b8dd930/de-rms-client-distribueren/install-2 [must] pre-vista-needs-activation, pre-vista-needs-client');
    expect(r.out).toContain('✓ 4b8dd930/de-rms-client-distribueren/port-2 [must] clusters-reachable-on-documented-ports');
    expect(r.out).toContain('✓ 4b8dd930/windows-update-gebruiken/privilege [must] windows-update-needs-local-admin');
    expect(r.out).toContain('○ inactive rule sms-program-runs-with-admin-rights (rules/sms-program-runs-with-admin-rights.yaml): no requirement in the knowledge base matches its selector (claim privilege, method sms, levels must/should/may)');
    expect(r.out.trim().split('\n').at(-1)).toBe('4 must/must-not/should requirements: 4 checked, 0 not checkable, 0 without a rule; 0 procedure steps; 12 rules (12 instances), 2 inactive, 0 stale');
  });

  it('explains a rule in Dutch with its source sentence', () => {
    const r = kblint(['explain', 'clusters-reachable-on-documented-ports', '--locale', 'nl']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Uit de documentatie: ports = [80,443]');
    expect(r.out).toContain('"U moet controleren of de clientcomputer via deze poorten aanvragen naar de RMS-basis- en licentieclusters kan verzenden."');
    expect(kblint(['explain', 'nope']).code).toBe(2);
  });
});
