/** src/util: what Stryker found unguarded — exact messages, places and boundaries. */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/util/atomic.js';
import { FILE_CONCURRENCY, mapLimit } from '../../src/util/concurrency.js';
import { displayPath, markdownFiles, readInputFile } from '../../src/util/files.js';
import { own } from '../../src/util/own.js';
import { schemaHash, schemaText, schemaValidator } from '../../src/util/schema-validator.js';
import { PROJECT } from '../shared.js';
import { assertValid, displayPath as yamlPathText, pathOf, plainErrors } from '../../src/util/schema-errors.js';
import { loadYaml, MAX_CONFIG_BYTES } from '../../src/util/yaml.js';

const dir = mkdtempSync(join(tmpdir(), 'kblint-util-'));
mkdirSync(join(dir, 'b', 'deep'), { recursive: true });
for (const f of ['b/deep/z.md', 'b/a.MD', 'a.md', 'README.md', 'b/Readme.MD', 'notes.txt']) writeFileSync(join(dir, f), 'x');

describe('markdownFiles', () => {
  it('lists .md files at any depth, any case, sorted, without READMEs', async () => {
    expect(await markdownFiles(dir)).toEqual([join(dir, 'a.md'), join(dir, 'b', 'a.MD'), join(dir, 'b', 'deep', 'z.md')]);
  });

  it('takes a file as itself, and names a missing path', async () => {
    expect(await markdownFiles(join(dir, 'notes.txt'))).toEqual([join(dir, 'notes.txt')]);
    await expect(markdownFiles(join(dir, 'nope'))).rejects.toMatchObject({ code: 'no-such-path', message: 'no such file or folder', file: join(dir, 'nope') });
  });
});

describe('displayPath', () => {
  it.each([
    ['/w/p/examples/a.yaml', '/w/p', 'examples/a.yaml'],
    ['/w/other/a.yaml', '/w/p', '/w/other/a.yaml'],
    ['/w/p', '/w/p', '/w/p'],
  ])('%s from %s → %s', (path, cwd, shown) => {
    expect(displayPath(path, cwd)).toBe(shown);
  });
});

describe('readInputFile', () => {
  it('names a path through a file as not a folder', async () => {
    await expect(readInputFile(join(dir, 'a.md', 'x'), { display: 'a.md/x' })).rejects.toMatchObject({
      code: 'unreadable',
      file: 'a.md/x',
      message: 'a part of the path is not a folder; expected a file',
    });
  });

  it('reads a file of exactly the size limit', async () => {
    expect((await readInputFile(join(dir, 'a.md'), { maxBytes: 1 })).toString()).toBe('x');
  });
});

