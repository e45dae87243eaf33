import { KblintError } from '../../errors.js';
import { snippet } from './text.js';
import { parseRule, PROFILES, type FirewallPolicy, type FirewallProfile, type Profile } from './firewall.js';
import type { PolEntry } from './registry-pol.js';

/** A setting of gpreport.xml's firewall extension, located by its line in the report. */
export type ReportEntry = PolEntry & { line: number };

const PROFILE_ELEMENT: Record<Profile, string> = { domain: 'DomainProfile', private: 'PrivateProfile', public: 'PublicProfile' };

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** `<q3:Value>true</q3:Value>` (Get-GPOReport) or the same with `<GPO>`/`<Precedence>` beside it (an RSoP report). */
function valueOf(setting: unknown): string | undefined {
  if (typeof setting === 'string') return setting.trim();
  if (setting && typeof setting === 'object' && 'Value' in setting) {
    const v = (setting as { Value: unknown }).Value;
    return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
  }
  return undefined;
}

/** The text of each child element of a rule (`Action`, `Dir`, `RPort`, `Profile`, …), repeated ones in order. */
function ruleFields(rule: Record<string, unknown>): [string, string][] {
  const fields: [string, string][] = [];
  for (const [key, value] of Object.entries(rule)) {
    if (key.startsWith('@_') || key === 'GPO' || key === 'Precedence' || key === '#text') continue;
    for (const v of asArray(value)) {
      const text = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : valueOf(v);
      if (text !== undefined && text.trim() !== '') fields.push([key, text.trim()]);
    }
  }
  return fields;
}

/**
 * The Windows Firewall settings of gpreport.xml's `WindowsFirewallSettings` extension
 * (namespace `…/GroupPolicy/Settings/WindowsFirewall`): per profile `EnableFirewall` and
 * `DefaultOutboundAction` (`true` = block), and `InboundFirewallRules`/`OutboundFirewallRules`
 * elements whose children are the fields of a rule string ([MS-GPFAS] 2.2.2.19). Each becomes the
 * same model Registry.pol gives, each setting at its line in the report.
 */
export function reportFirewall(extension: Record<string, unknown>, text: string, from: number, lineOf: (offset: number) => number, file: string, side = 'Computer'): FirewallPolicy & { counts: { profiles: number; rules: number } } {
  const policy: FirewallPolicy & { counts: { profiles: number; rules: number } } = { profiles: {}, rules: [], counts: { profiles: 0, rules: 0 } };
  const key = (what: string) => `gpreport.xml ${side}/WindowsFirewall/${what}`;
  const end = text.indexOf('</Extension>', from);
  const region = text.slice(from, end === -1 ? undefined : end);
  const at = (pattern: RegExp, nth: number): number => {
    let i = 0;
    for (const m of region.matchAll(pattern)) if (i++ === nth) return from + m.index;
    return from;
  };
  for (const name of PROFILES) {
    const node = asArray(extension[PROFILE_ELEMENT[name]] as Record<string, unknown> | Record<string, unknown>[] | undefined)[0];
    if (!node) continue;
    policy.counts.profiles++;
    const profile: FirewallProfile = {};
    const profileAt = at(new RegExp(`<(?:\\w+:)?${PROFILE_ELEMENT[name]}\\b`, 'g'), 0);
    // A value that is neither true nor false is a broken report, never read as allow.
    const flag = (setting: string): boolean | undefined => {
      const v = valueOf(node[setting]);
      if (v === undefined) return undefined;
      if (/^(true|1)$/i.test(v)) return true;
      if (/^(false|0)$/i.test(v)) return false;
      const rel = text.slice(profileAt).search(new RegExp(`<(?:\\w+:)?${setting}\\b`));
      throw new KblintError('bad-gpreport', `${PROFILE_ELEMENT[name]} ${setting} is '${snippet(v)}'; expected true or false`, { file, line: lineOf(rel === -1 ? profileAt : profileAt + rel) });
    };
    const enabled = flag('EnableFirewall');
    if (enabled !== undefined) profile.enabled = enabled;
    const outbound = flag('DefaultOutboundAction');
    if (outbound !== undefined) {
      profile.defaultOutbound = outbound ? 'block' : 'allow';
      const rel = text.slice(profileAt, end === -1 ? undefined : end).search(/<(?:\w+:)?DefaultOutboundAction\b/);
      const offset = rel === -1 ? profileAt : profileAt + rel;
      const entry: ReportEntry = { key: key(PROFILE_ELEMENT[name]), value: 'DefaultOutboundAction', type: 4, data: profile.defaultOutbound === 'block' ? 1 : 0, offset, line: lineOf(offset) };
      profile.entry = entry;
    }
    policy.profiles[name] = profile;
  }
  for (const [element, dir] of [['InboundFirewallRules', 'In'], ['OutboundFirewallRules', 'Out']] as const) {
    asArray(extension[element] as Record<string, unknown> | Record<string, unknown>[] | undefined).forEach((node, i) => {
      policy.counts.rules++;
      const fields = ruleFields(node);
      const version = fields.find(([k]) => k === 'Version')?.[1] ?? '2.10';
      const written = fields.filter(([k]) => k !== 'Version');
      if (!written.some(([k]) => k === 'Dir')) written.push(['Dir', dir]);
      // `Active` and `Action` as the report writes them (`true`, `Allow`) mean what the rule string's do.
      const ruleText = `v${version}|${written.map(([k, v]) => `${k}=${/^active$/i.test(k) ? v.toUpperCase() : v}`).join('|')}|`;
      const name = fields.find(([k]) => k === 'Name')?.[1] ?? `${element} ${i + 1}`;
      const offset = at(new RegExp(`<(?:\\w+:)?${element}\\b`, 'g'), i);
      const entry: ReportEntry = { key: key(element), value: name, type: 1, data: ruleText, offset, line: lineOf(offset) };
      policy.rules.push(parseRule(name, ruleText, entry));
    });
  }
  return policy;
}
