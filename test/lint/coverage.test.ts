import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { buildKnowledgeBase } from '../../src/kb/index.js';
import { compileRules, coverageOf, loadRules, type Coverage } from '../../src/lint/index.js';
import { PROJECT } from '../shared.js';

const FIXTURES = `${PROJECT}test/lint/fixtures/sms-procedure`;
const { kb } = await buildKnowledgeBase([`${PROJECT}content`, `${FIXTURES}/nl-nl`, `${FIXTURES}/de-de`], { cwd: PROJECT });
const loaded = await loadRules();
const rules = compileRules(loaded, kb);
/** `kblint …` in this process: exit code, standard output and standard error. */
async function kblint(args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await run(args, { out: (s) => void (stdout += s), err: (s) => void (stderr += s), isTTY: false, cwd: PROJECT });
  return { status, stdout, stderr };
}

describe('coverage', () => {
  it('lists each article with its requirements and the rules that check them, a translated requirement once with its locales, procedure steps apart', () => {
    const coverage = coverageOf(kb, rules, new Map());
    // The SMS procedure in nl and de is one set of requirements, shown in nl (most articles are).
    expect(coverage.articles.map((a) => `${a.doc.slice(0, 8)} ${a.locale}`)).toEqual(['00000000 nl-NL', '4b8dd930 nl-NL']);
    const nl = coverage.articles[0]!;
    expect(nl.requirements.map((r) => `${r.status} ${r.form} ${r.level} ${r.rules.join(',')} ${r.quote.slice(0, 30)} ${Object.keys(r.translations ?? {}).join(',')}`)).toEqual([
      'checked state must sms-program-runs-when-documented Klik op het tabblad Omgeving b de-DE',
      'checked state must sms-program-runs-with-admin-rights Het programma moet worden uitg de-DE',
    ]);
    // A click in a UI is performed, not configured: a step, not a gap.
    expect(nl.steps.map((r) => `${r.status} ${r.quote}`)).toEqual(["step Klik in de SMS-beheerconsole met de rechtermuisknop op Programma's en klik op Nieuw.", 'step Klik op OK.']);
    expect(coverage.inactive).toEqual([]);
    // The seed's 12 instances and one per SMS sentence, not one per locale.
    expect(coverage.totals).toMatchObject({ rules: loaded.length, instances: 14 });
    // Asked for in German, the same rows stand under the German article.
    const de = coverageOf(kb, compileRules(loaded, kb, { locale: 'de' }), new Map(), { locale: 'de' });
    expect(de.articles.map((a) => `${a.doc.slice(0, 8)} ${a.locale}`)).toEqual(['00000000 de-DE']);
    expect(de.articles[0]!.requirements.map((r) => `${r.rules.join(',')} ${r.source.line} ${Object.keys(r.translations ?? {}).join(',')}`)).toEqual([
      'sms-program-runs-when-documented 18 nl-NL',
      'sms-program-runs-with-admin-rights 20 nl-NL',
    ]);
  });

  it('a state requirement no rule checks is a gap', () => {
    const asState = { ...kb, requirements: kb.requirements.map((r) => (r.quote === 'Klik op OK.' ? { ...r, form: 'state' as const } : r)) };
    const nl = coverageOf(asState, rules, new Map(), { article: '00000000', locale: 'nl' });
    expect(nl.articles).toHaveLength(1);
    expect(nl.articles[0]!.requirements.filter((r) => r.status === 'uncovered').map((r) => r.quote)).toEqual(['Klik op OK.']);
    expect(nl.totals).toMatchObject({ requirements: 3, checked: 2, uncovered: 1, steps: 1 });
  });

  it('says why a requirement cannot be checked, from rules/_not-checkable.yaml', () => {
    const id = '4b8dd930/de-rms-client-distribueren/network';
    const c: Coverage = coverageOf(kb, rules, new Map([[id, 'a permission']]), { level: ['may'], article: '4b8dd930' });
    expect(c.articles[0]!.requirements.find((r) => r.requirement === id)).toMatchObject({ status: 'not-checkable', reason: 'a permission' });
  });

  it('filters by article, locale and level on the command line, as JSON', async () => {
    const r = await kblint(['coverage', '--content', 'content', '--content', `${FIXTURES}/de-de`, '--locale', 'de', '--level', 'must', '--json']);
    expect(r.status).toBe(0);
    const c = JSON.parse(r.stdout) as Coverage;
    expect(c.articles.map((a) => a.locale)).toEqual(['de-DE']);
    expect(c.totals).toMatchObject({ requirements: 2, checked: 2, uncovered: 0, steps: 2 });
    expect((await kblint(['coverage', '--level', 'often'])).stderr).toBe("kblint coverage: --level: expected one of must, must-not, should, should-not, may, info; got 'often'\n");
  });

  it('prints a legend and what to do with a gap', async () => {
    const r = await kblint(['coverage', '--content', 'content', '--article', '4b8dd930', '--level', 'may']);
    expect(r.stdout).toContain('De RMS-client distribueren (4b8dd930, nl-NL) content/nl-nl/18113913.md\n');
    expect(r.stdout).toContain('– 4b8dd930/de-rms-client-distribueren/network [may] not checkable: Activation needs no network connection; a rollout cannot contradict a permission.\n');
    expect(r.stdout).toMatch(/\n✗ 4b8dd930\/[a-z0-9/-]+ \[may\] NO RULE\n/);
    expect(r.stdout).toContain('Legend: ✓ checked by the rules named');
    expect(r.stdout).toContain('A gap: write a rule that selects it (rules/<id>.yaml with select: { claim, value, scope }), or give the reason no rollout can contradict it in rules/_not-checkable.yaml.\n');
  });
});
