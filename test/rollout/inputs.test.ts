import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KblintError } from '../../src/errors.js';
import { readInventory } from '../../src/rollout/readers/inventory.js';
import { REG, writeRegistryPol } from '../../src/rollout/readers/registry-pol.js';
import { scanScript, scriptLanguage } from '../../src/rollout/readers/script.js';
import { parseSmsPackage } from '../../src/rollout/readers/sms.js';
import { PROJECT } from '../shared.js';
import { check, kblint } from './run.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'kblint-inputs-'));
const FINANCE = `${PROJECT}examples/artifacts/backup-root/{5F1C2A77-0B6E-4A8B-9E1D-3C0B7A1E2F01}`;
const u16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);

/** A copy of one GPO backup with one file replaced; `kblint check` on it. */
async function checkWith(relative: string, bytes: Buffer | string) {
  const dir = tmp();
  cpSync(FINANCE, join(dir, 'g'), { recursive: true });
  mkdirSync(join(dir, 'g', relative, '..'), { recursive: true });
  writeFileSync(join(dir, 'g', relative), bytes);
  return kblint(['check', 'g'], dir);
}

const report = readFileSync(`${FINANCE}/gpreport.xml`);
const MACHINE = 'DomainSysvol/GPO/Machine';

describe('malformed XML, INI and PReg inputs: exit 2 with file:line:column or byte offset', () => {
  it.each([
    ['a truncated gpreport.xml', 'gpreport.xml', report.subarray(0, 600), /^kblint check: g\/gpreport\.xml:4:83: not well-formed XML: the file ends before its elements are closed \(truncated\?\)\n$/],
    ['an empty gpreport.xml', 'gpreport.xml', '', /^kblint check: g\/gpreport\.xml:1:1: empty file; expected XML\n$/],
    ['a gpreport.xml that is not XML', 'gpreport.xml', 'GPO report\r\n', /^kblint check: g\/gpreport\.xml:1:1: not well-formed XML: char 'G' is not expected\.\n$/],
    ['mismatched tags', 'gpreport.xml', '<GPO>\n<Name>x</GPO>\n', /^kblint check: g\/gpreport\.xml:2:\d+: not well-formed XML: Expected closing tag 'Name'/],
    ['XML whose root is not a GPO report', 'gpreport.xml', '<html><body/></html>', /^kblint check: g\/gpreport\.xml:1: root element is <html>; expected <GPO>\n$/],
    ['a truncated Backup.xml', 'Backup.xml', '<?xml version="1.0"?>\n<GroupPolicyBackupScheme>\n<GroupPolicyObject>', /^kblint check: g\/Backup\.xml:\d+:\d+: not well-formed XML: the file ends before its elements are closed \(truncated\?\)\n$/],
    ['an ini line without =', `${MACHINE}/Scripts/scripts.ini`, u16('[Startup]\r\n0CmdLine=install-rms.cmd\r\njunk\r\n'), /^kblint check: g\/DomainSysvol\/GPO\/Machine\/Scripts\/scripts\.ini:3: expected key=value; got 'junk'\n$/],
    ['an ini with a key before any section', `${MACHINE}/Scripts/scripts.ini`, '0CmdLine=x.cmd\r\n', /^kblint check: g\/DomainSysvol\/GPO\/Machine\/Scripts\/scripts\.ini:1: '0CmdLine=x\.cmd' stands before any \[section\]/],
    ['a registry.pol with a wrong signature', `${MACHINE}/registry.pol`, 'PRef\x01\x00\x00\x00', /^kblint check: g\/DomainSysvol\/GPO\/Machine\/registry\.pol: wrong signature; expected 'PReg' \(at byte offset 0\)\n$/],
    ['a truncated registry.pol', `${MACHINE}/registry.pol`, Buffer.from(writeRegistryPol([{ key: 'K', value: 'V', type: REG.DWORD, data: 1 }])).subarray(0, 30), /^kblint check: g\/DomainSysvol\/GPO\/Machine\/registry\.pol: file ends inside an entry \(size\) \(at byte offset 28\)\n$/],
  ])('%s', async (_, file, bytes, err) => {
    const r = await checkWith(file, bytes);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(err);
  });

  it.each([
    ['a backup manifest.xml cut short', 'manifest.xml', '<Backups><BackupInst><ID>', /^kblint check: root\/manifest\.xml:1:\d+: not well-formed XML/],
    ['a .PolicyRules with an unknown RegType', 'b.PolicyRules', '<PolicyRules>\n<ComputerConfig><Key>K</Key><Value>V</Value><RegType>REG_WEIRD</RegType><RegData>1</RegData></ComputerConfig>\n</PolicyRules>', /^kblint check: b\.PolicyRules:2: unknown RegType 'REG_WEIRD'/],
    ['a .PolicyRules with a DWORD that is no number', 'b.PolicyRules', '<PolicyRules><ComputerConfig><Key>K</Key><Value>V</Value><RegType>REG_DWORD</RegType><RegData>x</RegData></ComputerConfig></PolicyRules>', /^kblint check: b\.PolicyRules:1: REG_DWORD data 'x' is not a 32-bit number\n$/],
    ['an SMS file without [Package Definition]', 'p.sms', '[PDF]\r\nVersion=2.0\r\n', /^kblint check: p\.sms:1: no \[Package Definition\] section/],
  ])('%s', async (_, file, text, err) => {
    const dir = tmp();
    const target = file === 'manifest.xml' ? join(dir, 'root', file) : join(dir, file);
    mkdirSync(join(target, '..'), { recursive: true });
    if (file === 'manifest.xml') cpSync(FINANCE, join(dir, 'root', '{5F1C2A77-0B6E-4A8B-9E1D-3C0B7A1E2F01}'), { recursive: true });
    writeFileSync(target, text);
    const r = await kblint(['check', file === 'manifest.xml' ? 'root' : file], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(err);
  });
});

describe('AD exports as PowerShell 5.1 and 7 write them', () => {
  const header = ['Name', 'DistinguishedName', 'OperatingSystem', 'OperatingSystemVersion'];
  const rows = [
    ['PC1', 'CN=PC1,OU=Finance,DC=contoso,DC=com', 'Windows XP Professional', '5.1 (2600)'],
    ['PÄ2', 'CN=PÄ2,OU=Sales,DC=contoso,DC=com', 'Windows Vista™ Business', '6.0 (6002)'],
  ];
  const csv = (d: string, quote = true) => [header, ...rows].map((r) => r.map((c) => (quote ? `"${c}"` : c)).join(d)).join('\r\n') + '\r\n';
  const read = async (bytes: Buffer) => {
    const file = join(tmp(), 'inv.csv');
    writeFileSync(file, bytes);
    const warnings: string[] = [];
    const out = [];
    for await (const c of readInventory(file, 'inv.csv', { warn: (m, l) => warnings.push(`${l}: ${m}`) })) out.push(`${c.name} ${c.os?.version} ${c.ou}`);
    return { out, warnings };
  };
  const expected = ['PC1 5.1 OU=Finance,DC=contoso,DC=com', 'PÄ2 6 OU=Sales,DC=contoso,DC=com'];
  const utf7 = (s: string) => Buffer.from(s.replace(/\+/g, '+-').replace(/[^\x00-\x7f]+/g, (m) => `+${Buffer.from(m, 'utf16le').swap16().toString('base64').replace(/=+$/, '')}-`), 'latin1');
  const utf32le = (s: string) => Buffer.concat([...s].map((c) => { const b = Buffer.alloc(4); b.writeUInt32LE(c.codePointAt(0)!); return b; }));

  it.each([
    ['comma, UTF-8 without BOM (PowerShell 7 default)', Buffer.from(csv(','))],
    ['comma, UTF-8 with BOM (-Encoding UTF8 in 5.1)', Buffer.from(`\ufeff#TYPE Selected.Microsoft.ActiveDirectory.Management.ADComputer\r\n${csv(',')}`)],
    ['semicolon (-UseCulture on a Dutch or German Windows)', Buffer.from(csv(';'))],
    ['tab (-Delimiter "`t"), unquoted (-UseQuotes Never)', Buffer.from(csv('\t', false))],
    ['UTF-16LE with BOM (-Encoding Unicode)', u16(csv(','))],
    ['UTF-16LE without BOM', Buffer.from(csv(','), 'utf16le')],
    ['UTF-16BE with BOM (-Encoding BigEndianUnicode)', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(csv(','), 'utf16le').swap16()])],
    ['UTF-32LE with BOM (-Encoding UTF32)', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32le(csv(','))])],
    ['UTF-7 with its signature (+/v8-)', Buffer.concat([Buffer.from('+/v8-'), utf7(csv(','))])],
  ])('reads %s', async (_, bytes) => {
    expect((await read(bytes)).out).toEqual(expected);
  });

  it('reads Windows-1252 (-Encoding Default) and says it guessed', async () => {
    expect(await read(Buffer.from(csv(',').replace('™', ''), 'latin1'))).toEqual({
      out: ['PC1 5.1 OU=Finance,DC=contoso,DC=com', 'PÄ2 6 OU=Sales,DC=contoso,DC=com'],
      warnings: ['1: not UTF-8 and no byte order mark: read as Windows-1252 (Export-Csv -Encoding Default)'],
    });
  });

  it.each([
    ['a stray character before the header', `x"Name","OperatingSystemVersion"\r\n"PC1","5.1"\r\n`, 'inv.csv:1: Invalid Opening Quote: a quote is found on field 0 at line 1, value is "x"'],
    ['a quote inside a field', `"Name","OperatingSystemVersion"\r\n"PC"1","5.1"\r\n`, 'inv.csv:2: Invalid Closing Quote: got "1" at line 2 instead of delimiter, record delimiter, trimable character (if activated) or comment'],
    ['a ragged row', `"Name","OperatingSystemVersion"\r\n"PC1"\r\n`, 'inv.csv:2: Invalid Record Length: columns length is 2, got 1'],
    ['an unclosed quote at the end', `"Name","OperatingSystemVersion"\r\n"PC1","5.1\r\n`, 'inv.csv:3: Quote Not Closed: the parsing is finished with an opening quote at line 3'],
  ])('refuses %s with file:line', async (_, text, message) => {
    const error = await read(Buffer.from(text)).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(KblintError);
    expect((error as KblintError).format()).toBe(message);
  });

  it('exits 2 on a broken export and names its line; 0 or 1 otherwise, never 13', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'inv.csv'), `x"Name"\r\n"a"\r\n`);
    expect(await kblint(['check', 'inv.csv'], dir)).toMatchObject({ code: 2, err: 'kblint check: inv.csv:1: Invalid Opening Quote: a quote is found on field 0 at line 1, value is "x"\n' });
    writeFileSync(join(dir, 'inv.csv'), Buffer.from('"Name","OperatingSystemVersion"\r\n"a","5.1 (2600)"\r\n', 'utf16le'));
    expect((await kblint(['check', 'inv.csv'], dir)).code).not.toBe(2);
  });

  it('warns per row without a usable version, and those computers are notchecked, never pass', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'inv.csv'), '"Name","OperatingSystemVersion"\r\n"A","5.1 (2600)"\r\n"B",""\r\n"C","unknown"\r\n');
    writeFileSync(join(dir, 'r.yaml'), 'groups:\n  - name: g\n    method: windows-update\n    inventory: { file: inv.csv }\n');
    const { result, err } = await check(['r.yaml'], dir);
    expect(err).toBe(
      "kblint check: warning: inv.csv:3: B: OperatingSystemVersion is empty; rules about its OS are notchecked\nkblint check: warning: inv.csv:4: C: OperatingSystemVersion 'unknown' is not a version such as 5.1 (2600); rules about its OS are notchecked\n",
    );
    // An unknown OS is no reason to call a rule about old Windows versions not applicable.
    const b = result.outcomes.filter((o) => o.target === 'B' && o.rule === 'pre-vista-needs-client')[0]!;
    expect(b).toMatchObject({ outcome: 'notchecked', reason: 'unknown: os (the inventory row gives no usable OperatingSystemVersion)' });
  });

  it('refuses an OU or GPO scope on an export without DistinguishedName, instead of selecting nobody', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'inv.csv'), '"Name","OperatingSystemVersion"\r\n"A","5.1 (2600)"\r\n');
    writeFileSync(join(dir, 'r.yaml'), 'groups:\n  - name: g\n    method: sms\n    inventory: { file: inv.csv, ou: "OU=Finance,DC=contoso,DC=com" }\n');
    expect(await kblint(['check', 'r.yaml'], dir)).toMatchObject({
      code: 2,
      err: 'kblint check: inv.csv:1: no DistinguishedName column, so the computers in ou: OU=Finance,DC=contoso,DC=com cannot be selected; export it with Get-ADComputer … | Select-Object Name,DistinguishedName,OperatingSystem,OperatingSystemVersion\n',
    });
    expect((await kblint(['check', 'inv.csv', '--gpo', FINANCE], dir)).err).toMatch(/^kblint check: inv\.csv:1: no DistinguishedName column, so the computers in the OUs the GPO is linked to \(OU=Finance,DC=contoso,DC=com\) cannot be selected/);
  });
});

