import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv4Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, LintResult } from '../../src/lint/types.js';
import { sarif, SARIF_RESULT_LIMIT } from '../../src/report/sarif.js';
import { kblintHomepage, packageHomepage } from '../../src/report/homepage.js';
import { HAS_SHARED, PROJECT, SHARED } from '../shared.js';
import { writeFleet } from './fleet.js';
import { kblint, TODAY, tmp } from './helpers.js';

interface SarifLog {
  runs: {
    originalUriBaseIds: Record<string, { uri: string }>;
    tool: { driver: { rules: { id: string; name: string; helpUri: string }[] } };
    results: {
      ruleId: string;
      message: { text: string };
      partialFingerprints: Record<string, string>;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> }; logicalLocations?: { fullyQualifiedName: string }[] }[];
      relatedLocations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
      properties: { targetCount: number; targets: string[] };
      suppressions?: unknown[];
    }[];
    invocations: { toolExecutionNotifications: { message: { text: string } }[] }[];
  }[];
}

// CommonJS packages: their default export is the module object under NodeNext typing.
const Ajv4 = (Ajv4Module as unknown as { default: typeof Ajv4Module.default }).default;
const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule.default }).default;

function schemaErrors(log: unknown): string {
  const ajv = new Ajv4({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(`${SHARED}schemas/sarif-schema-2.1.0.json`, 'utf8')));
  return validate(log) ? '' : JSON.stringify(validate.errors?.slice(0, 5));
}

/** The Microsoft SARIF Multitool (its Linux binary ships in the npm package), with SARIF and GitHub rules. */
const MULTITOOL = (() => {
  try {
    const path = createRequire(import.meta.url)('@microsoft/sarif-multitool-linux') as string;
    return process.platform === 'linux' && process.arch === 'x64' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
})();
if (!MULTITOOL) console.warn('[kblint tests] the SARIF Multitool runs on linux-x64 only: its validation is skipped here.');

function multitool(file: string): string[] {
  const out = `${file}.validation.sarif`;
  const r = spawnSync(MULTITOOL!, ['validate', file, '--output', out, '--log', 'ForceOverwrite', '--level', 'Error', 'Warning', '--rule-kind', 'Sarif', 'Gh'], {
    encoding: 'utf8',
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
  });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: { level: string; ruleId: string; message: { arguments?: string[] } }[] }[] };
  return (log.runs[0]?.results ?? []).map((x) => `${x.level} ${x.ruleId} ${JSON.stringify(x.message.arguments)}`);
}