describe('loadYaml', () => {
  it('locates a node, or its nearest existing parent, by line and column', () => {
    const y = loadYaml('a:\n  b:\n    - x\n    - y\nc: 1\n', 'f.yaml');
    expect(y.value).toEqual({ a: { b: ['x', 'y'] }, c: 1 });
    expect(y.locate(['a', 'b', 1])).toEqual({ line: 4, column: 7 });
    expect(y.locate(['c'])).toEqual({ line: 5, column: 4 });
    expect(y.locate(['a', 'b', 5, 'q'])).toEqual({ line: 3, column: 5 });
    expect(y.locate([])).toEqual({ line: 1, column: 1 });
  });

  it.each([
    ['a: 1\na: 2\n', 'yaml', 2, 1, /^not valid YAML: Map keys must be unique/],
    ['x:\n  __proto__: {}\n', 'forbidden-key', 2, 3, /^key '__proto__' is not allowed \(it would reach the object prototype\)$/],
    ['- constructor: 1\n', 'forbidden-key', 1, 3, /^key 'constructor' is not allowed/],
    ['- [ { prototype: 1 } ]\n', 'forbidden-key', 1, 7, /^key 'prototype' is not allowed/],
  ])('refuses %j', (text, code, line, column, message) => {
    let error: unknown;
    try {
      loadYaml(text, 'f.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code, file: 'f.yaml', line, column });
    expect((error as Error).message).toMatch(message);
  });

  it('refuses a flood of aliases (the yaml package counts 50 as too many)', () => {
    const text = `a: &a [1]\nb: [${Array.from({ length: 60 }, () => '*a').join(', ')}]\n`;
    expect(() => loadYaml(text, 'f.yaml')).toThrow(/^YAML refused: /);
    const some = `a: &a [1]\nb: [${Array.from({ length: 49 }, () => '*a').join(', ')}]\n`;
    expect((loadYaml(some, 'f.yaml').value as { b: unknown[] }).b).toHaveLength(49);
  });

  it('refuses a file over the size limit before parsing it', () => {
    expect(() => loadYaml(`#${'x'.repeat(MAX_CONFIG_BYTES)}`, 'big.yaml')).toThrow('file is 16.0 MiB; a configuration file is expected to be under 16 MiB');
    expect(loadYaml(`#${'x'.repeat(MAX_CONFIG_BYTES - 1)}`, 'ok.yaml').value).toBeNull();
  });
});

describe('schema errors in plain words', () => {
  it('turns JSON pointers into paths and back into text', () => {
    expect(pathOf('/groups/2/a~1b/c~0d')).toEqual(['groups', 2, 'a/b', 'c~d']);
    expect(pathOf('')).toEqual([]);
    expect(yamlPathText(['groups', 2, 'method'])).toBe('groups[2].method');
    expect(yamlPathText([0, 'x'])).toBe('[0].x');
    expect(yamlPathText([])).toBe('(top level)');
  });

  const schema = {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: { type: 'string' },
      method: { enum: ['a', 'b'] },
      fixed: { const: 1 },
      n: { type: 'number', minimum: 3 },
      pick: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    },
  };
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const errorsOf = (value: unknown) => {
    validate(value);
    return plainErrors(validate.errors ?? [], value).map((e) => e.message);
  };

  it.each([
    [{ name: 'x', method: 'c' }, ["method: expected one of a, b; got 'c'"]],
    [{ name: 'x', method: 'y'.repeat(50) }, [`method: expected one of a, b; got '${'y'.repeat(40)}…'`]],
    [{ name: 'x', method: ['a'] }, ['method: expected one of a, b; got a list']],
    [{ name: 'x', method: null }, ['method: expected one of a, b; got null']],
    [{ name: 'x', method: {} }, ['method: expected one of a, b; got a mapping']],
    [{ name: 'x', fixed: 2 }, ['fixed: expected 1; got number 2']],
    [{ name: 7 }, ['name: expected string; got number 7']],
    [{}, ["(top level): missing 'name'"]],
    [{ name: 'x', extra: true }, ["extra: unknown key 'extra'"]],
    [{ name: 'x', n: 1 }, ['n: must be >= 3']],
    [{ name: 'x', pick: true }, ['pick: expected string; got boolean true', 'pick: expected number; got boolean true']],
  ])('%j → %j', (value, messages) => {
    expect(errorsOf(value)).toEqual(messages);
  });

  it('names the first problem at its place and counts the rest', () => {
    const yaml = loadYaml('name: 1\nmethod: c\nextra: 2\nfixed: 3\nn: 0\n', 'g.yaml');
    let error: unknown;
    try {
      assertValid(validate, yaml, 'g.yaml', 'invalid');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'invalid',
      file: 'g.yaml',
      line: 3,
      column: 8,
      message: "extra: unknown key 'extra' (and 4 more: name: expected string; got number 1; method: expected one of a, b; got 'c'; fixed: expected 1; got number 3)",
    });
    expect(() => assertValid(validate, loadYaml('name: ok\n', 'g.yaml'), 'g.yaml', 'invalid')).not.toThrow();
  });
});

describe('writeFileAtomic: a failed write is a KblintError naming the output, and leaves nothing behind', () => {
  const out = mkdtempSync(join(tmpdir(), 'kblint-atomic-'));
  mkdirSync(join(out, 'folder'));
  writeFileSync(join(out, 'file'), 'x');

  it.each([
    ['a folder that does not exist', 'missing/a.txt', 'cannot write the output: its folder does not exist'],
    ['a path through a file', 'file/a.txt', 'cannot write the output: a part of the path is not a folder'],
    ['a folder', 'folder', 'cannot write the output: is a folder; expected a file name'],
  ])('%s', async (_, relative, message) => {
    await expect(writeFileAtomic(join(out, relative), 'data')).rejects.toMatchObject({ name: 'KblintError', code: 'unwritable', file: join(out, relative), message });
    expect(readdirSync(out).sort()).toEqual(['file', 'folder']);
    expect(readdirSync(join(out, 'folder'))).toEqual([]);
    expect(readFileSync(join(out, 'file'), 'utf8')).toBe('x');
  });

  it('writes a new file, and replaces an old one, with no temporary file beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-atomic-'));
    await writeFileAtomic(join(dir, 'r.txt'), 'first');
    await writeFileAtomic(join(dir, 'r.txt'), new TextEncoder().encode('second'));
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['r.txt']);
  });
});

