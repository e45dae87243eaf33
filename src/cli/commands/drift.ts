import { driftReport, type DriftReport, type DriftSide } from '../../kb/drift.js';
import { kbOptions, loadKnowledgeBase } from '../kb-source.js';
import type { Command } from '../main.js';
import { usageError } from '../main.js';

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

function presence(s: DriftSide): string {
  return [s.must ? 'must' : undefined, s.mustNot ? 'must-not' : undefined].filter(Boolean).join(' + ') || 'neither';
}

function sideLines(s: DriftSide): string[] {
  const head = `    ${s.locale} (${presence(s)})${s.section ? ` § ${s.section}` : ''}`;
  const line = (r: DriftSide['requirements'][number]) => `      [${r.level}] "${r.quote}"${r.trigger ? `  (because: '${r.trigger}')` : ''}`;
  return [head, ...s.requirements.map(line), ...s.others.map(line)];
}

/** The report as text: each disagreeing section with both sides' quotes, then aligned requirements, then the rate. */
export function formatDrift(report: DriftReport): string {
  const lines: string[] = [];
  for (const s of report.sections) {
    lines.push(
      `${s.doc} section ${s.path}: ${s.a.locale} and ${s.b.locale} disagree on must / must-not`,
      ...s.why.map((w) => `  why: ${w}`),
      ...sideLines(s.a),
      ...sideLines(s.b),
      '',
    );
  }
  for (const d of report.aligned) {
    lines.push(`${d.doc}: aligned requirements differ in ${d.differs.join(' and ')}`);
    for (const side of [d.a, d.b]) lines.push(`    ${side.locale} [${side.level}] ${side.id}`, `      "${side.quote}"`, `      claims: ${side.claims.join('; ') || 'none'}`);
    lines.push('');
  }
  for (const [pair, s] of Object.entries(report.byPair)) lines.push(`${pair.replace('|', ' / ')}: ${s.disagreeing} of ${s.cells} cells disagree (${percent(s.rate)})`);
  lines.push(
    `drift: ${report.disagreeing} of ${report.cells} section × locale-pair cells disagree on must / must-not presence (${percent(report.rate)}) in ${report.articles} articles; ${report.aligned.length} aligned requirements differ in level or claims`,
  );
  return `${lines.join('\n')}\n`;
}

export const driftCommand: Command = {
  name: 'drift',
  summary: 'where translations of the same article disagree on level or claims, and the drift rate',
  usage: 'kblint drift [--content dir…] [--kb kb.json] [--json] [--max-rate percent]',
  options: { ...kbOptions, json: { type: 'boolean' }, 'max-rate': { type: 'string' } },
  help: { 'max-rate': 'exit 1 when the drift rate (percent of cells) is above this' },
  async run({ options, io }) {
    const maxRate = typeof options['max-rate'] === 'string' ? Number(options['max-rate']) : undefined;
    if (maxRate !== undefined && !(maxRate >= 0 && maxRate <= 100)) throw usageError(`--max-rate must be a percentage from 0 to 100, not '${String(options['max-rate'])}'`);
    const report = driftReport(await loadKnowledgeBase(options, io));
    io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatDrift(report));
    return maxRate !== undefined && report.rate * 100 > maxRate ? 1 : 0;
  },
};
