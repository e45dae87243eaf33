import type { PolEntry } from './registry-pol.js';

const FIREWALL = /^software\\policies\\microsoft\\windowsfirewall\\(domainprofile|privateprofile|publicprofile|firewallrules)$/i;

export type Profile = 'domain' | 'private' | 'public';
export const PROFILES: readonly Profile[] = ['domain', 'private', 'public'];

/**
 * A Windows Firewall rule as the `FirewallRules` value of a Registry.pol carries it ([MS-GPFAS]
 * 2.2.2.19): `v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=443|App=…|Name=…|`. Fields
 * that may repeat (`RPort`, `RA4`, `RA6`, `Profile`, …) are lists; an absent list means "any".
 */
export interface FirewallRule {
  id: string;
  name?: string;
  action: 'allow' | 'block';
  active: boolean;
  direction: 'in' | 'out';
  /** IANA protocol number (6 TCP, 17 UDP); undefined = any. */
  protocol?: number;
  /** Profiles the rule is in (`Profile=Domain`); empty = all profiles. */
  profiles: Profile[];
  /** Remote ports and ranges (`RPort`, `RPort2_10`); empty = any port. */
  remotePorts: [number, number][];
  /** Remote port keywords (`RPC`, `IPHTTPSOut`, …). */
  remotePortKeywords: string[];
  /** Remote addresses as written (`RA4`/`RA6`): addresses, subnets, ranges or keywords; empty = any. */
  remoteAddresses: string[];
  /** The program the rule is limited to (`App=`), as written. */
  app?: string;
  /** The service (`Svc=`; `*` = any service). */
  service?: string;
  /** The app container package SID (`AppPkgId=`). */
  package?: string;
  /** Local ports and ranges (`LPort`, `LPort2_10`): on an outbound connection, its source port; empty = any. */
  localPorts: [number, number][];
  /** Local port keywords (`RPC`, `IPHTTPSIn`, …). */
  localPortKeywords: string[];
  /** Local addresses (`LA4`, `LA6`): the computer's own address; empty = any. */
  localAddresses: { family: 4 | 6; value: string }[];
  /** Network interfaces (`IF`, by GUID) and interface types (`IFType`: `Lan`, `Wireless`, `RemoteAccess`, `All`). */
  interfaces: string[];
  interfaceTypes: string[];
  /** Conditions on who connects or how (IPsec `Security`, `LUAuth`, `RUAuth`, `LUOwn`, …), each as written. */
  otherConditions: string[];
  entry: PolEntry;
}

export interface FirewallProfile {
  enabled?: boolean;
  /** `DefaultOutboundAction`: 0 allow, 1 block. Windows' own default is allow. */
  defaultOutbound?: 'allow' | 'block';
  entry?: PolEntry;
}

export interface FirewallPolicy {
  profiles: Partial<Record<Profile, FirewallProfile>>;
  rules: FirewallRule[];
}

/** The Windows Firewall policy in a Registry.pol, or undefined when it sets none. */
export function firewallPolicy(entries: PolEntry[]): FirewallPolicy | undefined {
  const policy: FirewallPolicy = { profiles: {}, rules: [] };
  let seen = false;
  for (const entry of entries) {
    const m = FIREWALL.exec(entry.key);
    if (!m) continue;
    seen = true;
    const where = m[1]!.toLowerCase();
    if (where === 'firewallrules') {
      if (typeof entry.data === 'string' && !entry.value.startsWith('**')) policy.rules.push(parseRule(entry.value, entry.data, entry));
      continue;
    }
    const name = where.replace('profile', '') as Profile;
    const profile = (policy.profiles[name] ??= {});
    if (/^enablefirewall$/i.test(entry.value) && typeof entry.data === 'number') profile.enabled = entry.data !== 0;
    if (/^defaultoutboundaction$/i.test(entry.value) && typeof entry.data === 'number') {
      profile.defaultOutbound = entry.data === 1 ? 'block' : 'allow';
      profile.entry = entry;
    }
  }
  return seen ? policy : undefined;
}

/** Fields that describe a rule without narrowing what it matches. */
const DESCRIPTIVE = new Set(['name', 'desc', 'icmp4', 'icmp6', 'embedctxt', 'edge', 'defer', 'platform', 'platform2', 'ttk', 'ttk2_22', 'rmauth', 'selfrule']);
const PROFILE_NAMES: Record<string, Profile> = { domain: 'domain', private: 'private', public: 'public' };

