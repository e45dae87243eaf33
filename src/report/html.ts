import type { Element } from 'hast';
import { h } from 'hastscript';
import { renderHtml, type Block } from '../guide/page.js';
import { ruleFile } from '../guide/files.js';
import { ruleText } from '../lint/messages.js';
import type { Finding, Locale, OutcomeRecord } from '../lint/types.js';
import { listOf, reportText as t } from './messages.js';
import type { Formatter, ReportContext } from './types.js';

interface Bar {
  group: string;
  ok: number;
  failing: number;
  notchecked: number;
}

const COLORS = { ok: '#1a7f37', failing: '#b42318', notchecked: '#6b6b6b' } as const;

/**
 * Bars of compliant and failing computers per group, drawn as inline SVG (no script, no font).
 * Each group's name stands on its own line above its bar, so the chart is drawn about as wide as
 * a phone: scaled to a phone's width, its labels keep their size.
 */
function chart(groups: Bar[], labels: { ok: string; failing: string; notchecked: string; title: string }): Element {
  const width = 360;
  const row = 44;
  const max = Math.max(1, ...groups.map((g) => g.ok + g.failing + g.notchecked));
  const scale = (width - 90) / max;
  const bars = groups.flatMap((g, i) => {
    const y = i * row;
    const okW = Math.round(g.ok * scale);
    const badW = Math.round(g.failing * scale);
    const openW = Math.round(g.notchecked * scale);
    return [
      h('text', { x: 0, y: y + 14, fontSize: 14, fill: '#1b1b1b' }, g.group.length > 40 ? `${g.group.slice(0, 39)}…` : g.group),
      h('rect', { x: 0, y: y + 20, width: okW, height: 18, fill: COLORS.ok }, [h('title', `${g.group}: ${g.ok} ${labels.ok}`)]),
      h('rect', { x: okW, y: y + 20, width: badW, height: 18, fill: COLORS.failing }, [h('title', `${g.group}: ${g.failing} ${labels.failing}`)]),
      h('rect', { x: okW + badW, y: y + 20, width: openW, height: 18, fill: COLORS.notchecked }, [h('title', `${g.group}: ${g.notchecked} ${labels.notchecked}`)]),
      h('text', { x: okW + badW + openW + 6, y: y + 34, fontSize: 14, fill: '#505050' }, `${g.ok} / ${g.failing} / ${g.notchecked}`),
    ];
  });
  const legendY = groups.length * row + 6;
  const legend = (['ok', 'failing', 'notchecked'] as const).flatMap((k, i) => [
    h('rect', { x: 0, y: legendY + i * 22, width: 14, height: 14, fill: COLORS[k] }),
    h('text', { x: 20, y: legendY + i * 22 + 12, fontSize: 14, fill: '#1b1b1b' }, labels[k]),
  ]);
  const height = legendY + 3 * 22;
  return h('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', ariaLabel: labels.title }, [h('title', labels.title), ...bars, ...legend]);
}

/** A rule's human title (its description) in the report's language, or its id when the rule is not at hand. */
function ruleTitle(ctx: ReportContext, id: string): string {
  const rule = ctx.rules.find((r) => r.spec.id === id);
  return rule ? ruleText(rule, 'description', ctx.locale, {}) : id;
}

/** Computers kblint could not decide, by rule and by the fact the plan leaves open. */
function notCheckedBlocks(outcomes: OutcomeRecord[], ctx: ReportContext, base: string): Block[] {
  const locale: Locale = ctx.locale;
  const open = outcomes.filter((o) => o.outcome === 'notchecked');
  if (!open.length) return [];
  const blocks: Block[] = [{ h: 2, text: t(locale, 'reportNotChecked') }, { p: [t(locale, 'reportNotCheckedIntro')] }];
  const byRule = new Map<string, Map<string, string[]>>();
  for (const o of open) {
    const facts = byRule.get(o.rule) ?? new Map<string, string[]>();
    byRule.set(o.rule, facts);
    const fact = (o.reason ?? '').replace(/^unknown:\s*/, '');
    facts.set(fact, [...new Set([...(facts.get(fact) ?? []), o.target])]);
  }
  for (const [rule, facts] of byRule) {
    blocks.push({ h: 3, text: ruleTitle(ctx, rule) });
    blocks.push({
      list: [...facts].map(([fact, targets]) => [t(locale, 'reportNotCheckedItem', { count: targets.length, targets: listOf(locale, targets), facts: t(locale, 'fact', { fact }) })]),
    });
    blocks.push({ p: [{ link: `${base}${ruleFile(rule)}.html`, text: t(locale, 'seeRule', { id: rule }) }], muted: true });
  }
  return blocks;
}

