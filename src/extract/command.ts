import type { Claim } from './types.js';

type CommandClaim = Extract<Claim, { kind: 'command' }>;

const QUIET = /^[/-](q|qn|qb|quiet|passive|s|silent)(\+|-)?$/i;

/**
 * Tokens of a command line, honouring double quotes. Script wrappers such as
 * `objShell.run "…"` are peeled off first so the command inside is what is read.
 */
export function commandTokens(line: string): string[] {
  const inner = runArgument(line) ?? line;
  return inner.match(/"[^"]*"|\S+/g)?.map((t) => t.replace(/^"|"$/g, '')) ?? [];
}

/**
 * The command inside `objShell.run "…"[, 0, True]`: from the first `.run "` to the last quote that
 * only `)`, spaces or `, …` follow. Found without a backtracking regex, so a long line stays linear.
 */
function runArgument(line: string): string | undefined {
  const open = /\.run\s*(?:\(\s*)?"/i.exec(line);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  const tail = /\s*(?:\)\s*)?(?:,|$)/y;
  for (let q = line.lastIndexOf('"'); q >= start; q = line.lastIndexOf('"', q - 1)) {
    tail.lastIndex = q + 1;
    if (tail.test(line)) return line.slice(start, q);
  }
  return undefined;
}

/** An installer invocation: msiexec, an .exe package, or a line naming .msi files. */
export function parseCommand(line: string): CommandClaim | undefined {
  const tokens = commandTokens(line.trim());
  const programIndex = tokens.findIndex((t) => /(^|[\\/])msiexec(\.exe)?$/i.test(t) || /\.exe$/i.test(t));
  const msi = tokens.filter((t) => /\.msi$/i.test(t));
  if (programIndex === -1 && msi.length === 0) return undefined;
  const program = programIndex === -1 ? '' : tokens[programIndex]!.split(/[\\/]/).pop()!;
  const rest = tokens.slice(programIndex + 1);
  const switches = rest.filter((t) => /^[/-][A-Za-z]/.test(t) && !t.includes('='));
  const properties: Record<string, string> = {};
  for (const t of rest) {
    const m = /^([A-Za-z_][\w.]*)=(.*)$/.exec(t);
    if (m) properties[m[1]!.toUpperCase()] = m[2]!;
  }
  return { kind: 'command', line: line.trim(), program, switches, properties, msi, quiet: switches.some((s) => QUIET.test(s)) };
}

/** Order claims for MSI files installed one after the other, as the command gives them. */
export function orderClaims(msi: string[]): Claim[] {
  const claims: Claim[] = [];
  for (let i = 1; i < msi.length; i++) claims.push({ kind: 'order', first: msi[i - 1]!, then: msi[i]! });
  return claims;
}
