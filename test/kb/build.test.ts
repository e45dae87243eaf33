import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, diffKnowledgeBases, serializeKnowledgeBase } from '../../src/kb/index.js';
import { HAS_SHARED, PROJECT, SHARED } from '../shared.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'kblint-kb-'));
const article = (id: string, url: string, body = 'U moet de client installeren.') =>
  `---\nTitle: 'Artikel ${id}'\nms:assetid: '${id}'\nms:mtpsurl: '${url}'\n---\n\nArtikel\n=======\n\n${body}\n`;

describe('building the bundled content', async () => {
  const { kb, problems } = await buildKnowledgeBase([`${PROJECT}content`], { cwd: PROJECT });

  it('holds the seed with its requirements and two unresolved links', () => {
    expect(problems).toEqual([]);
    expect(kb.documents).toMatchObject([{ id: '4b8dd930-4105-4e73-918c-12d2b05d5fb5', locale: 'nl-NL', file: 'content/nl-nl/18113913.md', topicId: 'Cc720266' }]);
    expect(kb.requirements.length).toBe(kb.documents[0]!.requirements);
    expect(kb.links.resolved).toEqual([]);
    expect(kb.links.unresolved.map((l) => [l.to, l.source.line])).toEqual([
      ['9e37c27b-8cc1-40c6-adb7-0937aa64c8db', 37],
      ['c84f1724-cf71-4385-9003-ff68bc23c927', 39],
    ]);
  });

  it('is byte-identical when built again, with or without cache and workers', async () => {
    const cacheDir = tmp();
    const again = await buildKnowledgeBase([`${PROJECT}content`], { cwd: PROJECT, cacheDir });
    const cached = await buildKnowledgeBase([`${PROJECT}content`], { cwd: PROJECT, cacheDir });
    expect(cached.stats).toEqual({ files: 1, cached: 1, built: 0 });
    expect(serializeKnowledgeBase(again.kb)).toBe(serializeKnowledgeBase(kb));
    expect(serializeKnowledgeBase(cached.kb)).toBe(serializeKnowledgeBase(kb));
  });
});

describe('bad content', () => {
  it('builds the rest and names each broken article', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'good.md'), article('aaaaaaaa-0000-0000-0000-000000000001', 'https://technet.microsoft.com/nl-nl/library/Cc1(v=WS.10)'));
    writeFileSync(join(dir, 'dup.md'), article('aaaaaaaa-0000-0000-0000-000000000001', 'https://technet.microsoft.com/nl-nl/library/Cc1(v=WS.10)'));
    writeFileSync(join(dir, 'noid.md'), '---\nTitle: x\n---\n\nTekst.\n');
    writeFileSync(join(dir, 'nolocale.md'), article('aaaaaaaa-0000-0000-0000-000000000002', 'https://example.com/x'));
    writeFileSync(join(dir, 'french.md'), article('aaaaaaaa-0000-0000-0000-000000000003', 'https://technet.microsoft.com/fr-fr/library/Cc1(v=WS.10)'));
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1]));
    const { kb, problems } = await buildKnowledgeBase([dir], { cwd: dir });
    expect(kb.documents.map((d) => d.file)).toEqual(['dup.md']);
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      ['binary.md', 'binary.md:1: binary data (NUL byte at offset 4); expected a text article'],
      ['french.md', "french.md:1: locale 'fr-FR' has no lexicon; known languages: nl, en, de, es, it, pt"],
      ['good.md', 'good.md:1: duplicate asset id aaaaaaaa-0000-0000-0000-000000000001 in locale nl-NL; dup.md has it already'],
      ['noid.md', "noid.md:1: no 'ms:assetid' in the front matter; every article needs its asset id"],
      ['nolocale.md', "nolocale.md:1: cannot tell the article's locale: no locale in 'ms:mtpsurl' and no <locale> folder (such as nl-nl) in its path"],
    ]);
  });

  it('takes the locale from a <locale> folder when the URL has none', async () => {
    const dir = join(tmp(), 'de-de');
    cpSync(`${PROJECT}test/fixtures/articles`, dir, { recursive: true });
    writeFileSync(join(dir, 'x.md'), article('aaaaaaaa-0000-0000-0000-000000000009', 'https://example.com/x', 'Sie müssen neu starten.'));
    const { kb } = await buildKnowledgeBase([dir], { cwd: dir });
    expect(kb.documents.find((d) => d.file === 'x.md')).toMatchObject({ locale: 'de-DE' });
    expect(kb.requirements.find((r) => r.doc === 'aaaaaaaa-0000-0000-0000-000000000009')).toMatchObject({ level: 'must', claims: [{ kind: 'restart', value: 'required' }] });
  });
});

describe.skipIf(!HAS_SHARED)('real articles', () => {
  it('aligns the nl-NL seed with its de-DE translation', async () => {
    const { kb } = await buildKnowledgeBase([`${SHARED}corpus/rms/nl-nl/18113913.md`, `${SHARED}corpus/rms/de-de/18118834.md`]);
    const nl = new Map(kb.requirements.filter((r) => r.locale === 'nl-NL').map((r) => [r.id, r.translations?.['de-DE']]));
    expect(nl.get('4b8dd930/windows-update-gebruiken/privilege')).toBe('4b8dd930/verwenden-von-windows-update/privilege');
    expect(nl.get('4b8dd930/de-rms-client-distribueren/port-2')).toBe('4b8dd930/verteilen-des-rms-clients/port-2');
    expect(nl.get('4b8dd930/installeren-met-een-script/command')).toBe('4b8dd930/verwenden-von-skriptinstallation/command');
  });

  it('diffs the first import of the seed against the current one: the lost code block is back', async () => {
    const old = await buildKnowledgeBase([`${SHARED}corpus/history/nl-nl@aa71797/dermsclientdistribueren-18113913.md`]);
    const now = await buildKnowledgeBase([`${SHARED}corpus/rms/nl-nl/18113913.md`]);
    const diff = diffKnowledgeBases(old.kb, now.kb);
    expect(diff.added.map((r) => r.id)).toEqual(['4b8dd930/installeren-met-een-script/command', '4b8dd930/installeren-met-een-script/method-2']);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.map((c) => c.after.id)).toEqual(['4b8dd930/installeren-met-een-script/method']);
    expect(diff.unchanged).toBe(now.kb.requirements.length - 3);
  });

  it('re-parses only the touched article on a warm rebuild of a locale', async () => {
    const dir = join(tmp(), 'nl-nl');
    cpSync(`${SHARED}corpus/rms/nl-nl`, dir, { recursive: true });
    const cacheDir = tmp();
    const cold = await buildKnowledgeBase([dir], { cwd: dir, cacheDir });
    expect(cold.stats).toEqual({ files: 307, cached: 0, built: 307 });
    const seed = join(dir, '18113913.md');
    writeFileSync(seed, `${readFileSync(seed, 'utf8')}\nU moet dit lezen.\n`);
    const warm = await buildKnowledgeBase([dir], { cwd: dir, cacheDir });
    expect(warm.stats).toEqual({ files: 307, cached: 306, built: 1 });
    expect(warm.kb.requirements.length).toBe(cold.kb.requirements.length + 1);
    expect(existsSync(join(cacheDir, 'kb-cache.json'))).toBe(true);
  });
});