describe('SMS package definitions', () => {
  const v1 = '[PDF]\r\nVersion=1.0\r\n\r\n[Package Definition]\r\nName=RMS Client\r\nSetupVariations=Automated, Manual\r\n\r\n[Automated Setup]\r\nCommandName=Automated\r\nCommandLine=msiexec /i MsDrmClient.msi /qn REBOOT=ReallySuppress\r\nUserInputRequired=FALSE\r\n\r\n[Manual Setup]\r\nCommandLine=msiexec /i MsDrmClient.msi\r\n';

  it('reads the 1.x format (SetupVariations and [<variation> Setup] sections)', () => {
    expect(parseSmsPackage(v1, 'p.sms')).toEqual({
      name: 'RMS Client',
      version: '1.0',
      programs: [
        { name: 'Automated', commandLine: 'msiexec /i MsDrmClient.msi /qn REBOOT=ReallySuppress', line: 10 },
        { name: 'Manual', commandLine: 'msiexec /i MsDrmClient.msi', line: 14 },
      ],
    });
  });

  it('checks a package definition given directly, as it does a GPO folder', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'package.sms'), v1);
    const { code, result } = await check(['package.sms'], dir);
    expect(code).toBe(0);
    // An SMS package without OS or network facts: the rules about an OS or the clusters cannot tell (notchecked); its MSI order passes.
    expect(result.outcomes.filter((o) => o.outcome !== 'notapplicable').map((o) => `${o.target}: ${o.rule} ${o.outcome}`)).toEqual([
      'RMS Client: clusters-reachable-on-documented-ports notchecked',
      'RMS Client: installs-msis-in-documented-order pass',
      'RMS Client: pre-vista-needs-activation notchecked',
      'RMS Client: pre-vista-needs-client notchecked',
      'RMS Client: vista-no-separate-client notchecked',
    ]);
  });

  it('refuses a command line longer than Windows allows, without scanning it', () => {
    const long = `[PDF]\r\nVersion=2.0\r\n[Package Definition]\r\nPrograms=I\r\n[I]\r\nCommandLine=${'.run "a'.repeat(120000 / 7)}\r\n`;
    expect(() => parseSmsPackage(long, 'p.sms')).toThrow('CommandLine is 119994 characters, longer than the 32767-character Windows command line');
  });
});

