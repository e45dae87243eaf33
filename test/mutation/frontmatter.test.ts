/** src/parse/frontmatter.ts: where front matter is found, what it yields, and every refusal, exactly. */
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/parse/frontmatter.js';

describe('front matter that is read', () => {
  it.each([
    ['plain', '---\nTitle: A\nms:assetid: x\n---\nbody\n', { Title: 'A', 'ms:assetid': 'x' }, '\n\n\n\nbody\n', 1, []],
    ['none', '# Heading\ntext\n', {}, '# Heading\ntext\n', undefined, []],
    ['after blank lines', '\n\n---\nTitle: A\n---\nbody', { Title: 'A' }, '\n\n\n\n\nbody', 3, []],
    ['too far down to be front matter', '\n\n\n---\nTitle: A\n---\nbody', {}, '\n\n\n---\nTitle: A\n---\nbody', undefined, []],
    ['closed by ...', '---\nTitle: A\n...\nbody', { Title: 'A' }, '\n\n\nbody', 1, []],
    ['empty', '---\n---\nbody', {}, '\n\nbody', 1, []],
    ['CRLF', '---\r\nTitle: A\r\n---\r\nbody\r\n', { Title: 'A' }, '\n\n\nbody\n', 1, []],
    ['glued to short stray text', 'abc---\nTitle: A\n---\n', { Title: 'A' }, '\n\n\n', 1, [{ line: 1, message: "text before the front matter is not part of the article: 'abc'" }]],
    [
      'glued to long stray text',
      'Some long stray text about sharepoint sites and more---\nTitle: A\n---\nbody',
      { Title: 'A' },
      '\n\n\nbody',
      1,
      [{ line: 1, message: "text before the front matter is not part of the article: '…ray text about sharepoint sites and more'" }],
    ],
    ['glued, but no key follows', 'abc---\n- x\n---\n', {}, 'abc---\n- x\n---\n', undefined, []],
    [
      'a no-break space after a key',
      '---\nTitle: A\nauthor:\u00a0Jan\n---\n',
      { Title: 'A', author: 'Jan' },
      '\n\n\n\n',
      1,
      [{ line: 3, message: 'front matter has a no-break space where YAML expects a space; read as a space' }],
    ],
    ['after a line of spaces and tabs', ' \t\n---\nTitle: A\n---\nbody', { Title: 'A' }, '\n\n\n\nbody', 2, []],
    [
      'glued to stray text and closed by --- with a stray character',
      'abc---\nTitle: A\n---x\nbody',
      { Title: 'A' },
      '\n\n\nbody',
      1,
      [
        { line: 1, message: "text before the front matter is not part of the article: 'abc'" },
        { line: 3, message: 'front matter is closed by \'---\' followed by a stray "x"; read as \'---\'' },
      ],
    ],
    ['glued to stray text of exactly 40 characters', `${'x'.repeat(40)}---\nTitle: A\n---\n`, { Title: 'A' }, '\n\n\n', 1, [{ line: 1, message: `text before the front matter is not part of the article: '${'x'.repeat(40)}'` }]],
    ['glued to stray text of 41 characters', `${'x'.repeat(41)}---\nTitle: A\n---\n`, { Title: 'A' }, '\n\n\n', 1, [{ line: 1, message: `text before the front matter is not part of the article: '…${'x'.repeat(40)}'` }]],
    [
      'no-break spaces after a key and inside its value',
      '---\nTitle: A\nauthor:\u00a0Jan\u00a0Smit\n---\n',
      { Title: 'A', author: 'Jan Smit' },
      '\n\n\n\n',
      1,
      [{ line: 3, message: 'front matter has a no-break space where YAML expects a space; read as a space' }],
    ],
    ['only a comment', '---\n# only a comment\n---\nbody', {}, '\n\n\nbody', 1, []],
    ['a YAML null', '---\n~\n---\n', {}, '\n\n\n', 1, []],
    // YAML 1.2 has no merge keys: `<<` is an ordinary key, so front matter cannot pull in other keys.
    ['a merge key', '---\nbase: &b { x: 1 }\nmine:\n  <<: *b\n---\n', { base: { x: 1 }, mine: { '<<': { x: 1 } } }, '\n\n\n\n\n', 1, []],
    ['exactly 65,536 characters', `---\nT: "${'x'.repeat(65531)}"\n---\n`, { T: 'x'.repeat(65531) }, '\n\n\n', 1, []],
  ])('%s', (_, text, data, body, line, warnings) => {
    expect(parseFrontMatter(text, 'f.md')).toEqual({ data, body, line, warnings });
  });
});

