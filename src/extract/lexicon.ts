import type { ClaimWords } from './claim-words.js';

/**
 * All the words of one language kblint reads: modal wording, the words that open subordinate
 * clauses, and the claim vocabulary. Adding a language is one lexicon file (plus its tests).
 *
 * A pattern is a run of words ("mag niet"): `…` allows up to GAP words in between
 * ("mag … niet"), a trailing `*` matches a word's stem ("erforderlich*"), `_` is any one word and
 * a leading `^` anchors the pattern at the start of a main clause ("^ do not"). Patterns are
 * matched on tokens, so matching is linear in the sentence.
 */
export interface Lexicon {
  language: string;
  modality: Modality;
  clauses: ClauseWords;
  /** UI verbs of a procedure step that does something on screen ("klik", "open", "typ"). */
  actions: string[];
  claims: ClaimWords;
}

export interface Modality {
  /** A prohibition: "mag … niet", "must not", "^ do not". */
  mustNot: string[];
  /** Advice against: "wordt afgeraden", "should not", "sollte … nicht". */
  shouldNot: string[];
  /** "Is not needed": the opposite of a requirement, kept as level `may` ("hoeft … niet", "muss … nicht"). */
  notNeeded: string[];
  /**
   * "Cannot": a prohibition only when addressed to the reader (second person) or said of an act
   * (passive: "kan niet … worden geïnstalleerd"); otherwise a description of what software does.
   */
  cannot: string[];
  must: string[];
  should: string[];
  may: string[];
  /** Negative imperatives at the start of a main clause ("No instale", "Installieren Sie … nicht"). */
  prohibitive: RegExp[];
  /** Second-person words and passive auxiliaries: what turns "cannot" into a prohibition. */
  reader: string[];
  passive: string[];
  /**
   * Impersonal subjects that address the reader like "you" ("man kann", "men kan", "se puede"): what makes
   * a "can" an option. Without the list, every passive auxiliary counts ("kan … worden geïnstalleerd").
   */
  impersonal?: string[];
  /** Negation words: a procedure step with one of them in its main clause is a prohibition. */
  negators: string[];
  /** Words after which a negation restricts a phrase, not the verb ("niet alleen", "nicht von Microsoft"). */
  restrictors: string[];
  /** Verbs whose imperative opens an instruction ("Installeer", "Klicken", "Instale"): the sentence is a `must`. */
  imperatives: string[];
  /** Instruction forms a word list cannot hold ("Geben Sie … ein", Dutch "geeft u … op", Italian infinitives). */
  instructions: RegExp[];
  /** Words that cannot open an imperative (articles, pronouns, prepositions): a procedure step opening with one describes. */
  openers: string[];
  /** "Probably": a hedged "cannot" is a consequence, not a prohibition. */
  hedges: string[];
  /** Words after a negation that limit a phrase instead of negating the modal ("niet alleen", "nicht nur", "not only"). */
  limiters?: string[];
  /** Others than the reader ("aanvaller", "attacker"): what they must or can do is a description. */
  thirdParties: string[];
  /** The language drops subject pronouns ("Puede utilizar …"): a clause-initial modal addresses the reader. */
  proDrop: boolean;
  /**
   * A modal that predicts rather than asks ("sollte … keine Probleme verursachen", "should … look like"):
   * in the main clause it makes the sentence a description.
   */
  expectations?: string[];
  /** Cross-references ("voor meer informatie", "for more information", "finden Sie"): a pointer requires nothing. */
  pointers?: string[];
  /** Prepositions of a fronted instrument ("Met MOM kunt u …", "With X you can"): what follows is a product's capability. */
  instruments?: string[];
}

