import { describe, expect, it } from 'vitest';
import { calloutsOf, codeOf, parseFile, proceduresOf } from '../../src/parse/index.js';
import { markdownFiles } from '../../src/util/files.js';
import { HAS_SHARED, SHARED } from '../shared.js';

const corpus = (p: string) => `${SHARED}corpus/${p}`;

describe.skipIf(!HAS_SHARED)('real TechNet articles (../shared/corpus)', () => {
  it('parses every article without error', async () => {
    const files = await markdownFiles(corpus(''));
    expect(files.length).toBe(1210); // every article in ../shared/corpus, README.md excluded
    const failures: string[] = [];
    for (const file of files) {
      await parseFile(file).catch((e: Error) => failures.push(`${file}: ${e.message}`));
    }
    expect(failures).toEqual([]);
  });

  it.each([
    ['sample/it-it/WindowsRightsManagementServices/18824523.md', ['important/Importante/image-table', 'note/Nota/image-table', 'caution/Attenzione/image-table', 'note/Nota/image-table']],
  ])('finds the callouts of %s', async (file, expected) => {
    const doc = await parseFile(corpus(file));
    const found = calloutsOf(doc).map((c) => `${c.kind}/${c.label}/${c.form}`);
    expect(found.slice(0, expected.length)).toEqual(expected);
  });

  it('reads the HTML-table tip and the docfx notes of a WSUS article', async () => {
    const doc = await parseFile(corpus('sample/de-de/WindowsUpdateServices/21669484.md'));
    const callouts = calloutsOf(doc);
    expect(callouts[0]).toMatchObject({ kind: 'note', form: 'docfx', pos: { line: 15 } });
    expect(callouts.find((c) => c.form === 'html-table')).toMatchObject({ kind: 'tip', label: 'Tipp' });
    expect(callouts.filter((c) => c.form === 'docfx' && c.kind === 'important').map((c) => c.pos.line)).toContain(670);
  });

  it('reads image-and-bold-label callouts with their body', async () => {
    const doc = await parseFile(corpus('sample/es-es/security/starterkitdeeliminacindemalwareplaneacindelarespuesta.md'));
    const c = calloutsOf(doc).find((x) => x.pos.line === 45);
    expect(c).toMatchObject({ kind: 'important', label: 'Importante', form: 'image-label' });
    expect(c!.text.length).toBeGreaterThan(20);
  });

  it('keeps a callout nested in a procedure step (indented image table)', async () => {
    const doc = await parseFile(corpus('sample/nl-nl/WindowsUpdateServices/18126717.md'));
    const proc = proceduresOf(doc).find((p) => p.title === 'To install WSUS on Windows 2000 Server with SUS');
    expect(proc?.steps[0]?.blocks.find((b) => b.type === 'callout')).toMatchObject({ kind: 'note', label: 'Opmerking', pos: { line: 21 } });
  });

  it('reads the older first-import markup of the seed (relative image path)', async () => {
    const doc = await parseFile(corpus('history/nl-nl@aa71797/dermsclientdistribueren-18113913.md'));
    expect(calloutsOf(doc).map((c) => [c.kind, c.label, c.pos.line])).toEqual([['note', 'Opmerking', 16]]);
    expect(doc.meta.assetId).toBe('4b8dd930-4105-4e73-918c-12d2b05d5fb5');
  });

  it('recovers the current nl-nl seed whose author: has a no-break space', async () => {
    const doc = await parseFile(corpus('rms/nl-nl/18113913.md'));
    expect(doc.meta.author).toBe('SharonSears');
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['front-matter']);
    expect(codeOf(doc)[0]!.lines).toHaveLength(2);
  });
});
