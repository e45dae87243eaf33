import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REG, writeRegistryPol } from '../../src/rollout/readers/registry-pol.js';
import { PROJECT } from '../shared.js';
import { check, kblint } from './run.js';

const ROOT = `${PROJECT}examples/artifacts/backup-root`;
const NAMES = ['RMS Client - Finance startup script', 'Workstation Firewall Baseline', 'Windows Update - WSUS'];
const FW = 'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall';
const tmp = () => mkdtempSync(join(tmpdir(), 'kblint-root-'));
const targets = (result: { outcomes: { target: string }[] }) => [...new Set(result.outcomes.map((o) => o.target))];
const outcome = (result: { outcomes: { target: string; rule: string; outcome: string; reason?: string }[] }, target: string, rule = 'clusters-reachable-on-documented-ports') =>
  result.outcomes.find((o) => o.target === target && o.rule === rule);

describe('a Backup-GPO root: manifest.xml and one {GUID} folder per GPO', () => {
  it('reads three GPOs, each a target named by its display name, exit 0 or 1', async () => {
    const { code, result } = await check([ROOT]);
    expect([0, 1]).toContain(code);
    expect(targets(result)).toEqual(NAMES);
    expect(outcome(result, NAMES[0]!, 'script-verifies-integrity')).toMatchObject({ outcome: 'pass' });
    // Default-block outbound with 443 allowed only for Edge on the local subnet: never a pass.
    expect(outcome(result, NAMES[1]!)).toMatchObject({ outcome: 'notchecked' });
    expect(outcome(result, NAMES[1]!)!.reason).toContain("port 443 is allowed by rule 'Edge HTTPS to the local subnet' only depending on which program connects");
  });

  it('is found nested one level deeper, and as several baseline roots side by side', async () => {
    const dir = tmp();
    cpSync(ROOT, join(dir, 'export', 'GPOs'), { recursive: true });
    expect(targets((await check([join(dir, 'export')])).result)).toEqual(NAMES);
    const two = tmp();
    cpSync(ROOT, join(two, 'Baselines', 'Windows 10', 'GPOs'), { recursive: true });
    cpSync(ROOT, join(two, 'Baselines', 'Server 2008', 'GPOs'), { recursive: true });
    const names = targets((await check([join(two, 'Baselines')], two)).result);
    expect(names).toHaveLength(6);
    expect(names[0]).toBe('RMS Client - Finance startup script (Baselines/Server 2008/GPOs/{5F1C2A77-0B6E-4A8B-9E1D-3C0B7A1E2F01})');
  });

  it('refuses a root whose manifest.xml lists a backup folder that is missing (nothing dropped)', async () => {
    const dir = tmp();
    cpSync(ROOT, join(dir, 'root'), { recursive: true });
    execFileSync('rm', ['-r', join(dir, 'root', '{7B3E4C99-2D80-4CAD-9A3F-5E2D9C3A4B03}')]);
    expect(await kblint(['check', 'root'], dir)).toMatchObject({
      code: 2,
      err: 'kblint check: root/manifest.xml:2: lists the backup {7b3e4c99-2d80-4cad-9a3f-5e2d9c3a4b03} (Windows Update - WSUS), but there is no folder of that name beside it\n',
    });
  });

  it('reads the root when its manifest.xml, a gpreport.xml or a registry.pol is given directly', async () => {
    expect(targets((await check([`${ROOT}/manifest.xml`])).result)).toEqual(NAMES);
    const finance = `${ROOT}/{5F1C2A77-0B6E-4A8B-9E1D-3C0B7A1E2F01}`;
    expect(targets((await check([`${finance}/gpreport.xml`])).result)).toEqual([NAMES[0]]);
    const pol = `${ROOT}/{6A2D3B88-1C7F-4B9C-8F2E-4D1C8B2F3A02}/DomainSysvol/GPO/Machine/registry.pol`;
    const { result } = await check([pol]);
    expect(targets(result)).toEqual(['registry.pol']);
    expect(outcome(result, 'registry.pol')).toMatchObject({ outcome: 'notchecked' });
  });

  it('gives each computer of an inventory the GPOs linked to its OU, findings at each GPO’s own files', async () => {
    const dir = tmp();
    cpSync(ROOT, join(dir, 'backup-root'), { recursive: true });
    cpSync(`${PROJECT}examples/artifacts/inventory.csv`, join(dir, 'inventory.csv'));
    writeFileSync(join(dir, 'rollout.yaml'), 'groups:\n  - name: all\n    gpo: backup-root\n    inventory: { file: inventory.csv }\n    activation: true\n    applications: [WINWORD.EXE, OUTLOOK.EXE]\n');
    const { result } = await check(['rollout.yaml'], dir);
    const finance = result.outcomes.filter((o) => o.rule === 'script-verifies-integrity' && o.outcome === 'pass').map((o) => o.target);
    expect(finance).toEqual(['FIN-XP-01', 'FIN-XP-02', 'FIN-W7-01']);
    // Named applications: the Edge and Windows Update rules do not cover Word or Outlook, so the default blocks.
    const blocked = result.findings.filter((f) => f.rule === 'clusters-reachable-on-documented-ports');
    expect(blocked).toHaveLength(8);
    expect(blocked[0]!.location).toMatchObject({ file: 'backup-root/{6A2D3B88-1C7F-4B9C-8F2E-4D1C8B2F3A02}/DomainSysvol/GPO/Machine/registry.pol', detail: `Domain profile blocks port 80, 443: ${FW}\\DomainProfile\\DefaultOutboundAction (byte offset 178)` });
    const vista = result.findings.find((f) => f.rule === 'vista-no-separate-client')!;
    expect(vista.location).toMatchObject({ file: 'backup-root/{5F1C2A77-0B6E-4A8B-9E1D-3C0B7A1E2F01}/DomainSysvol/GPO/Machine/Scripts/scripts.ini', line: 3 });
  });
});

