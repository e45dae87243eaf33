import type { Formatter } from './types.js';

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (result) => {
  const lines = result.findings
    .filter((f) => !f.suppressed)
    .map((f) => {
      const level = f.severity === 'info' ? 'notice' : f.severity;
      const props = `file=${escapeProperty(f.location.file)},line=${f.location.line},col=${f.location.column},title=${escapeProperty(`kblint ${f.rule}`)}`;
      return `::${level} ${props}::${escapeData(`${f.message} (${f.requirement.source.file}:${f.requirement.source.line}: "${f.requirement.quote}")`)}`;
    });
  for (const s of result.stale) lines.push(`::error title=${escapeProperty(`kblint stale rule ${s.rule}`)}::${escapeData(s.reason)}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
};