/** `v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=443|RA4=10.0.0.5|Name=…|` */
export function parseRule(id: string, text: string, entry: PolEntry): FirewallRule {
  const fields: [string, string][] = [];
  for (const part of text.split('|').slice(1)) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.push([part.slice(0, eq).toLowerCase(), part.slice(eq + 1)]);
  }
  const get = (k: string) => fields.find(([key]) => key === k)?.[1];
  const rule: FirewallRule = {
    id,
    action: /^(allow|bypass)/i.test(get('action') ?? '') ? 'allow' : 'block',
    active: !/^false$/i.test(get('active') ?? 'TRUE'),
    direction: /^out$/i.test(get('dir') ?? '') ? 'out' : 'in',
    profiles: [],
    remotePorts: [],
    remotePortKeywords: [],
    remoteAddresses: [],
    localPorts: [],
    localPortKeywords: [],
    localAddresses: [],
    interfaces: [],
    interfaceTypes: [],
    otherConditions: [],
    entry,
  };
  for (const [key, value] of fields) {
    if (/^rport(2_\d+)?$/.test(key)) {
      for (const v of value.split(',')) {
        const range = portRange(v);
        if (range) rule.remotePorts.push(range);
        else if (v.trim() !== '' && v.trim() !== '*') rule.remotePortKeywords.push(v.trim());
      }
    } else if (/^lport(2_\d+)?$/.test(key)) {
      for (const v of value.split(',')) {
        const range = portRange(v);
        if (range) rule.localPorts.push(range);
        else if (v.trim() !== '' && v.trim() !== '*') rule.localPortKeywords.push(v.trim());
      }
    } else if (key === 'la4' || key === 'la6') {
      for (const v of value.split(',')) if (v.trim() !== '' && v.trim() !== '*') rule.localAddresses.push({ family: key === 'la4' ? 4 : 6, value: v.trim() });
    } else if (key === 'if') {
      if (value.trim() !== '' && value.trim() !== '*') rule.interfaces.push(value.trim());
    } else if (key === 'iftype') {
      for (const v of value.split(',')) if (v.trim() !== '') rule.interfaceTypes.push(v.trim());
    } else if (key === 'ra4' || key === 'ra6') {
      for (const v of value.split(',')) if (v.trim() !== '' && v.trim() !== '*') rule.remoteAddresses.push(v.trim());
    } else if (key === 'profile') {
      // `Profile=Domain|Profile=Private|` in a rule string; `Domain, Private` where a report lists them.
      for (const v of value.split(',')) {
        const p = PROFILE_NAMES[v.trim().toLowerCase()];
        if (p && !rule.profiles.includes(p)) rule.profiles.push(p);
      }
    } else if (key === 'app') rule.app = value;
    else if (key === 'svc') rule.service = value;
    else if (key === 'apppkgid') rule.package = value;
    else if (key === 'name') rule.name = value;
    else if (key === 'protocol') {
      // 256 (or no Protocol field) means any protocol.
      if (/^\d+$/.test(value) && Number(value) !== 256) rule.protocol = Number(value);
    } else if (!['action', 'active', 'dir'].includes(key) && !DESCRIPTIVE.has(key)) {
      rule.otherConditions.push(`${fields.find(([k]) => k === key)![0]}=${value}`);
    }
  }
  return rule;
}

