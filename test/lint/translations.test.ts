import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../src/extract/types.js';
import { buildKnowledgeBase, type KnowledgeBase } from '../../src/kb/index.js';
import { compileRules, coverageOf, defaultLocale, lint, loadRules, translationSets } from '../../src/lint/index.js';
import type { Rollout } from '../../src/rollout/types.js';
import { HAS_SHARED, PROJECT, SHARED } from '../shared.js';

// A requirement the documentation states in five locales is one requirement: one rule instance,
// one finding, cited in the run's locale with the other locales beside it.
const rules = await loadRules();

/** `De RMS-client distribueren` (4b8dd930) in every locale of the corpus. */
const SEED_TRANSLATIONS = [
  ['de-de', '18118834.md'],
  ['es-es', 'distribucindelclientederms.md'],
  ['it-it', '18824590.md'],
  ['nl-nl', '18113913.md'],
  ['pt-br', '18123582.md'],
] as const;

async function fiveLocales(): Promise<KnowledgeBase> {
  const root = mkdtempSync(join(tmpdir(), 'kblint-translations-'));
  for (const [locale, file] of SEED_TRANSLATIONS) {
    mkdirSync(join(root, locale));
    cpSync(`${SHARED}corpus/rms/${locale}/${file}`, join(root, locale, file));
  }
  return (await buildKnowledgeBase(SEED_TRANSLATIONS.map(([l]) => join(root, l)), { cwd: PROJECT })).kb;
}

const rollout: Rollout = {
  file: 'r.yaml',
  clusters: {},
  waivers: [],
  targets: [{ name: 'PC', facts: { group: 'g', method: 'windows-update', installer: { localAdmin: false } }, location: { file: 'r.yaml', line: 3, column: 5 }, sources: {} }],
};
const wuFindings = (kb: KnowledgeBase, locale?: string) =>
  lint(rollout, compileRules(rules, kb, locale ? { locale } : {}).compiled, { locale: 'en', today: '2026-01-01' })
    .findings.filter((f) => f.rule === 'windows-update-needs-local-admin')
    .map((f) => `${f.requirement.locale} ${f.requirement.id} +${Object.keys(f.requirement.translations ?? {}).join(',')}`);

describe.skipIf(!HAS_SHARED)('the seed article in five locales', async () => {
  const kb = HAS_SHARED ? await fiveLocales() : undefined!;

  // pt-BR is aligned too, but its sentence does not (yet) carry the local-admin claim, so the check
  // neither cites it nor names it as saying the same; --locale pt-BR falls back to the default.
  const wu = (locale: string) => kb.requirements.find((r) => r.locale === locale && /windows-update[^/]*\/privilege$/.test(r.id))!.id;
  it.each([
    [undefined, 'de-DE', ['es-ES', 'it-IT', 'nl-NL']],
    ['nl', 'nl-NL', ['de-DE', 'es-ES', 'it-IT']],
    ['es', 'es-ES', ['de-DE', 'it-IT', 'nl-NL']],
    ['it-IT', 'it-IT', ['de-DE', 'es-ES', 'nl-NL']],
  ])('--locale %s: one finding for the Windows Update sentence, cited in %s, the other locales beside it', (locale, cited, others) => {
    const [finding, ...more] = wuFindings(kb, locale);
    expect(more).toEqual([]);
    expect(finding!.startsWith(`${cited} ${wu(cited)} +`)).toBe(true);
    expect(finding!.split('+')[1]!.split(',').filter((l) => l !== 'pt-BR')).toEqual(others);
  });

  it('gives each selector rule at most as many instances as the article has requirements in one locale', () => {
    const { compiled, stale } = compileRules(rules, kb);
    expect(stale).toEqual([]);
    const perLocale = Math.max(...SEED_TRANSLATIONS.map(([l]) => kb.requirements.filter((r) => r.locale.toLowerCase() === l).length));
    for (const rule of compiled) expect(rule.instances.length, rule.spec.id).toBeLessThanOrEqual(perLocale);
    // Five locales, yet the seed's one Windows Update sentence: one instance.
    expect(compiled.find((r) => r.spec.id === 'windows-update-needs-local-admin')!.instances).toHaveLength(1);
  });

  it('cites a pinned requirement in the run\'s locale when that translation states the same claims; the pin\'s hash still decides staleness', () => {
    const pinned = (locale: string, k = kb) => compileRules(rules.filter((r) => r.spec.id === 'script-installs-quietly'), k, { locale });
    const nl = pinned('nl').compiled[0]!.instances[0]!;
    expect(nl.requirement.id).toBe('4b8dd930/installeren-met-een-script/command');
    const de = pinned('de').compiled[0]!.instances[0]!;
    expect(de.requirement.claims).toEqual(nl.requirement.claims);
    expect([de.requirement.locale, de.translations.map((t) => t.locale).includes('nl-NL')]).toEqual(['de-DE', true]);
    const pin = rules.find((r) => r.spec.id === 'script-installs-quietly')!.spec.requirement!;
    const changed = { ...kb, requirements: kb.requirements.map((r) => (r.id === pin ? { ...r, hash: 'f'.repeat(64) } : r)) };
    const { compiled, stale } = pinned('de', changed);
    expect(compiled).toEqual([]);
    expect(stale.map((s) => s.reason.slice(0, s.reason.indexOf(' for ')))).toEqual([`requirement ${pin} changed (hash ffffffffffffffff, rule written`]);
  });
});

