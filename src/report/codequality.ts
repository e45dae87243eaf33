import { createHash } from 'node:crypto';
import type { Severity } from '../lint/types.js';
import { safeJson } from './escape.js';
import { computersLine, groupFindings } from './group.js';
import type { Formatter } from './types.js';

/** GitLab's severities: blocker, critical, major, minor, info. */
const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * GitLab Code Quality (`gl-code-quality-report.json`, the Code Climate subset GitLab reads): one
 * issue per rule and config location with description, check_name, fingerprint, severity and
 * location.path/lines.begin. Waived findings are left out; the fingerprint is unique per issue,
 * as GitLab requires, and stable while the rule, file, entry and rollout groups stay the same.
 */
export const codequality: Formatter = (result, ctx) => {
  const seen = new Map<string, number>();
  const open = result.findings.filter((f) => !f.suppressed && !(ctx.quiet && f.severity !== 'error'));
  const issues = groupFindings(open, ctx.locale).map((g) => {
    const basis = [g.rule, g.location.file, g.location.logicalName ?? '', [...g.groups].sort().join(',')].join('\0');
    const n = (seen.get(basis) ?? 0) + 1;
    seen.set(basis, n);
    const description = g.targets.length > 1 ? `${g.message} ${computersLine(g, ctx.locale)}.` : g.message;
    return {
      description,
      check_name: g.rule,
      fingerprint: createHash('sha256').update(`${basis}\0${n}`).digest('hex').slice(0, 32),
      severity: SEVERITY[g.severity],
      location: { path: g.location.file, lines: { begin: g.location.line } },
    };
  });
  return `${safeJson(JSON.stringify(issues, null, 2))}\n`;
};