function portRange(v: string): [number, number] | undefined {
  const m = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(v);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

/** Whether a rule condition holds for a connection: yes, no, or it depends on something kblint does not know. */
type Match = { is: 'yes' } | { is: 'no' } | { is: 'depends'; on: string };
const YES: Match = { is: 'yes' };
const NO: Match = { is: 'no' };

/** The outbound connection asked about. */
export interface Connection {
  port: number;
  /** The cluster's IPv4 address when the manifest gives one as an IP literal; else unknown. */
  address?: string;
  /**
   * The programs that connect (RMS-enabled applications: the RMS client runs inside them), by path
   * or file name. Undefined: unknown, so a rule limited to a program says nothing certain.
   */
  programs?: readonly string[];
  profile?: Profile;
}

export type Verdict = 'reachable' | 'blocked' | 'unknown';

export interface PortReach {
  port: number;
  verdict: Verdict;
  /** Kept for callers that only ask yes/no: true only when the verdict is `reachable`. */
  reachable: boolean;
  /** The profile setting or rule that decides. */
  because?: PolEntry;
  /** Why the verdict is `unknown`, in words. */
  reason?: string;
}

/** `%ProgramFiles%\Microsoft Office\Office12\WINWORD.EXE` and `C:\Program Files\…` compare equal. */
export function normalizeProgram(path: string): string {
  return path
    .trim()
    .replace(/^"|"$/g, '')
    .toLowerCase()
    .replace(/^%programfiles%/, 'c:\\program files')
    .replace(/^%programfiles\(x86\)%/, 'c:\\program files (x86)')
    .replace(/^%(systemroot|windir)%/, 'c:\\windows')
    .replace(/^%systemdrive%/, 'c:')
    .replace(/\//g, '\\');
}

function programMatch(rule: FirewallRule, programs: readonly string[] | undefined): Match {
  if (rule.app === undefined || rule.app === '*') return YES;
  if (!programs) return { is: 'depends', on: `which program connects: the rule is limited to ${rule.app}` };
  const app = normalizeProgram(rule.app);
  const base = app.split('\\').pop()!;
  const hits = programs.map((p) => normalizeProgram(p)).filter((p) => (p.includes('\\') ? p === app : p === base));
  if (hits.length === programs.length) return YES;
  if (hits.length === 0) return NO;
  return { is: 'depends', on: `which program connects: the rule covers ${rule.app} and not the others named` };
}

/** A service rule (`Svc=`) or an app-container rule (`AppPkgId=`): RMS-enabled desktop programs are neither. */
function serviceMatch(rule: FirewallRule, programs: readonly string[] | undefined): Match {
  const scope = rule.service !== undefined ? `service ${rule.service}` : rule.package !== undefined ? `app package ${rule.package}` : undefined;
  if (!scope) return YES;
  if (programs) return NO;
  return { is: 'depends', on: `which program connects: the rule is limited to ${scope}` };
}

function portMatch(rule: FirewallRule, port: number): Match {
  if (rule.remotePorts.length === 0 && rule.remotePortKeywords.length === 0) return YES;
  if (rule.remotePorts.some(([a, b]) => port >= a && port <= b)) return YES;
  // Keywords name dynamic port sets: IP-HTTPS and TLS may use 443; RPC, DHCP, mDNS, Teredo… never reach a web service.
  const dynamic = rule.remotePortKeywords.find((k) => /^(iphttps|iphttpsout|iptlsout|iptlsin)$/i.test(k));
  if (dynamic && (port === 443 || port === 80)) return { is: 'depends', on: `the port keyword ${dynamic}` };
  return NO;
}

function ipv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** Whether an address entry (`10.0.0.5`, `10.0.0.0/8`, `10.0.0.0/255.0.0.0`, `10.0.0.1-10.0.0.9`) holds an IPv4 address; undefined for keywords and IPv6. */
function addressHolds(entry: string, address: number): boolean | undefined {
  const range = /^([^-]+)-([^-]+)$/.exec(entry);
  if (range) {
    const a = ipv4(range[1]!);
    const b = ipv4(range[2]!);
    return a === undefined || b === undefined ? undefined : address >= a && address <= b;
  }
  const subnet = /^([^/]+)\/(.+)$/.exec(entry);
  if (subnet) {
    const base = ipv4(subnet[1]!);
    const bits = /^\d+$/.test(subnet[2]!) ? Number(subnet[2]) : undefined;
    const mask = bits !== undefined ? (bits === 0 ? 0 : (0xffffffff << (32 - Math.min(bits, 32))) >>> 0) : ipv4(subnet[2]!);
    return base === undefined || mask === undefined ? undefined : ((address & mask) >>> 0) === ((base & mask) >>> 0);
  }
  const one = ipv4(entry);
  return one === undefined ? undefined : one === address;
}

function addressMatch(rule: FirewallRule, address: string | undefined): Match {
  if (rule.remoteAddresses.length === 0) return YES;
  const ip = address === undefined ? undefined : ipv4(address);
  if (ip !== undefined) {
    const held = rule.remoteAddresses.map((e) => addressHolds(e, ip));
    if (held.includes(true)) return YES;
    if (held.every((h) => h === false)) return NO;
  }
  return { is: 'depends', on: `the cluster's address: the rule is limited to ${rule.remoteAddresses.join(',')}` };
}

/** Windows Vista and later pick an outbound connection's source port from this range (the IANA dynamic ports). */
export const DYNAMIC_PORTS: readonly [number, number] = [49152, 65535];

/**
 * `LPort` on an outbound rule is the connection's source port, which Windows picks from the
 * dynamic range: only a range that covers all of it surely matches; any narrower one depends on
 * the port Windows happens to pick (or on a changed dynamic range), so the answer stays open.
 */
function localPortMatch(rule: FirewallRule): Match {
  if (rule.localPorts.length === 0 && rule.localPortKeywords.length === 0) return YES;
  const [lo, hi] = DYNAMIC_PORTS;
  if (rule.localPorts.some(([a, b]) => a <= lo && b >= hi)) return YES;
  const written = [...rule.localPorts.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)), ...rule.localPortKeywords].join(',');
  return { is: 'depends', on: `the connection's source port: the rule is limited to local port ${written}, and an outbound connection's source port is picked from ${lo}-${hi}` };
}

