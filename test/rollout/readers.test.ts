import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KblintError } from '../../src/errors.js';
import { firewallPolicy, outboundTcp } from '../../src/rollout/readers/firewall.js';
import { readGpoBackup, readXml, somPathToDn } from '../../src/rollout/readers/gpo.js';
import { parseIni } from '../../src/rollout/readers/ini.js';
import { inOu, readInventory } from '../../src/rollout/readers/inventory.js';
import { parseRegistryPol, REG, writeRegistryPol } from '../../src/rollout/readers/registry-pol.js';
import { scanScript } from '../../src/rollout/readers/script.js';
import { parseSmsPackage } from '../../src/rollout/readers/sms.js';
import { decodeWindowsText } from '../../src/rollout/readers/text.js';
import { windowsUpdatePolicy } from '../../src/rollout/readers/windows-update.js';
import { HAS_SHARED, SHARED } from '../shared.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'kblint-readers-'));
const FW = 'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall';
const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof KblintError) return e.format();
    throw e;
  }
  throw new Error('expected an error');
};

describe('Registry.pol', () => {
  const pol = writeRegistryPol([
    { key: `${FW}\\DomainProfile`, value: 'DefaultOutboundAction', type: REG.DWORD, data: 1 },
    { key: `${FW}\\FirewallRules`, value: '{R1}', type: REG.SZ, data: 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=443|RA4=10.0.0.5|Name=RMS|' },
    { key: 'Software\\Policies\\Microsoft\\Windows\\WindowsUpdate', value: 'WUServer', type: REG.SZ, data: 'http://wsus:8530' },
  ]);

  it('reads every entry with its type, data and offset', () => {
    expect(parseRegistryPol(pol, 'r.pol').map((e) => [e.value, e.type, e.data, e.offset])).toEqual([
      ['DefaultOutboundAction', 4, 1, 8],
      ['{R1}', 1, 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=443|RA4=10.0.0.5|Name=RMS|', 192],
      ['WUServer', 1, 'http://wsus:8530', 504],
    ]);
  });

  it.each([
    ['a wrong signature', Buffer.from('PRef\x01\x00\x00\x00'), 'r.pol: wrong signature; expected \'PReg\' (at byte offset 0)'],
    ['a short header', Buffer.from('PReg'), 'r.pol: file is 4 bytes; a Registry.pol has at least an 8-byte header (at byte offset 0)'],
    ['a truncated entry', pol.subarray(0, 100), 'r.pol: file ends inside an entry (at byte offset 100)'],
    ['data past the end', pol.subarray(0, 188), 'r.pol: data of 4 bytes runs past the end of the file (at byte offset 186)'],
    [
      'an odd byte count in UTF-16 data',
      writeRegistryPol([{ key: 'K', value: 'V', type: REG.SZ, data: Uint8Array.from([0x41, 0, 0x42]) }]),
      'r.pol: string data has an odd byte count (3); UTF-16LE needs pairs (at byte offset 34)',
    ],
  ])('refuses %s', (_, bytes, message) => {
    expect(errorOf(() => parseRegistryPol(bytes, 'r.pol'))).toBe(message);
  });

  it('reads the Windows Update policy', () => {
    const entries = parseRegistryPol(
      writeRegistryPol([
        { key: 'Software\\Policies\\Microsoft\\Windows\\WindowsUpdate', value: 'WUServer', type: REG.SZ, data: 'http://wsus:8530' },
        { key: 'Software\\Policies\\Microsoft\\Windows\\WindowsUpdate', value: 'ElevateNonAdmins', type: REG.DWORD, data: 0 },
        { key: 'Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', value: 'AUOptions', type: REG.DWORD, data: 4 },
        { key: 'Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', value: 'UseWUServer', type: REG.DWORD, data: 1 },
      ]),
      'r.pol',
    );
    expect(windowsUpdatePolicy(entries)).toMatchObject({ wuServer: 'http://wsus:8530', elevateNonAdmins: false, auOptions: 4, useWuServer: true });
    expect(windowsUpdatePolicy([])).toBeUndefined();
  });

  it('accepts the 8-byte header alone', () => {
    expect(parseRegistryPol(writeRegistryPol([]), 'r.pol')).toEqual([]);
  });

  it('decides outbound reach from the profile default and the rules', () => {
    const policy = firewallPolicy(parseRegistryPol(pol, 'r.pol'))!;
    expect(policy.rules[0]).toMatchObject({ action: 'allow', direction: 'out', protocol: 6, remotePorts: [[443, 443]], remoteAddresses: ['10.0.0.5'], name: 'RMS' });
    // The allow rule is limited to 10.0.0.5: whether it reaches depends on the cluster's address.
    expect(outboundTcp(policy, 443)).toMatchObject({ verdict: 'unknown', reachable: false, because: { value: '{R1}' } });
    expect(outboundTcp(policy, { port: 443, address: '10.0.0.5' })).toMatchObject({ verdict: 'reachable', because: { value: '{R1}' } });
    expect(outboundTcp(policy, { port: 443, address: '10.0.0.6' })).toMatchObject({ verdict: 'blocked', because: { value: 'DefaultOutboundAction' } });
    expect(outboundTcp(policy, 80)).toMatchObject({ reachable: false, because: { value: 'DefaultOutboundAction' } });
    expect(firewallPolicy(parseRegistryPol(writeRegistryPol([]), 'r.pol'))).toBeUndefined();
  });

  it.skipIf(!HAS_SHARED)('reads the real baseline backup: 87 machine entries, an empty user file, no firewall', async () => {
    const gpo = await readGpoBackup(`${SHARED}artifacts/gpo-backup-baseline`);
    expect(gpo.registry.computer!.entries).toHaveLength(87);
    expect(gpo.registry.user!.entries).toEqual([]);
    expect(gpo.registry.computer!.entries.filter((e) => e.value.startsWith('**'))).toHaveLength(3);
    expect(gpo.firewall).toBeUndefined();
    expect(gpo.name).toBe('Local Policy Export');
  });
});

describe('GPO reports', () => {
  it.skipIf(!HAS_SHARED)('reads the links of real gpreport.xml files (UTF-16 with BOM)', async () => {
    const links = await Promise.all(
      ['COMPANY-Global-Baseline', 'HR-Restrictive-Policy', 'IT-Power-User-Config'].map(async (d) => (await readGpoBackup(`${SHARED}artifacts/gpreport/${d}`)).links),
    );
    expect(links).toEqual([['company.local'], ['company.local/_COMPANY Users/HR'], ['company.local/_COMPANY Users/IT']]);
  });

  it('refuses XML with a DOCTYPE instead of expanding its entities', () => {
    const bomb = '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>\n<GPO><Name>&lol2;</Name></GPO>';
    expect(errorOf(() => readXml(Buffer.from(bomb), 'gpreport.xml'))).toBe('gpreport.xml:2: XML with a DOCTYPE is refused (entity expansion); GPO reports have none');
  });

  it('turns a SOM path into an OU', () => {
    expect(somPathToDn('contoso.com/Desktops/Finance')).toBe('OU=Finance,OU=Desktops,DC=contoso,DC=com');
    expect(inOu('OU=Laptops,OU=Finance,DC=contoso,DC=com', 'ou=finance,dc=contoso,dc=com')).toBe(true);
    expect(inOu('OU=Sales,DC=contoso,DC=com', 'OU=Finance,DC=contoso,DC=com')).toBe(false);
  });
});

describe('scripts.ini and script bodies', () => {
  it('reads sections with line numbers from UTF-16LE', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('\r\n[Startup]\r\n0CmdLine=install.cmd\r\n0Parameters=/log\r\n', 'utf16le')]);
    expect(parseIni(decodeWindowsText(bytes, 's.ini'), 's.ini')).toEqual([
      { name: 'Startup', line: 2, values: [{ key: '0CmdLine', value: 'install.cmd', line: 3 }, { key: '0Parameters', value: '/log', line: 4 }] },
    ]);
  });

  it.each([
    ['no sections', 'a=b\n', "s.ini:1: 'a=b' stands before any [section]; expected a section header such as [Startup]"],
    ['an empty file', '\n\n', 's.ini:1: no [section] in the file; expected e.g. [Startup] or [Logon]'],
    ['a line without =', '[Startup]\njunk\n', "s.ini:2: expected key=value; got 'junk'"],
  ])('refuses an ini with %s', (_, text, message) => {
    expect(errorOf(() => parseIni(text, 's.ini'))).toBe(message);
  });

  it('refuses a script with mixed encodings, naming the offset', () => {
    const bytes = Buffer.concat([Buffer.from('msiexec /i a.msi\r\nrem caf'), Buffer.from([0xe9]), Buffer.from('\r\n')]);
    expect(errorOf(() => decodeWindowsText(bytes, 'x.cmd'))).toBe(
      'x.cmd:2: not valid UTF-8 (mixed encodings?) at byte offset 25; expected UTF-8 or UTF-16LE with a byte order mark',
    );
  });

  it.each([
    [
      'a PowerShell script that checks hashes first',
      '$h = Get-FileHash \\\\fs\\MsDrmClient.msi\nif ($h.Hash -ne $expected) { exit 1 }\nmsiexec /i \\\\fs\\MsDrmClient.msi /qn REBOOT=ReallySuppress\nmsiexec /i \\\\fs\\RmClientBackCompat.msi /qn REBOOT=ReallySuppress\n',
      { msi: ['msdrmclient.msi', 'rmclientbackcompat.msi'], verifiedBeforeInstall: true, installLines: [3, 4], quiet: [true, true] },
    ],
    [
      'a batch file that checks after installing',
      'start /wait msiexec /i MsDrmClient.msi\r\ncertutil -hashfile MsDrmClient.msi SHA256\r\n',
      { msi: ['msdrmclient.msi'], verifiedBeforeInstall: false, installLines: [1], quiet: [false] },
    ],
    [
      'the documented VBScript',
      'Set objShell = Wscript.CreateObject("Wscript.Shell")\n\' comment: msiexec /i Old.msi\nobjShell.run "WindowsRightsManagementServicesSP2-KB917275-Client-ENU.exe -override 1 /I MsDrmClient.msi REBOOT=ReallySuppress /q -override 2 /I RmClientBackCompat.msi REBOOT=ReallySuppress /q"\n',
      { msi: ['msdrmclient.msi', 'rmclientbackcompat.msi'], verifiedBeforeInstall: false, installLines: [3], quiet: [true] },
    ],
  ])('scans %s', (_, text, expected) => {
    const scan = scanScript(text);
    expect({ msi: scan.msi, verifiedBeforeInstall: scan.verifiedBeforeInstall, installLines: scan.installs.map((i) => i.line), quiet: scan.installs.map((i) => i.quiet) }).toEqual(expected);
  });
});

