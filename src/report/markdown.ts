import { computersLine, counts, groupFindings, position } from './group.js';
import { safeLine } from './escape.js';
import { reportText } from './messages.js';
import type { Formatter } from './types.js';

/** GitHub keeps a step summary up to 1 MiB; a table this long is already more than anyone reads. */
export const MARKDOWN_ROWS = 100;

/** Text in a markdown table cell: no markup, no HTML, no line break, no pipe. */
const cell = (s: string) => safeLine(s).replace(/[\\`*_[\]<>&|#~]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A markdown summary for a CI page (`$GITHUB_STEP_SUMMARY`): the totals, then one table row per
 * rule and location with the computers it concerns. Config text is escaped, never markup.
 */
export const markdown: Formatter = (result, ctx) => {
  const locale = ctx.locale;
  const c = counts(result.findings);
  const lines = [`## ${cell(reportText(locale, 'markdownTitle', { name: result.rollout }))}`, '', `${c.total ? '❌' : '✅'} ${reportText(locale, 'problems', c)}`, ''];
  const groups = groupFindings(
    result.findings.filter((f) => !f.suppressed && !(ctx.quiet && f.severity !== 'error')),
    locale,
  );
  if (groups.length) {
    const head = ['columnSeverity', 'columnRule', 'columnLocation', 'columnComputers', 'columnMessage'] as const;
    lines.push(`| ${head.map((k) => reportText(locale, k)).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const g of groups.slice(0, MARKDOWN_ROWS)) {
      const where = `${g.location.file}:${position(g.location)}${g.location.logicalName ? ` ${g.location.logicalName}` : ''}`;
      lines.push(`| ${reportText(locale, 'severity', { severity: g.severity })} | ${cell(g.rule)} | ${cell(where)} | ${cell(computersLine(g, locale))} | ${cell(g.message)} |`);
    }
    if (groups.length > MARKDOWN_ROWS) lines.push('', cell(reportText(locale, 'more', { count: groups.length - MARKDOWN_ROWS })));
    lines.push('');
  } else lines.push(reportText(locale, 'markdownClean'), '');
  for (const s of result.stale) lines.push(`- ${cell(reportText(locale, 'staleRule', { rule: s.rule, reason: s.reason }))}`);
  lines.push(`<sub>${cell(reportText(locale, 'outcomes', { ...result.summary }))}</sub>`, '');
  return lines.join('\n');
};
