import type { Claim, Method, OsBound } from './types.js';

/**
 * Typed claims from one sentence. The vocabulary is shared across languages (articles mix
 * them); every pattern is an alternation of literal words, so matching stays linear.
 */

const ADMIN = /(beheerdersrechten|beheerdersbevoegdheden|systeembeheerder|lokale beheerder|administratorrechte|administratorberechtigung|lokale[rn]? administrator|administrators? (rights|privileges|credentials)|administrative (rights|privileges)|administratieve rechten|derechos administrativos|diritti amministrativi|direitos administrativos|local administrator|administrator group|derechos de administrador|administrador local|privilegi di amministratore|diritti di amministratore|amministratore locale|direitos de administrador|administrador local)/i;
const NEGATION_BEFORE_ADMIN = /\b(geen|niet|no|not|kein[enrs]?|nicht|sin|senza|sem|non|não)\b[^.]{0,60}$/i;

const BUILTIN = /(onderdeel van (het )?[^.]{0,40}besturingssysteem|maakt deel uit van|ingebouwd in|part of (the )?[^.]{0,40}operating system|built into|included (in|with) (the )?windows|bestandteil (von|des)|integriert in|in [^.]{0,30}integriert|incluido en|parte del sistema operativo|incluso in|parte del sistema operativo|integrado no|parte do sistema operacional)/i;

const INSTALL = /(installe|installa|instala|install|geïnstalleerd|geiïnstalleerd|installiert)/i;
const SEPARATELY = /(afzonderlijk|apart|separately|separat|gesondert|por separado|separatamente|separadamente)/i;
const STARTUP_SCRIPT = /(opstartscript|startup script|start-?up-script|startskript|script de inicio|script di avvio|script de inicializa)/i;

const ACTIVATION = /(activer|geactiveerd|activeren|activat|aktivier|activaci|activar|attivaz|attivar|ativa[çr])/i;
const LOCAL = /\b(lokaal|locally|lokal|localmente|local)\b/i;

const NETWORK = /(netwerkverbinding|network connection|netzwerkverbindung|conexión de red|connessione di rete|conexão de rede|netwerktoegang|network access)/i;
const NETWORK_NEGATED = /\b(geen|no|not|kein[enrs]?|nicht|sin|non|não|without|zonder|ohne)\b[^.]{0,40}(netwerkverbinding|network connection|netzwerkverbindung|conexión de red|connessione di rete|conexão de rede)|(netwerkverbinding|network connection|netzwerkverbindung)[^.]{0,30}\b(niet|not|nicht)\b/i;

const PORT_WORD = /^(poort|poorten|port|ports|anschluss|puerto|puertos|porta|porte|portas|tcp|udp)$/i;
const PORT_REFERENCE = /\b(deze poorten|die poorten|these ports|those ports|diese ports|diesen ports|estos puertos|queste porte|essas portas|estas portas)\b/i;
const ROOT_CLUSTER = /(basiscluster|basis-|root cluster|root-cluster|stammcluster|stamm-|clúster raíz|cluster radice|cluster de raiz|certificeringscluster|certification cluster)/i;
const LICENSING_CLUSTER = /(licentiecluster|licensing cluster|licensing-only|lizenzierungscluster|clúster de licencias|cluster di licenze|cluster de licenciamento|licentie-)/i;

// When a (deployment) program may run: the SMS "Program can run" setting, in every language.
const LOGGED_ON = /(logged on|logged in|aangemeld|angemeldet|iniciado (una )?sesión|sesión iniciada|connesso|conectado|fez logon)/i;
const WHETHER_OR_NOT = /(whether or not|regardless of whether|ongeacht|wel of niet|al dan niet|unabhängig|independientemente|tanto si|indipendentemente|independentemente)/i;
const NO_USER = /(no user|geen gebruiker|kein benutzer|ningún usuario|nessun utente|nenhum usuário)/i;
const ONLY_WHEN = /(only when|only if|alleen (als|wanneer|indien)|nur wenn|nur,? wenn|s[oó]lo cuando|solo quando|somente quando|apenas quando)/i;