describe('mapLimit', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimit([30, 10, 20, 0, 5], 2, async (ms, i) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return `${i}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:10', '2:20', '3:0', '4:5']);
    expect(most).toBe(2);
  });

  it.each([
    [0, 1],
    [1, 1],
    [3, 3],
    [10, 3],
  ])('limit %i on three items runs %i at once', async (limit, expected) => {
    let running = 0;
    let most = 0;
    await mapLimit(['a', 'b', 'c'], limit, async () => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    });
    expect(most).toBe(expected);
  });

  it('maps nothing to nothing, and opens at most 32 files at once', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
    expect(FILE_CONCURRENCY).toBe(32);
  });
});

describe('own', () => {
  it('finds own keys only, never a prototype member', () => {
    const map: Record<string, number> = { a: 1, zero: 0 };
    expect(own(map, 'a')).toBe(1);
    expect(own(map, 'zero')).toBe(0);
    for (const key of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'b']) expect(own(map, key)).toBeUndefined();
  });
});

describe('readInputFile: what is refused before reading', () => {
  it('names a socket, and a file one byte over the limit with what was expected', async () => {
    const where = mkdtempSync(join(tmpdir(), 'kblint-input-'));
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(where, 'sock'), resolve));
    try {
      await expect(readInputFile(join(where, 'sock'), { display: 'sock' })).rejects.toMatchObject({ code: 'not-a-file', file: 'sock', message: 'expected a file; got a socket' });
    } finally {
      server.close();
    }
    writeFileSync(join(where, 'two'), 'ab');
    await expect(readInputFile(join(where, 'two'), { maxBytes: 1, what: 'a rule file', display: 'two' })).rejects.toMatchObject({ code: 'too-large', file: 'two', message: '2 bytes is over the 1-byte limit for a rule file' });
    await expect(readInputFile(join(where, 'two'), { maxBytes: 1 })).rejects.toMatchObject({ message: '2 bytes is over the 1-byte limit for a file' });
  });
});

describe('loadYaml: duplicate keys anywhere, merge keys as data', () => {
  it.each([
    ['in a nested mapping', 'a:\n  b: 1\n  b: 2\n', 3, 3],
    ['in a mapping in a list', '- a: 1\n  a: 1\n', 2, 3],
    ['after other keys', 'x: 1\ny: 2\nx: 3\n', 3, 1],
  ])('refuses a duplicate key %s at the second one', (_, text, line, column) => {
    expect(() => loadYaml(text, 'f.yaml')).toThrow(expect.objectContaining({ code: 'yaml', message: 'not valid YAML: Map keys must be unique', file: 'f.yaml', line, column }));
  });

  it('keeps `<<` as an ordinary key (no merge keys), and distinct keys as they are', () => {
    expect(loadYaml('base: &b { x: 1 }\nm:\n  <<: *b\n', 'f.yaml').value).toEqual({ base: { x: 1 }, m: { '<<': { x: 1 } } });
    expect(loadYaml('a: 1\nb: 2\nc: [1, 1]\n', 'f.yaml').value).toEqual({ a: 1, b: 2, c: [1, 1] });
  });
});

describe('schema errors: branches, defaults and JSON-pointer escapes', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile({
    type: 'object',
    properties: {
      x: { anyOf: [{ const: 1 }, { const: 2 }] },
      y: { oneOf: [{ type: 'string' }, { type: 'number' }] },
      z: { maxLength: 2 },
      e: { enum: ['a'] },
    },
  });
  const messages = (value: unknown) => {
    validate(value);
    return plainErrors(validate.errors ?? [], value).map((e) => [e.path, e.message]);
  };

  it.each([
    [{ x: 3 }, [[['x'], 'x: expected 1; got number 3'], [['x'], 'x: expected 2; got number 3']]],
    [{ y: true }, [[['y'], 'y: expected string; got boolean true'], [['y'], 'y: expected number; got boolean true']]],
    [{ z: 'abc' }, [[['z'], 'z: must NOT have more than 2 characters']]],
    [{ e: 'b'.repeat(40) }, [[['e'], `e: expected one of a; got '${'b'.repeat(40)}'`]]],
    [{ e: 'b'.repeat(41) }, [[['e'], `e: expected one of a; got '${'b'.repeat(40)}…'`]]],
    [{ e: false }, [[['e'], 'e: expected one of a; got boolean false']]],
  ])('%j', (value, expected) => {
    expect(messages(value)).toEqual(expected);
  });

  it('reads ~01 as ~1 and ~10 as /0', () => {
    expect(pathOf('/a~01/~10/3')).toEqual(['a~1', '/0', 3]);
  });
});

// No test writes a device here: under a Stryker mutant that renames instead, running as root, the
// device (/dev/full) was replaced by a regular file.
describe('writeFileAtomic: replaced by rename', () => {
  it('replaces the file (a new inode), so a reader never sees it half written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-atomic-'));
    writeFileSync(join(dir, 'r.txt'), 'old');
    const before = statSync(join(dir, 'r.txt')).ino;
    await writeFileAtomic(join(dir, 'r.txt'), 'new');
    expect(statSync(join(dir, 'r.txt')).ino).not.toBe(before);
  });
});

describe('markdownFiles and readInputFile on what is not a regular file', () => {
  const where = mkdtempSync(join(tmpdir(), 'kblint-special-'));
  execFileSync('mkfifo', [join(where, 'fifo')]);

  it('names a FIFO given as an article or folder', async () => {
    await expect(markdownFiles(join(where, 'fifo'))).rejects.toMatchObject({ code: 'not-a-file', file: join(where, 'fifo'), message: 'expected a markdown article or a folder of them; got a FIFO' });
  });

  it('writes into a FIFO of its own (a reader gets the bytes; the FIFO stays a FIFO)', async () => {
    const fifo = join(where, 'out');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const closed = new Promise((r) => reader.on('close', r));
    await writeFileAtomic(fifo, 'report');
    await closed;
    expect(got).toBe('report');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('names a missing input file', async () => {
    await expect(readInputFile(join(where, 'nope'), { display: 'nope' })).rejects.toMatchObject({ code: 'unreadable', file: 'nope', message: 'no such file; expected a file' });
  });

  it('names a device and a folder', async () => {
    await expect(readInputFile('/dev/null', { display: 'null' })).rejects.toMatchObject({ code: 'not-a-file', file: 'null', message: 'expected a file; got a device' });
    await expect(readInputFile(where, { what: 'a waiver file', display: 'w' })).rejects.toMatchObject({ code: 'not-a-file', file: 'w', message: 'expected a waiver file; got a folder' });
  });
});

describe('loadYaml: codes, places and exact messages', () => {
  it('says the size, with the code and file', () => {
    expect(() => loadYaml(`#${'x'.repeat(MAX_CONFIG_BYTES)}`, 'big.yaml')).toThrow(expect.objectContaining({ code: 'too-large', file: 'big.yaml' }));
  });

  it('gives the first line of the parser\'s message, at its place', () => {
    expect(() => loadYaml('x: 1\n  y: 2\n', 'f.yaml')).toThrow(expect.objectContaining({ code: 'yaml', file: 'f.yaml', line: 1, column: 4, message: 'not valid YAML: Nested mappings are not allowed in compact mappings' }));
  });

  it('refuses an alias flood at the top of the file', () => {
    const text = `a: &a [1]\nb: [${Array.from({ length: 60 }, () => '*a').join(', ')}]\n`;
    expect(() => loadYaml(text, 'f.yaml')).toThrow(expect.objectContaining({ code: 'yaml', file: 'f.yaml', line: 1, column: 1 }));
  });

  it('locates a missing key at the document, which may start below comments', () => {
    const y = loadYaml('# comment\n\na: 1\n', 'f.yaml');
    expect(y.locate(['zz'])).toEqual({ line: 3, column: 1 });
    expect(y.locate(['a'])).toEqual({ line: 3, column: 4 });
  });
});

describe('schemaValidator', () => {
  it('uses the validator npm run build precompiled for the shipped schema, once', () => {
    const require = createRequire(import.meta.url);
    for (const name of ['rollout', 'rule', 'kb'] as const) {
      const built = require(`${PROJECT}dist/validators/${name}.cjs`) as { default: unknown; schemaHash: string };
      expect(built.schemaHash).toBe(schemaHash(schemaText(name)));
      expect(schemaValidator(name)).toBe(built.default);
      expect(schemaValidator(name)).toBe(schemaValidator(name));
    }
  });

  it('hashes a schema as hex SHA-256 and reads it as text', () => {
    expect(schemaHash('x')).toBe(createHash('sha256').update('x').digest('hex'));
    expect(JSON.parse(schemaText('rule'))).toMatchObject({ type: 'object' });
  });

  it('validates with it', () => {
    const validate = schemaValidator('rollout');
    expect(validate({ groups: [{ name: 'g', computers: ['PC1'] }] })).toBe(true);
    expect(validate({ groups: 'x' })).toBe(false);
  });
});
