import type { PolEntry } from './registry-pol.js';

const FIREWALL = /^software\\policies\\microsoft\\windowsfirewall\\(domainprofile|privateprofile|publicprofile|firewallrules)$/i;

export interface FirewallRule {
  id: string;
  name?: string;
  action: 'allow' | 'block';
  active: boolean;
  direction: 'in' | 'out';
  /** IANA protocol number (6 TCP, 17 UDP); undefined = any. */
  protocol?: number;
  /** Remote port ranges; empty = any port. */
  remotePorts: [number, number][];
  /** Remote addresses as written (RA4/RA6); empty = any address. */
  remoteAddresses: string[];
  entry: PolEntry;
}

export interface FirewallProfile {
  enabled?: boolean;
  /** `DefaultOutboundAction`: 0 allow, 1 block. Windows' own default is allow. */
  defaultOutbound?: 'allow' | 'block';
  entry?: PolEntry;
}

export interface FirewallPolicy {
  profiles: Partial<Record<'domain' | 'private' | 'public', FirewallProfile>>;
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
    const name = where.replace('profile', '') as 'domain' | 'private' | 'public';
    const profile = (policy.profiles[name] ??= {});
    if (/^enablefirewall$/i.test(entry.value) && typeof entry.data === 'number') profile.enabled = entry.data !== 0;
    if (/^defaultoutboundaction$/i.test(entry.value) && typeof entry.data === 'number') {
      profile.defaultOutbound = entry.data === 1 ? 'block' : 'allow';
      profile.entry = entry;
    }
  }
  return seen ? policy : undefined;
}

/** `v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=443|RA4=10.0.0.5|Name=…|` */
export function parseRule(id: string, text: string, entry: PolEntry): FirewallRule {
  const fields: [string, string][] = text
    .split('|')
    .slice(1)
    .filter((f) => f.includes('='))
    .map((f) => [f.slice(0, f.indexOf('=')).toLowerCase(), f.slice(f.indexOf('=') + 1)]);
  const get = (k: string) => fields.find(([key]) => key === k)?.[1];
  const all = (k: string) => fields.filter(([key]) => key === k).map(([, v]) => v);
  const rule: FirewallRule = {
    id,
    action: /^allow/i.test(get('action') ?? '') ? 'allow' : 'block',
    active: !/^false$/i.test(get('active') ?? 'TRUE'),
    direction: /^out$/i.test(get('dir') ?? '') ? 'out' : 'in',
    remotePorts: all('rport').flatMap((v) => v.split(',')).map(portRange).filter((r): r is [number, number] => r !== undefined),
    remoteAddresses: [...all('ra4'), ...all('ra6')].flatMap((v) => v.split(',')),
    entry,
  };
  const protocol = get('protocol');
  if (protocol !== undefined && /^\d+$/.test(protocol)) rule.protocol = Number(protocol);
  const name = get('name');
  if (name !== undefined) rule.name = name;
  return rule;
}

function portRange(v: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(v.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

export interface PortReach {
  port: number;
  reachable: boolean;
  /** The profile setting or rule that decides. */
  because?: PolEntry;
}

/**
 * Can a computer under this policy open outbound TCP connections to `port` on the domain profile?
 * Cluster addresses are not resolved: an allow rule limited to some addresses counts as reaching.
 */
export function outboundTcp(policy: FirewallPolicy, port: number): PortReach {
  const profile = policy.profiles.domain ?? {};
  const covers = (r: FirewallRule) =>
    r.active && r.direction === 'out' && (r.protocol === undefined || r.protocol === 6) && (r.remotePorts.length === 0 || r.remotePorts.some(([a, b]) => port >= a && port <= b));
  const block = policy.rules.find((r) => r.action === 'block' && covers(r) && r.remoteAddresses.length === 0);
  if (profile.enabled === false) return { port, reachable: true };
  if (block) return { port, reachable: false, because: block.entry };
  const allow = policy.rules.find((r) => r.action === 'allow' && covers(r));
  if (allow) return { port, reachable: true, because: allow.entry };
  if (profile.defaultOutbound === 'block') return { port, reachable: false, ...(profile.entry ? { because: profile.entry } : {}) };
  return { port, reachable: true, ...(profile.entry ? { because: profile.entry } : {}) };
}
