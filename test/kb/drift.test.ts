import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../src/extract/types.js';
import { driftReport, type KnowledgeBase } from '../../src/kb/index.js';

function req(doc: string, locale: string, place: string, level: Requirement['level'], quote: string, extra: Partial<Requirement> = {}): Requirement {
  return { id: `${doc}/s/${level}`, doc, locale, section: 's', level, form: 'state', scope: {}, claims: [], quote, source: { file: 'f', line: 1, column: 1 }, hash: '0'.repeat(64), place, ...extra };
}

function kb(requirements: Requirement[], docs: [string, string][]): KnowledgeBase {
  return {
    format: 'kblint-kb/1',
    documents: docs.map(([id, locale]) => ({ id, locale, title: '', file: `${locale}/${id}.md`, contentHash: '0'.repeat(64), requirements: 0 })),
    requirements,
    links: { resolved: [], unresolved: [] },
  };
}

describe('translation drift', () => {
  it('counts section × locale-pair cells that disagree on must / must-not presence', () => {
    const r = driftReport(
      kb(
        [
          req('a', 'nl-NL', '1/0/0', 'must-not', 'U mag de client niet op de server installeren.', { trigger: 'mag … niet' }),
          req('a', 'de-DE', '1/0/0', 'should-not', 'Sie sollten den Client nicht auf dem Server installieren.'),
          req('a', 'nl-NL', '2/0/0', 'must', 'U moet de server opnieuw opstarten.'),
          req('a', 'de-DE', '2/0/0', 'must', 'Sie müssen den Server neu starten.'),
          req('a', 'es-ES', '2/0/0', 'info', 'El servidor se reinicia.', { claims: [{ kind: 'restart', value: 'required' }] }),
          req('b', 'nl-NL', '1/0/0', 'must', 'Alleen in het Nederlands.'),
        ],
        [['a', 'nl-NL'], ['a', 'de-DE'], ['a', 'es-ES'], ['b', 'nl-NL']],
      ),
    );
    // Article a: sections 1 and 2, three locale pairs each; b has one locale and is not compared.
    expect(r).toMatchObject({ articles: 1, cells: 6, disagreeing: 4, rate: 4 / 6 });
    expect(r.byPair['de-DE|nl-NL']).toEqual({ cells: 2, disagreeing: 1, rate: 0.5 });
    expect(r.sections.map((s) => [s.path, s.a.locale, s.b.locale])).toEqual([
      ['1', 'de-DE', 'nl-NL'], ['1', 'es-ES', 'nl-NL'], ['2', 'de-DE', 'es-ES'], ['2', 'es-ES', 'nl-NL'],
    ]);
    expect(r.sections[0]!.b.requirements).toEqual([{ id: 'a/s/must-not', level: 'must-not', quote: 'U mag de client niet op de server installeren.', trigger: 'mag … niet' }]);
    // Each cell says why: a weaker wording in the same block, or nothing read as a requirement.
    expect(r.sections[0]!.a.others).toEqual([{ id: 'a/s/should-not', level: 'should-not', quote: 'Sie sollten den Client nicht auf dem Server installieren.' }]);
    expect(r.sections.map((s) => s.why)).toEqual([
      ["nl-NL reads must-not ('mag … niet'); de-DE reads the same block as should-not"],
      ["nl-NL reads must-not ('mag … niet'); es-ES reads nothing in the section as a requirement (worded as a description, or not translated)"],
      ["de-DE reads must ('must'); es-ES reads the same block as info"],
      ["nl-NL reads must ('must'); es-ES reads the same block as info"],
    ]);
  });

  it('lists aligned translations whose level or claims differ', () => {
    const nl = req('a', 'nl-NL', '1/0/0', 'must', 'U moet de computer opnieuw opstarten.', { id: 'a/s/restart', translations: { 'de-DE': 'a/s/restart' }, claims: [{ kind: 'restart', value: 'required' }] });
    const de = req('a', 'de-DE', '1/0/0', 'should', 'Sie sollten den Computer neu starten.', { id: 'a/s/restart', translations: { 'nl-NL': 'a/s/restart' } });
    const r = driftReport(kb([nl, de], [['a', 'nl-NL'], ['a', 'de-DE']]));
    expect(r.aligned).toEqual([
      { doc: 'a', differs: ['level', 'claims'], a: { id: 'a/s/restart', locale: 'de-DE', level: 'should', claims: [], quote: de.quote }, b: { id: 'a/s/restart', locale: 'nl-NL', level: 'must', claims: ['restart required'], quote: nl.quote } },
    ]);
  });
});
