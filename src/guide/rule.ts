import { stringify } from 'yaml';
import { formatValue, ruleText } from '../lint/messages.js';
import type { CompiledRule, Locale, TargetFacts } from '../lint/types.js';
import { LANGUAGE_NAMES, listOf, t } from './catalog.js';
import { citeIn, language, type GuideData } from './context.js';
import { articleFile, ruleFile } from './files.js';
import type { Block } from './page.js';
import type { Page } from './page.js';

type Example = Partial<TargetFacts> & { name?: string };

/** NT versions as the manifest's `os.name` says them. */
const OS_NAMES: Record<string, string> = { '5': 'Windows 2000', '5.1': 'Windows XP', '5.2': 'Windows Server 2003', '6': 'Windows Vista', '6.1': 'Windows 7' };

/** The command lines a manifest would carry for `command` facts: one `msiexec` per MSI, in order. */
function commandLines(command: NonNullable<TargetFacts['command']>): string[] {
  const switches = `${command.quiet ? ' /q' : ''}${command.rebootSuppressed ? ' REBOOT=ReallySuppress' : ''}`;
  const msi = command.msi.length ? command.msi : ['MsDrmClient.msi'];
  return msi.map((m) => `msiexec /i ${m}${switches}`);
}

/**
 * A rule's example target (facts, as rule schemas see them) as the `rollout.yaml` group an
 * administrator would write: the manifest's own keys, never kblint's internal fact names.
 */
export function exampleManifest(example: Example, rule: CompiledRule, locale: Locale): string {
  const group = example.group && example.group.length > 1 ? example.group : t(locale, 'exampleGroup');
  const out: Record<string, unknown> = { name: group };
  if (example.name) out.computers = [example.name];
  if (example.os) {
    const version = String(example.os.version);
    out.os = { name: example.os.name ?? OS_NAMES[version] ?? `Windows ${version}`, version: version.includes('.') ? version : `${version}.0` };
  }
  // `install` is what a method other than `none` means; an example that only says "installed" gets
  // the method the rule looks at, else a manual installation.
  const applied = (rule.spec.applies.properties as Record<string, { const?: unknown }> | undefined)?.method?.const;
  const method = example.method ?? (example.install === false ? 'none' : example.install ? (typeof applied === 'string' ? applied : 'manual') : undefined);
  if (method) out.method = method;
  if (example.installer) out.installer = example.installer;
  if (example.activation !== undefined) out.activation = example.activation;
  const lines = example.command ? commandLines(example.command) : undefined;
  if (example.script || (lines && method === 'startup-script')) out.script = { ...example.script, ...(lines ? { commands: lines } : {}) };
  else if (lines) out.command = lines.join(' && ');
  if (example.network) out.network = example.network;
  return stringify({ groups: [out] }, { flowCollectionPadding: true, collectionStyle: 'block' }).trimEnd();
}

/** Parameter values as the documentation writes them: "80 or 443", "6.0 (Windows Vista)". */
function paramLine(rule: CompiledRule, name: string, locale: Locale): string {
  const raw = rule.paramText[name];
  let value = formatValue(raw, locale);
  const os = rule.requirement.claims.find((c) => c.kind === 'os');
  if (os && os.kind === 'os' && String(raw) === os.version) value = t(locale, 'paramVersion', { version: os.version, name: os.name });
  return `${t(locale, 'param', { param: name })}: ${value}`;
}

export function rulePage(data: GuideData, rule: CompiledRule, locale: Locale): Page {
  const req = rule.requirement;
  const shown = citeIn(data, req, locale);
  const method = (rule.spec.applies.properties as Record<string, { const?: unknown }> | undefined)?.method?.const;
  const needs = rule.spec.needs ?? [];
  // A message names the target and may name its group and OS: those of the first violating example.
  const first: Example = rule.spec.examples.invalid[0] ?? {};
  const firstOs = first.os ? (first.os.name ?? OS_NAMES[String(first.os.version)] ?? `Windows ${first.os.version}`) : 'Windows';
  const values = { target: t(locale, 'theComputer'), group: first.group && first.group.length > 1 ? first.group : t(locale, 'exampleGroup'), os: firstOs };
  const blocks: Block[] = [
    { p: [t(locale, 'ruleSeverity', { severity: rule.spec.severity }), ' · ', t(locale, 'ruleId', { id: rule.spec.id })], muted: true },
    { h: 2, text: t(locale, 'ruleChecks') },
    { p: [t(locale, 'ruleChecksIntro')] },
    { quote: ruleText(rule, 'message', locale, values), lang: locale, cite: [] },
  ];
  if (typeof method === 'string') blocks.push({ p: [t(locale, 'ruleAppliesTo', { method })] });
  if (needs.length) blocks.push({ p: [t(locale, 'ruleNeeds', { facts: listOf(locale, needs.map((fact) => t(locale, 'fact', { fact })), 'disjunction') })] });
  blocks.push({ h: 2, text: t(locale, 'ruleWhy') });
  blocks.push({ quote: shown.quote, lang: shown.locale, cite: [{ link: `${articleFile(shown.doc)}.html`, text: t(locale, 'ruleRequirement') }] });
  // The same sentence in the other languages of the content.
  for (const [l, id] of Object.entries(shown.id === req.id ? (req.translations ?? {}) : { [req.locale]: req.id, ...(req.translations ?? {}) })) {
    const other = data.byId.get(id);
    if (!other || other.id === shown.id) continue;
    blocks.push({ p: [t(locale, 'ruleWhyTranslation', { language: LANGUAGE_NAMES[locale][language(l)] ?? l })], muted: true });
    blocks.push({ quote: other.quote, lang: other.locale, cite: [] });
  }
  blocks.push({ h: 2, text: t(locale, 'ruleFix') }, { p: [ruleText(rule, 'fix', locale, values)] });
  const params = Object.keys(rule.paramText);
  if (params.length) blocks.push({ h: 2, text: t(locale, 'ruleFromDocs') }, { list: params.map((name) => [paramLine(rule, name, locale)]) });
  const examples = (title: string, list: Example[]) => {
    if (!list.length) return;
    blocks.push({ h: 2, text: title });
    for (const example of list) blocks.push({ code: exampleManifest(example, rule, locale), lang: 'yaml', label: t(locale, 'code', { lang: 'yaml' }) });
  };
  examples(t(locale, 'ruleExamplesFail'), rule.spec.examples.invalid);
  examples(t(locale, 'ruleExamplesPass'), rule.spec.examples.valid);
  return { file: ruleFile(rule.spec.id), title: ruleText(rule, 'description', locale, {}), blocks };
}
