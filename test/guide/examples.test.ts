import { describe, expect, it } from 'vitest';
import { listOf, reportText } from '../../src/report/messages.js';
import { exampleManifest } from '../../src/guide/rule.js';
import { buildKnowledgeBase } from '../../src/kb/index.js';
import { compileRules, lint, loadRules } from '../../src/lint/index.js';
import { readRollout } from '../../src/rollout/manifest.js';
import { PROJECT } from '../shared.js';

describe('rule examples shown as rollout.yaml', async () => {
  const { kb } = await buildKnowledgeBase([`${PROJECT}content`], { cwd: PROJECT });
  const { compiled } = compileRules(await loadRules(), kb);
  const cases = compiled.flatMap((rule) => [
    ...rule.spec.examples.invalid.map((example, i) => ({ rule, example, name: `${rule.spec.id} invalid[${i}]`, expected: ['fail'] })),
    ...rule.spec.examples.valid.map((example, i) => ({ rule, example, name: `${rule.spec.id} valid[${i}]`, expected: ['pass', 'notapplicable'] })),
  ]);

  // The manifest a page shows must mean what the example means: read back and linted, it gets the example's outcome.
  it.each(cases.map((c) => [c.name, c] as const))('%s reads back as a manifest with the same outcome', (_, { rule, example, expected }) => {
    const result = lint(readRollout(exampleManifest(example, rule, 'en'), 'rollout.yaml'), [rule], { locale: 'en', today: '2026-01-01', outcomes: true });
    expect(result.outcomes.map((o) => o.outcome)).toHaveLength(1);
    expect(expected).toContain(result.outcomes[0]!.outcome);
  });

  it('writes the manifest keys an administrator writes, not internal facts', () => {
    const rule = compiled.find((r) => r.spec.id === 'script-installs-msis-in-order')!;
    expect(exampleManifest(rule.spec.examples.invalid[0]!, rule, 'nl')).toBe(
      ['groups:', '  - name: voorbeeld', '    computers:', '      - PC-02', '    method: startup-script', '    script:', '      commands:', '        - msiexec /i rmclientbackcompat.msi /q REBOOT=ReallySuppress', '        - msiexec /i msdrmclient.msi /q REBOOT=ReallySuppress'].join('\n'),
    );
    const vista = compiled.find((r) => r.spec.id === 'pre-vista-needs-activation')!;
    expect(exampleManifest(vista.spec.examples.invalid[0]!, vista, 'en')).toBe(['groups:', '  - name: xp', '    computers:', '      - XP-02', '    os:', '      name: Windows XP', '      version: "5.1"', '    method: manual', '    activation: false'].join('\n'));
  });
});

describe('counts and lists of computers (ICU plural, Intl.ListFormat)', () => {
  it.each([
    ['en', ['FIN-001'], 'Does not comply: FIN-001.'],
    ['en', ['FIN-001', 'FIN-002'], '2 computers do not comply: FIN-001 and FIN-002.'],
    ['en', ['FIN-001', 'FIN-002', 'FIN-003'], '3 computers do not comply: FIN-001, FIN-002, and FIN-003.'],
    ['nl', ['AMS-0015'], 'Voldoet niet: AMS-0015.'],
    ['nl', ['AMS-0015', 'AMS-0016'], '2 computers voldoen niet: AMS-0015 en AMS-0016.'],
    ['nl', ['AMS-0015', 'AMS-0016', 'AMS-0017'], '3 computers voldoen niet: AMS-0015, AMS-0016 en AMS-0017.'],
  ] as const)('%s: %j', (locale, targets, text) => {
    expect(reportText(locale, 'reportFailingTargets', { count: targets.length, targets: listOf(locale, targets) })).toBe(text);
  });

  it.each([
    ['en', 1, 'KIO-01: the plan does not say whether the client is activated.'],
    ['en', 2, 'KIO-01 and KIO-02 (2 computers): the plan does not say whether the client is activated.'],
    ['nl', 1, 'KIO-01: het plan zegt niet of de client wordt geactiveerd.'],
    ['nl', 3, 'KIO-01, KIO-02 en KIO-03 (3 computers): het plan zegt niet of de client wordt geactiveerd.'],
  ] as const)('%s: %i not checked', (locale, count, text) => {
    const targets = ['KIO-01', 'KIO-02', 'KIO-03'].slice(0, count);
    expect(reportText(locale, 'reportNotCheckedItem', { count, targets: listOf(locale, targets), facts: reportText(locale, 'fact', { fact: 'activation' }) })).toBe(text);
  });
});
