import { describe, expect, it } from 'vitest';
import { reachFacts } from '../../src/rollout/network.js';
import { firewallPolicy, outboundTcp, parseRule, ruleMatches, type Connection, type FirewallPolicy, type Profile } from '../../src/rollout/readers/firewall.js';
import { parseRegistryPol, REG, writeRegistryPol } from '../../src/rollout/readers/registry-pol.js';

const FW = 'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall';
const entry = { key: `${FW}\\FirewallRules`, value: '{R}', type: REG.SZ, data: '', offset: 0 };
const rule = (text: string) => parseRule('{R}', text, { ...entry, data: text });
const match = (text: string, c: Connection) => {
  const m = ruleMatches(rule(text), c);
  return m.is === 'depends' ? `depends: ${m.on}` : m.is;
};
const OUT443 = 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=443|';
const WORD = '%ProgramFiles%\\Microsoft Office\\Office12\\WINWORD.EXE';

// Rule strings as Microsoft's baselines and Windows' own rule groups write them ([MS-GPFAS] 2.2.2.19).
describe('each field of a firewall rule string decides whether it covers outbound TCP 443 to the clusters', () => {
  it.each([
    // Action, Active, Dir, Protocol
    ['Action=Block', 'v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|RPort=443|Name=Block 443|', { port: 443 }, 'yes', 'block'],
    ['Action=ByPass counts as allow', 'v2.30|Action=ByPass|Active=TRUE|Dir=Out|Protocol=6|RPort=443|', { port: 443 }, 'yes', 'allow'],
    ['Active=FALSE', 'v2.30|Action=Allow|Active=FALSE|Dir=Out|Protocol=6|RPort=443|', { port: 443 }, 'no', 'allow'],
    ['Dir=In', 'v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=443|', { port: 443 }, 'no', 'allow'],
    ['Protocol=17 (UDP)', 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=17|RPort=443|', { port: 443 }, 'no', 'allow'],
    ['Protocol=256 (any)', 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=256|RPort=443|', { port: 443 }, 'yes', 'allow'],
    ['no Protocol (any)', 'v2.30|Action=Allow|Active=TRUE|Dir=Out|RPort=443|', { port: 443 }, 'yes', 'allow'],
    // RPort, RPort2_10: numbers, lists, ranges, keywords
    ['RPort=80', 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=80|', { port: 443 }, 'no', 'allow'],
    ['RPort repeated', 'v2.10|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=80|RPort=443|', { port: 443 }, 'yes', 'allow'],
    ['RPort as a comma list', 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=80,443|', { port: 443 }, 'yes', 'allow'],
    ['RPort2_10 range around the port', 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort2_10=400-500|', { port: 443 }, 'yes', 'allow'],
    ['RPort2_10 dynamic range', 'v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|RPort2_10=49152-65535|', { port: 443 }, 'no', 'block'],
    ['RPort=RPC keyword', 'v2.10|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=RPC|App=%SystemRoot%\\system32\\svchost.exe|', { port: 443 }, 'no', 'allow'],
    ['RPort2_10=IPTLSOut,IPHTTPSOut keyword', 'v2.10|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort2_10=IPTLSOut,IPHTTPSOut|App=System|Name=@FirewallAPI.dll,-36852|', { port: 443 }, 'depends: the port keyword IPTLSOut', 'allow'],
    // Profile
    ['Profile=Domain', `${OUT443}Profile=Domain|`, { port: 443 }, 'yes', 'allow'],
    ['Profile=Public only', `${OUT443}Profile=Public|`, { port: 443 }, 'no', 'allow'],
    ['Profile=Private|Profile=Public', `${OUT443}Profile=Private|Profile=Public|`, { port: 443 }, 'no', 'allow'],
    ['Profile=Domain, Private as a report lists it', `${OUT443}Profile=Domain, Private|`, { port: 443, profile: 'private' }, 'yes', 'allow'],
    ['Profile=Domain, Private, asked on the public profile', `${OUT443}Profile=Domain, Private|`, { port: 443, profile: 'public' }, 'no', 'allow'],
    ['Profile=Public, asked on the public profile', `${OUT443}Profile=Public|`, { port: 443, profile: 'public' }, 'yes', 'allow'],
    // App
    ['App, program unknown', `${OUT443}App=${WORD}|`, { port: 443 }, `depends: which program connects: the rule is limited to ${WORD}`, 'allow'],
    ['App, that program named', `${OUT443}App=${WORD}|`, { port: 443, programs: ['C:\\Program Files\\Microsoft Office\\Office12\\winword.exe'] }, 'yes', 'allow'],
    ['App, that program named by file name', `${OUT443}App=${WORD}|`, { port: 443, programs: ['WINWORD.EXE'] }, 'yes', 'allow'],
    ['App, another program named', `${OUT443}App=${WORD}|`, { port: 443, programs: ['OUTLOOK.EXE'] }, 'no', 'allow'],
    // Svc, AppPkgId
    ['Svc, program unknown', 'v2.10|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=80|RPort=443|App=%SystemRoot%\\system32\\svchost.exe|Svc=wuauserv|', { port: 443 }, 'depends: which program connects: the rule is limited to %SystemRoot%\\system32\\svchost.exe', 'allow'],
    ['Svc, RMS programs named', 'v2.10|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=443|Svc=wuauserv|', { port: 443, programs: ['WINWORD.EXE'] }, 'no', 'allow'],
    ['AppPkgId, program unknown', 'v2.26|Action=Block|Active=TRUE|Dir=Out|Protocol=6|AppPkgId=S-1-15-2-1861897761-1695161497-2927542615-642690995-327840285-2659745135-2630312742|', { port: 443 }, 'depends: which program connects: the rule is limited to app package S-1-15-2-1861897761-1695161497-2927542615-642690995-327840285-2659745135-2630312742', 'block'],
    ['AppPkgId, desktop programs named', 'v2.26|Action=Block|Active=TRUE|Dir=Out|Protocol=6|AppPkgId=S-1-15-2-1|', { port: 443, programs: ['WINWORD.EXE'] }, 'no', 'block'],
    // RA4 / RA6: addresses, subnets, ranges, keywords
    ['RA4=LocalSubnet', `${OUT443}RA4=LocalSubnet|RA6=LocalSubnet|`, { port: 443 }, "depends: the cluster's address: the rule is limited to LocalSubnet,LocalSubnet", 'allow'],
    ['RA4 subnet holding the cluster', `${OUT443}RA4=10.1.0.0/16|`, { port: 443, address: '10.1.2.3' }, 'yes', 'allow'],
    ['RA4 subnet mask form', `${OUT443}RA4=10.1.0.0/255.255.0.0|`, { port: 443, address: '10.2.2.3' }, 'no', 'allow'],
    ['RA4 range', `${OUT443}RA4=192.168.1.10-192.168.1.20|`, { port: 443, address: '192.168.1.15' }, 'yes', 'allow'],
    ['RA4 single address, another cluster', `${OUT443}RA4=10.0.0.5|`, { port: 443, address: '10.0.0.6' }, 'no', 'allow'],
    ['RA4=*', `${OUT443}RA4=*|`, { port: 443 }, 'yes', 'allow'],
    ['RA6 only, IPv4 cluster', `${OUT443}RA6=fe80::/64|`, { port: 443, address: '10.0.0.6' }, "depends: the cluster's address: the rule is limited to fe80::/64", 'allow'],
    // LPort / LPort2_10 on an outbound rule: the connection's source port, picked from 49152-65535
    ['LPort2_10 covering the dynamic range', 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|LPort2_10=49152-65535|RPort=443|Name=HTTPS out from dynamic ports|', { port: 443 }, 'yes', 'allow'],
    ['LPort2_10 wider than the dynamic range', 'v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|LPort2_10=1024-65535|Name=Block high source ports|', { port: 443 }, 'yes', 'block'],
    ['LPort=443 on an outbound rule (a server port)', 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|LPort=443|Name=HTTPS (wrong side)|', { port: 443 }, "depends: the connection's source port: the rule is limited to local port 443, and an outbound connection's source port is picked from 49152-65535", 'allow'],
    ['LPort2_10 covering part of the dynamic range', 'v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|LPort2_10=50000-50100|RPort=443|', { port: 443 }, "depends: the connection's source port: the rule is limited to local port 50000-50100, and an outbound connection's source port is picked from 49152-65535", 'block'],
    ['LPort=RPC keyword', 'v2.10|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|LPort=RPC|App=%SystemRoot%\\system32\\svchost.exe|', { port: 443, programs: ['C:\\Windows\\system32\\svchost.exe'] }, "depends: the connection's source port: the rule is limited to local port RPC, and an outbound connection's source port is picked from 49152-65535", 'allow'],
    ['LPort=* (any)', `${OUT443}LPort=*|`, { port: 443 }, 'yes', 'allow'],
    // LA4 / LA6: the computer's own address
    ['LA4 (local address)', `${OUT443}LA4=10.0.0.0/8|`, { port: 443 }, "depends: the computer's own address: the rule is limited to local address 10.0.0.0/8", 'allow'],
    ['LA4 range, cluster known', `${OUT443}LA4=192.168.10.1-192.168.10.254|`, { port: 443, address: '10.0.0.5' }, "depends: the computer's own address: the rule is limited to local address 192.168.10.1-192.168.10.254", 'allow'],
    ['LA6 only, IPv4 cluster: IPv6 traffic only', `${OUT443}LA6=fd00::/8|`, { port: 443, address: '10.0.0.5' }, 'no', 'allow'],
    ['LA6 only, cluster by name', `${OUT443}LA6=fd00::/8|`, { port: 443 }, "depends: the computer's own address: the rule is limited to local address fd00::/8", 'allow'],
    ['LA4=*', `${OUT443}LA4=*|`, { port: 443 }, 'yes', 'allow'],
    // IF / IFType: the interface the connection leaves by
    ['IFType=RemoteAccess (VPN)', 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=443|IFType=RemoteAccess|Name=HTTPS over VPN|', { port: 443 }, 'depends: the network interface the connection uses: the rule is limited to interface type RemoteAccess', 'allow'],
    ['IFType=Wireless block', 'v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|IFType=Wireless|Name=No wireless|', { port: 443 }, 'depends: the network interface the connection uses: the rule is limited to interface type Wireless', 'block'],
    ['IFType=All', `${OUT443}IFType=All|`, { port: 443 }, 'yes', 'allow'],
    ['IF by GUID', `${OUT443}IF={0B6E3C2A-5F1C-4A8B-9E1D-3C0B7A1E2F01}|`, { port: 443 }, 'depends: the network interface the connection uses: the rule is limited to interface {0B6E3C2A-5F1C-4A8B-9E1D-3C0B7A1E2F01}', 'allow'],
    // Who connects or how
    ['Security=AuthenticateEncrypt (IPsec)', `${OUT443}Security=AuthenticateEncrypt|`, { port: 443 }, 'depends: who connects or how (security=AuthenticateEncrypt)', 'allow'],
    ['LUAuth (local users)', `${OUT443}LUAuth=O:LSD:(A;;CC;;;S-1-5-21-1-2-3-1001)|`, { port: 443 }, 'depends: who connects or how (luauth=O:LSD:(A;;CC;;;S-1-5-21-1-2-3-1001))', 'allow'],
    ['descriptive fields only', `${OUT443}Name=@FirewallAPI.dll,-25303|Desc=x|EmbedCtxt=@FirewallAPI.dll,-25000|Platform=2:6:2|Platform2=GTEQ|`, { port: 443 }, 'yes', 'allow'],
  ] as [string, string, Connection, string, string][])('%s', (_, text, connection, expected, action) => {
    expect(match(text, connection)).toBe(expected);
    expect(rule(text).action).toBe(action);
  });
});

describe('the verdict for a port: block beats allow, the profile default applies when no rule matches', () => {
  const policy = (defaultOutbound: number | undefined, ...rules: string[]) =>
    firewallPolicy(
      parseRegistryPol(
        writeRegistryPol([
          ...(defaultOutbound === undefined ? [] : [{ key: `${FW}\\DomainProfile`, value: 'DefaultOutboundAction', type: REG.DWORD, data: defaultOutbound }]),
          ...rules.map((data, i) => ({ key: `${FW}\\FirewallRules`, value: `{R${i}}`, type: REG.SZ, data })),
        ]),
        'r.pol',
      ),
    )!;
  const EDGE = 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|Profile=Domain|RPort=443|RA4=LocalSubnet|App=%ProgramFiles(x86)%\\Microsoft\\Edge\\Application\\msedge.exe|Name=Edge HTTPS|';
  const CORTANA = 'v2.24|Action=Block|Active=TRUE|Dir=Out|App=%SystemRoot%\\SystemApps\\Microsoft.Windows.Cortana_cw5n1h2txyewy\\SearchUI.exe|Name=Block Cortana Outbound|';

  it.each([
    ['default block, an app-scoped 443 allow: unknown, never reachable', policy(1, EDGE), { port: 443 }, 'unknown', '{R0}'],
    ['default block, the app-scoped allow for another program named', policy(1, EDGE), { port: 443, programs: ['WINWORD.EXE'] }, 'blocked', 'DefaultOutboundAction'],
    ['an app-scoped block rule alone: unknown, never blocked', policy(undefined, CORTANA), { port: 443 }, 'unknown', '{R0}'],
    ['an app-scoped block rule, the RMS programs named', policy(undefined, CORTANA), { port: 443, programs: ['WINWORD.EXE', 'OUTLOOK.EXE'] }, 'reachable', undefined],
    ['a block rule beats an allow rule', policy(0, `${OUT443}Name=allow|`, 'v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|RPort=443|Name=block|'), { port: 443 }, 'blocked', '{R1}'],
    ['an address-scoped block holding the cluster', policy(0, 'v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|RA4=10.0.0.0/8|'), { port: 443, address: '10.9.8.7' }, 'blocked', '{R0}'],
    ['an address-scoped block, cluster address unknown', policy(0, 'v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|RA4=10.0.0.0/8|'), { port: 443 }, 'unknown', '{R0}'],
    ['no rule matches: the default blocks', policy(1, 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=8080|'), { port: 443 }, 'blocked', 'DefaultOutboundAction'],
    ['no rule matches: the default allows', policy(0), { port: 443 }, 'reachable', 'DefaultOutboundAction'],
    ['no default set: Windows allows outbound', policy(undefined, 'v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=443|'), { port: 443 }, 'reachable', undefined],
  ] as const)('%s', (_, p, connection, verdict, because) => {
    const reach = outboundTcp(p, connection);
    expect(reach.verdict).toBe(verdict);
    expect(reach.reachable).toBe(verdict === 'reachable');
    expect(reach.because?.value).toBe(because);
    expect(reach.reason === undefined).toBe(verdict !== 'unknown');
  });
});

describe('the three firewall profiles: reachable only when every profile the computers are in lets the port out', () => {
  const pol = (settings: [string, string, number][], ...rules: string[]) =>
    firewallPolicy(
      parseRegistryPol(
        writeRegistryPol([
          ...settings.map(([profile, value, data]) => ({ key: `${FW}\\${profile}Profile`, value, type: REG.DWORD, data })),
          ...rules.map((data, i) => ({ key: `${FW}\\FirewallRules`, value: `{R${i}}`, type: REG.SZ, data })),
        ]),
        'Machine/registry.pol',
      ),
    )!;
  const ask = (policy: FirewallPolicy, profiles?: Profile[]) => {
    const r = reachFacts([{ file: 'Machine/registry.pol', policy }], { ports: [80, 443], clusters: {}, ...(profiles ? { profiles } : {}) });
    return { ports: r.facts.network?.root?.ports, unknown: r.unknown['network.root'], detail: r.sources['network.root']?.detail };
  };
  const BLOCK_ALL: [string, string, number][] = [['Domain', 'DefaultOutboundAction', 1], ['Private', 'DefaultOutboundAction', 1], ['Public', 'DefaultOutboundAction', 1]];

  it.each([
    ['every profile blocks by default, a 443 rule for all profiles', pol(BLOCK_ALL, `${OUT443}Name=RMS|`), undefined, { ports: [443], unknown: undefined, detail: 'Domain profile blocks port 80: SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile\\DefaultOutboundAction (byte offset 8)' }],
    ['every profile blocks, nothing allows', pol(BLOCK_ALL), undefined, { ports: [], unknown: undefined, detail: 'Domain profile blocks port 80, 443: SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile\\DefaultOutboundAction (byte offset 8)' }],
    ['the Public profile blocks, the others allow', pol([['Public', 'DefaultOutboundAction', 1]]), undefined, { ports: undefined, unknown: 'the firewall decides by program, address, network location or another condition: it depends on the network location: port 80 is open in the Domain, Private profile and blocked in the Public profile; name the profiles these computers use (firewallProfiles); it depends on the network location: port 443 is open in the Domain, Private profile and blocked in the Public profile; name the profiles these computers use (firewallProfiles)', detail: 'Public profile: SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile\\DefaultOutboundAction (byte offset 8)' }],
    ['the same, for desktops that stay on the corporate network', pol([['Public', 'DefaultOutboundAction', 1]]), ['domain'], { ports: [80, 443], unknown: undefined, detail: 'open in the Domain profile' }],
    ['a 443 allow only in the Domain profile, all default-block', pol(BLOCK_ALL, `${OUT443}Profile=Domain|Name=RMS|`), undefined, { ports: undefined, unknown: expect.stringContaining('port 443 is open in the Domain profile and blocked in the Private, Public profile'), detail: expect.stringContaining('Private profile: SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\PrivateProfile\\DefaultOutboundAction') }],
    ['the Public profile firewall is off', pol([['Domain', 'DefaultOutboundAction', 1], ['Private', 'DefaultOutboundAction', 1], ['Public', 'EnableFirewall', 0]], `${OUT443}Profile=Domain,Private|Name=RMS|`), undefined, { ports: [443], unknown: undefined, detail: 'open in the Domain, Private, Public profiles: SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules\\{R0} (byte offset 548)' }],
    ['a block rule in the Public profile only', pol([], 'v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|Profile=Public|RPort=443|Name=No HTTPS on public networks|'), undefined, { ports: [80], unknown: undefined, detail: 'open in the Domain, Private, Public profiles' }],
  ] as [string, FirewallPolicy, Profile[] | undefined, object][])('%s', (_, policy, profiles, expected) => {
    expect(ask(policy, profiles)).toEqual(expected);
  });
});