describe.skipIf(!HAS_SHARED)('coverage of the seed article in five locales', async () => {
  const kb = HAS_SHARED ? await fiveLocales() : undefined!;
  const rows = (locale: string) => coverageOf(kb, compileRules(rules, kb, { locale }), new Map(), { article: '4b8dd930', locale }).articles.flatMap((a) => a.requirements);

  it('shows a translated requirement once, in the asked locale, with the other locales', () => {
    const nl = rows('nl');
    const wu = nl.find((r) => r.requirement === '4b8dd930/windows-update-gebruiken/privilege')!;
    expect([wu.status, wu.rules, Object.keys(wu.translations ?? {}).sort()]).toEqual(['checked', ['windows-update-needs-local-admin'], ['de-DE', 'es-ES', 'it-IT', 'pt-BR']]);
    expect(nl.every((r) => r.source.file.includes('nl-nl'))).toBe(true);
    expect(rows('de').filter((r) => r.rules.includes('windows-update-needs-local-admin')).map((r) => r.requirement)).toEqual(['4b8dd930/verwenden-von-windows-update/privilege']);
  });

  it("names the rules that check the row's own sentence, not those of another sentence the alignment joined to it", () => {
    // "De RMS-client kan niet langer meer afzonderlijk worden geïnstalleerd" (Vista has it built in).
    const builtin = rows('nl').find((r) => r.requirement === '4b8dd930/de-rms-client-distribueren/install')!;
    expect(builtin.rules).toEqual(['vista-no-separate-client']);
  });
});

describe('translation sets', () => {
  const req = (locale: string, id: string, translations?: Record<string, string>): Requirement => ({
    id,
    doc: 'd',
    locale,
    section: 's',
    level: 'must',
    form: 'state',
    scope: {},
    claims: [],
    quote: id,
    source: { file: `${locale}.md`, line: 1, column: 1 },
    hash: '0'.repeat(64),
    place: '1/1/1',
    ...(translations ? { translations } : {}),
  });
  const kb = (requirements: Requirement[], locales: string[]): KnowledgeBase => ({
    format: 'kblint-kb/1',
    documents: locales.map((locale) => ({ id: 'd', locale, title: 't', file: `${locale}.md`, contentHash: '', requirements: 0 })),
    requirements,
    links: { resolved: [], unresolved: [] },
  });

  it('joins requirements that translations connect only through a third locale', () => {
    const k = kb([req('nl-NL', 'n', { 'de-DE': 'd' }), req('de-DE', 'd', { 'nl-NL': 'n', 'pt-BR': 'p' }), req('pt-BR', 'p', { 'de-DE': 'd' }), req('nl-NL', 'alone')], ['nl-NL', 'de-DE', 'pt-BR']);
    expect(translationSets(k).map((s) => s.members.map((m) => `${m.locale}:${m.id}`))).toEqual([['nl-NL:n', 'de-DE:d', 'pt-BR:p'], ['nl-NL:alone']]);
    expect(translationSets(k, 'pt').map((s) => s.members[0]!.id)).toEqual(['p', 'alone']);
  });

  it.each([
    [['nl-NL', 'de-DE', 'de-DE'], 'de-DE'],
    [['nl-NL', 'de-DE'], 'nl-NL'],
    [[], undefined],
  ])('defaults citations to the locale most articles are in, ties to the first: %j → %s', (locales, expected) => {
    expect(defaultLocale(kb([], locales))).toBe(expected);
  });
});
