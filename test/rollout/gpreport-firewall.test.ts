import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGpoBackup } from '../../src/rollout/readers/gpo.js';
import { HAS_SHARED, SHARED } from '../shared.js';
import { check, kblint } from './run.js';

/**
 * A `Get-GPOReport -ReportType Xml` export of a firewall GPO, shaped as GPMC writes it (UTF-16 with
 * BOM, CRLF, the firewall extension in namespace `…/Settings/WindowsFirewall` as `q3:`), with the
 * profiles and rule fields of a real baseline. No such export is in ../shared, so it is built here.
 */
const profile = (name: string, enable: boolean, outboundBlock: boolean) => [
  `        <q3:${name}>`,
  `          <q3:EnableFirewall>`,
  `            <q3:Value>${enable}</q3:Value>`,
  `          </q3:EnableFirewall>`,
  `          <q3:DefaultInboundAction>`,
  `            <q3:Value>true</q3:Value>`,
  `          </q3:DefaultInboundAction>`,
  `          <q3:DefaultOutboundAction>`,
  `            <q3:Value>${outboundBlock}</q3:Value>`,
  `          </q3:DefaultOutboundAction>`,
  `        </q3:${name}>`,
];
const rule = (element: string, fields: [string, string][]) => [`        <q3:${element}>`, ...fields.map(([k, v]) => `          <q3:${k}>${v}</q3:${k}>`), `        </q3:${element}>`];
const report = (profiles: string[], rules: string[]) =>
  [
    '<?xml version="1.0" encoding="utf-16"?>',
    '<GPO xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Settings">',
    '  <Identifier>',
    '    <Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">{3C1D9E55-7A2B-4F10-9B7C-2E8D4A6F0B11}</Identifier>',
    '    <Domain xmlns="http://www.microsoft.com/GroupPolicy/Types">contoso.com</Domain>',
    '  </Identifier>',
    '  <Name>Workstations - Windows Firewall</Name>',
    '  <Computer>',
    '    <VersionDirectory>7</VersionDirectory>',
    '    <VersionSysvol>7</VersionSysvol>',
    '    <Enabled>true</Enabled>',
    '    <ExtensionData>',
    '      <Extension xmlns:q3="http://www.microsoft.com/GroupPolicy/Settings/WindowsFirewall" xsi:type="q3:WindowsFirewallSettings">',
    '        <q3:GlobalSettings>',
    '          <q3:PolicyVersion>',
    '            <q3:Value>538</q3:Value>',
    '          </q3:PolicyVersion>',
    '        </q3:GlobalSettings>',
    ...profiles,
    ...rules,
    '      </Extension>',
    '      <Name>Windows Firewall</Name>',
    '    </ExtensionData>',
    '  </Computer>',
    '  <LinksTo>',
    '    <SOMName>Workstations</SOMName>',
    '    <SOMPath>contoso.com/Workstations</SOMPath>',
    '    <Enabled>true</Enabled>',
    '    <NoOverride>false</NoOverride>',
    '  </LinksTo>',
    '</GPO>',
  ].join('\r\n');
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

const ALL_BLOCK = [...profile('DomainProfile', true, true), ...profile('PrivateProfile', true, true), ...profile('PublicProfile', true, true)];
const DNS = rule('OutboundFirewallRules', [['Version', '2.30'], ['Action', 'Allow'], ['Name', 'Core Networking - DNS (UDP-Out)'], ['Dir', 'Out'], ['App', '%SystemRoot%\\system32\\svchost.exe'], ['Svc', 'dnscache'], ['Profile', 'Domain'], ['Profile', 'Private'], ['Profile', 'Public'], ['Protocol', '17'], ['RPort', '53'], ['Active', 'true']]);
const RDP_IN = rule('InboundFirewallRules', [['Version', '2.30'], ['Action', 'Allow'], ['Name', 'Remote Desktop (TCP-In)'], ['Dir', 'In'], ['Protocol', '6'], ['LPort', '3389'], ['Active', 'true']]);
const HTTPS = rule('OutboundFirewallRules', [['Version', '2.30'], ['Action', 'Allow'], ['Name', 'RMS clusters (HTTPS-Out)'], ['Dir', 'Out'], ['Protocol', '6'], ['RPort', '443'], ['Active', 'true']]);
const EDGE = rule('OutboundFirewallRules', [['Version', '2.30'], ['Action', 'Allow'], ['Name', 'Edge HTTPS'], ['Dir', 'Out'], ['App', '%ProgramFiles(x86)%\\Microsoft\\Edge\\Application\\msedge.exe'], ['Protocol', '6'], ['RPort', '443'], ['RA4', 'LocalSubnet'], ['Active', 'true']]);
const BLOCK_PUBLIC = rule('OutboundFirewallRules', [['Version', '2.30'], ['Action', 'Block'], ['Name', 'No web on public networks'], ['Dir', 'Out'], ['Profile', 'Public'], ['Protocol', '6'], ['RPort', '80'], ['RPort', '443'], ['Active', 'true']]);