/** `LA4`/`LA6`: the computer's own address, which kblint does not know; an IPv6-only rule does not cover an IPv4 cluster. */
function localAddressMatch(rule: FirewallRule, address: string | undefined): Match {
  if (rule.localAddresses.length === 0) return YES;
  const v4 = rule.localAddresses.filter((a) => a.family === 4);
  if (v4.length === 0 && address !== undefined && ipv4(address) !== undefined) return NO;
  return { is: 'depends', on: `the computer's own address: the rule is limited to local address ${rule.localAddresses.map((a) => a.value).join(',')}` };
}

/** `IF` and `IFType`: which network interface the connection leaves by, which depends on the computer and where it is. */
function interfaceMatch(rule: FirewallRule): Match {
  const types = rule.interfaceTypes.filter((t) => !/^all$/i.test(t));
  const allTypes = rule.interfaceTypes.some((t) => /^all$/i.test(t));
  if (rule.interfaces.length === 0 && (types.length === 0 || allTypes)) return YES;
  const what = rule.interfaces.length ? `interface ${rule.interfaces.join(',')}` : `interface type ${types.join(',')}`;
  return { is: 'depends', on: `the network interface the connection uses: the rule is limited to ${what}` };
}

/** Does a rule cover an outbound TCP connection? Every condition must hold; one `no` ends it. */
export function ruleMatches(rule: FirewallRule, c: Connection): Match {
  if (!rule.active || rule.direction !== 'out') return NO;
  if (rule.protocol !== undefined && rule.protocol !== 6) return NO;
  if (rule.profiles.length && !rule.profiles.includes(c.profile ?? 'domain')) return NO;
  const conditions: Match[] = [
    portMatch(rule, c.port),
    programMatch(rule, c.programs),
    serviceMatch(rule, c.programs),
    addressMatch(rule, c.address),
    localPortMatch(rule),
    localAddressMatch(rule, c.address),
    interfaceMatch(rule),
    rule.otherConditions.length ? { is: 'depends', on: `who connects or how (${rule.otherConditions.join(', ')})` } : YES,
  ];
  if (conditions.some((m) => m.is === 'no')) return NO;
  return conditions.find((m) => m.is === 'depends') ?? YES;
}

const ruleName = (r: FirewallRule) => `rule '${r.name ?? r.id}'`;

/**
 * Can a computer under this policy open an outbound TCP connection to `port` (domain profile
 * unless told otherwise)? Windows' order: a matching block rule wins over any allow rule; an allow
 * rule reaches; else the profile's default outbound action (allow when unset). A rule whose match
 * depends on the program, address or another condition kblint cannot know makes the verdict
 * `unknown` where it could change it; never a guess.
 */
export function outboundTcp(policy: FirewallPolicy, port: number | Connection): PortReach {
  const c: Connection = typeof port === 'number' ? { port } : port;
  const profile = policy.profiles[c.profile ?? 'domain'] ?? {};
  const result = (verdict: Verdict, because?: PolEntry, reason?: string): PortReach => ({
    port: c.port,
    verdict,
    reachable: verdict === 'reachable',
    ...(because ? { because } : {}),
    ...(reason ? { reason } : {}),
  });
  if (profile.enabled === false) return result('reachable');
  let maybeBlock: { rule: FirewallRule; on: string } | undefined;
  let allow: FirewallRule | undefined;
  let maybeAllow: { rule: FirewallRule; on: string } | undefined;
  for (const rule of policy.rules) {
    const m = ruleMatches(rule, c);
    if (m.is === 'no') continue;
    if (rule.action === 'block') {
      if (m.is === 'yes') return result('blocked', rule.entry);
      maybeBlock ??= { rule, on: m.on };
    } else if (m.is === 'yes') allow ??= rule;
    else maybeAllow ??= { rule, on: m.on };
  }
  const defaultBlocks = profile.defaultOutbound === 'block';
  const open = allow ? { because: allow.entry } : !defaultBlocks ? { because: profile.entry } : undefined;
  if (open) {
    if (maybeBlock) return result('unknown', maybeBlock.rule.entry, `port ${c.port} is blocked by ${ruleName(maybeBlock.rule)} depending on ${maybeBlock.on}`);
    return result('reachable', open.because);
  }
  // The default blocks and no rule surely allows.
  if (maybeAllow) return result('unknown', maybeAllow.rule.entry, `port ${c.port} is allowed by ${ruleName(maybeAllow.rule)} only depending on ${maybeAllow.on}; otherwise the default outbound action blocks`);
  return result('blocked', profile.entry);
}