describe.skipIf(!HAS_SHARED)('SARIF for GitHub code scanning', () => {
  let dir: string;
  let log: SarifLog;
  beforeAll(() => {
    dir = tmp();
    const r = kblint(['check', 'examples/violating.yaml', 'examples/artifacts/rollout.yaml', '--format', `sarif:${join(dir, 'k.sarif')}`, ...TODAY]);
    expect(r.code).toBe(1);
    log = JSON.parse(readFileSync(join(dir, 'k.sarif'), 'utf8')) as SarifLog;
  });

  it('gives every result a fingerprint and relative URIs with a base, grouped by rule and location', () => {
    const run = log.runs[0]!;
    expect(run.originalUriBaseIds.SRCROOT!.uri).toBe(`file://${PROJECT}`);
    expect(run.originalUriBaseIds.KBLINT!.uri).toBe(`file://${PROJECT}`);
    for (const r of run.results) {
      expect(Object.values(r.partialFingerprints)).toHaveLength(1);
      for (const at of [...r.locations, ...r.relatedLocations]) {
        expect(at.physicalLocation.artifactLocation.uriBaseId).toMatch(/^(SRCROOT|KBLINT)$/);
        expect(at.physicalLocation.artifactLocation.uri).not.toMatch(/^\/|^[a-z]+:/);
      }
    }
    const prints = run.results.map((r) => r.partialFingerprints['kblintFinding/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    // 21 + 23 findings (and one waived) at 10 + 11 locations.
    expect(run.results).toHaveLength(22);
    const admin = run.results.find((r) => r.ruleId === 'windows-update-needs-local-admin' && r.locations[0]!.physicalLocation.artifactLocation.uri === 'examples/violating.yaml')!;
    expect(admin.message.text).toBe(
      'SAL-001 (+2 more) gets the RMS client through Windows Update, but the installing user is not a local administrator. 3 computers: SAL-001, SAL-002, and SAL-003.',
    );
    expect(admin.locations[0]!.physicalLocation.region).toEqual({ startLine: 29, startColumn: 30 });
    expect(admin.properties).toMatchObject({ targetCount: 3, targets: ['SAL-001', 'SAL-002', 'SAL-003'] });
    // Run in kblint's own folder, the articles are in the checkout too.
    expect(admin.relatedLocations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'content/nl-nl/18113913.md', uriBaseId: 'SRCROOT' });
    const rule = run.tool.driver.rules.find((r) => r.id === 'windows-update-needs-local-admin')!;
    expect(rule.name).toBe('WindowsUpdateNeedsLocalAdmin');
    // The help link is the cited article's own address (its ms:mtpsurl), never a guessed one.
    expect(rule.helpUri).toBe('https://technet.microsoft.com/nl-nl/library/Cc720266(v=WS.10)');
    expect((run.tool.driver as { informationUri?: string }).informationUri).toBe((JSON.parse(readFileSync(`${PROJECT}package.json`, 'utf8')) as { homepage: string }).homepage);
  });

  it('points a Registry.pol finding at the deciding entry by byte offset and name, not line 1', () => {
    const pol = log.runs[0]!.results.find((r) => r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('registry.pol'))!;
    expect(pol.locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'examples/artifacts/gpo-finance/DomainSysvol/GPO/Machine/registry.pol', uriBaseId: 'SRCROOT' }, region: { byteOffset: 178 } },
      logicalLocations: [{ name: 'DefaultOutboundAction', fullyQualifiedName: 'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile\\DefaultOutboundAction', kind: 'value' }],
    });
  });

  it('is valid against the SARIF 2.1.0 schema with formats checked', () => {
    expect(schemaErrors(log)).toBe('');
  });

  it.skipIf(!MULTITOOL)('passes the SARIF Multitool with its GitHub rules: no error, no warning', () => {
    expect(multitool(join(dir, 'k.sarif'))).toEqual([]);
  });

  it.skipIf(!MULTITOOL)('escapes # and other reserved characters in paths (the Multitool accepts them)', async () => {
    const { cpSync, mkdirSync } = await import('node:fs');
    const work = tmp();
    mkdirSync(join(work, 'ring #1 [test]'));
    cpSync(`${PROJECT}examples/violating.yaml`, join(work, 'ring #1 [test]', 'roll out?.yaml'));
    const r = kblint(['check', 'ring #1 [test]/roll out?.yaml', '--format', 'sarif:out.sarif', ...TODAY], { cwd: work });
    expect(r.code, r.err).toBe(1);
    const text = readFileSync(join(work, 'out.sarif'), 'utf8');
    const uris = (JSON.parse(text) as SarifLog).runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(new Set(uris)).toEqual(new Set(['ring%20%231%20%5Btest%5D/roll%20out%3F.yaml']));
    // The articles are kblint's, outside this checkout: relative to KBLINT.
    const docs = (JSON.parse(text) as SarifLog).runs[0]!.results.map((x) => x.relatedLocations[0]!.physicalLocation.artifactLocation);
    expect(docs[0]).toEqual({ uri: 'content/nl-nl/18113913.md', uriBaseId: 'KBLINT' });
    expect(multitool(join(work, 'out.sarif'))).toEqual([]);
  });
});

describe.skipIf(!HAS_SHARED)('a 13,000-computer fleet that breaks two rules', () => {
  it('stays within GitHub limits: ≤ 25,000 SARIF results, ≤ 10 error annotations and one notice', () => {
    const dir = tmp();
    const manifest = writeFleet(dir, 13_000);
    const r = kblint(['check', manifest, '--format', 'github', '--format', `sarif:${join(dir, 'k.sarif')}`, '--format', `json:${join(dir, 'k.json')}`, ...TODAY]);
    expect(r.code, r.err).toBe(1);
    const full = JSON.parse(readFileSync(join(dir, 'k.json'), 'utf8')) as LintResult;
    expect(full.findings).toHaveLength(26_000);
    const log = JSON.parse(readFileSync(join(dir, 'k.sarif'), 'utf8')) as SarifLog;
    const results = log.runs[0]!.results;
    expect(results.length).toBeLessThanOrEqual(SARIF_RESULT_LIMIT);
    expect(results.reduce((n, x) => n + x.properties.targetCount, 0)).toBe(26_000);
    expect(schemaErrors(log)).toBe('');
    const lines = r.out.trim().split('\n');
    const errors = lines.filter((l) => l.startsWith('::error '));
    const notices = lines.filter((l) => l.startsWith('::notice '));
    expect(errors).toHaveLength(10);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toBe(`::notice title=kblint::12,991 more findings are not shown as annotations (10 shown; GitHub shows at most 10 error annotations a step). Full report: ${join(dir, 'k.sarif')}, ${join(dir, 'k.json')}.`);
    // The one location the whole fleet shares is one annotation that counts its computers: 26,000 − 13,000 − 9 shown.
    expect(errors.some((l) => l.includes('title=kblint pre-vista-needs-activation (13000)') && l.includes('13,000 computers: PC-00001, PC-00002, PC-00003, PC-00004, PC-00005, and 12,995 more'))).toBe(true);
  }, 120_000);
});

