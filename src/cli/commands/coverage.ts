import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BUNDLED_RULES } from '../../lint/index.js';
import { loadYaml } from '../../util/yaml.js';
import { displayPath } from '../../util/files.js';
import { kbOptions, loadKnowledgeBase } from '../kb-source.js';
import type { Command } from '../main.js';
import { compiledRules, rulesOptions } from '../rules-source.js';

const CHECKED_LEVELS = new Set(['must', 'must-not', 'should']);

async function notCheckable(dir: string): Promise<Map<string, string>> {
  const file = join(dir, '_not-checkable.yaml');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return new Map();
  }
  const list = loadYaml(text, file).value as { requirement: string; reason: string }[] | null;
  return new Map((list ?? []).map((e) => [e.requirement, e.reason]));
}

export const coverageCommand: Command = {
  name: 'coverage',
  summary: 'which must/must-not/should requirements have rules, and which rules are stale',
  usage: 'kblint coverage [--kb kb.json] [--rules dir] [--json]',
  options: { ...kbOptions, ...rulesOptions, json: { type: 'boolean' } },
  async run({ options, io }) {
    const kb = await loadKnowledgeBase(options, io);
    const { compiled, stale } = await compiledRules(options, io, kb);
    const dir = typeof options.rules === 'string' ? resolve(io.cwd, options.rules) : BUNDLED_RULES;
    const reasons = await notCheckable(dir);
    const rows = kb.requirements
      .filter((r) => CHECKED_LEVELS.has(r.level))
      .map((r) => {
        const rules = compiled.filter((c) => c.requirement.id === r.id).map((c) => c.spec.id);
        const status = rules.length ? 'checked' : reasons.has(r.id) ? 'not-checkable' : 'uncovered';
        return { requirement: r.id, level: r.level, status, rules, reason: reasons.get(r.id), quote: r.quote };
      });
    const uncited = kb.requirements.filter((r) => !CHECKED_LEVELS.has(r.level) && compiled.some((c) => c.requirement.id === r.id));
    if (options.json) {
      io.out(`${JSON.stringify({ requirements: rows, alsoChecked: uncited.map((r) => ({ requirement: r.id, level: r.level, rules: compiled.filter((c) => c.requirement.id === r.id).map((c) => c.spec.id) })), stale }, null, 2)}\n`);
    } else {
      for (const row of rows) {
        const detail = row.status === 'checked' ? row.rules.join(', ') : row.status === 'not-checkable' ? `not checkable: ${row.reason}` : 'NO RULE';
        io.out(`${row.status === 'uncovered' ? '✗' : '✓'} ${row.requirement} [${row.level}] ${detail}\n    "${row.quote}"\n`);
      }
      for (const r of uncited) io.out(`+ ${r.id} [${r.level}] also checked by ${compiled.filter((c) => c.requirement.id === r.id).map((c) => c.spec.id).join(', ')}\n`);
      for (const s of stale) io.out(`✗ stale rule ${s.rule} (${displayPath(s.file, io.cwd)}): ${s.reason}\n`);
      const counts = (st: string) => rows.filter((r) => r.status === st).length;
      io.out(`${rows.length} must/must-not/should requirements: ${counts('checked')} checked, ${counts('not-checkable')} not checkable, ${counts('uncovered')} without a rule; ${compiled.length} rules, ${stale.length} stale\n`);
    }
    return stale.length ? 2 : 0;
  },
};
