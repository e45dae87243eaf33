import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanScript, scriptLanguage } from '../../src/rollout/readers/script.js';
import { PROJECT } from '../shared.js';
import { check } from './run.js';

const MSI = '\\\\fs01\\software\\rms\\MsDrmClient.msi';
const INSTALL = `msiexec /i ${MSI} /qn REBOOT=ReallySuppress`;
const PS_INSTALL = `Start-Process msiexec.exe -ArgumentList '/i ${MSI} /qn REBOOT=ReallySuppress' -Wait`;
const VBS_INSTALL = `objShell.Run "msiexec /i ${MSI} /qn REBOOT=ReallySuppress", 0, True`;
const lines = (...l: string[]) => `${l.join('\r\n')}\r\n`;

/**
 * Each case: a startup script as administrators write them, whether its first install is preceded
 * by a check whose result decides, and what kblint says about the checks that decide nothing.
 * `verified` true: the check runs and stops the script or gates the install on its result.
 */
describe('an integrity check counts only when it runs and its result decides', () => {
  it.each([
    // ── cmd / batch: results that decide ──
    ['install.cmd', 'certutil piped to findstr, || exit', lines(`certutil -hashfile ${MSI} SHA256 | findstr /i /c:"%MSDRM_SHA256%" || exit /b 1`, INSTALL), true, []],
    ['install.cmd', 'certutil | find, then if errorlevel 1 exit', lines(`certutil -hashfile ${MSI} SHA256 | find /i "%H%" > nul`, 'if errorlevel 1 exit /b 1', INSTALL), true, []],
    ['install.cmd', 'certutil | findstr, if %errorlevel% neq 0 goto', lines(`certutil -hashfile ${MSI} SHA256 | findstr /c:"%H%" >nul 2>&1`, 'if %errorlevel% neq 0 goto :fail', INSTALL, ':fail'), true, []],
    ['install.cmd', 'certutil | findstr && install', lines(`certutil -hashfile ${MSI} SHA256 | findstr /c:"%H%" && ${INSTALL}`), true, []],
    ['install.cmd', 'signtool verify || exit', lines(`"C:\\Tools\\signtool.exe" verify /pa ${MSI} || exit /b 1`, INSTALL), true, []],
    ['install.cmd', 'signtool verify, if not errorlevel 1 install', lines(`signtool verify /pa ${MSI}`, `if not errorlevel 1 ${INSTALL}`), true, []],
    ['install.bat', 'for /f captures the hash, if NEQ exit', lines(`for /f "skip=1 delims=" %%h in ('certutil -hashfile ${MSI} SHA256 ^| findstr /v ":"') do set "HASH=%%h"`, 'if /i not "%HASH: =%"=="%MSDRM_SHA256%" exit /b 1', INSTALL), true, []],
    ['install.bat', 'for /f captures the hash, if == gates the install', lines(`for /f "skip=1 delims=" %%h in ('certutil -hashfile ${MSI} SHA256') do set HASH=%%h`, `if /i "%HASH%"=="%MSDRM_SHA256%" ${INSTALL}`), true, []],
    ['install.cmd', 'if errorlevel block with exit', lines(`signtool verify /pa /q ${MSI}`, 'if errorlevel 1 (', '  echo signature check failed', '  exit /b 1', ')', INSTALL), true, []],
    ['install.cmd', 'powershell -Command that exits on mismatch, || exit', lines(`powershell -NoProfile -Command "if ((Get-FileHash '${MSI}').Hash -ne '%H%') { exit 1 }" || exit /b 1`, INSTALL), true, []],
    ['install.cmd', 'powershell -EncodedCommand that throws on a bad signature, if errorlevel', lines(`powershell -NoProfile -EncodedCommand ${Buffer.from(`if ((Get-AuthenticodeSignature '${MSI}').Status -ne 'Valid') { throw 'bad' }`, 'utf16le').toString('base64')}`, 'if errorlevel 1 exit /b 1', INSTALL), true, []],
    // ── cmd / batch: not checks ──
    ['install.cmd', 'set X=Get-AuthenticodeSignature is a string', lines('set CHECK=Get-AuthenticodeSignature', INSTALL), false, []],
    ['install.cmd', 'powershell -c "# Get-FileHash …" is a comment', lines(`powershell -c "# Get-FileHash ${MSI}"`, INSTALL), false, []],
    ['install.cmd', 'certutil > nul: the hash is discarded', lines(`certutil -hashfile ${MSI} SHA256 > nul`, INSTALL), false, [[1, 'certutil -hashfile computes a hash, but nothing compares it with an expected value']]],
    ['install.cmd', 'certutil || exit: its exit status says nothing about the hash', lines(`certutil -hashfile ${MSI} SHA256 || exit /b 1`, INSTALL), false, [[1, 'certutil -hashfile computes a hash, but nothing compares it with an expected value']]],
    ['install.cmd', 'findstr /v: matches whatever the hash is', lines(`certutil -hashfile ${MSI} SHA256 | findstr /v /c:"CertUtil" || exit /b 1`, INSTALL), false, [[1, 'certutil -hashfile computes a hash, but nothing compares it with an expected value']]],
    ['install.cmd', 'findstr for a word, not a hash', lines(`certutil -hashfile ${MSI} SHA256 | findstr /i "hash" || exit /b 1`, INSTALL), false, [[1, 'certutil -hashfile computes a hash, but nothing compares it with an expected value']]],
    ['install.cmd', 'findstr for the hash written out', lines(`certutil -hashfile ${MSI} SHA256 | findstr /i "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" >nul || exit /b 1`, INSTALL), true, []],
    ['install.cmd', 'echo Get-FileHash', lines('echo Get-FileHash', INSTALL), false, []],
    ['install.cmd', '@rem and :: lines', lines(`@rem certutil -hashfile ${MSI} SHA256 | findstr %H% || exit /b 1`, `:: signtool verify /pa ${MSI} || exit /b 1`, INSTALL), false, []],
    ['install.cmd', 'echo "…" with the check in quotes', lines(`echo "certutil -hashfile ${MSI} SHA256 | findstr %H% || exit /b 1"`, INSTALL), false, []],
    ['install.cmd', 'signtool verify without a test of its status', lines(`signtool verify /pa ${MSI}`, INSTALL), false, [[1, 'its exit status is not tested (no || exit, && install or if errorlevel after it)']]],
    ['install.cmd', 'findstr || echo: the mismatch is printed, the install goes on', lines(`certutil -hashfile ${MSI} SHA256 | findstr /c:"%H%" || echo hash mismatch`, INSTALL), false, [[1, 'its exit status is acted on by neither || exit nor && install']]],
    ['install.cmd', 'if errorlevel 1 echo: printed, not stopped', lines(`signtool verify /pa ${MSI}`, 'if errorlevel 1 echo bad signature', INSTALL), false, [[1, 'the errorlevel test at line 2 neither stops the script nor gates the install']]],
    ['install.cmd', 'if errorlevel 1 install: the install runs when the check fails', lines(`signtool verify /pa ${MSI}`, `if errorlevel 1 ${INSTALL}`), false, [[1, 'the errorlevel test at line 2 neither stops the script nor gates the install']]],
    ['install.cmd', 'powershell -c with Get-FileHash whose result nothing compares', lines(`powershell -c "Get-FileHash '${MSI}'"`, INSTALL), false, [[1, "the PowerShell it runs: Get-FileHash's result is not compared with an expected value"]]],
    ['install.cmd', 'for /f captures the hash, nobody compares it', lines(`for /f "skip=1 delims=" %%h in ('certutil -hashfile ${MSI} SHA256') do set HASH=%%h`, 'echo %HASH%', INSTALL), false, [[1, 'its result is never compared with an expected value']]],
    ['install.cmd', 'the check after the install', lines(INSTALL, `certutil -hashfile ${MSI} SHA256 | findstr /c:"%H%" || exit /b 1`), false, []],
    // ── PowerShell ──
    ['install.ps1', 'if (Get-FileHash).Hash -ne $expected { exit 1 }', lines(`if ((Get-FileHash '${MSI}' -Algorithm SHA256).Hash -ne $expected) { exit 1 }`, PS_INSTALL), true, []],
    ['install.ps1', 'assigned, then compared on a later line with throw', lines(`$sig = Get-AuthenticodeSignature -FilePath '${MSI}'`, "if ($sig.Status -ne 'Valid') {", "  throw 'The RMS client package is not signed'", '}', PS_INSTALL), true, []],
    ['install.ps1', 'the install inside the branch where the hash matches', lines(`$h = (Get-FileHash '${MSI}').Hash`, 'if ($h -eq $expected) {', `  ${PS_INSTALL}`, '}'), true, []],
    ['install.ps1', 'a verdict variable tested with -not', lines(`$ok = (Get-FileHash '${MSI}').Hash -eq $expected`, 'if (-not $ok) { exit 1 }', PS_INSTALL), true, []],
    ['install.ps1', 'a function that returns the comparison', lines('function Test-Package($p) {', '  (Get-FileHash $p).Hash -eq $expected[$p]', '}', `if (-not (Test-Package '${MSI}')) { exit 1 }`, PS_INSTALL), true, []],
    ['install.ps1', 'Test-FileCatalog with an else branch that exits', lines(`if ((Test-FileCatalog -CatalogFilePath rms.cat -Path '${MSI}') -eq 'Valid') { Write-Host ok } else { exit 1 }`, PS_INSTALL), true, []],
    ['install.ps1', 'signtool verify, then $LASTEXITCODE', lines(`& signtool.exe verify /pa '${MSI}'`, 'if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }', PS_INSTALL), true, []],
    ['install.ps1', 'Get-FileHash whose result goes nowhere', lines(`Get-FileHash '${MSI}' | Out-Null`, PS_INSTALL), false, [[1, "Get-FileHash's result is not compared with an expected value"]]],
    ['install.ps1', 'assigned and never compared', lines(`$h = Get-FileHash '${MSI}'`, 'Write-Host $h.Hash', PS_INSTALL), false, [[1, 'its result ($h) is never compared with an expected value before the install']]],
    ['install.ps1', 'compared, but the mismatch only prints', lines(`if ((Get-FileHash '${MSI}').Hash -ne $expected) { Write-Warning 'hash mismatch' }`, PS_INSTALL), false, [[1, 'its result is compared at line 1, but that neither stops the script nor gates the install']]],
    ['install.ps1', 'compared the wrong way: exits when the hash matches', lines(`if ((Get-FileHash '${MSI}').Hash -eq $expected) { exit 1 }`, PS_INSTALL), false, [[1, 'its result is compared at line 1, but that neither stops the script nor gates the install']]],
    ['install.ps1', 'tested for presence only', lines(`if (Get-AuthenticodeSignature '${MSI}') { ${PS_INSTALL} }`), false, [[1, 'Get-AuthenticodeSignature is tested at line 1 without comparing its result with an expected value']]],
    ['install.ps1', 'a block comment and a string', lines('<#', `if ((Get-FileHash '${MSI}').Hash -ne $e) { exit 1 }`, '#>', "$doc = 'Get-AuthenticodeSignature'", PS_INSTALL), false, []],
    ['install.ps1', 'Write-Host with the command in a string', lines(`Write-Host "if ((Get-FileHash '${MSI}').Hash -ne $e) { exit 1 }"`, PS_INSTALL), false, []],
    ['install.ps1', 'Get-Help names the cmdlet', lines('Get-Help Get-FileHash', PS_INSTALL), false, []],
    // ── VBScript ──
    ['install.vbs', 'Run signtool verify, the return code tested', lines('Set objShell = CreateObject("WScript.Shell")', `rc = objShell.Run("signtool verify /pa ${MSI}", 0, True)`, 'If rc <> 0 Then WScript.Quit rc', VBS_INSTALL), true, []],
    ['install.vbs', 'Exec certutil, the output searched for the hash', lines('Set objShell = CreateObject("WScript.Shell")', `Set oExec = objShell.Exec("certutil -hashfile ${MSI} SHA256")`, 'out = oExec.StdOut.ReadAll', 'If InStr(1, out, expected, vbTextCompare) = 0 Then', '  WScript.Echo "hash mismatch"', '  WScript.Quit 1', 'End If', VBS_INSTALL), true, []],
    ['install.vbs', 'Run through cmd with findstr, the return code tested', lines('Set sh = CreateObject("WScript.Shell")', `If sh.Run("cmd /c certutil -hashfile ${MSI} SHA256 | findstr /i " & expected, 0, True) <> 0 Then WScript.Quit 1`, VBS_INSTALL), true, []],
    ['install.vbs', 'Run certutil: the return value is discarded', lines('Set objShell = CreateObject("WScript.Shell")', `objShell.Run "certutil -hashfile ${MSI} SHA256", 0, True`, VBS_INSTALL), false, [[2, 'certutil -hashfile computes a hash, but nothing compares it with an expected value']]],
    ['install.vbs', 'Run signtool: the return value is discarded', lines('Set objShell = CreateObject("WScript.Shell")', `objShell.Run "signtool verify /pa ${MSI}", 0, True`, VBS_INSTALL), false, [[2, 'the exit status of signtool verify is discarded']]],
    ['install.vbs', "certutil's exit code compared: it says nothing about the hash", lines('Set objShell = CreateObject("WScript.Shell")', `rc = objShell.Run("certutil -hashfile ${MSI} SHA256", 0, True)`, 'If rc <> 0 Then WScript.Quit rc', VBS_INSTALL), false, [[2, 'certutil -hashfile computes a hash, but nothing compares it with an expected value']]],
    ['install.vbs', 'a comment and an Echo', lines(`' objShell.Run "signtool verify /pa ${MSI}"`, 'WScript.Echo "certutil -hashfile"', 'Rem Get-FileHash', VBS_INSTALL), false, []],
  ] as [string, string, string, boolean, [number, string][]][])('%s: %s', (file, _, text, verified, inert) => {
    const scan = scanScript(text, scriptLanguage(file), file);
    expect(scan.installs).toHaveLength(1);
    expect(scan.verifiedBeforeInstall).toBe(verified);
    expect(scan.inertChecks.map((c) => [c.line, c.why])).toEqual(inert);
  });

  it.each([
    [`Start-Process msiexec.exe -ArgumentList "/i ${MSI} /qn REBOOT=ReallySuppress" -Wait`, true],
    [`Start-Process -FilePath msiexec.exe -ArgumentList '/i', '${MSI}', '/qn', 'REBOOT=ReallySuppress' -Wait -NoNewWindow`, true],
    [`Start-Process msiexec.exe -ArgumentList "/i ${MSI}" -Wait`, false],
  ])('reads the install inside Start-Process -ArgumentList: %s', (line, quiet) => {
    const scan = scanScript(lines(line), 'powershell');
    expect(scan.installs.map((i) => [i.msi, i.quiet])).toEqual([[['msdrmclient.msi'], quiet]]);
  });

  it('says a verifier it cannot read leaves the answer open: powershell -File, cscript, call', () => {
    for (const [file, text, external] of [
      ['install.cmd', lines('powershell -ExecutionPolicy Bypass -File \\\\fs01\\software\\rms\\verify.ps1 || exit /b 1', INSTALL), '\\\\fs01\\software\\rms\\verify.ps1'],
      ['install.cmd', lines('cscript //nologo verify.vbs', 'if errorlevel 1 exit /b 1', INSTALL), 'verify.vbs'],
      ['install.cmd', lines('call \\\\fs01\\software\\rms\\verify.cmd || goto :eof', INSTALL), '\\\\fs01\\software\\rms\\verify.cmd'],
    ]) {
      const scan = scanScript(text!, scriptLanguage(file!), file);
      expect(scan.verifiedBeforeInstall).toBe(false);
      expect(scan.inertChecks).toEqual([expect.objectContaining({ line: 1, external: true, why: expect.stringContaining(`runs ${external}, which is not in the backup`) })]);
    }
  });

  it('does not take an unchecked call for a verifier', () => {
    const scan = scanScript(lines('call \\\\fs01\\software\\rms\\prepare.cmd', INSTALL), 'batch');
    expect(scan.inertChecks.filter((c) => c.external)).toEqual([]);
  });
});