describe('script integrity: comments and printed text are not checks', () => {
  const install = 'msiexec /i \\\\fs\\MsDrmClient.msi /qn REBOOT=ReallySuppress';
  it.each([
    ['install.cmd', `@rem Get-FileHash first\r\n${install}\r\n`, false],
    ['install.cmd', `REM certutil -hashfile x.msi SHA256\r\n${install}\r\n`, false],
    ['install.cmd', `:: certutil -hashfile x.msi SHA256\r\n${install}\r\n`, false],
    ['install.cmd', `echo Get-FileHash\r\n${install}\r\n`, false],
    ['install.cmd', `@echo certutil -hashfile x.msi SHA256 & ${install}\r\n`, false],
    ['install.cmd', `certutil -hashfile x.msi SHA256 | findstr %H% || exit /b 1\r\n${install}\r\n`, true],
    ['install.vbs', `' Get-FileHash\r\nWScript.Echo "certutil -hashfile"\r\nobjShell.Run "${install}"\r\n`, false],
    // Run's return value discarded, and certutil's exit code says nothing about the hash: no check.
    ['install.vbs', `objShell.Run "certutil -hashfile x.msi SHA256", 0, True ' check\r\nobjShell.Run "${install}"\r\n`, false],
    ['install.vbs', `If objShell.Run("cmd /c certutil -hashfile x.msi SHA256 | findstr " & h, 0, True) <> 0 Then WScript.Quit 1 ' check\r\nobjShell.Run "${install}"\r\n`, true],
    ['install.ps1', `# Get-FileHash\r\n${install}\r\n`, false],
    ['install.ps1', `<#\r\nGet-FileHash $msi\r\n#>\r\n${install}\r\n`, false],
    ['install.ps1', `Write-Host "verify with Get-FileHash"\r\n${install}\r\n`, false],
    ['install.ps1', `$note = 'Get-AuthenticodeSignature later'\r\n${install}\r\n`, false],
    ['install.ps1', `if ((Get-FileHash $msi).Hash -ne $h) { exit 1 } # checked\r\n${install}\r\n`, true],
  ])('%s: %j → %s', (name, text, verified) => {
    const scan = scanScript(text, scriptLanguage(name));
    expect(scan.installs.map((i) => i.line)).toHaveLength(1);
    expect(scan.verifiedBeforeInstall).toBe(verified);
  });

  it('does not take a commented-out or printed install for an install', () => {
    expect(scanScript(`<# ${install} #>\r\necho ${install}\r\n`, 'powershell').installs).toEqual([]);
    expect(scanScript(`rem ${install}\r\n@echo ${install}\r\n`, 'batch').installs).toEqual([]);
  });
});