describe('SARIF when locations exceed what GitHub takes', () => {
  it('groups by rule and file past 25,000 locations, counting every computer', () => {
    const finding = (i: number, rule: string): Finding => ({
      rule,
      severity: 'error',
      message: `PC-${i} breaks ${rule}.`,
      fix: 'Fix it.',
      target: `PC-${i}`,
      group: 'fleet',
      location: { file: 'fleet.csv', line: i + 2, column: 1 },
      requirement: { id: 'r', doc: 'd', locale: 'en', section: 's', quote: 'Quote.', source: { file: 'content/a.md', line: 1, column: 1 }, hash: 'h' },
    });
    const findings = Array.from({ length: 13_000 }, (_, i) => [finding(i, 'a'), finding(i, 'b')]).flat();
    const result: LintResult = { rollout: 'r.yaml', findings, outcomes: [], summary: { pass: 0, fail: 26_000, notapplicable: 0, notchecked: 0, error: 0, targets: 13_000, rules: 2, suppressed: 0 }, waivers: [], stale: [] };
    const log = JSON.parse(sarif(result, { locale: 'en', rules: [], color: false, version: '0', cwd: PROJECT })) as SarifLog;
    const run = log.runs[0]!;
    expect(run.results.map((r) => [r.ruleId, r.properties.targetCount, r.locations[0]!.physicalLocation.region])).toEqual([
      ['a', 13_000, { startLine: 2, startColumn: 1 }],
      ['b', 13_000, { startLine: 2, startColumn: 1 }],
    ]);
    expect(run.results[0]!.properties.targets).toHaveLength(100);
    expect(run.invocations[0]!.toolExecutionNotifications.map((n) => n.message.text)).toEqual([
      'More than 25000 locations: results are grouped by rule and file; the JSON format lists every computer.',
    ]);
  });
});

describe("kblint's web address, from package.json only", () => {
  it.each([
    [{ homepage: 'https://example.org/kblint#readme', repository: 'github:o/r' }, 'https://example.org/kblint#readme'],
    [{ repository: { type: 'git', url: 'git+https://github.com/o/r.git' } }, 'https://github.com/o/r'],
    [{ repository: 'git@gitlab.com:group/sub/r.git' }, 'https://gitlab.com/group/sub/r'],
    [{ repository: 'git://github.com/o/r.git' }, 'https://github.com/o/r'],
    [{ repository: 'github:o/r' }, 'https://github.com/o/r'],
    [{ repository: 'o/r' }, 'https://github.com/o/r'],
    [{ homepage: 'javascript:alert(1)', repository: 'ftp://host/r' }, undefined],
    [{}, undefined],
  ])('%j → %s', (pkg, expected) => {
    expect(packageHomepage(pkg)).toBe(expected);
  });

  it('gives a rule no helpUri when its article has no address, and kblint its own homepage as informationUri', async () => {
    const { buildKnowledgeBase } = await import('../../src/kb/build.js');
    const { compileRules, loadRules } = await import('../../src/lint/rules.js');
    const { kb } = await buildKnowledgeBase([`${PROJECT}content`], { cwd: PROJECT });
    const { compiled } = compileRules(await loadRules(), kb);
    const result = { rollout: 'r', findings: [], outcomes: [], stale: [], waivers: [], summary: { targets: 0, rules: 0, pass: 0, fail: 0, notapplicable: 0, notchecked: 0, error: 0, suppressed: 0 } } as LintResult;
    const driver = (JSON.parse(sarif(result, { locale: 'en', rules: compiled, color: false, version: '0.0.0', documentUrls: {} })) as { runs: { tool: { driver: { informationUri?: string; rules: Record<string, unknown>[] } } }[] }).runs[0]!.tool.driver;
    expect(driver.rules.length).toBeGreaterThan(0);
    expect(driver.rules.filter((r) => 'helpUri' in r)).toEqual([]);
    expect(driver.informationUri).toBe('https://github.com/kblint/kblint#readme');
    expect(kblintHomepage()).toBe(driver.informationUri);
  });
});
