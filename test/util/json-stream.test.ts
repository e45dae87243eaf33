import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/kb/index.js';
import { compileRules, lint, loadRules } from '../../src/lint/index.js';
import { json } from '../../src/report/json.js';
import { readRolloutFile } from '../../src/rollout/load.js';
import { outcomeRecords } from '../../src/lint/index.js';
import { jsonChunks } from '../../src/util/json-stream.js';
import { PROJECT } from '../shared.js';

const joined = (value: unknown) => [...jsonChunks(value)].join('');

describe('jsonChunks: JSON.stringify(value, null, 2), piece by piece', () => {
  it.each([
    ['an empty object', {}],
    ['an empty array', []],
    ['scalars', { a: 1, b: 'two', c: null, d: true, e: -0.5 }],
    ['nested objects and arrays', { a: [1, [2, [3, {}]], { b: [] }], c: { d: { e: 'f\ng' } } }],
    ['undefined and functions left out of objects, null in arrays', { a: undefined, b: () => 1, c: [undefined, () => 1, 3] }],
    ['a Date (toJSON)', { when: new Date(Date.UTC(2024, 1, 29)) }],
    ['strings with line breaks, quotes and controls', ['a\nb', '"q"', '\u0000\u001b[31m', '\u202e']],
    ['a top-level scalar', 'text'],
    ['a null-prototype object', Object.assign(Object.create(null) as object, { k: [1] })],
  ])('%s', (_, value) => {
    expect(joined(value)).toBe(JSON.stringify(value, null, 2));
  });

  it('a generator is written as an array, its items made one at a time', () => {
    let made = 0;
    const items = (function* () {
      for (let i = 0; i < 3; i++) {
        made++;
        yield { i };
      }
    })();
    const pieces = jsonChunks({ before: 1, items, after: [] });
    const first = pieces.next().value;
    expect([first, made]).toEqual(['{\n  "before": ', 0]);
    expect(first + [...pieces].join('')).toBe(JSON.stringify({ before: 1, items: [{ i: 0 }, { i: 1 }, { i: 2 }], after: [] }, null, 2));
    expect(made).toBe(3);
  });
});

describe('the streamed JSON report is the json format, byte for byte', async () => {
  const { kb } = await buildKnowledgeBase([`${PROJECT}content`], { cwd: PROJECT });
  const { compiled } = compileRules(await loadRules(), kb);

  it.each(['examples/fleet.yaml', 'examples/violating.yaml', 'examples/artifacts/rollout.yaml'])('%s: outcomes made while writing equal the ones lint records', async (manifest) => {
    const rollout = await readRolloutFile(`${PROJECT}${manifest}`, manifest, { cwd: PROJECT });
    const options = { locale: 'en' as const, today: '2024-02-29' };
    const kept = lint(rollout, compiled, { ...options, outcomes: true });
    const lean = lint(rollout, compiled, { ...options, outcomes: false });
    expect(lean.outcomes).toEqual([]);
    const streamed = { ...lean, outcomes: outcomeRecords(rollout, compiled) };
    const text = `${joined(streamed)}\n`;
    expect(text).toBe(json(kept, { locale: 'en', rules: compiled, color: false, version: 'test' }));
    expect(kept.outcomes.length).toBe(kept.summary.targets * kept.summary.rules);
  });
});
