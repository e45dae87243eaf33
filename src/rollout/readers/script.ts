import { KblintError } from '../../errors.js';
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
  /** Hash or signature commands whose result decides (compared, and stopping or gating the install). */
  integrityChecks: { line: number; text: string; decidedAt: number }[];
  /** Hash or signature commands that run but decide nothing, or that kblint cannot see into, each with why. */
  inertChecks: { line: number; text: string; why: string; external: boolean }[];
  /** MSI files in the order the script installs them, lower case. */
  msi: string[];
  /** Whether the first install is preceded (or gated) by an integrity check whose result decides. */
  verifiedBeforeInstall: boolean;
}

import { integrityEvidence, type CheckEvidence } from './integrity.js';
import { stripComments, type ScriptLanguage } from './script-text.js';

export { scriptLanguage, stripComments, type ScriptLanguage } from './script-text.js';

/** Windows' command line limit (CreateProcess): no longer line can be a command a script runs. */
export const MAX_COMMAND_CHARS = 32767;

/** A statement that prints or shows text: what follows is words, not a command. */
const OUTPUT = /^(@?echo(\.|\s|$)|write-(host|output|verbose|information|warning|debug)\b|wscript\.echo\b|msgbox\b|title\b|print\b|out-file\b)/i;
// A statement that starts an installer, found with patterns that stay linear on any line.
const MSIEXEC = /msiexec|-override\b/i;
const EXE = /\.exe\b/i;
const SLASH_I = /\s\/i\b/i;

/** Statements of a line: split at `;`, `&`, `&&`, `||`, `|` and an opening `(` or `{`, trimmed. */
function statements(line: string): string[] {
  return line
    .split(/&&|\|\||[;&|({]/)
    .map((s) => s.trim().replace(/^(if|elseif|while)\b\s*/i, '').trim())
    .filter(Boolean);
}

/**
 * Installer invocations and integrity checks in a VBScript, batch or PowerShell script, by line.
 * Comments (`rem`, `::`, `'`, `#`, `<# … #>`) are no code, and text that is only printed (`echo
 * Get-FileHash`, a PowerShell string) is no check.
 */
export function scanScript(text: string, language: ScriptLanguage = 'unknown', file = 'script'): ScriptScan {
  const installs: ScriptInstall[] = [];
  const stripped = stripComments(text, language);
  stripped.code.split('\n').forEach((raw, i) => {
    const line = i + 1;
    // Only the statements that start an installer: a check on the same line (`signtool verify x.msi && msiexec /i x.msi`) is no install.
    const live = statements(raw).filter((s) => !OUTPUT.test(s) && isInstall(s));
    if (live.length === 0) return;
    const command = live.join(' ');
    if (command.length > MAX_COMMAND_CHARS) {
      throw new KblintError('bad-script', `line is ${command.length} characters, longer than the ${MAX_COMMAND_CHARS}-character Windows command line; it cannot be an install command`, { file, line });
    }
    const parsed = parseCommand(unwrapArguments(command).replace(/^\s*(start\s+\/wait\s+|call\s+|&\s*|Start-Process\s+)/i, ''));
    if (!parsed || parsed.msi.length === 0) return;
    installs.push({
      line,
      text: raw.trim(),
      msi: parsed.msi.map(msiName),
      quiet: parsed.quiet,
      rebootSuppressed: suppressesReboot(parsed),
    });
  });
  const firstInstall = installs[0]?.line ?? Infinity;
  const evidence = integrityEvidence(stripped, language, isInstall);
  const before = (e: CheckEvidence) => e.decidedAt !== undefined && e.line <= firstInstall && (e.gatesInstall === true || e.decidedAt < firstInstall);
  return {
    installs,
    integrityChecks: evidence.filter((e) => e.decidedAt !== undefined && !e.external).map((e) => ({ line: e.line, text: e.text, decidedAt: e.decidedAt! })),
    inertChecks: evidence.filter((e) => e.why !== undefined && (e.decidedAt === undefined || e.external)).map((e) => ({ line: e.line, text: e.text, why: e.why!, external: e.external === true })),
    msi: installs.flatMap((i) => i.msi),
    verifiedBeforeInstall: installs.length > 0 && evidence.some((e) => !e.external && before(e)),
  };
}

/**
 * `Start-Process msiexec.exe -ArgumentList "/i x.msi /qn" -Wait` (or `'/i', 'x.msi', '/qn'`): the
 * arguments PowerShell passes, unquoted, so the MSI and switches inside the string are read.
 */
function unwrapArguments(command: string): string {
  return command.replace(/\s-(?:ArgumentList|Args)\s+((?:(?:"[^"]*"|'[^']*')\s*,?\s*)+)/i, (_, list: string) => ` ${list.replace(/["',]/g, ' ')} `);
}

/** Whether a statement starts an installer: msiexec, `setup.exe -override`, or an .exe with `/i`. */
function isInstall(statement: string): boolean {
  if (MSIEXEC.test(statement)) return true;
  const exe = EXE.exec(statement);
  return exe !== null && SLASH_I.test(statement.slice(exe.index));
}
