import { counts } from './group.js';
import { safeLine } from './escape.js';
import { reportText } from './messages.js';
import type { Formatter } from './types.js';

/** One line: the totals and where each output of the run went, for a job log when reports go to files. */
export const summary: Formatter = (result, ctx) => {
  const written = (ctx.outputs ?? [])
    .filter((o) => o.format !== 'summary')
    .map((o) => reportText(ctx.locale, 'wrote', { format: o.format, file: o.file ?? 'stdout' }))
    .join(', ');
  const line = reportText(ctx.locale, 'summaryLine', { problems: reportText(ctx.locale, 'problems', counts(result.findings)), targets: result.summary.targets, notchecked: result.summary.notchecked });
  return `${safeLine(written ? `${line}; ${written}` : line)}\n`;
};
