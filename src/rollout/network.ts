import { outboundTcp, type FirewallPolicy, type PortReach } from './readers/firewall.js';
import { polLocation } from './readers/policy-facts.js';
import type { PolEntry } from './readers/registry-pol.js';
import type { FactSet } from './readers/reader.js';
import type { Location } from './types.js';

export interface ReachQuestion {
  /** The ports the documentation names (from the knowledge base). */
  ports: number[];
  /** The cluster URLs from the manifest: a host given as an IPv4 literal is matched against address-scoped rules. */
  clusters: { root?: string; licensing?: string };
  /** The RMS-enabled applications, when the manifest names them; else a program-scoped rule leaves the answer open. */
  programs?: string[];
}

/** The IPv4 literal host of a URL, if it is one. */
function ipHost(url: string | undefined): string | undefined {
  const host = url === undefined ? undefined : /^[a-z]+:\/\/([^/:]+)/i.exec(url)?.[1];
  return host && /^\d{1,3}(\.\d{1,3}){3}$/.test(host) ? host : undefined;
}

/**
 * The firewall policies that apply to a computer, taken together: every rule of each (Windows
 * merges the rules of all GPOs), each profile setting from the first that sets it (the GPO with
 * precedence comes first). `fileOf` tells which file a setting came from.
 */
function combine(firewalls: { file: string; policy: FirewallPolicy }[]): { policy: FirewallPolicy; fileOf: Map<PolEntry, string> } {
  const fileOf = new Map<PolEntry, string>();
  const policy: FirewallPolicy = { profiles: {}, rules: [] };
  for (const { file, policy: p } of firewalls) {
    for (const rule of p.rules) {
      policy.rules.push(rule);
      fileOf.set(rule.entry, file);
    }
    for (const [name, profile] of Object.entries(p.profiles) as [keyof FirewallPolicy['profiles'], NonNullable<FirewallPolicy['profiles']['domain']>][]) {
      const into = (policy.profiles[name] ??= {});
      if (into.enabled === undefined && profile.enabled !== undefined) into.enabled = profile.enabled;
      if (into.defaultOutbound === undefined && profile.defaultOutbound !== undefined) {
        into.defaultOutbound = profile.defaultOutbound;
        if (profile.entry) {
          into.entry = profile.entry;
          fileOf.set(profile.entry, file);
        }
      }
    }
  }
  return { policy, fileOf };
}

/**
 * Network facts from firewall policy: for each cluster, the documented ports it can surely reach.
 * A port counts only when the policy surely lets the connection out; when none surely does and
 * the answer depends on the program, the address or another condition, the fact stays unknown
 * with the reason (`notchecked`), never a pass.
 */
export function reachFacts(firewalls: { file: string; policy: FirewallPolicy }[], question: ReachQuestion): FactSet & { unknown: Record<string, string> } {
  const out: FactSet & { unknown: Record<string, string> } = { facts: {}, sources: {}, unknown: {} };
  if (firewalls.length === 0 || question.ports.length === 0) return out;
  const { policy, fileOf } = combine(firewalls);
  const where = (r: PortReach | undefined): Location => {
    const file = r?.because ? (fileOf.get(r.because) ?? firewalls[0]!.file) : firewalls[0]!.file;
    return r?.because ? polLocation(file, r.because) : { file, line: 1, column: 1 };
  };
  for (const peer of ['root', 'licensing'] as const) {
    const address = ipHost(question.clusters[peer]);
    const reach = question.ports.map((port) => outboundTcp(policy, { port, ...(address ? { address } : {}), ...(question.programs ? { programs: question.programs } : {}) }));
    const open = reach.filter((r) => r.verdict === 'reachable');
    const unknowns = reach.filter((r) => r.verdict === 'unknown');
    const unknown = unknowns[0];
    if (open.length === 0 && unknown) {
      out.unknown[`network.${peer}`] = `the firewall decides by program, address or another condition: ${unknowns.map((r) => r.reason).join('; ')}`;
      out.sources[`network.${peer}`] = where(unknown);
      continue;
    }
    out.facts.network = { ...out.facts.network, [peer]: { ports: open.map((r) => r.port) } };
    // A finding points at what blocks (or, when all is open, what allows).
    out.sources[`network.${peer}`] = where(reach.find((r) => r.verdict === 'blocked') ?? open[0]);
  }
  const first = out.sources['network.root'] ?? out.sources['network.licensing'];
  if (first) out.sources.network = first;
  return out;
}