describe('readers stay linear and read each file once (issue 12)', () => {
  it('scans a 400 KB script line in linear time', () => {
    expect(scanScript('a.exe '.repeat(70000), 'batch').installs).toEqual([]);
    expect(scanScript(`objShell.Run ${'.run "a'.repeat(60000)}`, 'vbscript').installs).toEqual([]);
  }, 20_000); // Quadratic before: 31 s for the first line alone.

  it('reads 30 VBScript run lines of 28,000 characters in linear time (64 s before)', () => {
    // No closing quote that ends the call: a backtracking pattern retries from every `.run`.
    const line = `objShell.Run "msiexec /i a.msi /qn${' .run "a'.repeat(4000)}`;
    const scan = scanScript(Array(30).fill(line).join('\r\n'), 'vbscript');
    // The unclosed string swallows the MSI name, so no install is read: what matters is that it ends.
    expect(scan).toMatchObject({ installs: [], integrityChecks: [] });
  }, 20_000);

  it('refuses a 400 KB install line as no command Windows can run', () => {
    expect(() => scanScript(`msiexec /i a.msi ${'x'.repeat(400000)}`, 'batch', 's.cmd')).toThrow('line is 400017 characters, longer than the 32767-character Windows command line; it cannot be an install command');
  });

  it('reads and scans a 4 MB script once when 50 scripts.ini entries run it', async () => {
    const dir = tmp();
    cpSync(FINANCE, join(dir, 'g'), { recursive: true });
    const scripts = join(dir, 'g', MACHINE, 'Scripts');
    writeFileSync(join(scripts, 'scripts.ini'), u16(`[Startup]\r\n${Array.from({ length: 50 }, (_, i) => `${i}CmdLine=big.cmd\r\n${i}Parameters=\r\n`).join('')}`));
    writeFileSync(join(scripts, 'Startup', 'big.cmd'), `${'rem padding padding padding padding\r\n'.repeat(110000)}msiexec /i MsDrmClient.msi /qn REBOOT=ReallySuppress\r\n`);
    const { readGpoBackup } = await import('../../src/rollout/readers/gpo.js');
    const reads: string[] = [];
    const gpo = await readGpoBackup(join(dir, 'g'), (p) => p, async (p) => {
      reads.push(p);
      return readFileSync(p);
    });
    expect(gpo.scripts).toHaveLength(50);
    expect(new Set(gpo.scripts.map((s) => s.body))).toHaveProperty('size', 1);
    expect(reads.filter((p) => p.endsWith('big.cmd'))).toHaveLength(1);
  });

  it.each([
    ['a folder where registry.pol is expected', (d: string) => mkdirSync(join(d, 'g', MACHINE, 'registry.pol'), { recursive: true }), 'g/DomainSysvol/GPO/Machine/registry.pol: expected a Registry.pol file; got a folder'],
    ['a FIFO where scripts.ini is expected', (d: string) => execFileSync('mkfifo', [join(d, 'g', MACHINE, 'Scripts', 'psscripts.ini')]), 'g/DomainSysvol/GPO/Machine/Scripts/psscripts.ini: expected a psscripts.ini file; got a FIFO'],
    ['/dev/zero where Backup.xml is expected', (d: string) => { execFileSync('rm', [join(d, 'g', 'Backup.xml')]); symlinkSync('/dev/zero', join(d, 'g', 'Backup.xml')); }, 'g/Backup.xml: expected a Backup.xml file; got a device'],
    ['a symlink loop where gpreport.xml is expected', (d: string) => { execFileSync('rm', [join(d, 'g', 'gpreport.xml')]); symlinkSync('gpreport.xml', join(d, 'g', 'gpreport.xml')); }, 'g/gpreport.xml: symbolic link loop; expected a gpreport.xml file'],
  ])('exits 2 on %s', async (_, make, message) => {
    const dir = tmp();
    cpSync(FINANCE, join(dir, 'g'), { recursive: true });
    make(dir);
    expect(await kblint(['check', 'g'], dir)).toMatchObject({ code: 2, err: `kblint check: ${message}\n` });
  });
});

