import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { KblintError } from '../../errors.js';
import { BUNDLED_RULES, coverageOf, type Coverage, type CoverageRow } from '../../lint/index.js';
import { loadYaml } from '../../util/yaml.js';
import { displayPath } from '../../util/files.js';
import { kbOptions, loadKnowledgeBase } from '../kb-source.js';
import type { Command } from '../main.js';
import { usageError } from '../main.js';
import { compiledRules, rulesOptions } from '../rules-source.js';

const LEVELS = ['must', 'must-not', 'should', 'should-not', 'may', 'info'];

/** `rules/_not-checkable.yaml`: requirement ids no rollout can contradict, with the reason. */
async function notCheckable(dir: string): Promise<Map<string, string>> {
  const file = join(dir, '_not-checkable.yaml');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return new Map();
  }
  const list = loadYaml(text, file).value;
  if (list === null) return new Map();
  const valid = Array.isArray(list) && list.every((e) => e && typeof e === 'object' && typeof e.requirement === 'string' && typeof e.reason === 'string');
  if (!valid) throw new KblintError('invalid-not-checkable', 'expected a list of { requirement, reason }', { file });
  return new Map((list as { requirement: string; reason: string }[]).map((e) => [e.requirement, e.reason]));
}

const MARK: Record<CoverageRow['status'], string> = { checked: '✓', 'not-checkable': '–', uncovered: '✗', step: '·' };

function rowText(row: CoverageRow): string {
  const detail = row.status === 'checked' ? row.rules.join(', ') : row.status === 'not-checkable' ? `not checkable: ${row.reason}` : row.status === 'step' ? 'procedure step' : 'NO RULE';
  const also = row.translations ? `    also in ${Object.keys(row.translations).join(', ')}\n` : '';
  return `${MARK[row.status]} ${row.requirement} [${row.level}] ${detail}\n    "${row.quote}"\n${also}`;
}

function text(coverage: Coverage, cwd: string): string {
  const out: string[] = [];
  for (const a of coverage.articles) {
    out.push(`${a.title} (${a.doc.slice(0, 8)}, ${a.locale}) ${displayPath(a.file, cwd)}\n`);
    for (const row of a.requirements) out.push(rowText(row));
    for (const row of a.alsoChecked) out.push(`+ ${row.requirement} [${row.level}] also checked by ${row.rules.join(', ')}\n`);
    if (a.steps.length) {
      out.push(`  procedure steps (performed in a UI, not a gap): ${a.steps.length}\n`);
      for (const row of a.steps) out.push(`  ${rowText(row)}`);
    }
    out.push('\n');
  }
  for (const r of coverage.inactive) out.push(`○ inactive rule ${r.rule} (${displayPath(r.file, cwd)}): ${r.reason}\n`);
  for (const s of coverage.stale) out.push(`✗ stale rule ${s.rule} (${displayPath(s.file, cwd)}): ${s.reason}\n`);
  const t = coverage.totals;
  out.push('Legend: ✓ checked by the rules named · ✗ no rule (a gap) · – cannot be checked (rules/_not-checkable.yaml) · · a procedure step · + a may/info sentence a rule cites · ○ a rule whose selector matches nothing here (inactive, not a failure)\n');
  if (t.uncovered) out.push('A gap: write a rule that selects it (rules/<id>.yaml with select: { claim, value, scope }), or give the reason no rollout can contradict it in rules/_not-checkable.yaml.\n');
  out.push(`${t.requirements} must/must-not/should requirements: ${t.checked} checked, ${t.notCheckable} not checkable, ${t.uncovered} without a rule; ${t.steps} procedure steps; ${t.rules} rules (${t.instances} instances), ${coverage.inactive.length} inactive, ${coverage.stale.length} stale\n`);
  return out.join('');
}

export const coverageCommand: Command = {
  name: 'coverage',
  summary: 'which must/must-not/should requirements have rules, and which rules are inactive or stale',
  usage: 'kblint coverage [--article id] [--locale nl] [--level must,should] [--json] [--kb kb.json] [--rules dir]',
  options: {
    ...kbOptions,
    rules: rulesOptions.rules,
    json: { type: 'boolean' },
    article: { type: 'string' },
    locale: { type: 'string' },
    level: { type: 'string' },
  },
  help: {
    article: "only the article with this asset id (or its first characters, e.g. 4b8dd930)",
    locale: 'only articles in this locale (nl, de-DE, …); a requirement in several locales is shown once, in this one (default: the first article\'s)',
    level: `only requirements of these levels, comma-separated: ${LEVELS.join(', ')} (default: must, must-not, should, should-not)`,
    json: 'print the coverage as JSON',
  },
  async run({ options, io }) {
    const level = typeof options.level === 'string' ? options.level.split(',').map((l) => l.trim()) : undefined;
    const bad = level?.find((l) => !LEVELS.includes(l));
    if (bad !== undefined) throw usageError(`--level: expected one of ${LEVELS.join(', ')}; got '${bad}'`);
    const kb = await loadKnowledgeBase(options, io);
    const rules = await compiledRules(options, io, kb);
    const dir = typeof options.rules === 'string' ? resolve(io.cwd, options.rules) : BUNDLED_RULES;
    const coverage = coverageOf(kb, rules, await notCheckable(dir), {
      ...(typeof options.article === 'string' ? { article: options.article } : {}),
      ...(typeof options.locale === 'string' ? { locale: options.locale } : {}),
      ...(level ? { level } : {}),
    });
    io.out(options.json ? `${JSON.stringify(coverage, null, 2)}\n` : text(coverage, io.cwd));
    return coverage.stale.length ? 2 : 0;
  },
};