export interface ClauseWords {
  /** Open a subordinate clause wherever they stand: if, when, because, als, wenn, si, se. */
  subordinators: string[];
  /** Open a subordinate clause anywhere but as the sentence's first word ("die", "that": also demonstratives). */
  relativizers: string[];
  /** Subordinators that double as prepositions (Dutch "als": if / as): open a clause only at a chunk's start or before a subject word. */
  ambiguous: string[];
  /** Open a subordinate clause only right after a comma (German "der", "die": also articles). */
  afterComma: string[];
  /** A chunk opening with one of these ("…, dan moet u") makes the chunk before it a condition ("Doet u dit toch, dan …"). */
  then: string[];
  /** Main-clause verbs whose complement states the content ("note that", "zorg ervoor dat"): it is read as main clause. */
  transparent: string[];
  /** Concessive subordinators ("hoewel", "although"): advice against in their clause carries over ("…, hoewel dit niet wordt aangeraden"). */
  concessive?: string[];
  /** A finite verb that, opening a chunk, makes it a condition (German "Sollte … nicht verfügbar sein, …" = if). */
  inversion?: string[];
  /** Words that turn a preceding negation into a contrast ("nicht X, sondern Y"): the negation no longer negates the modal. */
  contrast?: string[];
  /**
   * Relative clauses keep their verb next to the relativizer (Romance, not Dutch or German): a
   * relative clause on the sentence's subject ends where modal wording begins after its own verb
   * ("Os clientes que já instalaram a atualização | não precisam …").
   */
  subjectRelativeEnds?: boolean;
}

const GAP = 12;

type Word = { text: string; stem: boolean; any: boolean } | 'gap';
interface Compiled {
  words: Word[];
  anchored: boolean;
}

export type Outcome = 'must-not' | 'should-not' | 'not-needed' | 'cannot' | 'must' | 'should' | 'may';
/** Strongest first: when a main clause matches several, the first listed wins. */
export const OUTCOMES: readonly Outcome[] = ['must-not', 'should-not', 'not-needed', 'cannot', 'must', 'should', 'may'];

export interface Entry {
  pattern: Compiled;
  rank: number;
}

export interface CompiledLexicon {
  language: string;
  source: Lexicon;
  /** Patterns by their first word, so a sentence is scanned once, not once per pattern. */
  byFirstWord: Map<string, Entry[]>;
  /** Patterns whose first word is a stem (`kein*`) or any word: few, tried on every token. */
  byStem: Entry[];
  reader: Set<string>;
  passive: Set<string>;
  impersonal: Set<string>;
  negators: Set<string>;
  restrictors: Set<string>;
  imperatives: Set<string>;
  openers: Set<string>;
  hedges: Set<string>;
  thirdParties: Set<string>;
  subordinators: Set<string>;
  relativizers: Set<string>;
  /** First words of subordinators of several words. */
  phraseStarts: Set<string>;
  /** Words any of this language's modal patterns or imperatives starts with: a cheap test whether to read a sentence with it. */
  cues: Set<string>;
  afterComma: Set<string>;
  ambiguous: Set<string>;
  /** Conjunctions ("en", "maar", "and"): the claim words' coordinators. */
  coordinators: Set<string>;
  /** Function words (subject words, subordinators): a cheap test whether a sentence is in this language at all. */
  functionWords: Set<string>;
  then: Set<string>;
  /** Transparent-verb patterns by their first word. */
  transparent: Map<string, Entry[]>;
  actions: Set<string>;
  /** Expectation and pointer patterns by their first word (see `Modality`). */
  expectations: Map<string, Entry[]>;
  pointers: Map<string, Entry[]>;
  instruments: Set<string>;
  concessive: Set<string>;
  inversion: Set<string>;
  contrast: Set<string>;
  limiters: Set<string>;
  /** Modal words that are patterns on their own ("moet", "kunt", "vereist"): a gap does not run past another modal. */
  modalWords: Set<string>;
}

export function compilePattern(p: string): Compiled {
  const parts = p.toLowerCase().split(/\s+/).filter(Boolean);
  const anchored = parts[0] === '^';
  return {
    anchored,
    words: parts
      .slice(anchored ? 1 : 0)
      .map((w): Word => (w === '…' || w === '...' ? 'gap' : { text: w.replace(/\*$/, ''), stem: w.endsWith('*'), any: w === '_' })),
  };
}