describe('a manifest reads artifacts inside its repository only (issue 12)', () => {
  it('refuses sms: /etc/shadow unless --artifact-root allows it, and never echoes a file’s content', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'r.yaml'), 'groups:\n  - name: g\n    sms: /etc/passwd\n');
    expect(await kblint(['check', 'r.yaml'], dir)).toMatchObject({
      code: 2,
      err: `kblint check: r.yaml:3:10: '/etc/passwd' is outside the manifest's repository (${dir}); a manifest reads artifacts only there unless kblint check is given --artifact-root\n`,
    });
    const allowed = await kblint(['check', 'r.yaml', '--artifact-root', '/etc'], dir);
    expect(allowed).toMatchObject({ code: 2, err: "kblint check: /etc/passwd: not an artifact kblint reads ('passwd'); expected an SMS package definition\n" });
  });

  it('refuses a file inside an artifact that links out of the repository, before reading it', async () => {
    const dir = tmp();
    cpSync(FINANCE, join(dir, 'g'), { recursive: true });
    execFileSync('rm', [join(dir, 'g', MACHINE, 'Scripts', 'scripts.ini')]);
    symlinkSync('/etc/passwd', join(dir, 'g', MACHINE, 'Scripts', 'scripts.ini'));
    writeFileSync(join(dir, 'r.yaml'), 'groups:\n  - name: g\n    gpo: g\n');
    expect(await kblint(['check', 'r.yaml'], dir)).toMatchObject({
      code: 2,
      err: "kblint check: g/DomainSysvol/GPO/Machine/Scripts/scripts.ini: links to a file outside the manifest's repository; expected a scripts.ini file inside it (or --artifact-root)\n",
    });
  });

  it('shows at most a short, escaped snippet of a file that fails to parse', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.sms'), `[PDF]\r\nsecret-token-0123456789abcdefghijklmnopqrstuvwxyz\x1b[31m\r\n`);
    writeFileSync(join(dir, 'r.yaml'), 'groups:\n  - name: g\n    sms: p.sms\n');
    expect((await kblint(['check', 'r.yaml'], dir)).err).toBe("kblint check: p.sms:2: expected key=value; got 'secret-token-0123456789abcdefghi…'\n");
    writeFileSync(join(dir, 'p.sms'), `x=\x1b]0;pwned\x07\r\n`);
    expect((await kblint(['check', 'r.yaml'], dir)).err).toBe("kblint check: p.sms:1: 'x=\\u001b]0;pwned\\u0007' stands before any [section]; expected a section header such as [Startup]\n");
  });
});
