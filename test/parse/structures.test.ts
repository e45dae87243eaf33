import { describe, expect, it } from 'vitest';
import { calloutsOf, codeOf, parseFile, parseString, proceduresOf, sections } from '../../src/parse/index.js';
import { classifyLink } from '../../src/parse/links.js';
import { PROJECT } from '../shared.js';

const fixture = (name: string) => parseFile(`${PROJECT}test/fixtures/articles/${name}`, name);

describe('callouts', async () => {
  const doc = await fixture('callouts.md');
  const found = calloutsOf(doc).map((c) => [c.kind, c.label, c.form, c.text, c.pos.line]);

  it.each([
    ['note', 'Opomba', 'image-table', 'Eerste regel.\nTweede regel.', 9],
    ['caution', 'Caution', 'docfx', 'Dit is een <waarschuwing> over c:\\\\mapnaam.', 14],
    ['caution', 'CAUTIION', 'docfx', 'Misspelt marker.', 17],
    ['note', 'POINT', 'docfx', 'Odd marker.', 20],
    ['tip', 'Tipp', 'html-table', 'Type wsusutil help & read.', 27],
    ['important', 'Wichtig', 'image-label', 'Body of the important note.', 39],
    ['warning', 'Warnung', 'image-label', 'Body on the same line.', 43],
    ['tip', 'TIP', 'docfx', 'Nested tip.', 49],
  ])('finds a %s callout labelled %s (%s)', (kind, label, form, text, line) => {
    expect(found).toContainEqual([kind, label, form, text, line]);
  });

  it('finds nothing else: a screenshot and a plain quote are not callouts', () => {
    expect(found).toHaveLength(8);
  });

  it('keeps a plain blockquote as prose', () => {
    const texts = doc.root.children[0]!.blocks.filter((b) => b.type === 'text').map((b) => (b as { text: string }).text);
    expect(texts).toContain('Just a quote.');
  });
});

describe('procedures, code and links', async () => {
  const doc = await fixture('procedure.md');

  it('reads a numbered list as a procedure titled by its bold heading', () => {
    const [proc, ...rest] = proceduresOf(doc);
    expect(rest).toEqual([]);
    expect(proc!.title).toBe('De RMS-client met behulp van SMS implementeren');
    expect(proc!.steps.map((s) => [s.text, s.pos.line])).toEqual([
      ['Maak een pakket met de RMS-client.', 16],
      ['Maak een programma met deze opdrachtregel:', 25],
      ['Wijs het programma toe aan de verzameling.', 30],
    ]);
    const first = proc!.steps[0]!;
    expect(first.blocks.map((b) => b.type)).toEqual(['list', 'callout']);
    expect(first.blocks[1]).toMatchObject({ kind: 'important', label: 'Belangrijk', text: 'U moet het pakket testen voordat u het distribueert.' });
    expect(proc!.steps[1]!.blocks).toMatchObject([{ type: 'code', form: 'inline', lines: ['msiexec /i MsDrmClient.msi /qn', 'msiexec /i RmClientBackCompat.msi /qn'] }]);
  });

  it('nests the bold heading under the ATX heading it follows', () => {
    expect([...sections(doc.root)].map((s) => [s.title, s.depth])).toEqual([
      ['', 0],
      ['Clients implementeren', 1],
      ['De RMS-client met behulp van SMS implementeren', 3],
      ['De RMS-client met behulp van SMS implementeren', 4],
      ['Verwante onderwerpen', 2],
    ]);
  });

  it('classifies links', () => {
    expect(doc.links.map((l) => [l.kind, l.assetId ?? null])).toEqual([
      ['external', null],
      ['anchor', null],
      ['article', '4b8dd930-4105-4e73-918c-12d2b05d5fb5'],
    ]);
  });
});

describe('link classes', () => {
  it.each([
    ['https://technet.microsoft.com/9e37c27b-8cc1-40c6-adb7-0937aa64c8db', 'article'],
    ['https://technet.microsoft.com/nl-nl/library/9E37C27B-8CC1-40C6-ADB7-0937AA64C8DB(v=WS.10)', 'article'],
    ['https://technet.microsoft.com/library/Cc720266(v=WS.10)', 'library'],
    ['http://go.microsoft.com/fwlink/?LinkId=68637', 'external'],
    ['#Stap', 'anchor'],
    ['ms07-057.md', 'relative'],
  ])('%s is %s', (url, kind) => {
    expect(classifyLink(url).kind).toBe(kind);
  });
});

describe('fenced and indented code', () => {
  it('tells fenced from indented code and warns on an unclosed fence', () => {
    const doc = parseString('# T\n\n```cmd\ndir\n```\n\n    indented\n\n```\nnever closed\n', 'code.md');
    expect(codeOf(doc).map((c) => [c.form, c.lang ?? null, c.text, c.pos.line])).toEqual([
      ['fenced', 'cmd', 'dir', 3],
      ['indented', null, 'indented', 7],
      ['fenced', null, 'never closed', 9],
    ]);
    expect(doc.diagnostics.map((d) => [d.code, d.pos.line])).toEqual([
      ['no-front-matter', 1],
      ['unclosed-fence', 9],
    ]);
  });
});
