import type { KbDocument } from '../kb/types.js';
import { ruleText } from '../lint/messages.js';
import type { Locale } from '../lint/types.js';
import type { Block as DocBlock, Document, ListItem, Procedure, Section } from '../parse/types.js';
import { LANGUAGE_NAMES, listOf, t } from './catalog.js';
import { language, notCheckableReason, requirementsOfVersion, rulesFor, versionFor, type GuideData, type GuideRequirement } from './context.js';
import { detectLang } from './highlight.js';
import { articleFile, ruleFile, translationFile } from './files.js';
import type { Block, Inline, Page, Step } from './page.js';

/**
 * A bold paragraph the parser took for a pseudo-heading but that is a command line, a registry key
 * or a path: it is shown as code, never as a section heading. A title whose first word is a program
 * (`setup.exe -override …`), that holds a backslash, a `%VARIABLE%` or a switch after a space is one.
 */
export function isCommandLike(title: string): boolean {
  return /^(HKEY_|%|"|[A-Za-z]:\\)|\\|%\w+%|^\S+\.(exe|msi|vbs|cmd|bat|ps1)\b|\s\/[A-Za-z?]+(\s|$|:)|\s-[a-z]{2,}\s/i.test(title.trim());
}

type Item =
  | { line: number; req: GuideRequirement }
  /** A code sample, with the requirements its own lines state (a sample command). */
  | { line: number; code: string; lang: ReturnType<typeof detectLang>; reqs: GuideRequirement[] }
  | { line: number; procedure: Procedure; stepReqs: GuideRequirement[][] };

interface ShownSection {
  title: string;
  depth: number;
  items: Item[];
}

type CodeItem = Extract<Item, { code: string }>;
type Anchor =
  | { line: number; section: ShownSection }
  | { line: number; section: ShownSection; code: CodeItem }
  | { line: number; section: ShownSection; item: Extract<Item, { procedure: Procedure }>; step: number };

/** The article's sections as a reader sees them, with every place a requirement can stand. */
function layout(doc: Document): { shown: ShownSection[]; anchors: Anchor[] } {
  const shown: ShownSection[] = [];
  const anchors: Anchor[] = [];
  let current: ShownSection = { title: '', depth: 0, items: [] };
  shown.push(current);
  const addBlocks = (blocks: DocBlock[]) => {
    for (const b of blocks) {
      if (b.type === 'code') {
        const code: CodeItem = { line: b.pos.line, code: b.text, lang: detectLang(b.text, b.lang), reqs: [] };
        current.items.push(code);
        anchors.push({ line: b.pos.line, section: current, code });
        continue;
      }
      if (b.type === 'procedure') {
        const item = { line: b.pos.line, procedure: b, stepReqs: b.steps.map(() => []) };
        current.items.push(item);
        b.steps.forEach((s, step) => anchors.push({ line: s.pos.line, section: current, item, step }));
        continue;
      }
      anchors.push({ line: b.pos.line, section: current });
    }
  };
  const walk = (s: Section) => {
    if (s.headingForm === 'bold' && isCommandLike(s.title)) {
      const code: CodeItem = { line: s.pos.line, code: s.title, lang: detectLang(s.title) ?? 'cmd', reqs: [] };
      current.items.push(code);
      anchors.push({ line: s.pos.line, section: current, code });
    } else if (s.headingForm !== 'root') {
      current = { title: s.title, depth: s.depth, items: [] };
      shown.push(current);
    }
    if (!(s.headingForm === 'bold' && isCommandLike(s.title))) anchors.push({ line: s.pos.line, section: current });
    addBlocks(s.blocks);
    s.children.forEach(walk);
  };
  walk(doc.root);
  anchors.sort((a, b) => a.line - b.line);
  return { shown, anchors };
}

/** Put each requirement where its sentence stands: in a procedure step, or in its section. */
function place(reqs: GuideRequirement[], shown: ShownSection[], anchors: Anchor[]) {
  for (const r of reqs) {
    let lo = 0;
    let hi = anchors.length - 1;
    let found: Anchor | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (anchors[mid]!.line <= r.source.line) (found = anchors[mid]), (lo = mid + 1);
      else hi = mid - 1;
    }
    if (found && 'item' in found) found.item.stepReqs[found.step]!.push(r);
    else if (found && 'code' in found && found.code.code.includes(r.quote.split('\n')[0]!.trim().slice(0, 40))) found.code.reqs.push(r);
    else (found?.section ?? shown[0]!).items.push({ line: r.source.line, req: r });
  }
  for (const s of shown) s.items.sort((a, b) => a.line - b.line);
}

