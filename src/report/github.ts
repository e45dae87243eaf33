import type { Severity } from '../lint/types.js';
import { safeLine, safeText } from './escape.js';
import { computersLine, groupFindings, type FindingGroup } from './group.js';
import { reportText } from './messages.js';
import type { Formatter } from './types.js';

/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations of a step and drops the
 * rest without a word; kblint prints at most these and then one notice saying how many more
 * there are and where the full report is.
 */
export const ANNOTATION_LIMIT = 10;

const escapeData = (s: string) => safeText(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => safeLine(s).replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C');

const LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function annotation(g: FindingGroup, locale: Parameters<Formatter>[1]['locale']): string {
  // A binary artifact (Registry.pol) has no line to point at: the file alone, the entry in the text.
  const position = g.location.byteOffset === undefined ? `,line=${g.location.line},col=${g.location.column}` : '';
  const title = `kblint ${g.rule}${g.targets.length > 1 ? ` (${g.targets.length})` : ''}`;
  const body = [
    g.message,
    ...(g.targets.length > 1 ? [computersLine(g, locale)] : []),
    ...(g.location.detail ? [`${reportText(locale, 'at')}: ${g.location.detail}`] : []),
    `${reportText(locale, 'fix')}: ${g.fix}`,
    `${reportText(locale, 'source')}: ${g.requirement.source.file}:${g.requirement.source.line}: "${g.requirement.quote}"`,
  ].join('\n');
  return `::${LEVEL[g.severity]} file=${escapeProperty(g.location.file)}${position},title=${escapeProperty(title)}::${escapeData(body)}`;
}

/** GitHub Actions workflow commands: one annotation per rule and location, capped as GitHub caps them. */
export const github: Formatter = (result, ctx) => {
  const locale = ctx.locale;
  const open = result.findings.filter((f) => !f.suppressed && !(ctx.quiet && f.severity !== 'error'));
  // The annotations shown are the most severe first, then those concerning the most computers.
  const groups = groupFindings(open, locale).sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.targets.length - a.targets.length);
  const shown: Record<'error' | 'warning' | 'notice', number> = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  let hidden = 0;
  for (const s of result.stale) {
    if (shown.error >= ANNOTATION_LIMIT) {
      hidden++;
      continue;
    }
    shown.error++;
    lines.push(`::error title=${escapeProperty(`kblint stale rule ${s.rule}`)}::${escapeData(s.reason)}`);
  }
  for (const g of groups) {
    const level = LEVEL[g.severity];
    // One notice is kept for the overflow message.
    const cap = level === 'notice' ? ANNOTATION_LIMIT - 1 : ANNOTATION_LIMIT;
    if (shown[level] >= cap) {
      hidden += g.targets.length;
      continue;
    }
    shown[level]++;
    lines.push(annotation(g, locale));
  }
  if (hidden) {
    const files = (ctx.outputs ?? []).flatMap((o) => (o.file && o.format !== 'github' ? [o.file] : []));
    const where = files.length ? files.join(', ') : reportText(locale, 'fullReportLog');
    const text = reportText(locale, 'annotationsOverflow', { more: hidden, shown: shown.error + shown.warning + shown.notice, where });
    lines.push(`::notice title=${escapeProperty('kblint')}::${escapeData(text)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
