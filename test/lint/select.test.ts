import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../src/extract/types.js';
import { buildKnowledgeBase } from '../../src/kb/index.js';
import { compileRules, evaluateRule, lint, loadRules } from '../../src/lint/index.js';
import type { Rollout, TargetFacts } from '../../src/rollout/types.js';
import { PROJECT } from '../shared.js';

const { kb } = await buildKnowledgeBase([`${PROJECT}content`], { cwd: PROJECT });
const rules = await loadRules();
const WU = '4b8dd930/windows-update-gebruiken/privilege';
const withRequirements = (requirements: Requirement[]) => ({ ...kb, requirements });
const instancesOf = (id: string, k = kb) => compileRules(rules, k).compiled.find((r) => r.spec.id === id)?.instances.map((i) => `${i.requirement.id} ${i.requirement.hash.slice(0, 8)}`) ?? [];

describe('rules bound to what the documentation says', () => {
  it('a reworded sentence keeps its selector rule, citing the new wording: drift shows in the hash, nothing goes stale', () => {
    const reworded = kb.requirements.map((r) => (r.id === WU ? { ...r, quote: 'De gebruiker moet lokale beheerder zijn.', hash: 'abcdef01'.repeat(8) } : r));
    const { compiled, stale } = compileRules(rules, withRequirements(reworded));
    expect(stale).toEqual([]);
    const rule = compiled.find((r) => r.spec.id === 'windows-update-needs-local-admin')!;
    expect(rule.instances.map((i) => [i.requirement.quote, i.requirement.hash.slice(0, 8)])).toEqual([['De gebruiker moet lokale beheerder zijn.', 'abcdef01']]);
  });

  it('no documentation, no check: removing the sentence makes the rule inactive, not stale', () => {
    const { compiled, stale, inactive } = compileRules(rules, withRequirements(kb.requirements.filter((r) => r.id !== WU)));
    expect(stale).toEqual([]);
    expect(compiled.map((r) => r.spec.id)).not.toContain('windows-update-needs-local-admin');
    expect(inactive.find((r) => r.rule === 'windows-update-needs-local-admin')!.reason).toBe(
      'no requirement in the knowledge base matches its selector (claim privilege = local-admin, method windows-update, levels must/should)',
    );
  });

  it('more documentation, more checks: a second sentence with the claim makes a second instance citing it', () => {
    const wu = kb.requirements.find((r) => r.id === WU)!;
    const other: Requirement = { ...wu, id: 'deadbeef/windows-update/privilege', doc: 'deadbeef-0000-0000-0000-000000000000', locale: 'de-DE', quote: 'Der Benutzer muss lokaler Administrator sein.', hash: '12345678'.repeat(8) };
    expect(instancesOf('windows-update-needs-local-admin', withRequirements([...kb.requirements, other]))).toEqual([`${WU} ${wu.hash.slice(0, 8)}`, 'deadbeef/windows-update/privilege 12345678']);
  });

  it('binds scope values: a method from the scope, else from the sentence, in the rollout words', () => {
    const gp = kb.requirements.find((r) => r.id === '4b8dd930/groepbeleid-gebruiken/privilege')!;
    const both: Requirement = { ...gp, id: 'x/sms-of-groepsbeleid/privilege', scope: {}, claims: [{ kind: 'privilege', value: 'none' }, { kind: 'method', values: ['sms', 'group-policy'] }] };
    const scriptOnly: Requirement = { ...both, id: 'x/script/privilege', claims: [{ kind: 'privilege', value: 'none' }, { kind: 'method', values: ['script'] }] };
    const k = withRequirements([both, scriptOnly]);
    expect(instancesOf('group-policy-needs-no-admin', k)).toEqual([`x/sms-of-groepsbeleid/privilege ${gp.hash.slice(0, 8)}`]);
    expect(instancesOf('sms-program-runs-with-admin-rights', k)).toEqual([`x/sms-of-groepsbeleid/privilege ${gp.hash.slice(0, 8)}`]);
  });
});

describe('outcomes', () => {
  const rule = compileRules(rules, kb).compiled.find((r) => r.spec.id === 'pre-vista-needs-client')!;
  it.each<[string, Partial<TargetFacts>, string]>([
    ['an unknown OS is notchecked, naming it', {}, 'notchecked unknown: os'],
    ['an OS without version is notchecked, naming it', { os: { name: 'Windows' } as TargetFacts['os'] }, 'notchecked unknown: os.version'],
    ['a known OS out of scope is notapplicable, in plain words', { os: { version: 6.1 } }, 'notapplicable os.version is 6.1; the rule is about os.version below 6'],
    ['in scope without the fact checked is notchecked', { os: { version: 5.1 } }, 'notchecked unknown: install'],
    ['in scope and installed passes', { os: { version: 5.1 }, install: true }, 'pass undefined'],
    ['in scope and not installed fails', { os: { version: 5.1 }, install: false }, 'fail install: expected true; got boolean false'],
  ])('%s', (_, facts, expected) => {
    const e = evaluateRule(rule, { group: 'g', ...facts }, true);
    expect(`${e.outcome} ${e.reason}`).toBe(expected);
  });

  it('counts rule instances in the summary and names the requirement of each outcome', () => {
    const rollout: Rollout = { file: 'r.yaml', clusters: {}, waivers: [], targets: [{ name: 'PC', facts: { group: 'g', method: 'windows-update', installer: { localAdmin: false } }, location: { file: 'r.yaml', line: 3, column: 5 }, sources: {} }] };
    const result = lint(rollout, compileRules(rules, kb).compiled, { locale: 'en', today: '2026-01-01', outcomes: true });
    expect(result.summary.rules).toBe(compileRules(rules, kb).compiled.reduce((n, r) => n + r.instances.length, 0));
    expect(result.findings.map((f) => `${f.rule} ${f.requirement.id}`)).toEqual([`windows-update-needs-local-admin ${WU}`]);
  });
});

describe('a selector that binds a scope value', () => {
  it('`$method` takes each requirement\'s method, in the rollout\'s words, into the schemas', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'kblint-bind-'));
    const text = readFileSync(`${PROJECT}rules/group-policy-needs-no-admin.yaml`, 'utf8')
      .replace('id: group-policy-needs-no-admin', 'id: no-admin-needed')
      .replace('scope: { method: group-policy }', 'scope: { method: $method }')
      .replace('properties: { method: { const: group-policy } }', 'properties: { method: { enum: { $param: method } } }');
    writeFileSync(join(dir, 'no-admin-needed.yaml'), text);
    const { compiled } = compileRules(await loadRules(dir), kb);
    expect(compiled[0]!.instances.map((i) => `${i.requirement.id} ${JSON.stringify(i.params)}`)).toEqual([
      '4b8dd930/groepbeleid-gebruiken/privilege {"method":["group-policy"]}',
      '4b8dd930/installeren-met-een-script/privilege {"method":["startup-script"]}',
    ]);
    const script = compiled[0]!.instances[1]!;
    expect(evaluateRule(script, { group: 'g', method: 'startup-script', installer: { localAdmin: true } }, true).outcome).toBe('fail');
    expect(evaluateRule(script, { group: 'g', method: 'group-policy', installer: { localAdmin: true } }, true).outcome).toBe('notapplicable');
  });
});