function index(entries: Entry[]): { byFirstWord: Map<string, Entry[]>; byStem: Entry[] } {
  const byFirstWord = new Map<string, Entry[]>();
  const byStem: Entry[] = [];
  for (const e of entries) {
    const first = e.pattern.words[0];
    if (!first || first === 'gap') continue;
    if (first.stem || first.any) byStem.push(e);
    else byFirstWord.set(first.text, [...(byFirstWord.get(first.text) ?? []), e]);
  }
  return { byFirstWord, byStem };
}

const patternsByFirstWord = (patterns: string[]) => index(patterns.map((p) => ({ pattern: compilePattern(p), rank: 0 }))).byFirstWord;

export function compileLexicon(lex: Lexicon): CompiledLexicon {
  const m = lex.modality;
  const lists: Record<Outcome, string[]> = {
    'must-not': m.mustNot, 'should-not': m.shouldNot, 'not-needed': m.notNeeded, cannot: m.cannot, must: m.must, should: m.should, may: m.may,
  };
  const entries = OUTCOMES.flatMap((o, rank) => lists[o].map((p) => ({ pattern: compilePattern(p), rank })));
  const lower = (words: string[]) => new Set(words.map((w) => w.toLowerCase()));
  return {
    language: lex.language,
    source: lex,
    ...index(entries),
    reader: lower(m.reader),
    passive: lower(m.passive),
    impersonal: lower(m.impersonal ?? m.passive),
    negators: lower(m.negators),
    restrictors: lower(m.restrictors),
    imperatives: lower(m.imperatives),
    openers: lower(m.openers),
    hedges: lower(m.hedges),
    thirdParties: lower(m.thirdParties),
    subordinators: lower(lex.clauses.subordinators),
    relativizers: lower(lex.clauses.relativizers),
    afterComma: lower(lex.clauses.afterComma),
    ambiguous: lower(lex.clauses.ambiguous),
    coordinators: lower(lex.claims.coordinators),
    functionWords: lower([...m.openers, ...m.reader, ...lex.clauses.subordinators, ...lex.clauses.relativizers].filter((w) => !w.includes(' '))),
    then: lower(lex.clauses.then),
    phraseStarts: new Set(lex.clauses.subordinators.filter((w) => w.includes(' ')).map((w) => w.split(' ')[0]!.toLowerCase())),
    cues: new Set([
      ...OUTCOMES.flatMap((o) => lists[o]).map((p) => p.toLowerCase().replace(/^\^\s*/, '').split(/\s+/)[0]!.replace(/\*$/, '')),
      ...lower(m.imperatives),
    ]),
    transparent: patternsByFirstWord(lex.clauses.transparent),
    actions: lower(lex.actions),
    expectations: patternsByFirstWord(m.expectations ?? []),
    pointers: patternsByFirstWord(m.pointers ?? []),
    instruments: lower(m.instruments ?? []),
    concessive: lower(lex.clauses.concessive ?? []),
    inversion: lower(lex.clauses.inversion ?? []),
    contrast: lower(lex.clauses.contrast ?? []),
    limiters: lower(m.limiters ?? []),
    modalWords: new Set([...m.must, ...m.should, ...m.may].filter((p) => !/[\s*]/.test(p)).map((p) => p.toLowerCase())),
  };
}

/** Lower-case word tokens of a sentence (letters with diacritics, digits, apostrophes). */
export function tokenize(sentence: string): string[] {
  // Explicit Latin, Greek and Cyrillic ranges: a non-Unicode regex is several times faster here.
  return sentence.toLowerCase().match(WORD) ?? [];
}

