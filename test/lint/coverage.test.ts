import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/kb/index.js';
import { compileRules, coverageOf, loadRules, type Coverage } from '../../src/lint/index.js';
import { PROJECT } from '../shared.js';

const FIXTURES = `${PROJECT}test/lint/fixtures/sms-procedure`;
const { kb } = await buildKnowledgeBase([`${PROJECT}content`, `${FIXTURES}/nl-nl`, `${FIXTURES}/de-de`], { cwd: PROJECT });
const rules = compileRules(await loadRules(), kb);
const kblint = (args: string[]) => spawnSync(process.execPath, [`${PROJECT}dist/cli/bin.js`, ...args], { cwd: PROJECT, encoding: 'utf8' });

describe('coverage', () => {
  it('lists each article and locale with its requirements, the rules that check them, and the gaps', () => {
    const coverage = coverageOf(kb, rules, new Map());
    expect(coverage.articles.map((a) => `${a.doc.slice(0, 8)} ${a.locale}`)).toEqual(['00000000 de-DE', '00000000 nl-NL', '4b8dd930 nl-NL']);
    const nl = coverage.articles[1]!;
    expect(nl.requirements.map((r) => `${r.status} ${r.level} ${r.rules.join(',')} ${r.quote.slice(0, 30)}`)).toEqual([
      'uncovered must  Klik in de SMS-beheerconsole m',
      'checked must sms-program-runs-with-admin-rights Het programma moet worden uitg',
      'uncovered must  Klik op OK.',
    ]);
    expect(nl.alsoChecked.map((r) => `${r.level} ${r.rules.join(',')}`)).toEqual(['may sms-program-runs-when-documented']);
    expect(coverage.inactive).toEqual([]);
  });

  it('lists procedure steps (form: action) apart: a click is performed, not a gap', () => {
    const steps = { ...kb, requirements: kb.requirements.map((r) => (r.quote.startsWith('Klik') && r.locale === 'nl-NL' ? { ...r, form: 'action' as const } : r)) };
    const nl = coverageOf(steps, rules, new Map(), { article: '00000000', locale: 'nl' }).articles;
    expect(nl).toHaveLength(1);
    expect(nl[0]!.requirements.map((r) => r.status)).toEqual(['checked']);
    expect(nl[0]!.steps.map((r) => `${r.status} ${r.quote}`)).toEqual(['step Klik in de SMS-beheerconsole met de rechtermuisknop op Programma\'s en klik op Nieuw.', 'step Klik op OK.']);
  });

  it('says why a requirement cannot be checked, from rules/_not-checkable.yaml', () => {
    const id = '4b8dd930/de-rms-client-distribueren/network';
    const c: Coverage = coverageOf(kb, rules, new Map([[id, 'a permission']]), { level: ['may'], article: '4b8dd930' });
    expect(c.articles[0]!.requirements.find((r) => r.requirement === id)).toMatchObject({ status: 'not-checkable', reason: 'a permission' });
  });

  it('filters by article, locale and level on the command line, as JSON', () => {
    const r = kblint(['coverage', '--content', 'content', '--content', `${FIXTURES}/de-de`, '--locale', 'de', '--level', 'must', '--json']);
    expect(r.status).toBe(0);
    const c = JSON.parse(r.stdout) as Coverage;
    expect(c.articles.map((a) => a.locale)).toEqual(['de-DE']);
    expect(c.totals).toMatchObject({ requirements: 3, checked: 1, uncovered: 2 });
    expect(kblint(['coverage', '--level', 'often']).stderr).toBe("kblint coverage: --level: expected one of must, must-not, should, should-not, may, info; got 'often'\n");
  });

  it('prints a legend and what to do with a gap', () => {
    const r = kblint(['coverage', '--content', 'content', '--content', `${FIXTURES}/nl-nl`, '--article', '00000000']);
    expect(r.stdout).toContain('SMS instellen voor de implementatie van clients (00000000, nl-NL) test/lint/fixtures/sms-procedure/nl-nl/sms-instellen.md\n');
    expect(r.stdout).toContain('✗ 00000000/een-programma-voor-de-rms-client-maken-in-sms/must [must] NO RULE\n    "Klik op OK."\n');
    expect(r.stdout).toContain('Legend: ✓ checked by the rules named');
    expect(r.stdout).toContain('A gap: write a rule that selects it (rules/<id>.yaml with select: { claim, value, scope }), or give the reason no rollout can contradict it in rules/_not-checkable.yaml.\n');
  });
});