describe('kblint check on a GPO whose startup script checks nothing, or waits on a script it cannot read', () => {
  const GPO = `${PROJECT}examples/artifacts/backup-root/{5F1C2A77-0B6E-4A8B-9E1D-3C0B7A1E2F01}`;
  const SCRIPT = join('DomainSysvol', 'GPO', 'Machine', 'Scripts', 'Startup', 'install-rms.cmd');
  const withScript = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-integrity-'));
    cpSync(GPO, join(dir, 'gpo'), { recursive: true });
    writeFileSync(join(dir, 'gpo', SCRIPT), text);
    return join(dir, 'gpo');
  };
  const shown = `gpo/${SCRIPT.replace(/\\/g, '/')}`;

  it.each([
    ['a hash computed into nul', lines('@echo off', `certutil -hashfile ${MSI} SHA256 > nul`, INSTALL), 'fail', 2, 'not an integrity check: certutil -hashfile computes a hash, but nothing compares it with an expected value', undefined],
    ['a set that names the cmdlet', lines('@echo off', 'set CHECK=Get-AuthenticodeSignature', INSTALL), 'fail', 3, undefined, undefined],
    ['a verifier script outside the backup', lines('@echo off', 'powershell -NoProfile -File \\\\fs01\\software\\rms\\verify.ps1 || exit /b 1', INSTALL), 'notchecked', 2, 'powershell -File runs \\\\fs01\\software\\rms\\verify.ps1, which is not in the backup; whether it checks the packages is unknown', `unknown: script.integrityCheck (${shown}:2: powershell -File runs \\\\fs01\\software\\rms\\verify.ps1, which is not in the backup; whether it checks the packages is unknown)`],
  ] as const)('%s: %s', async (_, text, expected, line, detail, reason) => {
    const dir = withScript(text);
    const { result } = await check([dir], join(dir, '..'));
    const o = result.outcomes.find((x) => x.rule === 'script-verifies-integrity')!;
    expect(o.outcome).toBe(expected);
    if (reason) expect(o.reason).toBe(reason);
    if (expected === 'fail') {
      const f = result.findings.find((x) => x.rule === 'script-verifies-integrity')!;
      expect(f.location).toMatchObject({ file: shown, line, ...(detail ? { detail } : {}) });
    }
  });
});

describe('the integrity reading stays linear on hostile scripts', () => {
  it.each([
    ['powershell', 'if (\n'.repeat(20000)],
    ['batch', 'if errorlevel 1 (\n'.repeat(20000)],
    ['vbscript', 'If x Then\n'.repeat(20000)],
    ['powershell', Array.from({ length: 5000 }, (_, i) => `$h${i} = Get-FileHash x${i}.msi\n$g${i} = $h${i}.Hash\n`).join('')],
  ] as const)('%s: %#', (language, text) => {
    const scan = scanScript(`${text}msiexec /i a.msi /qn\n`, language);
    expect(scan.installs).toHaveLength(1);
    expect(scan.verifiedBeforeInstall).toBe(false);
  }, 20_000); // Unclosed blocks and thousands of hash variables: bounded scans, not one per opening.
});
