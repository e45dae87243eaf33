import type { CompiledClaimWords } from './claim-words.js';
import { OS_NAMES } from './lexicons/products.js';
import type { Claim, Method, OsBound } from './types.js';

/**
 * Typed claims from one sentence, with the claim words of the document's languages. Every
 * pattern is an alternation of literal words with bounded gaps, so matching stays linear.
 */

const OS_PATTERN = new RegExp(OS_NAMES.map((o) => `(${o.pattern})`).join('|'), 'gi');

/** Every OS the sentence names, each with the bound its own words give it ("vóór Windows Vista" → before 6.0). */
export function osBounds(sentence: string, builtin: boolean, words: CompiledClaimWords): OsBound[] {
  const text = sentence.replace(/[\u00a0\u202f]/g, ' ');
  const out: OsBound[] = [];
  const seen = new Set<string>();
  OS_PATTERN.lastIndex = 0;
  for (let m = OS_PATTERN.exec(text); m; m = OS_PATTERN.exec(text)) {
    const os = OS_NAMES[m.slice(1).findIndex((g) => g !== undefined)]!;
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    let bound: OsBound['bound'] = 'only';
    if (words.osBefore.test(before)) bound = 'before';
    else if (words.osFrom.test(before) || words.osAndLater.test(after)) bound = 'from';
    // "part of the Windows Vista operating system": Vista and what came after it.
    else if (builtin) bound = 'from';
    const key = `${bound} ${os.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ bound, version: os.version, name: os.name });
  }
  return out;
}

/** The first OS bound a sentence states, or undefined. */
export function osBound(sentence: string, builtin: boolean, words: CompiledClaimWords): OsBound | undefined {
  return osBounds(sentence, builtin, words)[0];
}

export function methodsIn(text: string, words: CompiledClaimWords): Method[] {
  return words.methods.filter(([re]) => re.test(text)).map(([, m]) => m);
}

/**
 * Port numbers that follow a port word within five tokens ("poort 80 of poort 443", "TCP 443"),
 * and the numbers of a list that goes on within three tokens of each ("el puerto predeterminado
 * es el 80 o el 443").
 */
export function portsIn(sentence: string, words: CompiledClaimWords): number[] {
  if (!/\d\d/.test(sentence)) return [];
  const tokens = sentence.match(/[\p{L}\p{N}]+/gu) ?? [];
  const ports = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (!words.portWord.test(tokens[i]!)) continue;
    let reach = i + 5;
    for (let k = i + 1; k <= reach && k < tokens.length; k++) {
      const t = tokens[k]!;
      if (/^\d{2,5}$/.test(t)) {
        const n = Number(t);
        if (n > 0 && n < 65536) ports.add(n);
        reach = Math.max(reach, k + 3);
      } else if (words.portWord.test(t)) break;
    }
  }
  return [...ports].sort((a, b) => a - b);
}

export interface ClaimContext {
  /** Ports stated earlier in the same block, for "deze poorten" / "these ports". */
  previousPorts: number[];
}

/**
 * The part of the sentence around `index` up to the nearest comma, semicolon, colon or
 * coordinating word: how far a negation reaches ("geen … nodig en kan … worden geïnstalleerd").
 */
function segmentAround(sentence: string, index: number, words: CompiledClaimWords): string {
  let start = 0;
  let end = sentence.length;
  const separators = words.segmentEnd;
  separators.lastIndex = 0;
  for (let m = separators.exec(sentence); m; m = separators.exec(sentence)) {
    if (m.index + m[0].length <= index) start = m.index + m[0].length;
    else if (m.index > index) {
      end = m.index;
      break;
    }
    if (m[0].length === 0) separators.lastIndex++;
  }
  return sentence.slice(start, end);
}

// When a deployment program may run (the SMS "Program can run" setting, CanRunWhen), in the six
// languages. Kept here until the per-language claim words take it over.
const LOGGED_ON = /(logged on|logged in|aangemeld|angemeldet|iniciado (una )?sesión|sesión iniciada|connesso|conectado|fez logon)/i;
const WHETHER_OR_NOT = /(whether or not|regardless of whether|ongeacht|wel of niet|al dan niet|unabhängig|independientemente|tanto si|indipendentemente|independentemente)/i;
const NO_USER = /(no user|geen gebruiker|kein benutzer|ningún usuario|nessun utente|nenhum usuário)/i;
const ONLY_WHEN = /(only when|only if|alleen (als|wanneer|indien)|nur,? wenn|s[oó]lo cuando|solo quando|somente quando|apenas quando)/i;

function logonOf(sentence: string): Claim | undefined {
  if (!LOGGED_ON.test(sentence)) return undefined;
  if (WHETHER_OR_NOT.test(sentence)) return { kind: 'logon', value: 'any' };
  if (NO_USER.test(sentence)) return { kind: 'logon', value: 'no-user' };
  if (ONLY_WHEN.test(sentence)) return { kind: 'logon', value: 'user' };
  return undefined;
}

/**
 * Typed claims of a sentence. `notNeeded` says the sentence's main clause says something is not
 * needed ("hoeft … niet"): a claim in a sentence of one clause is then turned around.
 */
export function claimsOf(sentence: string, notNeeded: boolean, ctx: ClaimContext, words: CompiledClaimWords): Claim[] {
  const claims: Claim[] = [];
  const oneClause = segmentAround(sentence, 0, words).length === sentence.length;
  const negatedAt = (index: number) => words.negator.test(segmentAround(sentence, index, words)) || (notNeeded && oneClause);

  const admin = words.admin.exec(sentence);
  if (admin) claims.push({ kind: 'privilege', value: negatedAt(admin.index) ? 'none' : 'local-admin' });
  const builtin = words.builtin.test(sentence);
  for (const os of osBounds(sentence, builtin, words)) claims.push({ kind: 'os', ...os });
  if (builtin) claims.push({ kind: 'builtin', value: true });
  const startupScript = words.startupScript.test(sentence);
  const install = words.install.exec(sentence);
  if (install) {
    if (startupScript) claims.push({ kind: 'install', value: 'startup-script' });
    else if (words.separately.test(sentence)) claims.push({ kind: 'install', value: 'separate-not-possible' });
    // "Daarvoor is het niet nodig dat de client is geïnstalleerd": the need-not reaches the install.
    else if (notNeeded && negatedAt(install.index)) claims.push({ kind: 'install', value: 'not-required' });
    else claims.push({ kind: 'install', value: 'mentioned' });
  } else if (startupScript) {
    claims.push({ kind: 'install', value: 'startup-script' });
  }
  if (words.activation.test(sentence)) claims.push({ kind: 'activation', value: words.local.test(sentence) ? 'local' : 'mentioned' });
  const network = words.network.exec(sentence);
  if (network) claims.push({ kind: 'network', value: negatedAt(network.index) ? 'not-required' : 'required' });

  let ports = portsIn(sentence, words);
  const refersToPorts = words.portReference.test(sentence);
  if (ports.length === 0 && refersToPorts) ports = ctx.previousPorts;
  if (ports.length > 0) {
    const peers: string[] = [];
    if (words.rootCluster.test(sentence)) peers.push('root-cluster');
    if (words.licensingCluster.test(sentence)) peers.push('licensing-cluster');
    const protocol = /\budp\b/i.test(sentence) ? 'udp' : /\btcp\b/i.test(sentence) ? 'tcp' : undefined;
    const claim: Claim = { kind: 'port', ports, peers };
    if (protocol) claim.protocol = protocol;
    claims.push(claim);
    if (refersToPorts && peers.length > 0 && !network) claims.push({ kind: 'network', value: 'required' });
  }

  const restartWord = words.restart.exec(sentence);
  if (/reboot\s*=\s*reallysuppress/i.test(sentence) || (restartWord && words.restartSuppressed.test(sentence))) claims.push({ kind: 'restart', value: 'suppressed' });
  else {
    const restart = words.restart.exec(sentence);
    if (restart && !words.restartTiming.test(sentence)) claims.push({ kind: 'restart', value: negatedAt(restart.index) ? 'not-required' : 'required' });
  }
  if (words.integrity.test(sentence)) claims.push({ kind: 'integrity', value: 'verify' });
  const logon = logonOf(sentence);
  if (logon) claims.push(logon);
  const methods = methodsIn(sentence, words);
  if (methods.length > 0) claims.push({ kind: 'method', values: methods });
  return claims;
}
