import type { Method } from './types.js';

/**
 * A language's claim vocabulary. Each entry is a fragment of a regular expression, matched
 * case-insensitively anywhere in a sentence (so Dutch and German compounds such as
 * "clientinstallatie" are found); keep them to literal words, optional parts and bounded gaps
 * (`[^.]{0,40}`) so matching stays linear.
 */
export interface ClaimWords {
  /** Administrator rights: "beheerdersrechten", "Systemadministrator", "privilegi amministrativi". */
  admin: string[];
  /** Words that negate a privilege, network or restart claim in their clause: "geen", "ohne", "sin". */
  negators: string[];
  /** Words that join two clauses; a negation does not reach across them ("… nodig en kan …"). */
  coordinators: string[];
  builtin: string[];
  install: string[];
  separately: string[];
  startupScript: string[];
  activation: string[];
  local: string[];
  network: string[];
  /** Words a port number follows: "poort", "Anschluss". Whole words. */
  portWords: string[];
  /** "deze poorten": the ports of the sentence before. */
  portReference: string[];
  rootCluster: string[];
  licensingCluster: string[];
  restart: string[];
  /** When a restart happens is not a need for one: "beim Neustart". */
  restartTiming: string[];
  /** A restart that is kept from happening: "onderdrukt", "suppresses". */
  restartSuppressed?: string[];
  integrity: string[];
  methods: Partial<Record<Method, string[]>>;
  /** Open a clause whose step comes after the main clause's ("voordat", "before"). Whole words. */
  orderBefore?: string[];
  /** Open a clause whose step comes first ("nadat", "until", "after"). Whole words. */
  orderAfter?: string[];
  /** Before an OS name: "vóór", "prior to". */
  osBefore: string[];
  /** Before an OS name: "vanaf", "ab". */
  osFrom: string[];
  /** After an OS name: "en later", "oder höher". */
  osAndLater: string[];
}

export interface CompiledClaimWords {
  admin: RegExp;
  negator: RegExp;
  coordinator: RegExp;
  /** Where a negation's reach ends: punctuation or a coordinating word (global). */
  segmentEnd: RegExp;
  builtin: RegExp;
  install: RegExp;
  separately: RegExp;
  startupScript: RegExp;
  activation: RegExp;
  local: RegExp;
  network: RegExp;
  portWord: RegExp;
  portReference: RegExp;
  rootCluster: RegExp;
  licensingCluster: RegExp;
  restart: RegExp;
  restartTiming: RegExp;
  restartSuppressed: RegExp;
  integrity: RegExp;
  methods: [RegExp, Method][];
  orderBefore: RegExp;
  orderAfter: RegExp;
  osBefore: RegExp;
  osFrom: RegExp;
  osAndLater: RegExp;
}

const METHOD_ORDER: Method[] = ['group-policy', 'windows-update', 'script', 'sms', 'download'];
const NEVER = /(?!)/;

function any(fragments: string[], flags = 'i'): RegExp {
  return fragments.length ? new RegExp(`(?:${fragments.join('|')})`, flags) : NEVER;
}
const word = (fragments: string[], flags = 'iu') =>
  fragments.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${fragments.join('|')})(?![\\p{L}\\p{N}])`, flags) : NEVER;

/** The claim words of several languages (a document's own and English) as one set of expressions. */
export function compileClaimWords(all: ClaimWords[]): CompiledClaimWords {
  const join = <K extends keyof ClaimWords>(k: K) => all.flatMap((w) => w[k] as string[]);
  return {
    admin: any(join('admin')),
    negator: word(join('negators')),
    coordinator: word(join('coordinators')),
    segmentEnd: new RegExp(`[,;:()]|${word(join('coordinators')).source}`, 'giu'),
    builtin: any(join('builtin')),
    install: any(join('install')),
    separately: any(join('separately')),
    startupScript: any(join('startupScript')),
    activation: any(join('activation')),
    local: word(join('local')),
    network: any(join('network')),
    portWord: new RegExp(`^(?:${join('portWords').join('|')})$`, 'i'),
    portReference: word(join('portReference')),
    rootCluster: any(join('rootCluster')),
    licensingCluster: any(join('licensingCluster')),
    restart: any(join('restart')),
    restartTiming: any(join('restartTiming')),
    restartSuppressed: any([...all.flatMap((w) => w.restartSuppressed ?? []), '/norestart']),
    integrity: any(join('integrity')),
    methods: METHOD_ORDER.map((m): [RegExp, Method] => [any(all.flatMap((w) => w.methods[m] ?? [])), m]),
    orderBefore: word(all.flatMap((w) => w.orderBefore ?? [])),
    orderAfter: word(all.flatMap((w) => w.orderAfter ?? [])),
    osBefore: new RegExp(`(?:${join('osBefore').join('|')})\\s*$`, 'i'),
    osFrom: new RegExp(`(?:${join('osFrom').join('|')})\\s*$`, 'i'),
    // Up to four words may stand between the name and its bound ("Windows 2000 Server met SP3 of hoger"), but no other OS.
    osAndLater: new RegExp(`^(?:\\s*(?!windows\\b)[^\\s,;]+){0,4}?\\s*(?:${join('osAndLater').join('|')})`, 'i'),
  };
}
