import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/kb/index.js';
import { compileRules, loadRules } from '../../src/lint/index.js';
import { PROJECT } from '../shared.js';

// remark-lint style: each rule file carries valid and invalid targets, and those are the tests.
const { kb } = await buildKnowledgeBase([`${PROJECT}content`], { cwd: PROJECT });
const loaded = await loadRules();
const { compiled, stale } = compileRules(loaded, kb);

describe('bundled rules', () => {
  it('all bind to the knowledge base built from content/', () => {
    expect(stale).toEqual([]);
    expect(compiled.map((r) => r.spec.id)).toEqual([
      'clusters-reachable-on-documented-ports',
      'group-policy-needs-no-admin',
      'pre-vista-needs-activation',
      'pre-vista-needs-client',
      'script-installs-msis-in-order',
      'script-installs-quietly',
      'script-is-computer-startup-script',
      'script-suppresses-reboot',
      'script-verifies-integrity',
      'vista-no-separate-client',
      'windows-update-needs-local-admin',
    ]);
  });

  it('take their numbers from the documentation, not the rule file', () => {
    const byId = new Map(compiled.map((r) => [r.spec.id, r]));
    expect(byId.get('clusters-reachable-on-documented-ports')!.params).toEqual({ ports: [80, 443] });
    expect(byId.get('vista-no-separate-client')!.params).toEqual({ vista: 6 });
    expect(byId.get('script-installs-msis-in-order')!.params).toEqual({ msi: ['msdrmclient.msi', 'rmclientbackcompat.msi'] });
  });

  const cases = compiled.flatMap((rule) => [
    ...rule.spec.examples.valid.map((facts, i) => [rule.spec.id, 'valid', i, rule, facts] as const),
    ...rule.spec.examples.invalid.map((facts, i) => [rule.spec.id, 'invalid', i, rule, facts] as const),
  ]);
  it.each(cases)('%s: %s example %i', (_, kind, _i, rule, facts) => {
    const fails = rule.applies(facts) && rule.needs.every((p) => p.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], facts) !== undefined) && !rule.check(facts);
    expect(fails).toBe(kind === 'invalid');
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

  it.each([
    ['an unknown key', `${good}colour: red\n`, "<dir>/bad.yaml:27:9: colour: unknown key 'colour'"],
    ['a bad severity', good.replace('severity: error', 'severity: fatal'), "<dir>/bad.yaml:2:11: severity: expected one of error, warning, info; got 'fatal'"],
    ['a message without Dutch', good.replace(/\n {2}nl: "\{target\} krijgt[^\n]*/, ''), "<dir>/bad.yaml:16:3: message: missing 'nl'"],
  ])('refuses %s, naming its line', async (_, text, message) => {
    expect(await load(text)).toBe(message);
  });
});