export const WORD = /[0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff][0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff'’]*/g;

function wordMatches(w: { text: string; stem: boolean; any: boolean }, token: string): boolean {
  return w.any || (w.stem ? token.startsWith(w.text) : token === w.text);
}

/**
 * Where a pattern matches from token `t` on, as the matched token indices (gaps as -1), or
 * undefined. Only tokens `usable` allows take part. The word after a gap is taken at its first
 * occurrence within GAP tokens and never retried, so the work per start token is bounded.
 */
export function matchAt(pattern: Compiled, tokens: string[], t: number, usable: (i: number) => boolean, stops?: Set<string>): number[] | undefined {
  const hit: number[] = [];
  let p = 0;
  let i = t;
  while (p < pattern.words.length) {
    const w = pattern.words[p]!;
    if (w === 'gap') {
      const next = pattern.words[p + 1];
      if (!next || next === 'gap') return hit;
      let found = -1;
      for (let k = i; k < Math.min(tokens.length, i + GAP + 1); k++) {
        if (usable(k) && wordMatches(next, tokens[k]!)) {
          found = k;
          break;
        }
        // "moet u … installeren en kunt u geen …": the negation belongs to the nearer modal.
        if (stops && usable(k) && stops.has(tokens[k]!)) break;
      }
      if (found < 0) return undefined;
      hit.push(-1, found);
      i = found + 1;
      p += 2;
      continue;
    }
    // Words of a run stand next to each other: the first must be usable, the rest may run on into
    // a clause opener that is part of the phrase ("tiene que", "need to").
    if (i >= tokens.length || !wordMatches(w, tokens[i]!) || (p === 0 && !usable(i))) return undefined;
    hit.push(i);
    i++;
    p++;
  }
  return hit;
}

export interface Match {
  outcome: Outcome;
  /** The matched words, gaps as `…`: "mag … niet". */
  trigger: string;
  /** Token indices of the matched words. */
  at: number[];
}

/**
 * The strongest modal wording among the usable tokens: one pass over the tokens. A match whose
 * words include all of a stronger match's words is more specific and wins ("may not be able" over
 * "may not", "kan het nodig zijn" over "nodig"). `clauseStart(i)` says whether token i opens a main
 * clause (for `^` patterns); outcomes in `skip` are not tried; `accept` may refuse a match.
 */
export function strongestMatch(
  tokens: string[],
  lex: CompiledLexicon,
  usable: (i: number) => boolean,
  clauseStart: (i: number) => boolean,
  skip: ReadonlySet<Outcome> = NO_SKIP,
  accept: (outcome: Outcome, hit: number[]) => boolean = () => true,
): Match | undefined {
  const found: { rank: number; hit: number[] }[] = [];
  const tryEntry = (e: Entry, i: number) => {
    if (skip.has(OUTCOMES[e.rank]!)) return;
    if (e.pattern.anchored && !clauseStart(i)) return;
    const hit = matchAt(e.pattern, tokens, i, usable, lex.modalWords);
    if (hit && accept(OUTCOMES[e.rank]!, hit)) found.push({ rank: e.rank, hit });
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!usable(i)) continue;
    for (const e of lex.byFirstWord.get(tokens[i]!) ?? NONE) tryEntry(e, i);
    for (const e of lex.byStem) tryEntry(e, i);
  }
  if (found.length === 0) return undefined;
  let best = found[0]!;
  for (const f of found) if (f.rank < best.rank) best = f;
  const words = (f: { hit: number[] }) => f.hit.filter((i) => i >= 0);
  // A more specific match holds the best one's first word; so do all matches more specific still.
  const first = words(best)[0]!;
  const candidates = found.filter((f) => f.hit.includes(first));
  for (let more = true; more; ) {
    more = false;
    const own = words(best);
    for (const f of candidates) {
      const theirs = words(f);
      if (theirs.length > own.length && own.every((i) => theirs.includes(i))) {
        best = f;
        more = true;
        break;
      }
    }
  }
  return { outcome: OUTCOMES[best.rank]!, trigger: triggerText(tokens, best.hit), at: words(best) };
}

/** Whether any of the patterns matches among the usable tokens. */
export function anyMatch(patterns: Map<string, Entry[]>, tokens: string[], usable: (i: number) => boolean): boolean {
  if (patterns.size === 0) return false;
  for (let i = 0; i < tokens.length; i++) {
    if (!usable(i)) continue;
    for (const e of patterns.get(tokens[i]!) ?? NONE) if (matchAt(e.pattern, tokens, i, usable)) return true;
  }
  return false;
}

const NO_SKIP: ReadonlySet<Outcome> = new Set();

export function triggerText(tokens: string[], hit: number[]): string {
  return hit.map((i) => (i < 0 ? '…' : tokens[i]!)).join(' ');
}

const NONE: Entry[] = [];
