import { outboundTcp, PROFILES, type FirewallPolicy, type PortReach, type Profile } from './readers/firewall.js';
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
  /**
   * The firewall profiles the computers are in when they reach the clusters (the manifest's
   * `firewallProfiles`: `[domain]` for desktops on the corporate network). Default: all three,
   * since where a laptop connects from is not known.
   */
  profiles?: readonly Profile[];
}

const PROFILE_NAME: Record<Profile, string> = { domain: 'Domain', private: 'Private', public: 'Public' };
const profileList = (ps: readonly Profile[]) => ps.map((p) => PROFILE_NAME[p]).join(', ');

/** One port across the applicable profiles: reachable only when every profile lets it out. */
interface PortAcross {
  port: number;
  verdict: 'reachable' | 'blocked' | 'unknown' | 'location';
  /** The deciding result and its profile: what blocks, what leaves it open, or what allows. */
  at: PortReach;
  profile: Profile;
  reason?: string;
}

function across(port: number, reach: { profile: Profile; r: PortReach }[]): PortAcross {
  const blocked = reach.filter((x) => x.r.verdict === 'blocked');
  const unknown = reach.filter((x) => x.r.verdict === 'unknown');
  const open = reach.filter((x) => x.r.verdict === 'reachable');
  if (open.length === reach.length) return { port, verdict: 'reachable', at: open[0]!.r, profile: open[0]!.profile };
  if (blocked.length === reach.length) return { port, verdict: 'blocked', at: blocked[0]!.r, profile: blocked[0]!.profile };
  if (unknown.length) {
    const u = unknown[0]!;
    return { port, verdict: 'unknown', at: u.r, profile: u.profile, reason: `${PROFILE_NAME[u.profile]} profile: ${u.r.reason}` };
  }
  // Open in one profile, blocked in another: it depends on the network the computer is on.
  const b = blocked[0]!;
  return {
    port,
    verdict: 'location',
    at: b.r,
    profile: b.profile,
    reason: `it depends on the network location: port ${port} is open in the ${profileList(open.map((x) => x.profile))} profile and blocked in the ${profileList(blocked.map((x) => x.profile))} profile; name the profiles these computers use (firewallProfiles)`,
  };
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
  const profiles = question.profiles?.length ? question.profiles : PROFILES;
  const where = (r: PortAcross | undefined, detail?: string): Location => {
    const because = r?.at.because;
    const file = because ? (fileOf.get(because) ?? firewalls[0]!.file) : firewalls[0]!.file;
    const at = because ? polLocation(file, because) : { file, line: 1, column: 1 };
    return detail ? { ...at, detail: at.detail ? `${detail}: ${at.detail}` : detail } : at;
  };
  for (const peer of ['root', 'licensing'] as const) {
    const address = ipHost(question.clusters[peer]);
    const ports = question.ports.map((port) =>
      across(
        port,
        profiles.map((profile) => ({ profile, r: outboundTcp(policy, { port, profile, ...(address ? { address } : {}), ...(question.programs ? { programs: question.programs } : {}) }) })),
      ),
    );
    const open = ports.filter((p) => p.verdict === 'reachable');
    const undecided = ports.filter((p) => p.verdict === 'unknown' || p.verdict === 'location');
    if (open.length === 0 && undecided.length) {
      out.unknown[`network.${peer}`] = `the firewall decides by program, address, network location or another condition: ${undecided.map((p) => p.reason).join('; ')}`;
      out.sources[`network.${peer}`] = where(undecided[0], `${PROFILE_NAME[undecided[0]!.profile]} profile`);
      continue;
    }
    out.facts.network = { ...out.facts.network, [peer]: { ports: open.map((p) => p.port) } };
    // A finding points at what blocks (or, when all is open, what allows), naming the profile it is in.
    const blocked = ports.filter((p) => p.verdict === 'blocked');
    const first = blocked[0];
    out.sources[`network.${peer}`] = first
      ? where(first, `${PROFILE_NAME[first.profile]} profile blocks port ${blocked.filter((p) => p.at.because === first.at.because).map((p) => p.port).join(', ')}`)
      : where(open[0], `open in the ${profileList(profiles)} profile${profiles.length > 1 ? 's' : ''}`);
  }
  const first = out.sources['network.root'] ?? out.sources['network.licensing'];
  if (first) out.sources.network = first;
  return out;
}