/**
 * One lint run as a page: a chart of compliant and failing computers per group, findings by group
 * and rule (each linking to the rule's guidance page, `guideBase`, default `site/<locale>/`), and
 * the computers that could not be checked, with why.
 */
export const html: Formatter = (result, ctx) => {
  const locale = ctx.locale;
  const base = ctx.guideBase ?? `site/${locale}/`;
  const open = result.findings;
  // A computer fails when any finding is open; else it is not checked when a rule could not decide.
  const groups = new Map<string, { targets: Set<string>; failing: Set<string>; open: Set<string> }>();
  for (const o of result.outcomes) {
    const g = groups.get(o.group) ?? { targets: new Set<string>(), failing: new Set<string>(), open: new Set<string>() };
    groups.set(o.group, g);
    g.targets.add(o.target);
    if (o.outcome === 'notchecked') g.open.add(o.target);
  }
  for (const f of open) if (!f.suppressed) groups.get(f.group)?.failing.add(f.target);
  const bars: Bar[] = [...groups].map(([group, g]) => {
    const notchecked = [...g.open].filter((x) => !g.failing.has(x)).length;
    return { group, failing: g.failing.size, notchecked, ok: g.targets.size - g.failing.size - notchecked };
  });
  const notchecked = new Set(result.outcomes.filter((o) => o.outcome === 'notchecked').map((o) => o.target)).size;
  const blocks: Block[] = [
    { p: [t(locale, 'reportSummary', { targets: result.summary.targets, findings: open.filter((f) => !f.suppressed).length, suppressed: result.summary.suppressed, notchecked })] },
    { figure: chart(bars, { ok: t(locale, 'reportCompliant'), failing: t(locale, 'reportFailing'), notchecked: t(locale, 'reportNotCheckedShort'), title: t(locale, 'reportChartTitle') }), caption: t(locale, 'reportChartTitle') },
  ];
  if (!open.length) blocks.push({ p: [t(locale, 'reportNoFindings')] });
  const byGroup = new Map<string, Finding[]>();
  for (const f of open) byGroup.set(f.group, [...(byGroup.get(f.group) ?? []), f]);
  for (const [group, findings] of byGroup) {
    blocks.push({ h: 2, text: t(locale, 'reportGroup', { group }) });
    for (const rule of [...new Set(findings.map((f) => f.rule))]) {
      const these = findings.filter((f) => f.rule === rule);
      const first = these[0]!;
      const failing = [...new Set(these.filter((f) => !f.suppressed).map((f) => f.target))];
      blocks.push({ h: 3, text: ruleTitle(ctx, rule) });
      if (failing.length) blocks.push({ p: [t(locale, 'reportFailingTargets', { count: failing.length, targets: listOf(locale, failing) })] });
      // Each finding's own message names one computer, so its grammar is always singular.
      blocks.push({
        list: these.map((f) => [
          { code: `${f.location.file}:${f.location.line}:${f.location.column}` },
          ` ${f.message}`,
          ...(f.suppressed ? [` — ${t(locale, 'reportWaived', { reason: f.suppressed.reason, expires: f.suppressed.expires })}`] : []),
        ]),
      });
      blocks.push({ quote: first.requirement.quote, lang: first.requirement.locale, cite: [{ link: `${base}${ruleFile(rule)}.html`, text: t(locale, 'seeRule', { id: rule }) }, ` · ${first.fix}`] });
    }
  }
  blocks.push(...notCheckedBlocks(result.outcomes, ctx, base));
  if (ctx.today) blocks.push({ p: [t(locale, 'reportGenerated', { date: new Date(`${ctx.today}T12:00:00Z`) })], muted: true });
  const shell = { locale, home: `${base}index.html`, ...(ctx.otherReport ? { other: ctx.otherReport } : {}) };
  return renderHtml({ file: 'report', title: t(locale, 'reportTitle', { name: result.rollout }), blocks }, shell);
};