/** Without the article file (a kb.json built elsewhere): sections by the requirements' section names. */
function layoutFromRequirements(reqs: GuideRequirement[]): ShownSection[] {
  const bySection = new Map<string, ShownSection>();
  for (const r of reqs) {
    const s = bySection.get(r.section) ?? { title: r.section, depth: 2, items: [] };
    bySection.set(r.section, s);
    s.items.push({ line: r.source.line, req: r });
  }
  return [...bySection.values()];
}

/** "Checked by: …" and "Not checked because: …" for a requirement, each a line of inline text. */
function checkNotes(data: GuideData, r: GuideRequirement, locale: Locale): Inline[][] {
  const notes: Inline[][] = [];
  const rules = rulesFor(data, r);
  if (rules.length) {
    const parts: Inline[] = [`${t(locale, 'checkedBy')} `];
    rules.forEach((rule, i) => {
      if (i) parts.push(' · ');
      parts.push({ link: `${ruleFile(rule.spec.id)}.html`, text: ruleText(rule, 'description', locale, {}) });
    });
    notes.push(parts);
  }
  const reason = notCheckableReason(data, r);
  // The reasons in rules/_not-checkable.yaml are written in English.
  if (reason) notes.push([t(locale, 'notCheckedBecause', { reason: '' }), { text: reason, lang: 'en' }]);
  return notes;
}

function auditItems(r: GuideRequirement, locale: Locale): Inline[][] {
  return [
    [t(locale, 'auditId', { id: '' }), { code: r.id }],
    [t(locale, 'source', { file: r.source.file, line: r.source.line })],
    ...(r.form ? [[t(locale, 'auditForm', { form: r.form })]] : []),
    ...(r.trigger ? [[t(locale, 'auditTrigger', { trigger: r.trigger })]] : []),
    [t(locale, 'auditHash', { hash: r.hash.slice(0, 16) })],
  ];
}

export function requirementCard(data: GuideData, r: GuideRequirement, locale: Locale, extra: Inline[] = []): Block {
  return {
    quote: r.quote,
    lang: r.locale,
    cite: [t(locale, 'level', { level: r.level }), ...extra],
    // What a sentence only describes or allows is shown lighter than what it requires.
    weak: r.level === 'info' || r.level === 'may',
    notes: checkNotes(data, r, locale),
    details: { summary: t(locale, 'forAuditors'), items: auditItems(r, locale) },
  };
}

/**
 * A requirement as blocks: a quote card, or for a sample command (a `command` claim) the command as
 * code, with the same notes and auditor details under it.
 */
export function requirementBlocks(data: GuideData, r: GuideRequirement, locale: Locale, extra: Inline[] = []): Block[] {
  if (!r.claims.some((c) => c.kind === 'command')) return [requirementCard(data, r, locale, extra)];
  return [
    codeBlock(locale, r.quote, detectLang(r.quote)),
    { p: [t(locale, 'level', { level: r.level }), ...extra], muted: true },
    ...checkNotes(data, r, locale).map((n): Block => ({ p: n, muted: true })),
    { details: t(locale, 'forAuditors'), blocks: [{ list: auditItems(r, locale) }] },
  ];
}

function codeBlock(locale: Locale, code: string, lang: ReturnType<typeof detectLang>): Block {
  return { code, ...(lang ? { lang, label: t(locale, 'code', { lang }) } : {}) };
}