describe('inventory CSV', () => {
  const rows = '"Name","DistinguishedName","OperatingSystem","OperatingSystemVersion"\r\n"PC1","CN=PC1,OU=Finance,DC=contoso,DC=com","Windows XP Professional","5.1 (2600)"\r\n"PC2","CN=PC2\\, old,OU=Sales,DC=contoso,DC=com","Windows Vista Business","6.0 (6002)"\r\n';
  const read = async (bytes: Buffer) => {
    const file = join(tmp(), 'inv.csv');
    writeFileSync(file, bytes);
    const out = [];
    for await (const c of readInventory(file, 'inv.csv')) out.push(c);
    return out;
  };
  const expected = [
    { name: 'PC1', line: 3, os: { name: 'Windows XP Professional', version: 5.1 }, dn: 'CN=PC1,OU=Finance,DC=contoso,DC=com', ou: 'OU=Finance,DC=contoso,DC=com' },
    { name: 'PC2', line: 4, os: { name: 'Windows Vista Business', version: 6 }, dn: 'CN=PC2\\, old,OU=Sales,DC=contoso,DC=com', ou: 'OU=Sales,DC=contoso,DC=com' },
  ];

  it.each([
    ['UTF-8 with #TYPE', Buffer.from(`#TYPE Microsoft.ActiveDirectory.Management.ADComputer\r\n${rows}`)],
    ['UTF-8 with a BOM', Buffer.from(`\ufeff#TYPE x\r\n${rows}`)],
    ['UTF-16LE as Windows PowerShell 5 writes it', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`#TYPE x\r\n${rows}`, 'utf16le')])],
  ])('reads %s', async (_, bytes) => {
    expect(await read(bytes)).toEqual(expected);
  });

  it('refuses a ragged row with its line', async () => {
    await expect(read(Buffer.from(`${rows}"PC3","CN=PC3,DC=x"\r\n`))).rejects.toMatchObject({ message: 'Invalid Record Length: columns length is 4, got 2', line: 4 });
  });

  it('reads an optional LocalAdmin column, and refuses a value that is not a boolean', async () => {
    const csv = '"Name","OperatingSystemVersion","LocalAdmin"\r\n"a","5.1 (2600)","True"\r\n"b","5.1 (2600)",""\r\n';
    expect((await read(Buffer.from(csv))).map((c) => c.localAdmin)).toEqual([true, undefined]);
    await expect(read(Buffer.from(`${csv}"c","5.1","maybe"\r\n`))).rejects.toMatchObject({ message: "LocalAdmin: expected True or False; got 'maybe'", line: 4 });
  });

  it('refuses a CSV without a Name column', async () => {
    await expect(read(Buffer.from('"Host","OS"\r\n"a","b"\r\n'))).rejects.toMatchObject({ code: 'bad-inventory', line: 1 });
  });
});