function logonOf(sentence: string): Claim | undefined {
  if (!LOGGED_ON.test(sentence)) return undefined;
  if (WHETHER_OR_NOT.test(sentence)) return { kind: 'logon', value: 'any' };
  if (NO_USER.test(sentence)) return { kind: 'logon', value: 'no-user' };
  if (ONLY_WHEN.test(sentence)) return { kind: 'logon', value: 'user' };
  return undefined;
}

const RESTART = /(opnieuw opstarten|opnieuw wordt opgestart|herstart|restart|reboot|neustart|neu start|reinici|riavvi|reinicializa)/i;
const RESTART_SUPPRESS = /reboot\s*=\s*reallysuppress/i;

const INTEGRITY = /(integriteit|integrity|integrität|integridad|integrità|integridade|hash|digitale handtekening|digital signature|signatur)/i;

const METHOD_WORDS: [RegExp, Method][] = [
  [/(groeps?beleid|group policy|gruppenrichtlinie|directiva de grupo|criteri di gruppo|política de grupo|gpo\b)/i, 'group-policy'],
  [/(windows update|microsoft update)/i, 'windows-update'],
  [/(script|skript)/i, 'script'],
  [/(\bsms\b|systems management server|configuration manager)/i, 'sms'],
  [/(download|downloaden|herunterladen|descarga|scarica)/i, 'download'],
];

interface OsName {
  pattern: RegExp;
  name: string;
  version: string;
}
// Longest names first, so "Windows Server 2003" is not read as "Windows 2000"-like fragments.
const OS_NAMES: OsName[] = [
  { pattern: /windows server 2008 r2/i, name: 'Windows Server 2008 R2', version: '6.1' },
  { pattern: /windows server 2008/i, name: 'Windows Server 2008', version: '6.0' },
  { pattern: /windows server 2003/i, name: 'Windows Server 2003', version: '5.2' },
  { pattern: /windows 2000/i, name: 'Windows 2000', version: '5.0' },
  { pattern: /windows vista/i, name: 'Windows Vista', version: '6.0' },
  { pattern: /windows xp/i, name: 'Windows XP', version: '5.1' },
  { pattern: /windows 7\b/i, name: 'Windows 7', version: '6.1' },
  { pattern: /windows 8\.1/i, name: 'Windows 8.1', version: '6.3' },
  { pattern: /windows 8\b/i, name: 'Windows 8', version: '6.2' },
  { pattern: /windows 10\b/i, name: 'Windows 10', version: '10.0' },
];
const BEFORE = /(vóór|eerder dan|ouder dan|voorafgaand aan|before|prior to|earlier than|older than|\bvor\b|älter als|früher als|anteriores? a|antes de|precedenti a|prima di|antes do)\s*$/i;
const FROM_AFTER = /^\S*\s*(en later|of later|en hoger|of hoger|en nieuwer|and later|or later|and newer|or higher|and above|und höher|oder höher|und später|oder später|y posterior|o posterior|e versioni successive|o versioni successive|e posterior|ou posterior)/i;
const FROM_BEFORE = /(vanaf|starting with|beginning with|\bab\b|a partir de|a partire da)\s*$/i;

/** The OS bound a sentence states ("vóór Windows Vista" → before 6.0), or undefined. */
export function osBound(sentence: string, builtin: boolean): OsBound | undefined {
  const text = sentence.replace(/\u00a0/g, ' ');
  for (const os of OS_NAMES) {
    const m = os.pattern.exec(text);
    if (!m) continue;
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    if (BEFORE.test(before)) return { bound: 'before', version: os.version, name: os.name };
    if (FROM_BEFORE.test(before) || FROM_AFTER.test(after)) return { bound: 'from', version: os.version, name: os.name };
    // "part of the Windows Vista operating system": Vista and what came after it.
    if (builtin) return { bound: 'from', version: os.version, name: os.name };
    return { bound: 'only', version: os.version, name: os.name };
  }
  return undefined;
}

