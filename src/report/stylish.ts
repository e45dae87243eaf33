import { safeLine } from './escape.js';
import { computersLine, counts, groupFindings, position, type FindingGroup } from './group.js';
import { reportText } from './messages.js';
import type { Formatter } from './types.js';

const paint = (on: boolean, code: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/**
 * ESLint-like text: findings grouped by config file, then by rule and location with the
 * computers they concern (count and the first few), each with its fix and documentation source.
 * Every piece of config or article text is escaped for the terminal.
 */
export const stylish: Formatter = (result, ctx) => {
  const red = paint(ctx.color, '31');
  const yellow = paint(ctx.color, '33');
  const dim = paint(ctx.color, '2');
  const bold = paint(ctx.color, '1');
  const locale = ctx.locale;
  const lines: string[] = [];
  const open = result.findings.filter((f) => !f.suppressed && !(ctx.quiet && f.severity !== 'error'));
  const byFile = new Map<string, FindingGroup[]>();
  for (const g of groupFindings(open, locale)) {
    const list = byFile.get(g.location.file);
    if (list) list.push(g);
    else byFile.set(g.location.file, [g]);
  }
  for (const [file, groups] of byFile) {
    lines.push(bold(safeLine(file)));
    for (const g of groups) {
      const word = reportText(locale, 'severity', { severity: g.severity });
      const sev = g.severity === 'error' ? red(word) : g.severity === 'warning' ? yellow(word) : word;
      lines.push(`  ${position(g.location)}  ${sev}  ${safeLine(g.message)}  ${dim(g.rule)}`);
      if (g.targets.length > 1) lines.push(`      ${safeLine(computersLine(g, locale))}`);
      if (g.location.detail) lines.push(dim(`      ${reportText(locale, 'at')}: ${safeLine(g.location.detail)}`));
      lines.push(dim(`      ${reportText(locale, 'fix')}: ${safeLine(g.fix)}`));
      const quote = g.requirement.quote.replace(/\s*\n\s*/g, ' ⏎ ');
      lines.push(dim(`      ${reportText(locale, 'source')}: ${safeLine(g.requirement.source.file)}:${g.requirement.source.line} "${safeLine(quote)}"`));
    }
    lines.push('');
  }
  for (const s of result.stale) lines.push(red(safeLine(reportText(locale, 'staleRule', { rule: s.rule, reason: s.reason }))));
  if (!ctx.quiet) {
    for (const w of result.waivers) {
      if (w.status === 'active') continue;
      const at = `${safeLine(w.location.file)}:${w.location.line}:${w.location.column}`;
      const key = w.status === 'expired' ? 'waiverExpired' : 'waiverUnmatched';
      lines.push(yellow(`${at}  ${safeLine(reportText(locale, key, { rule: w.rule, target: w.target, expires: w.expires }))}`));
    }
  }
  const c = counts(result.findings);
  const total = reportText(locale, 'problems', c);
  lines.push(c.total ? bold(red(`✖ ${total}`)) : `✔ ${total}`);
  const s = result.summary;
  lines.push(dim(reportText(locale, 'outcomes', { ...s })));
  return `${lines.join('\n')}\n`;
};
