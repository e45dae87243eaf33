import type { Formatter } from './types.js';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** One testsuite per rule, one testcase per failing or passing target; notapplicable is left out. */
export const junit: Formatter = (result, ctx) => {
  const suites: string[] = [];
  for (const rule of ctx.rules) {
    const id = rule.spec.id;
    const failures = result.findings.filter((f) => f.rule === id);
    const passes = result.outcomes.filter((o) => o.rule === id && (o.outcome === 'pass' || o.outcome === 'notchecked'));
    const cases = [
      ...failures.map((f) => {
        const body = `${f.location.file}:${f.location.line}:${f.location.column}\n${f.fix}\n${f.requirement.source.file}:${f.requirement.source.line}: ${f.requirement.quote}`;
        const inner = f.suppressed
          ? `<skipped message="${xml(`waived: ${f.suppressed.reason} (until ${f.suppressed.expires})`)}"/>`
          : `<failure message="${xml(f.message)}" type="${f.severity}">${xml(body)}</failure>`;
        return `    <testcase classname="${xml(id)}" name="${xml(f.target)}" file="${xml(f.location.file)}">${inner}</testcase>`;
      }),
      ...passes.map(
        (o) => `    <testcase classname="${xml(id)}" name="${xml(o.target)}">${o.outcome === 'notchecked' ? `<skipped message="${xml(o.reason ?? 'not checked')}"/>` : ''}</testcase>`,
      ),
    ];
    const failed = failures.filter((f) => !f.suppressed).length;
    const skipped = failures.length - failed + passes.filter((o) => o.outcome === 'notchecked').length;
    suites.push(`  <testsuite name="${xml(id)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="${skipped}">\n${cases.join('\n')}${cases.length ? '\n' : ''}  </testsuite>`);
  }
  const failures = result.findings.filter((f) => !f.suppressed).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kblint" tests="${result.summary.pass + result.summary.fail + result.summary.notchecked}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
};