export function methodsIn(text: string): Method[] {
  return METHOD_WORDS.filter(([re]) => re.test(text)).map(([, m]) => m);
}

/** Port numbers that follow a port word within three tokens ("poort 80 of poort 443", "TCP 443"). */
const MAY_NAME_A_PORT = /(poort|port|anschluss|puerto|tcp|udp)/i;

export function portsIn(sentence: string): number[] {
  if (!MAY_NAME_A_PORT.test(sentence)) return [];
  const tokens = sentence.match(/[\p{L}\p{N}]+/gu) ?? [];
  const ports = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (!PORT_WORD.test(tokens[i]!)) continue;
    for (let k = i + 1; k <= i + 5 && k < tokens.length; k++) {
      const t = tokens[k]!;
      if (/^\d{2,5}$/.test(t)) {
        const n = Number(t);
        if (n > 0 && n < 65536) ports.add(n);
      } else if (PORT_WORD.test(t)) break;
    }
  }
  return [...ports].sort((a, b) => a - b);
}

export interface ClaimContext {
  /** Ports stated earlier in the same block, for "deze poorten" / "these ports". */
  previousPorts: number[];
}

export function claimsOf(sentence: string, notNeeded: boolean, ctx: ClaimContext): Claim[] {
  const claims: Claim[] = [];
  const admin = ADMIN.exec(sentence);
  if (admin) {
    const negated = notNeeded || NEGATION_BEFORE_ADMIN.test(sentence.slice(Math.max(0, admin.index - 80), admin.index));
    claims.push({ kind: 'privilege', value: negated ? 'none' : 'local-admin' });
  }
  const builtin = BUILTIN.test(sentence);
  const os = osBound(sentence, builtin);
  if (os) claims.push({ kind: 'os', ...os });
  if (builtin) claims.push({ kind: 'builtin', value: true });
  if (INSTALL.test(sentence)) {
    if (STARTUP_SCRIPT.test(sentence)) claims.push({ kind: 'install', value: 'startup-script' });
    else if (SEPARATELY.test(sentence)) claims.push({ kind: 'install', value: 'separate-not-possible' });
    else claims.push({ kind: 'install', value: 'mentioned' });
  } else if (STARTUP_SCRIPT.test(sentence)) {
    claims.push({ kind: 'install', value: 'startup-script' });
  }
  if (ACTIVATION.test(sentence)) claims.push({ kind: 'activation', value: LOCAL.test(sentence) ? 'local' : 'mentioned' });
  if (NETWORK.test(sentence)) claims.push({ kind: 'network', value: notNeeded || NETWORK_NEGATED.test(sentence) ? 'not-required' : 'required' });
  let ports = portsIn(sentence);
  const refersToPorts = PORT_REFERENCE.test(sentence);
  if (ports.length === 0 && refersToPorts) ports = ctx.previousPorts;
  if (ports.length > 0) {
    const peers: string[] = [];
    if (ROOT_CLUSTER.test(sentence)) peers.push('root-cluster');
    if (LICENSING_CLUSTER.test(sentence)) peers.push('licensing-cluster');
    const protocol = /\budp\b/i.test(sentence) ? 'udp' : /\btcp\b/i.test(sentence) ? 'tcp' : undefined;
    const claim: Claim = { kind: 'port', ports, peers };
    if (protocol) claim.protocol = protocol;
    claims.push(claim);
    if (refersToPorts && peers.length > 0) claims.push({ kind: 'network', value: 'required' });
  }
  if (RESTART_SUPPRESS.test(sentence)) claims.push({ kind: 'restart', value: 'suppressed' });
  else if (RESTART.test(sentence)) claims.push({ kind: 'restart', value: 'required' });
  if (INTEGRITY.test(sentence)) claims.push({ kind: 'integrity', value: 'verify' });
  const logon = logonOf(sentence);
  if (logon) claims.push(logon);
  const methods = methodsIn(sentence);
  if (methods.length > 0) claims.push({ kind: 'method', values: methods });
  return claims;
}