describe('SMS package definitions', () => {
  const pdf = '[PDF]\r\nVersion=2.0\r\n\r\n[Package Definition]\r\nName=RMS\r\nPrograms=Install, Activate\r\n\r\n[Install]\r\nCommandLine=msiexec /i MsDrmClient.msi /qn\r\nAdminRightsRequired=True\r\n\r\n[Activate]\r\nCommandLine=activate.cmd\r\n';

  it('reads the programs in the order Programs lists them', () => {
    expect(parseSmsPackage(pdf, 'rms.sms')).toEqual({
      name: 'RMS',
      version: '2.0',
      programs: [
        { name: 'Install', commandLine: 'msiexec /i MsDrmClient.msi /qn', line: 9, adminRights: true, adminLine: 10 },
        { name: 'Activate', commandLine: 'activate.cmd', line: 13 },
      ],
    });
  });

  it.each([
    ['no [Package Definition]', '[PDF]\r\nVersion=2.0\r\n', 'rms.sms:1: no [Package Definition] section; expected an SMS package definition file'],
    ['a listed program without its section', pdf.replace('[Activate]', '[Other]'), "rms.sms:6: 'Activate' is listed in Programs but has no [Activate] section"],
    ['a program without CommandLine', pdf.replace('CommandLine=activate.cmd', 'Comment=x'), 'rms.sms:12: [Activate] has no CommandLine'],
  ])('refuses %s', (_, text, message) => {
    expect(errorOf(() => parseSmsPackage(text, 'rms.sms'))).toBe(message);
  });
});
