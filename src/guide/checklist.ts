import { ruleText } from '../lint/messages.js';
import type { CompiledRule, Locale } from '../lint/types.js';
import { t } from './catalog.js';
import { requirementsOfVersion, rulesFor, versionFor, type GuideData, type GuideRequirement } from './context.js';
import { articleFile, checklistFile, ruleFile } from './files.js';
import { isCommandLike, requirementBlocks } from './article.js';
import type { Block, Page } from './page.js';

export const CHECKLIST_METHODS = ['group-policy', 'windows-update', 'startup-script', 'sms'] as const;
export type ChecklistMethod = (typeof CHECKLIST_METHODS)[number];

/** Which rules a method's checklist lists: those whose `applies` names the method, and those for every method. */
function rulesForMethod(rules: CompiledRule[], method: string): CompiledRule[] {
  return rules.filter((r) => {
    const m = (r.spec.applies.properties as Record<string, { const?: unknown }> | undefined)?.method?.const;
    return m === undefined || m === method;
  });
}

/** Levels an administrator acts on; a `may` or `info` sentence is an item only when a rule checks it. */
const CHECKLIST_LEVELS = new Set(['must', 'must-not', 'should', 'should-not']);

/**
 * Whether a requirement belongs on the checklist of a method: its scope names the method, it claims
 * something, and it asks for it or a rule checks it. A scope taken from a "section" that is really a
 * bold command line (`cscript …\adsutil.vbs …`, a server step) names no install method.
 */
function onChecklist(data: GuideData, r: GuideRequirement, kbMethod: string): boolean {
  if (r.scope.method !== kbMethod || !r.claims.length || isCommandLike(r.section)) return false;
  return CHECKLIST_LEVELS.has(r.level) || rulesFor(data, r).length > 0;
}

export function checklistPage(data: GuideData, method: ChecklistMethod, locale: Locale): Page {
  const kbMethod = method === 'startup-script' ? 'script' : method;
  const mine = rulesForMethod(data.rules, method);
  const reqs = data.docIds
    .flatMap((d) => requirementsOfVersion(data, versionFor(data, d, locale)))
    .filter((r) => onChecklist(data, r, kbMethod));
  const blocks: Block[] = [{ p: [t(locale, 'checklistIntro')] }, { h: 2, text: t(locale, 'checklistRules') }];
  if (mine.length) blocks.push({ list: mine.map((r) => [{ link: `${ruleFile(r.spec.id)}.html`, text: ruleText(r, 'description', locale, {}) }]) });
  else blocks.push({ p: [t(locale, 'checklistEmpty')], muted: true });
  blocks.push({ h: 2, text: t(locale, 'checklistRequirements') });
  if (reqs.length) {
    for (const r of reqs) {
      const doc = versionFor(data, r.doc, locale);
      blocks.push(...requirementBlocks(data, r, locale, [' · ', { link: `${articleFile(r.doc)}.html`, text: doc.title, lang: doc.locale }]));
    }
  } else blocks.push({ p: [t(locale, 'checklistEmpty')], muted: true });
  return { file: checklistFile(method), title: t(locale, 'checklistTitle', { method }), blocks };
}
