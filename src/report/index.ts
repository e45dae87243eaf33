import type { Formatter } from './types.js';

/**
 * Formats by name, each loaded when asked for: a run that prints stylish text does not load the
 * HTML renderer. A null prototype, so `--format __proto__` or `toString` is no format.
 */
const LOADERS: Readonly<Record<string, () => Promise<Formatter>>> = Object.assign(Object.create(null) as Record<string, () => Promise<Formatter>>, {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  github: async () => (await import('./github.js')).github,
  codequality: async () => (await import('./codequality.js')).codequality,
  markdown: async () => (await import('./markdown.js')).markdown,
  summary: async () => (await import('./summary.js')).summary,
  html: async () => (await import('./html.js')).html,
});

export const FORMAT_NAMES: readonly string[] = Object.keys(LOADERS);

export function isFormat(name: string): boolean {
  return Object.hasOwn(LOADERS, name);
}

/** The formatter of a format name (see FORMAT_NAMES). */
export async function loadFormatter(name: string): Promise<Formatter> {
  const load = LOADERS[name];
  if (!load) throw new Error(`unknown format '${name}'`);
  return load();
}

/** Whether a format needs every (rule, target) outcome, not only the findings. */
export const NEEDS_OUTCOMES: ReadonlySet<string> = new Set(['json', 'junit', 'html']);

export { groupFindings, type FindingGroup } from './group.js';
export { reportText, namesWithMore, REPORT_MESSAGES, type ReportMessageKey } from './messages.js';
export type { Formatter, ReportContext } from './types.js';
