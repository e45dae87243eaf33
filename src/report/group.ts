import type { Citation, Finding, Locale, Severity } from '../lint/types.js';
import type { Location } from '../rollout/types.js';
import { namesWithMore, reportText } from './messages.js';

/** How many computer names a grouped finding lists before "and N more". */
export const FIRST_FEW = 5;

/**
 * The findings of one rule at one config location (and one waiver state): what a person fixes
 * once. A 13,000-computer group that breaks a rule is one of these, not 13,000 lines.
 */
export interface FindingGroup {
  rule: string;
  severity: Severity;
  location: Location;
  requirement: Citation;
  /** The first finding's message, its computer's name followed by how many more share it. */
  message: string;
  fix: string;
  /** Every computer, in finding order. */
  targets: string[];
  /** The rollout groups those computers belong to, in order of appearance. */
  groups: string[];
  suppressed?: Finding['suppressed'];
  findings: Finding[];
}

/** Group by location (the default), or by config file when there are too many locations for a consumer. */
export type GroupBy = 'location' | 'file';

function keyOf(f: Finding, by: GroupBy): string {
  const at = by === 'location' ? `${f.location.line}\0${f.location.column}\0${f.location.detail ?? ''}` : '';
  const waived = f.suppressed ? `${f.suppressed.reason}\0${f.suppressed.expires}` : '';
  // Findings of one location whose messages differ beyond the name (another OS) stay apart.
  const text = by === 'location' ? withoutName(f.message, f.target) : '';
  return `${f.rule}\0${f.location.file}\0${at}\0${waived}\0${text}`;
}

function withoutName(message: string, name: string): string {
  const at = message.indexOf(name);
  return at < 0 ? message : message.slice(0, at) + message.slice(at + name.length);
}

/** The group's message: the first computer's, its name marked with how many more share it. */
function groupMessage(first: Finding, count: number, locale: Locale): string {
  if (count === 1) return first.message;
  const at = first.message.indexOf(first.target);
  if (at < 0) return first.message;
  const label = reportText(locale, 'firstOfMany', { target: first.target, more: count - 1 });
  return first.message.slice(0, at) + label + first.message.slice(at + first.target.length);
}

/** Findings grouped by rule and location, in the order of their first finding (the engine sorts by location). */
export function groupFindings(findings: readonly Finding[], locale: Locale, by: GroupBy = 'location'): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = keyOf(f, by);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()].map((list) => {
    const first = list[0]!;
    const group: FindingGroup = {
      rule: first.rule,
      severity: first.severity,
      location: first.location,
      requirement: first.requirement,
      message: groupMessage(first, list.length, locale),
      fix: first.fix,
      targets: list.map((f) => f.target),
      groups: [...new Set(list.map((f) => f.group))],
      findings: list,
    };
    if (first.suppressed) group.suppressed = first.suppressed;
    return group;
  });
}

/** "3 computers: A, B and C" / "320 computers: A, B, C, D, E and 315 more". */
export function computersLine(group: FindingGroup, locale: Locale, shown = FIRST_FEW): string {
  return reportText(locale, 'computers', { count: group.targets.length, list: namesWithMore(locale, group.targets, shown) });
}

/** Where in its file a location is: `line:column`, or `byte N` in a binary artifact (Registry.pol). */
export function position(location: Location): string {
  return location.byteOffset === undefined ? `${location.line}:${location.column}` : `byte ${location.byteOffset}`;
}

/** Open (unwaived) findings by severity. */
export function counts(findings: readonly Finding[]): { total: number; errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  let total = 0;
  for (const f of findings) {
    if (f.suppressed) continue;
    total++;
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { total, errors, warnings };
}