/** Outbound blocked by default in all three profiles, as a locked-down baseline sets it. */
const blockOutbound = (data: number) => ['Domain', 'Private', 'Public'].map((p) => ({ key: `${FW}\\${p}Profile`, value: 'DefaultOutboundAction', type: REG.DWORD, data }));

describe('other GPO layouts', () => {
  const pol = writeRegistryPol([
    ...blockOutbound(1),
    { key: `${FW}\\FirewallRules`, value: '{R1}', type: REG.SZ, data: 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=8443|Name=other|' },
  ]);

  it.each([
    ['an LGPO export (GPO/Machine/registry.pol, no DomainSysvol)', ['GPO', 'Machine', 'registry.pol']],
    ['a local Group Policy folder (Machine/Registry.pol)', ['Machine', 'Registry.pol']],
  ])('reads %s', async (_, parts) => {
    const dir = tmp();
    mkdirSync(join(dir, 'lgpo', ...parts.slice(0, -1)), { recursive: true });
    writeFileSync(join(dir, 'lgpo', ...parts), pol);
    const { code, result } = await check(['lgpo'], dir);
    expect(code).toBe(1);
    expect(result.findings.map((f) => `${f.location.file} ${f.location.detail} ${f.target}`)).toEqual([`lgpo/${parts.join('/')} Domain profile blocks port 80, 443: ${FW}\\DomainProfile\\DefaultOutboundAction (byte offset 8) lgpo`]);
  });

  it.each([
    ['an app-scoped block rule alone', undefined, 'v2.24|Action=Block|Active=TRUE|Dir=Out|App=%SystemRoot%\\SystemApps\\Microsoft.Windows.Cortana_cw5n1h2txyewy\\SearchUI.exe|Name=Block Cortana Outbound|', 'notchecked'],
    ['default-block outbound and an app-scoped 443 allow', 1, 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=443|App=%ProgramFiles(x86)%\\Microsoft\\Edge\\Application\\msedge.exe|Name=Edge|', 'notchecked'],
    ['default-block outbound and a 443 allow for any program', 1, 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=443|Name=HTTPS|', 'pass'],
  ] as const)('decides reachability for %s', async (_, defaultOutbound, rule, expected) => {
    const dir = tmp();
    mkdirSync(join(dir, 'lgpo', 'GPO', 'Machine'), { recursive: true });
    writeFileSync(
      join(dir, 'lgpo', 'GPO', 'Machine', 'registry.pol'),
      writeRegistryPol([
        ...(defaultOutbound === undefined ? [] : blockOutbound(defaultOutbound)),
        { key: `${FW}\\FirewallRules`, value: '{R1}', type: REG.SZ, data: rule },
      ]),
    );
    const { code, result } = await check(['lgpo'], dir);
    expect(code).toBe(0);
    expect(outcome(result, 'lgpo')!.outcome).toBe(expected);
  });

  it('checks the profiles the manifest names: open on the corporate network, blocked on public ones', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'lgpo', 'GPO', 'Machine'), { recursive: true });
    writeFileSync(join(dir, 'lgpo', 'GPO', 'Machine', 'registry.pol'), writeRegistryPol([{ key: `${FW}\\PublicProfile`, value: 'DefaultOutboundAction', type: REG.DWORD, data: 1 }]));
    const roaming = outcome((await check(['lgpo'], dir)).result, 'lgpo')!;
    expect(roaming.outcome).toBe('notchecked');
    expect(roaming.reason).toContain('it depends on the network location: port 443 is open in the Domain, Private profile and blocked in the Public profile');
    writeFileSync(join(dir, 'r.yaml'), 'groups:\n  - name: desktops\n    gpo: lgpo\n    firewallProfiles: [domain]\n');
    expect(outcome((await check(['r.yaml'], dir)).result, 'desktops')).toMatchObject({ outcome: 'pass' });
    writeFileSync(join(dir, 'r.yaml'), 'groups:\n  - name: laptops\n    gpo: lgpo\n    firewallProfiles: [domain, public]\n');
    const laptops = (await check(['r.yaml'], dir)).result;
    expect(outcome(laptops, 'laptops')).toMatchObject({ outcome: 'notchecked' });
    writeFileSync(join(dir, 'r.yaml'), 'groups:\n  - name: kiosks\n    gpo: lgpo\n    firewallProfiles: [public]\n');
    const kiosks = (await check(['r.yaml'], dir)).result;
    expect(outcome(kiosks, 'kiosks')).toMatchObject({ outcome: 'fail' });
    expect(kiosks.findings[0]!.location).toMatchObject({ file: 'lgpo/GPO/Machine/registry.pol', detail: `Public profile blocks port 80, 443: ${FW}\\PublicProfile\\DefaultOutboundAction (byte offset 8)` });
  });

  it.each([
    [
      'elements (Key, Value, RegType, RegData)',
      `<ComputerConfig>\n    <Key>${FW}\\DomainProfile</Key>\n    <Value>DefaultOutboundAction</Value>\n    <RegType>REG_DWORD</RegType>\n    <RegData>1</RegData>\n  </ComputerConfig>\n  <ComputerConfig>\n    <Key>${FW}\\FirewallRules</Key>\n    <Value>{RMS}</Value>\n    <RegType>REG_SZ</RegType>\n    <RegData>v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=443|Name=RMS|</RegData>\n  </ComputerConfig>`,
      'pass',
    ],
    [
      'attributes (key, valueName)',
      `${['Domain', 'Private', 'Public'].map((p) => `<ComputerConfig key="${FW}\\${p}Profile" valueName="DefaultOutboundAction"><Value>1</Value><RegType>REG_DWORD</RegType></ComputerConfig>`).join('\n  ')}\n  <UserConfig key="Software\\Policies\\x" valueName="y"><Value>0</Value><RegType>REG_DWORD</RegType></UserConfig>`,
      'fail',
    ],
  ])('reads a Policy Analyzer .PolicyRules baseline written with %s', async (_, body, expected) => {
    const dir = tmp();
    writeFileSync(join(dir, 'Baseline.PolicyRules'), `<?xml version="1.0" encoding="utf-8"?>\n<PolicyRules>\n  ${body}\n</PolicyRules>\n`);
    expect(outcome((await check(['Baseline.PolicyRules'], dir)).result, 'Baseline')).toMatchObject({ outcome: expected });
    writeFileSync(join(dir, 'r.yaml'), 'groups:\n  - name: g\n    gpo: Baseline.PolicyRules\n');
    expect(outcome((await check(['r.yaml'], dir)).result, 'g')).toMatchObject({ outcome: expected });
  });
});

describe('an artifact given where a manifest is expected', () => {
  it.each([
    ['a Registry.pol', Buffer.from(writeRegistryPol([{ key: 'K', value: 'V', type: REG.DWORD, data: 1 }])), 'this is a Registry.pol file, not a rollout manifest'],
    ['a gpreport.xml (UTF-16)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="utf-16"?>\r\n<GPO><Name>x</Name></GPO>', 'utf16le')]), 'this is an XML file (<GPO>), not a rollout manifest'],
  ])('%s named .yaml is refused as what it is, with no NUL byte in the message', async (_, bytes, message) => {
    const dir = tmp();
    writeFileSync(join(dir, 'rollout.yaml'), bytes);
    const r = await kblint(['check', 'rollout.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`kblint check: rollout.yaml: ${message}; give kblint check its folder, or name it under gpo: in a manifest\n`);
  });
});
