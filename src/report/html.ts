import type { Element } from 'hast';
import { h } from 'hastscript';
import { t } from '../guide/catalog.js';
import { renderHtml, type Block } from '../guide/page.js';
import { ruleFile } from '../guide/site.js';
import type { Finding } from '../lint/types.js';
import type { Formatter } from './types.js';

/** Bars of compliant and failing computers per group, drawn as inline SVG (no script, no font). */
function chart(groups: { group: string; ok: number; failing: number }[], labels: { ok: string; failing: string; title: string }): Element {
  const row = 28;
  const width = 640;
  const label = 180;
  const max = Math.max(1, ...groups.map((g) => g.ok + g.failing));
  const scale = (width - label - 60) / max;
  const bars = groups.flatMap((g, i) => {
    const y = i * row + 4;
    const okW = Math.round(g.ok * scale);
    const badW = Math.round(g.failing * scale);
    return [
      h('text', { x: 0, y: y + 16, fontSize: 13, fill: '#1b1b1b' }, g.group.length > 24 ? `${g.group.slice(0, 23)}…` : g.group),
      h('rect', { x: label, y, width: okW, height: 20, fill: '#1a7f37' }, [h('title', `${g.group}: ${g.ok} ${labels.ok}`)]),
      h('rect', { x: label + okW, y, width: badW, height: 20, fill: '#b42318' }, [h('title', `${g.group}: ${g.failing} ${labels.failing}`)]),
      h('text', { x: label + okW + badW + 6, y: y + 15, fontSize: 12, fill: '#505050' }, `${g.ok} / ${g.failing}`),
    ];
  });
  const height = groups.length * row + 30;
  const legendY = groups.length * row + 14;
  return h('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', ariaLabel: labels.title }, [
    h('title', labels.title),
    ...bars,
    h('rect', { x: label, y: legendY, width: 12, height: 12, fill: '#1a7f37' }),
    h('text', { x: label + 16, y: legendY + 11, fontSize: 12, fill: '#1b1b1b' }, labels.ok),
    h('rect', { x: label + 120, y: legendY, width: 12, height: 12, fill: '#b42318' }),
    h('text', { x: label + 136, y: legendY + 11, fontSize: 12, fill: '#1b1b1b' }, labels.failing),
  ]);
}

/**
 * One lint run as a page: a chart of compliant and failing computers per group, then findings by
 * group and rule, each linking to the rule's guidance page (`guideBase`, default `site/<locale>/`).
 */
export const html: Formatter = (result, ctx) => {
  const locale = ctx.locale;
  const base = ctx.guideBase ?? `site/${locale}/`;
  const open = result.findings;
  const groups = new Map<string, { targets: Set<string>; failing: Set<string> }>();
  for (const o of result.outcomes) {
    const g = groups.get(o.group) ?? { targets: new Set<string>(), failing: new Set<string>() };
    groups.set(o.group, g);
    g.targets.add(o.target);
  }
  for (const f of open) if (!f.suppressed) groups.get(f.group)?.failing.add(f.target);
  const bars = [...groups].map(([group, g]) => ({ group, ok: g.targets.size - g.failing.size, failing: g.failing.size }));
  const blocks: Block[] = [
    { p: [t(locale, 'reportSummary', { targets: result.summary.targets, findings: open.filter((f) => !f.suppressed).length, suppressed: result.summary.suppressed })] },
    { figure: chart(bars, { ok: t(locale, 'reportCompliant'), failing: t(locale, 'reportFailing'), title: t(locale, 'reportChartTitle') }), caption: t(locale, 'reportChartTitle') },
  ];
  if (!open.length) blocks.push({ p: [t(locale, 'reportNoFindings')] });
  const byGroup = new Map<string, Finding[]>();
  for (const f of open) byGroup.set(f.group, [...(byGroup.get(f.group) ?? []), f]);
  for (const [group, findings] of byGroup) {
    blocks.push({ h: 2, text: t(locale, 'reportGroup', { group }) });
    for (const rule of [...new Set(findings.map((f) => f.rule))]) {
      const these = findings.filter((f) => f.rule === rule);
      const first = these[0]!;
      blocks.push({ h: 3, text: rule });
      blocks.push({ p: [first.message.replace(first.target, these.map((f) => f.target).join(', '))] });
      blocks.push({
        list: these.map((f) => [
          { code: `${f.location.file}:${f.location.line}:${f.location.column}` },
          ` ${f.target}`,
          ...(f.suppressed ? [` — ${t(locale, 'reportWaived', { reason: f.suppressed.reason, expires: f.suppressed.expires })}`] : []),
        ]),
      });
      blocks.push({ quote: first.requirement.quote, lang: first.requirement.locale, cite: [{ link: `${base}${ruleFile(rule)}.html`, text: t(locale, 'seeRule', { id: rule }) }, ` · ${first.fix}`] });
    }
  }
  if (ctx.today) blocks.push({ p: [t(locale, 'reportGenerated', { date: new Date(`${ctx.today}T12:00:00Z`) })], muted: true });
  const shell = { locale, home: `${base}index.html`, ...(ctx.otherReport ? { other: ctx.otherReport } : {}) };
  return renderHtml({ file: 'report', title: t(locale, 'reportTitle', { name: result.rollout }), blocks }, shell);
};