const folder = (xml: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'kblint-gpreport-'));
  mkdirSync(join(dir, 'gpo'));
  writeFileSync(join(dir, 'gpo', 'gpreport.xml'), utf16(xml));
  return dir;
};

describe('gpreport.xml: the Windows Firewall extension gives the same facts a Registry.pol does', () => {
  it('reads the three profiles and every rule, each at its line', async () => {
    const dir = folder(report(ALL_BLOCK, [...DNS, ...RDP_IN, ...HTTPS]));
    const gpo = await readGpoBackup(join(dir, 'gpo'));
    const fw = gpo.firewall!;
    expect(fw.file).toBe(join(dir, 'gpo', 'gpreport.xml'));
    expect(Object.entries(fw.policy.profiles).map(([p, v]) => `${p} ${v.enabled} ${v.defaultOutbound} line ${v.entry?.line}`)).toEqual(['domain true block line 26', 'private true block line 37', 'public true block line 48']);
    expect(fw.policy.rules.map((r) => `${r.name} ${r.direction} ${r.action} ${r.protocol} ${r.profiles.join('+') || 'all'} ${r.remotePorts.join(';')} ${r.localPorts.join(';')} ${r.service ?? ''} line ${r.entry.line}`)).toEqual([
      'Remote Desktop (TCP-In) in allow 6 all  3389,3389  line 66',
      'Core Networking - DNS (UDP-Out) out allow 17 domain+private+public 53,53  dnscache line 52',
      'RMS clusters (HTTPS-Out) out allow 6 all 443,443   line 75',
    ]);
    expect(gpo.extensions).toEqual([{ side: 'computer', type: 'WindowsFirewallSettings', settings: 7 }]);
  });

  it.each([
    ['all profiles block, a 443 rule for any program', [...ALL_BLOCK, ...DNS, ...HTTPS], 'pass', undefined, undefined],
    ['all profiles block, nothing for web traffic', [...ALL_BLOCK, ...DNS], 'fail', 26, 'Domain profile blocks port 80, 443: gpreport.xml Computer/WindowsFirewall/DomainProfile\\DefaultOutboundAction (line 26)'],
    ['all profiles block, 443 only for Edge on the local subnet', [...ALL_BLOCK, ...EDGE], 'notchecked', undefined, undefined],
    ['outbound allowed, web blocked on public networks', [...profile('DomainProfile', true, false), ...profile('PrivateProfile', true, false), ...profile('PublicProfile', true, false), ...BLOCK_PUBLIC], 'notchecked', undefined, undefined],
  ] as const)('a GPO known only from its report: %s', async (_, body, expected, line, detail) => {
    const dir = folder(report([...body], []));
    const { result } = await check(['gpo'], dir);
    const o = result.outcomes.find((x) => x.rule === 'clusters-reachable-on-documented-ports')!;
    expect(o.outcome).toBe(expected);
    if (expected === 'fail') expect(result.findings.find((f) => f.rule === o.rule)!.location).toMatchObject({ file: 'gpo/gpreport.xml', line, detail });
    if (expected === 'notchecked') expect(o.reason).toMatch(/depending on which program connects|depends on the network location/);
  });

  it('reads a setting written RSoP-style, with <GPO> and <Precedence> beside its value', async () => {
    const rsop = profile('DomainProfile', true, true).map((l) =>
      /<q3:Value>/.test(l) ? `            <GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base"><Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">{3C1D9E55-7A2B-4F10-9B7C-2E8D4A6F0B11}</Identifier></GPO>\r\n            <Precedence xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base">1</Precedence>\r\n${l}` : l,
    );
    const gpo = await readGpoBackup(join(folder(report(rsop, [])), 'gpo'));
    expect(gpo.firewall!.policy.profiles.domain).toMatchObject({ enabled: true, defaultOutbound: 'block' });
  });

  it('refuses a profile value that is neither true nor false, at its line, exit 2', async () => {
    const broken = profile('PublicProfile', true, true).map((l, i) => (i === 8 ? l.replace('true', 'maybe') : l));
    const dir = folder(report([...profile('DomainProfile', true, true), ...broken], []));
    const r = await kblint(['check', 'gpo'], dir);
    expect(r).toMatchObject({ code: 2, err: "kblint check: gpo/gpreport.xml:37: PublicProfile DefaultOutboundAction is 'maybe'; expected true or false\n" });
  });

  it.skipIf(!HAS_SHARED)('reads the real exports in ../shared: no firewall extension in them, so no firewall facts invented', async () => {
    for (const name of ['COMPANY-Global-Baseline', 'HR-Restrictive-Policy', 'IT-Power-User-Config']) {
      const dir = `${SHARED}artifacts/gpreport/${name}`;
      const raw = readFileSync(`${dir}/gpreport.xml`).subarray(2).toString('utf16le');
      const gpo = await readGpoBackup(dir);
      expect([...raw.matchAll(/WindowsFirewallSettings|FirewallRules>/g)]).toHaveLength(0);
      expect(gpo.firewall).toBeUndefined();
      expect(gpo.extensions.filter((e) => e.type === 'WindowsFirewallSettings')).toEqual([]);
    }
  });
});
