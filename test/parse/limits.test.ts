import { describe, expect, it } from 'vitest';
import { parseString } from '../../src/parse/index.js';
import { checkMarkdownLimits } from '../../src/parse/limits.js';
import { htmlTableRows } from '../../src/parse/html.js';
import { htmlText } from '../../src/parse/text.js';

const FM = '---\ntitle: x\n---\n\n';

describe('nesting the markdown parser cannot take', () => {
  it.each([
    ['2,000 nested >', `${'>'.repeat(2000)} hi\n`, 'deep.md:5:1: more than 32 nested block quotes or list items on one line; kblint reads at most 32'],
    ['5,000 nested * list markers', `${'* '.repeat(5000)}hi\n`, 'deep.md:5:1: more than 32 nested block quotes or list items on one line; kblint reads at most 32'],
    ['5,000 * around a word', `${'*'.repeat(5000)}hi${'*'.repeat(5000)}\n`, "deep.md:5:1: a run of 5000 '*' nests emphasis 5000 deep; kblint reads at most 64"],
    ['3,000 closing emphasis runs in a paragraph', `${'a*'.repeat(3000)}\n`, 'deep.md:5:4002: more than 2000 emphasis markers in one paragraph; kblint reads at most 2000'],
    ['3,000 brackets in a paragraph', `${'[a]('.repeat(3000)}\n`, 'deep.md:5:4001: more than 2000 brackets in one paragraph; kblint reads at most 2000'],
    ['lists nested by indentation', Array.from({ length: 80 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'), 'deep.md:37:65: list items nested more than 32 levels deep; kblint reads at most 32'],
  ])('%s is a KblintError naming the file and line', (_, body, message) => {
    let error: unknown;
    try {
      parseString(FM + body, 'deep.md');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'KblintError' });
    expect((error as { format(): string }).format()).toBe(message);
  });

  // The markdown parser takes seconds on a few hundred levels (13 s on 300) before the tree could
  // be measured: the pre-scan refuses them from the source alone, whatever the indentation style.
  const levels = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');
  it.each([
    ['300 levels of - by two spaces', levels(300, (i) => `${'  '.repeat(i)}- level ${i}`), 'deep.md:33:65: list items nested more than 32 levels deep; kblint reads at most 32'],
    ['300 levels of 1. by four spaces', levels(300, (i) => `${'    '.repeat(i)}1. level ${i}`), 'deep.md:33:129: list items nested more than 32 levels deep; kblint reads at most 32'],
    ['300 levels of * by tabs', levels(300, (i) => `${'\t'.repeat(i)}* level ${i}`), 'deep.md:33:33: list items nested more than 32 levels deep; kblint reads at most 32'],
    ['levels with paragraphs between them', levels(300, (i) => `${'  '.repeat(i)}- level ${i}\n\n${'  '.repeat(i + 1)}text`), 'deep.md:97:65: list items nested more than 32 levels deep; kblint reads at most 32'],
  ])('%s is refused by the pre-scan, before the parser runs', (_, body, message) => {
    let error: unknown;
    try {
      checkMarkdownLimits(body, 'deep.md');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'KblintError', code: 'too-deep' });
    expect((error as { format(): string }).format()).toBe(message);
  });

  it.each([
    ['32 levels of nested lists', levels(32, (i) => `${'  '.repeat(i)}- level ${i}`)],
    ['many sibling lists at one level', levels(500, (i) => `- item ${i}\n  - sub ${i}`)],
    ['indented code four columns past an item', levels(40, (i) => (i === 0 ? '- item' : `      - code line ${i}`))],
  ])('%s passes the pre-scan', (_, body) => {
    expect(() => checkMarkdownLimits(body, 'ok.md')).not.toThrow();
  });

  it.each([
    ['a thematic break of 40 stars', `${'* '.repeat(40)}\n\nText.\n`],
    ['a fill-in line of underscores', `Name: ${'_'.repeat(200)}\n`],
    ['nested quotes and lists within the limit', `> > * 1. - text\n`],
  ])('%s still parses', (_, body) => {
    expect(parseString(FM + body, 'ok.md').file).toBe('ok.md');
  });
});

describe('front matter closed by --- and a stray character (issue 9 item 7)', () => {
  it('reads the front matter and warns', () => {
    const doc = parseString(`---\ntitle: 'Titel'\nms:assetid: 'abc'\n---x\n\nBody.\n`, 'stray.md');
    expect(doc.meta.title).toBe('Titel');
    expect(doc.meta.assetId).toBe('abc');
    expect(doc.diagnostics.map((d) => `${d.pos.line}: ${d.message}`)).toEqual([`4: front matter is closed by '---' followed by a stray "x"; read as '---'`]);
    expect(doc.root.blocks.map((b) => (b.type === 'text' ? b.text : b.type))).toEqual(['Body.']);
  });
});

describe('HTML scanning gives what the regular expressions gave', () => {
  it.each([
    ['<b>a</b><br/>b<!-- c --> d', 'a b d'],
    ['a < b', 'a < b'],
    ['x<div>y</div>z', 'xy z'],
    ['<p>one</p><p>two', 'one two'],
  ])('htmlText(%j) = %j', (html, text) => {
    expect(htmlText(html.replace(/<!--[\s\S]*?-->/g, ''))).toBe(text);
  });

  it('reads rows and cells with their line offsets', () => {
    const html = '<table>\n<tr><th><img src="x/Note(WS.10).gif"/> Let op</th></tr>\n<tr>\n<td>Eerste</td></tr>\n<tr><td>Open <td>never closed\n</table>';
    expect(htmlTableRows(html).map((r) => r.map((c) => [c.header, c.text, c.lineOffset]))).toEqual([
      [[true, 'Let op', 1]],
      [[false, 'Eerste', 2]],
    ]);
  });
});
