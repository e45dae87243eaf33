import { describe, expect, it } from 'vitest';
import { extractRequirements } from '../../src/extract/index.js';
import { parseString } from '../../src/parse/index.js';
import { readFileSync } from 'node:fs';
import { PROJECT } from '../shared.js';

const seed = readFileSync(`${PROJECT}content/nl-nl/18113913.md`, 'utf8');
const extract = (text: string) =>
  extractRequirements(parseString(text, 'seed.md'), { locale: 'nl-NL', doc: '4b8dd930-4105-4e73-918c-12d2b05d5fb5' });

describe('stable ids', () => {
  const before = extract(seed);

  it('do not change when an unrelated paragraph is added', () => {
    const edited = seed.replace('**Windows Update gebruiken**', 'U moet deze nieuwe alinea lezen.\n\n**Windows Update gebruiken**');
    const after = extract(edited);
    const ids = new Map(after.map((r) => [r.hash, r.id]));
    for (const r of before) expect(ids.get(r.hash)).toBe(r.id);
    expect(after.length).toBe(before.length + 1);
  });

  it('stay the same while a reworded sentence changes its hash', () => {
    const after = extract(seed.replace('over lokale beheerdersrechten op de computer moet beschikken', 'lokale beheerdersrechten moet hebben'));
    const a = after.find((r) => r.id === '4b8dd930/windows-update-gebruiken/privilege')!;
    const b = before.find((r) => r.id === '4b8dd930/windows-update-gebruiken/privilege')!;
    expect(a.hash).not.toBe(b.hash);
    expect(a.level).toBe('must');
  });
});