describe('front matter that is refused', () => {
  it.each([
    ['YAML that does not parse', '---\nTitle: A\nx: [1\n---\n', 'front-matter', 'front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]', 3, 6],
    ['bad YAML with a no-break space', '---\nTitle: [\u00a0\n---\n', 'front-matter', 'front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]', 2, 10],
    ['duplicate keys', '---\na: 1\na: 2\n---\n', 'front-matter', 'front matter is not valid YAML: Map keys must be unique', 3, 1],
    ['a scalar', '---\njust text\n---\n', 'front-matter', 'front matter must be a mapping of keys to values; got string', 1, undefined],
    ['a list', '---\n- a\n---\n', 'front-matter', 'front matter must be a mapping of keys to values; got a list', 1, undefined],
    ['js', '---js\n{a: 1}\n---\n', 'code-front-matter', "front matter in 'js' is code; kblint reads data only (expected YAML front matter opened by '---')", 1, undefined],
    ['javascript', '---javascript\n{}\n---\n', 'code-front-matter', "front matter in 'javascript' is code; kblint reads data only (expected YAML front matter opened by '---')", 1, undefined],
    ['coffee', '---coffee\na: 1\n---\n', 'code-front-matter', "front matter in 'coffee' is code; kblint reads data only (expected YAML front matter opened by '---')", 1, undefined],
    ['coffeescript', '---coffeescript\na: 1\n---\n', 'code-front-matter', "front matter in 'coffeescript' is code; kblint reads data only (expected YAML front matter opened by '---')", 1, undefined],
    ['an unknown language', '---toml\na = 1\n---\n', 'front-matter', 'front matter: gray-matter engine "toml" is not registered; expected YAML opened by \'---\'', 1, undefined],
    ['never closed', '\n---\nTitle: A\n', 'unclosed-front-matter', "front matter opened here is never closed; expected a line '---'", 2, 1],
    ['too large', `---\nTitle: "${'x'.repeat(70000)}"\n---\n`, 'front-matter-too-large', 'front matter is 70009 characters; expected a few keys', 1, undefined],
    ['65,537 characters', `---\nT: "${'x'.repeat(65532)}"\n---\n`, 'front-matter-too-large', 'front matter is 65537 characters; expected a few keys', 1, undefined],
    ['bad YAML on line 12', `---\n${Array.from({ length: 10 }, (_, i) => `k${i}: ${i}`).join('\n')}\nx: [1\n---\n`, 'front-matter', 'front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]', 12, 6],
    ['an alias flood', `---\na: &a [1]\nb: [${Array(120).fill('*a').join(',')}]\n---\n`, 'front-matter', 'front matter is not valid YAML: Excessive alias count indicates a resource exhaustion attack', 1, undefined],
  ])('%s', (_, text, code, message, line, column) => {
    let error: unknown;
    try {
      parseFrontMatter(text, 'f.md');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'KblintError', code, message, file: 'f.md', line });
    expect((error as { column?: number }).column).toBe(column);
  });

  it('never runs code in front matter', () => {
    const g = globalThis as { __kblintRan?: boolean };
    expect(() => parseFrontMatter('---js\n{ a: (globalThis.__kblintRan = true) }\n---\n', 'f.md')).toThrow(/is code/);
    expect(g.__kblintRan).toBeUndefined();
  });
});
