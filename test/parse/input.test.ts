import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KblintError } from '../../src/errors.js';
import { parseBytes, parseFile, parseString } from '../../src/parse/index.js';

const FM = "---\nTitle: 'T'\nms:assetid: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'\nms:mtpsurl: 'https://technet.microsoft.com/nl-nl/library/Cc1(v=WS.10)'\n---\n";

function failure(fn: () => unknown): KblintError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KblintError) return e;
    throw e;
  }
  throw new Error('expected a KblintError');
}

describe('front matter as the corpus writes it', () => {
  it('recovers a no-break space after author: with a warning', () => {
    const doc = parseString(`---\nTitle: 'T'\nauthor:\u00a0SharonSears\nms.author:\u00a0SharonSears\n---\n\nBody.\n`, 'nbsp.md');
    expect(doc.meta).toMatchObject({ title: 'T', author: 'SharonSears', msAuthor: 'SharonSears' });
    expect(doc.diagnostics.map((d) => [d.code, d.pos.line])).toEqual([['front-matter', 3]]);
  });

  it.each([
    ['a UTF-8 BOM', `\ufeff${FM}\nBody.\n`, 7],
    ['blank lines before it', `\n\n${FM}\nBody.\n`, 9],
    ['spaces before the opener', ` ${FM}\nBody.\n`, 7],
    ['CRLF line endings', `${FM}\nBody.\n`.replace(/\n/g, '\r\n'), 7],
  ])('reads front matter after %s and keeps body lines true', (_, text, bodyLine) => {
    const doc = parseString(text, 'x.md');
    expect(doc.meta.assetId).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
    expect(doc.meta.locale).toBe('nl-NL');
    expect(doc.root.blocks[0]).toMatchObject({ text: 'Body.', pos: { line: bodyLine } });
  });

  it('reads front matter glued to a stray first line, and warns', () => {
    const doc = parseString(`net Explorer e, sites---\nTOCTitle: 'MS16-154'\nms:assetid: 'ms16-154'\n---\n\nBody.\n`, 'glued.md');
    expect(doc.meta).toMatchObject({ tocTitle: 'MS16-154', assetId: 'ms16-154' });
    expect(doc.diagnostics[0]).toMatchObject({ code: 'front-matter', pos: { line: 1 } });
  });

  it('parses an article without front matter, titled by its first heading', () => {
    const doc = parseString('# Microsoft-Sicherheitsempfehlung 4092731\n\nText.\n', 'nofm.md');
    expect(doc.meta).toEqual({ title: 'Microsoft-Sicherheitsempfehlung 4092731' });
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['no-front-matter']);
  });
});

describe('text residue', () => {
  it('decodes entities, undoes escapes, folds no-break and zero-width spaces', () => {
    const doc = parseString(`${FM}\nGebruik &lt;pad&gt; in c:\\\\mapnaam, my\\_file en Windows\u00a0Vista\u200b®.\n`, 'text.md');
    expect(doc.root.blocks[0]).toMatchObject({ text: 'Gebruik <pad> in c:\\mapnaam, my_file en Windows Vista®.' });
  });
});

describe('bad input gets a clear error', () => {
  const cases: [string, () => unknown, string, RegExp][] = [
    ['an empty file', () => parseBytes(new Uint8Array(), 'empty.md'), 'empty', /file is empty/],
    ['only white space', () => parseString(' \n\n', 'blank.md'), 'empty', /no content/],
    ['front matter that is not YAML', () => parseString('---\nTitle: [unclosed\n---\n', 'bad.md'), 'front-matter', /not valid YAML/],
    ['front matter that is a list', () => parseString('---\n- a\n- b\n---\n', 'list.md'), 'front-matter', /must be a mapping/],
    ['an unclosed front matter', () => parseString('---\nTitle: x\n', 'open.md'), 'unclosed-front-matter', /never closed/],
    ['a YAML alias bomb', () => parseString(`---\n${aliasBomb()}---\n`, 'bomb.md'), 'front-matter', /alias/i],
    ['coffee front matter', () => parseString('---coffee\na: 1\n---\n', 'c.md'), 'code-front-matter', /is code/],
    ['binary junk', () => parseBytes(Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256), 'junk.md'), 'binary', /binary data/],
    ['control characters', () => parseBytes(new TextEncoder().encode('\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e text'), 'ctl.md'), 'binary', /control/],
    ['a 50 MB file', () => parseBytes(new Uint8Array(50 * 1024 * 1024).fill(0x61), 'big.md'), 'too-large', /50\.0 MiB/],
  ];
  it.each(cases)('%s', (_, fn, code, message) => {
    const e = failure(fn);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.file).toBeDefined();
  });

  it('names the line of a YAML error', () => {
    const e = failure(() => parseString('---\nTitle: ok\nbad: [x\n---\n', 'line.md'));
    expect(e.format()).toMatch(/^line\.md:3/);
  });

  it('refuses ---js front matter without evaluating it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-js-'));
    const marker = join(dir, 'pwned');
    const payload = `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') }\n---\n# T\n`;
    for (const text of [payload, payload.replace('---js', '---javascript')]) {
      const e = failure(() => parseString(text, 'evil.md'));
      expect(e.code).toBe('code-front-matter');
      expect(e.format()).toMatch(/^evil\.md:1: front matter in 'java(script)?' is code|^evil\.md:1: front matter in 'js' is code/);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('reads Latin-1 bytes as Windows-1252 with a warning', () => {
    const bytes = Buffer.from(`${FM}\nDe client wordt geïnstalleerd.\n`, 'latin1');
    const doc = parseBytes(bytes, 'latin1.md');
    expect(doc.root.blocks[0]).toMatchObject({ text: 'De client wordt geïnstalleerd.' });
    expect(doc.diagnostics[0]).toMatchObject({ code: 'encoding', message: 'not valid UTF-8; decoded as Windows-1252' });
  });

  it('reads UTF-16LE with a BOM', () => {
    const text = `${FM}\nTekst.\n`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(parseBytes(bytes, 'u16.md').meta.title).toBe('T');
  });

  it('reports a missing file by name', async () => {
    await expect(parseFile('/nonexistent/x.md', 'x.md')).rejects.toMatchObject({ code: 'unreadable', message: 'no such file; expected a markdown article' });
  });

  it('parses a pathological line in linear time', () => {
    const line = '**a '.repeat(50_000);
    const doc = parseString(`${FM}\n${line}\n`, 'stars.md');
    expect(doc.root.blocks).toHaveLength(1);
  });
});

function aliasBomb(): string {
  let s = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < 12; i++) s += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  return s;
}

