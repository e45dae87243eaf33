import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/kb/index.js';
import { compileRules, loadRules, testRule } from '../../src/lint/index.js';
import { PROJECT } from '../shared.js';

// The rule tester: each rule file's valid and invalid targets are the tests, run through the
// engine's own evaluation; the list of rules is what rules/ holds.
const { kb } = await buildKnowledgeBase([`${PROJECT}content`], { cwd: PROJECT });
const loaded = await loadRules();
const { compiled, stale, inactive } = compileRules(loaded, kb);
const ruleFiles = readdirSync(`${PROJECT}rules`).filter((n) => n.endsWith('.yaml') && !n.startsWith('_'));

describe('bundled rules', () => {
  it('are every rule file in rules/, each either active or inactive on the bundled article, none stale', () => {
    expect(loaded.map((r) => `${r.spec.id}.yaml`).sort()).toEqual([...ruleFiles].sort());
    expect(stale).toEqual([]);
    expect([...compiled.map((r) => r.spec.id), ...inactive.map((r) => r.rule)].sort()).toEqual(loaded.map((r) => r.spec.id).sort());
  });

  it('rules about SMS programs are inactive with the bundled article alone: it says nothing about them', () => {
    expect(inactive.map((r) => r.rule)).toEqual(['sms-program-runs-when-documented', 'sms-program-runs-with-admin-rights']);
  });

  it('take their numbers from the documentation, not the rule file', () => {
    const byId = new Map(compiled.map((r) => [r.spec.id, r]));
    expect(byId.get('clusters-reachable-on-documented-ports')!.params).toEqual({ ports: [80, 443] });
    expect(byId.get('vista-no-separate-client')!.params).toEqual({ vista: 6 });
    expect(byId.get('script-installs-msis-in-order')!.params).toEqual({ msi: ['msdrmclient.msi', 'rmclientbackcompat.msi'] });
    expect(byId.get('installs-msis-in-documented-order')!.params).toEqual({ first: 'MsDrmClient.msi', then: 'RmClientBackCompat.msi' });
  });

  const cases = loaded.flatMap((rule) => testRule(rule, kb).map((r) => [r.rule, r.kind, r.index, r] as const));
  it.each(cases)('%s: %s example %i', (_, _kind, _i, result) => {
    expect(result.ok, JSON.stringify(result.outcomes)).toBe(true);
  });
});

describe('the rule tester', () => {
  const rule = loaded.find((r) => r.spec.id === 'windows-update-needs-local-admin')!;

  it('fails a rule whose invalid example passes, and one whose valid example fails', () => {
    const swapped = { ...rule, spec: { ...rule.spec, examples: { valid: rule.spec.examples.invalid, invalid: rule.spec.examples.valid } } };
    const results = testRule(swapped, kb);
    expect(results.map((r) => `${r.kind} ${r.index} ${r.ok}`)).toEqual(['valid 0 false', 'invalid 0 false', 'invalid 1 false']);
    expect(results[0]!.outcomes).toEqual([{ requirement: '4b8dd930/windows-update-gebruiken/privilege', outcome: 'fail', reason: 'installer.localAdmin: expected true; got boolean false' }]);
  });

  it('runs a selector rule the knowledge base gives nothing against the requirement its examples stand for', () => {
    const sms = loaded.find((r) => r.spec.id === 'sms-program-runs-when-documented')!;
    expect(testRule(sms, kb).map((r) => r.outcomes.map((o) => `${o.requirement} ${o.outcome}`).join())).toEqual([
      'example/sms-program-runs-when-documented/requirement pass',
      'example/sms-program-runs-when-documented/requirement notapplicable',
      'example/sms-program-runs-when-documented/requirement fail',
    ]);
  });

  it('refuses a rule it cannot instantiate', () => {
    const sms = loaded.find((r) => r.spec.id === 'sms-program-runs-when-documented')!;
    const bare = { ...sms, spec: { ...sms.spec, examples: { valid: sms.spec.examples.valid, invalid: sms.spec.examples.invalid } } };
    expect(() => testRule(bare, kb)).toThrow('rule sms-program-runs-when-documented cannot be tested: it selects no requirement');
  });
});

describe('rule files are checked at load', () => {
  const load = async (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-rules-'));
    writeFileSync(join(dir, 'bad.yaml'), text);
    return loadRules(dir).then(
      () => 'loaded',
      (e: { format: () => string }) => e.format().replace(dir, '<dir>'),
    );
  };
  const good = readFileSync(`${PROJECT}rules/windows-update-needs-local-admin.yaml`, 'utf8');
  const line = (text: string) => good.split('\n').findIndex((l) => l.includes(text)) + 1;

  it.each([
    ['an unknown key', `${good}colour: red\n`, `<dir>/bad.yaml:${line('examples:') + 6}:9: colour: unknown key 'colour'`],
    ['a bad severity', good.replace('severity: error', 'severity: fatal'), "<dir>/bad.yaml:2:11: severity: expected one of error, warning, info; got 'fatal'"],
    ['a message without Dutch', good.replace(/\n {2}nl: "\{target\} krijgt[^\n]*/, ''), `<dir>/bad.yaml:${line('message:') + 1}:3: message: missing 'nl'`],
    // Issue 12: a malformed ICU message crashed check, explain and guide; now it is a rule-file error with its line.
    ['a malformed ICU message', good.replace('"{target} krijgt', '"{target, plural, one {x}} krijgt'), `<dir>/bad.yaml:${line('  nl: "{target} krijgt')}:7: message.nl: not a valid ICU message: MISSING_OTHER_CLAUSE`],
    ['an unclosed ICU argument', good.replace('"{target} gets', '"{target gets'), `<dir>/bad.yaml:${line('  en: "{target} gets')}:7: message.en: not a valid ICU message: MALFORMED_ARGUMENT`],
    ['a message value the engine never gives', good.replace('"{target} gets', '"{constructor} gets'), `<dir>/bad.yaml:${line('  en: "{target} gets')}:7: message.en: unknown value {constructor}; a message may use {target}, {group}, {os}`],
    ['both a pin and a selector', good.replace('select:', 'requirement: 4b8dd930/windows-update-gebruiken/privilege\nhash: fe48ecc6dfec4b58\nselect:'), `<dir>/bad.yaml:${line('select:') + 3}:3: a rule either pins one requirement (requirement and hash) or selects the requirements it checks (select); it has both or neither`],
  ])('refuses %s, naming its line', async (_, text, message) => {
    expect(await load(text)).toBe(message);
  });

  it('refuses a selector whose where is not a JSON Schema, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-rules-'));
    writeFileSync(join(dir, 'bad.yaml'), good.replace('  value: local-admin\n', '  value: local-admin\n  where: { type: 12 }\n'));
    const rules = await loadRules(dir);
    expect(() => compileRules(rules, kb)).toThrow(expect.objectContaining({ file: join(dir, 'bad.yaml'), message: expect.stringContaining('rule windows-update-needs-local-admin: select.where is not a valid JSON Schema') }));
  });
});
