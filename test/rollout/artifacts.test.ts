import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/lint/types.js';
import { REG, writeRegistryPol } from '../../src/rollout/readers/registry-pol.js';
import { PROJECT } from '../shared.js';

const kblint = (args: string[], cwd = PROJECT) => {
  const r = spawnSync(process.execPath, [`${PROJECT}dist/cli/bin.js`, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const findings = (args: string[], cwd = PROJECT) => {
  const r = kblint([...args, '--format', 'json', '--today', '2026-11-24'], cwd);
  const result = JSON.parse(r.out) as LintResult;
  return { code: r.code, result, rows: result.findings.map((f) => `${f.location.file}:${f.location.line} ${f.rule} ${f.target}${f.location.detail ? ` [${f.location.detail}]` : ''}`) };
};
const GPO = 'examples/artifacts/gpo-finance';
const USER = `${GPO}/DomainSysvol/GPO/User/Scripts`;

describe('a rollout read from an AD export and a GPO backup', () => {
  it('points every finding at the CSV row, ini line, script line or Registry.pol value', () => {
    const { code, rows, result } = findings(['check', 'examples/artifacts/rollout.yaml']);
    expect(code).toBe(1);
    // The finance GPO is linked to contoso.com/Finance only: 3 of the 8 computers, one in a sub-OU.
    expect(result.summary.targets).toBe(8);
    expect(result.summary.notchecked).toBe(3); // the kiosk has no network facts, the sales GPO's packages no MSI order: not a pass
    const fw = `${GPO}/DomainSysvol/GPO/Machine/registry.pol:1 clusters-reachable-on-documented-ports`;
    const detail = '[Domain profile blocks port 80, 443: SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile\\DefaultOutboundAction (byte offset 178)]';
    expect(rows).toEqual([
      `${fw} FIN-XP-01 ${detail}`,
      `${fw} FIN-XP-02 ${detail}`,
      `${fw} FIN-W7-01 ${detail}`,
      ...['FIN-XP-01', 'FIN-XP-02', 'FIN-W7-01'].map((t) => `${USER}/Logon/install-rms.cmd:4 script-verifies-integrity ${t}`),
      ...['script-installs-msis-in-order', 'script-installs-quietly', 'script-suppresses-reboot'].flatMap((rule) =>
        ['FIN-XP-01', 'FIN-XP-02', 'FIN-W7-01'].map((t) => `${USER}/Logon/install-rms.cmd:5 ${rule} ${t}`),
      ),
      ...['FIN-XP-01', 'FIN-XP-02', 'FIN-W7-01'].map((t) => `${USER}/scripts.ini:3 script-is-computer-startup-script ${t}`),
      `${USER}/scripts.ini:3 vista-no-separate-client FIN-W7-01`,
      // The Sales GPO assigns the client MSI to Vista and 7 computers.
      'examples/artifacts/gpo-sales/gpreport.xml:15 vista-no-separate-client SAL-V-01 [Assign to computers: \\\\fs01\\software\\rms\\MsDrmClient.msi]',
      'examples/artifacts/gpo-sales/gpreport.xml:15 vista-no-separate-client SAL-W7-02 [Assign to computers: \\\\fs01\\software\\rms\\MsDrmClient.msi]',
      // Windows Update where the inventory says the user is no local administrator.
      'examples/artifacts/inventory.csv:9 windows-update-needs-local-admin IT-XP-02',
      // An XP kiosk from the SMS package, with no activation step.
      'examples/artifacts/rollout.yaml:31 pre-vista-needs-activation KIOSK-01',
    ]);
  });

  it('works without a manifest: a GPO folder, or an inventory with --gpo; unknown facts stay notchecked', () => {
    expect(findings(['check', GPO]).rows).toHaveLength(6);
    const { result } = findings(['check', 'examples/artifacts/inventory.csv', '--gpo', GPO]);
    expect(result.summary).toMatchObject({ targets: 3, fail: 19, notchecked: 2 });
    expect(result.outcomes.filter((o) => o.outcome === 'notchecked').map((o) => `${o.rule} ${o.target} ${o.reason}`)).toEqual([
      'pre-vista-needs-activation FIN-XP-01 unknown: activation',
      'pre-vista-needs-activation FIN-XP-02 unknown: activation',
    ]);
  });

  it('passes once the GPO follows the article', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-gpo-'));
    cpSync(`${PROJECT}examples/artifacts`, dir, { recursive: true });
    const sysvol = join(dir, 'gpo-finance', 'DomainSysvol', 'GPO');
    cpSync(join(sysvol, 'User', 'Scripts'), join(sysvol, 'Machine', 'Scripts'), { recursive: true });
    const machine = join(sysvol, 'Machine', 'Scripts');
    writeFileSync(join(machine, 'scripts.ini'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[Startup]\r\n0CmdLine=install-rms.ps1\r\n0Parameters=\r\n', 'utf16le')]));
    cpSync(join(machine, 'Logon'), join(machine, 'Startup'), { recursive: true });
    writeFileSync(
      join(machine, 'Startup', 'install-rms.ps1'),
      [
        '$share = "\\\\fs01\\software\\rms"',
        'foreach ($f in "MsDrmClient.msi", "RmClientBackCompat.msi") {',
        '  if ((Get-FileHash "$share\\$f").Hash -ne $expected[$f]) { exit 1 }',
        '}',
        'msiexec /i "$share\\MsDrmClient.msi" /qn REBOOT=ReallySuppress',
        'msiexec /i "$share\\RmClientBackCompat.msi" /qn REBOOT=ReallySuppress',
      ].join('\r\n'),
    );
    cpSync(join(sysvol, 'User', 'Scripts', 'scripts.ini'), join(dir, 'unused.ini'));
    writeFileSync(join(sysvol, 'User', 'Scripts', 'scripts.ini'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[Logon]\r\n', 'utf16le')]));
    writeFileSync(
      join(sysvol, 'Machine', 'registry.pol'),
      writeRegistryPol([
        { key: 'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile', value: 'DefaultOutboundAction', type: REG.DWORD, data: 1 },
        { key: 'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules', value: '{RMS}', type: REG.SZ, data: 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=443|Name=RMS|' },
      ]),
    );
    writeFileSync(join(dir, 'inventory.csv'), readFileSync(join(dir, 'inventory.csv'), 'utf8').replace(/^"FIN-W7-01".*\r\n/m, ''));
    writeFileSync(join(dir, 'rollout.yaml'), 'groups:\n  - name: finance\n    gpo: gpo-finance\n    inventory: { file: inventory.csv }\n    activation: true\n');
    const { code, rows } = findings(['check', join(dir, 'rollout.yaml')], dir);
    expect(rows).toEqual([]);
    expect(code).toBe(0);
  });

  it('reads the SMS package definition: method, command line and admin rights, by line', () => {
    const { result } = findings(['check', 'examples/artifacts/rollout.yaml']);
    const kiosk = result.outcomes.filter((o) => o.target === 'KIOSK-01' && o.outcome !== 'notapplicable').map((o) => `${o.rule} ${o.outcome}`);
    expect(kiosk).toEqual(['clusters-reachable-on-documented-ports notchecked', 'installs-msis-in-documented-order pass', 'pre-vista-needs-activation fail', 'pre-vista-needs-client pass']);
  });

  it('names a missing artifact at its manifest key, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-gpo-'));
    writeFileSync(join(dir, 'r.yaml'), 'groups:\n  - name: g\n    gpo: nowhere\n');
    expect(kblint(['check', 'r.yaml'], dir)).toMatchObject({ code: 2, err: "kblint check: r.yaml:3:10: gpo: no such file or folder 'nowhere' (relative to the manifest)\n" });
    writeFileSync(join(dir, 'r.yaml'), 'groups:\n  - name: g\n    inventory: { file: none.csv }\n');
    expect(kblint(['check', 'r.yaml'], dir)).toMatchObject({ code: 2, err: "kblint check: r.yaml:3:24: inventory: no such file 'none.csv' (relative to the manifest)\n" });
  });
});
