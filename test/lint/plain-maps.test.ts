import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/kb/index.js';
import { compileRules, lint, loadRules } from '../../src/lint/index.js';
import type { Rollout } from '../../src/rollout/types.js';
import { PROJECT } from '../shared.js';

// Issue 12: names from rule files are looked up in plain maps and own properties, never on an
// object's prototype (`constructor`, `toString`, `__proto__`).
const { kb } = await buildKnowledgeBase([`${PROJECT}content`], { cwd: PROJECT });
const pinned = readFileSync(`${PROJECT}rules/script-installs-quietly.yaml`, 'utf8');

async function compile(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'kblint-proto-'));
  writeFileSync(join(dir, 'rule.yaml'), text);
  return compileRules(await loadRules(dir), kb);
}

const rollout = (facts: object): Rollout => ({
  file: 'r.yaml',
  clusters: {},
  targets: [{ name: 'PC-01', facts: { group: 'g', method: 'startup-script', ...facts }, location: { file: 'r.yaml', line: 1, column: 1 }, sources: {} }],
  waivers: [],
});

describe('prototype names in rule files', () => {
  it('a fact named constructor is unknown (notchecked), not Object.prototype.constructor', async () => {
    const { compiled } = await compile(pinned.replace('needs: [command]', 'needs: [constructor]'));
    const result = lint(rollout({ command: { line: 'x', msi: [], quiet: false, rebootSuppressed: true } }), compiled, { locale: 'en', today: '2026-01-01', outcomes: true });
    expect(result.outcomes.map((o) => `${o.outcome} ${o.reason}`)).toEqual(['notchecked unknown: constructor']);
  });

  it('a parameter named toString is unknown, not Object.prototype.toString', async () => {
    const text = pinned.replace('quiet: { const: true }', 'quiet: { const: { $param: toString } }');
    await expect(compile(text)).rejects.toThrow("rule script-installs-quietly uses unknown parameter 'toString'");
  });

  it("a claim field named constructor is missing: the pinned rule is stale, it does not bind Object's constructor", async () => {
    const text = pinned.replace('needs: [command]', 'params:\n  p: { claim: command, field: constructor }\nneeds: [command]');
    const { compiled, stale } = await compile(text);
    expect(compiled).toEqual([]);
    expect(stale.map((s) => s.reason)).toEqual(["parameter 'p': its 'command' claim has no 'constructor'"]);
  });

  it('a message naming a prototype member is refused at load', async () => {
    const text = pinned.replace('"{target}: an install command runs without /q', '"{toString}: an install command runs without /q');
    await expect(compile(text)).rejects.toThrow('message.en: unknown value {toString}');
  });
});
