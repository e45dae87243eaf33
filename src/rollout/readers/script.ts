import { parseCommand } from '../../extract/command.js';
import { msiName, suppressesReboot } from '../command-facts.js';

export interface ScriptInstall {
  line: number;
  text: string;
  msi: string[];
  quiet: boolean;
  rebootSuppressed: boolean;
}

export interface ScriptScan {
  installs: ScriptInstall[];
  /** Lines that verify a file (hash or signature) before it is run. */
  integrityChecks: { line: number; text: string }[];
  /** MSI files in the order the script installs them, lower case. */
  msi: string[];
  /** Whether every install is preceded by an integrity check. */
  verifiedBeforeInstall: boolean;
}

const INTEGRITY = /\b(get-filehash|certutil(\.exe)?\s+-hashfile|get-authenticodesignature|signtool(\.exe)?\s+verify|sigcheck|fciv|sha256sum|md5sum|Test-FileCatalog)\b/i;
const COMMENT = /^\s*(rem\b|::|'|#|\/\/)/i;
// An installer is run: msiexec, or a package .exe given MSIs (`-override n /I x.msi`, `/i x.msi`).
const INSTALLER = /(msiexec|-override\b|\.exe\b.*\s\/i\b)/i;

/** Installer invocations and integrity checks in a VBScript, batch or PowerShell script, by line. */
export function scanScript(text: string): ScriptScan {
  const installs: ScriptInstall[] = [];
  const integrityChecks: ScriptScan['integrityChecks'] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (COMMENT.test(raw)) return;
    const line = i + 1;
    if (INTEGRITY.test(raw)) {
      integrityChecks.push({ line, text: raw.trim() });
      return;
    }
    if (!INSTALLER.test(raw)) return;
    const command = parseCommand(raw.replace(/^\s*(start\s+\/wait\s+|call\s+|&\s*|Start-Process\s+)/i, ''));
    if (!command || command.msi.length === 0) return;
    installs.push({
      line,
      text: raw.trim(),
      msi: command.msi.map(msiName),
      quiet: command.quiet,
      rebootSuppressed: suppressesReboot(command),
    });
  });
  const firstInstall = installs[0]?.line ?? Infinity;
  return {
    installs,
    integrityChecks,
    msi: installs.flatMap((i) => i.msi),
    verifiedBeforeInstall: installs.length > 0 && integrityChecks.some((c) => c.line < firstInstall),
  };
}