/** The blocks under a procedure step: its nested prose, bullets, code, notes and sub-procedures. */
function stepBlocks(locale: Locale, blocks: DocBlock[], lang: string): Block[] {
  return blocks.map((b): Block => {
    if (b.type === 'code') return codeBlock(locale, b.text, detectLang(b.text, b.lang));
    if (b.type === 'callout') return { callout: t(locale, 'callout', { kind: b.kind }), text: b.text, lang };
    if (b.type === 'list') return { list: b.items.map((i) => [i.text]), lang };
    if (b.type === 'procedure') return { steps: b.steps.map((s) => step(locale, s, lang)), lang };
    return { p: [b.text], lang };
  });
}

function step(locale: Locale, s: ListItem, lang: string): Step {
  return { text: [s.text], blocks: stepBlocks(locale, s.blocks, lang) };
}

function procedureBlocks(data: GuideData, item: Extract<Item, { procedure: Procedure }>, locale: Locale, lang: string): Block[] {
  const steps = item.procedure.steps.map((s, i): Step => {
    const st = step(locale, s, lang);
    const reqs = item.stepReqs[i] ?? [];
    const notes = reqs.flatMap((r) => checkNotes(data, r, locale));
    for (const n of notes) st.blocks.push({ p: n, muted: true });
    if (reqs.length) st.blocks.push({ details: t(locale, 'forAuditors'), blocks: [{ list: reqs.flatMap((r) => auditItems(r, locale).slice(0, 2)) }] });
    return st;
  });
  return [...(item.procedure.title ? [{ h: 3 as const, text: item.procedure.title, lang }] : []), { steps, lang }];
}

const sameTitle = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

export function articlePage(data: GuideData, docId: string, locale: Locale, parsed: Document | undefined): Page {
  const doc: KbDocument = versionFor(data, docId, locale);
  const reqs = requirementsOfVersion(data, doc);
  const lang = doc.locale;
  const blocks: Block[] = [];
  const top: Inline[] = [];
  if (doc.url) top.push({ link: doc.url, text: t(locale, 'articleOriginal'), lang });
  const versions = data.versions.get(docId)!;
  if (versions.length > 1) {
    const names = [doc, ...versions.filter((v) => v !== doc)].map((v) => LANGUAGE_NAMES[locale][language(v.locale)] ?? v.locale);
    top.push(...(top.length ? [' · '] : []), { link: `${translationFile(docId)}.html`, text: t(locale, 'articleTranslations', { languages: listOf(locale, names) }) });
  }
  if (top.length) blocks.push({ p: top });
  if (language(lang) !== locale) {
    blocks.push({ p: [t(locale, 'articleCitedFrom', { language: LANGUAGE_NAMES[locale][language(lang)] ?? lang, pageLanguage: LANGUAGE_NAMES[locale][locale] ?? locale })], muted: true });
  }
  if (!reqs.length) blocks.push({ p: [t(locale, 'articleNoRequirements')], muted: true });

  let shown: ShownSection[];
  if (parsed) {
    const l = layout(parsed);
    place(reqs, l.shown, l.anchors);
    shown = l.shown;
  } else shown = layoutFromRequirements(reqs);
  const depths = shown.filter((s) => s.items.length && s.title && !sameTitle(s.title, doc.title)).map((s) => s.depth);
  const top2 = Math.min(...depths);
  for (const s of shown) {
    if (!s.items.length) continue;
    if (s.title && !sameTitle(s.title, doc.title)) blocks.push({ h: s.depth <= top2 ? 2 : 3, text: s.title, lang });
    for (const item of s.items) {
      if ('req' in item) blocks.push(requirementCard(data, item.req, locale));
      else if ('code' in item) {
        blocks.push(codeBlock(locale, item.code, item.lang));
        for (const n of item.reqs.flatMap((r) => checkNotes(data, r, locale))) blocks.push({ p: n, muted: true });
        if (item.reqs.length) blocks.push({ details: t(locale, 'forAuditors'), blocks: [{ list: item.reqs.flatMap((r) => auditItems(r, locale)) }] });
      }
      else blocks.push(...procedureBlocks(data, item, locale, lang));
    }
  }
  return { file: articleFile(docId), title: doc.title, ...(language(lang) !== locale ? { titleLang: lang } : {}), blocks };
}
