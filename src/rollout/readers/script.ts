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
  /** Lines that verify a file (hash or signature) before it is run. */
  integrityChecks: { line: number; text: string }[];
  /** MSI files in the order the script installs them, lower case. */
  msi: string[];
  /** Whether every install is preceded by an integrity check. */
  verifiedBeforeInstall: boolean;
}

export type ScriptLanguage = 'batch' | 'vbscript' | 'powershell' | 'unknown';

/** The language of a script by its file name, as Windows picks the interpreter. */
export function scriptLanguage(name: string): ScriptLanguage {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'cmd' || ext === 'bat') return 'batch';
  if (ext === 'vbs' || ext === 'vbe' || ext === 'wsf') return 'vbscript';
  if (ext === 'ps1' || ext === 'psm1') return 'powershell';
  return 'unknown';
}

/** Windows' command line limit (CreateProcess): no longer line can be a command a script runs. */
export const MAX_COMMAND_CHARS = 32767;

const CMDLET_CHECK = /\b(get-filehash|get-authenticodesignature|test-filecatalog)\b/i;
const TOOL_CHECK = /\b(certutil(\.exe)?\s+-hashfile|signtool(\.exe)?\s+verify|sigcheck(64)?(\.exe)?|fciv(\.exe)?|sha256sum|md5sum)\b/i;
/** A statement that prints or shows text: what follows is words, not a command. */
const OUTPUT = /^(@?echo(\.|\s|$)|write-(host|output|verbose|information|warning|debug)\b|wscript\.echo\b|msgbox\b|title\b|print\b|out-file\b)/i;
// A statement that starts an installer, found with patterns that stay linear on any line.
const MSIEXEC = /msiexec|-override\b/i;
const EXE = /\.exe\b/i;
const SLASH_I = /\s\/i\b/i;

/**
 * A script's text with comments blanked out (line breaks kept, so lines still count), and a
 * second copy where string literals are blanked too. One pass, linear in the text.
 */
export function stripComments(text: string, language: ScriptLanguage): { code: string; bare: string } {
  const code: string[] = [];
  const bare: string[] = [];
  const put = (c: string, inString: boolean) => {
    code.push(c);
    bare.push(inString && c !== '\n' ? ' ' : c);
  };
  const blank = (c: string) => {
    const b = c === '\n' || c === '\r' ? c : ' ';
    code.push(b);
    bare.push(b);
  };
  let state: 'code' | 'line' | 'block' | 'single' | 'double' = 'code';
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (state === 'line') {
      if (c === '\n') {
        state = 'code';
        lineStart = true;
        put(c, false);
      } else blank(c);
      continue;
    }
    if (state === 'block') {
      if (c === '#' && text[i + 1] === '>') {
        blank(c);
        blank('>');
        i++;
        state = 'code';
      } else blank(c);
      continue;
    }
    if (state === 'single' || state === 'double') {
      put(c, true);
      if (language === 'powershell' && c === '`' && state === 'double') {
        if (i + 1 < text.length) put(text[++i]!, true);
      } else if ((state === 'single' && c === "'") || (state === 'double' && c === '"')) state = 'code';
      else if (c === '\n' && language !== 'powershell') state = 'code';
      if (c === '\n') lineStart = true;
      continue;
    }
    // Code.
    if (c === '\n') {
      lineStart = true;
      put(c, false);
      continue;
    }
    if (lineStart && (c === ' ' || c === '\t' || c === '\r')) {
      put(c, false);
      continue;
    }
    if (lineStart && (language === 'batch' || language === 'vbscript' || language === 'unknown') && /^@?(rem(\s|$)|::)/i.test(text.slice(i, i + 5))) {
      state = 'line';
      blank(c);
      continue;
    }
    const atLineStart = lineStart;
    lineStart = false;
    if (language === 'powershell' && c === '<' && text[i + 1] === '#') {
      state = 'block';
      blank(c);
      blank('#');
      i++;
      continue;
    }
    const lineComment =
      (c === '#' && (language === 'powershell' || language === 'unknown')) ||
      (c === "'" && language === 'vbscript') ||
      // A script of unknown language: `'` and `//` only count as comments at the start of a line.
      (language === 'unknown' && atLineStart && (c === "'" || (c === '/' && text[i + 1] === '/')));
    if (lineComment) {
      state = 'line';
      blank(c);
      continue;
    }
    if (c === '"') state = 'double';
    else if (c === "'" && language === 'powershell') state = 'single';
    put(c, false);
  }
  return { code: code.join(''), bare: bare.join('') };
}

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
  const integrityChecks: ScriptScan['integrityChecks'] = [];
  const { code, bare } = stripComments(text, language);
  const codeLines = code.split('\n');
  const bareLines = bare.split('\n');
  codeLines.forEach((raw, i) => {
    const line = i + 1;
    const live = statements(raw).filter((s) => !OUTPUT.test(s));
    if (live.length === 0) return;
    const bareLive = statements(bareLines[i] ?? '').filter((s) => !OUTPUT.test(s));
    // In PowerShell a quoted word is data; elsewhere commands often sit in strings (`objShell.Run "…"`).
    const checkText = language === 'powershell' ? bareLive.join(' ') : live.join(' ');
    if (CMDLET_CHECK.test(checkText) || TOOL_CHECK.test(checkText)) {
      integrityChecks.push({ line, text: raw.trim() });
      return;
    }
    const command = live.join(' ');
    const exe = EXE.exec(command);
    if (!MSIEXEC.test(command) && !(exe && SLASH_I.test(command.slice(exe.index)))) return;
    if (command.length > MAX_COMMAND_CHARS) {
      throw new KblintError('bad-script', `line is ${command.length} characters, longer than the ${MAX_COMMAND_CHARS}-character Windows command line; it cannot be an install command`, { file, line });
    }
    const parsed = parseCommand(command.replace(/^\s*(start\s+\/wait\s+|call\s+|&\s*|Start-Process\s+)/i, ''));
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
  return {
    installs,
    integrityChecks,
    msi: installs.flatMap((i) => i.msi),
    verifiedBeforeInstall: installs.length > 0 && integrityChecks.some((c) => c.line < firstInstall),
  };
}
