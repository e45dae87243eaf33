import type { Finding } from '../lint/types.js';
import type { Formatter } from './types.js';

const paint = (on: boolean, code: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/** ESLint-like text: findings grouped by config file, each with its documentation source. */
export const stylish: Formatter = (result, ctx) => {
  const red = paint(ctx.color, '31');
  const yellow = paint(ctx.color, '33');
  const dim = paint(ctx.color, '2');
  const bold = paint(ctx.color, '1');
  const nl = ctx.locale === 'nl';
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings.filter((x) => !x.suppressed)) {
    const list = byFile.get(f.location.file);
    if (list) list.push(f);
    else byFile.set(f.location.file, [f]);
  }
  for (const [file, findings] of byFile) {
    lines.push(bold(file));
    for (const f of findings) {
      const sev = f.severity === 'error' ? red('error') : f.severity === 'warning' ? yellow('warning') : 'info';
      lines.push(`  ${f.location.line}:${f.location.column}  ${sev}  ${f.message}  ${dim(f.rule)}`);
      if (f.location.detail) lines.push(dim(`      at: ${f.location.detail}`));
      lines.push(dim(`      ${nl ? 'oplossing' : 'fix'}: ${f.fix}`));
      lines.push(dim(`      ${nl ? 'bron' : 'source'}: ${f.requirement.source.file}:${f.requirement.source.line} "${f.requirement.quote.replace(/\s*\n\s*/g, ' ⏎ ')}"`));
    }
    lines.push('');
  }
  for (const s of result.stale) lines.push(red(`stale rule ${s.rule}: ${s.reason}`));
  for (const w of result.waivers) {
    if (w.status === 'expired') lines.push(yellow(`${w.location.file}:${w.location.line}:${w.location.column}  waiver for ${w.rule} on ${w.target} expired ${w.expires}; it no longer suppresses`));
    if (w.status === 'unmatched') lines.push(yellow(`${w.location.file}:${w.location.line}:${w.location.column}  waiver for ${w.rule} on ${w.target} matched nothing`));
  }
  const s = result.summary;
  const open = result.findings.filter((f) => !f.suppressed);
  const errors = open.filter((f) => f.severity === 'error').length;
  const warnings = open.filter((f) => f.severity === 'warning').length;
  const total = `${open.length} ${nl ? 'bevindingen' : open.length === 1 ? 'problem' : 'problems'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  lines.push(open.length ? bold(red(`✖ ${total}`)) : `✔ ${total}`);
  lines.push(
    dim(`${s.targets} targets × ${s.rules} rules: ${s.pass} pass, ${s.fail} fail, ${s.notapplicable} notapplicable, ${s.notchecked} notchecked, ${s.error} error; ${s.suppressed} suppressed by waivers`),
  );
  return `${lines.join('\n')}\n`;
};
