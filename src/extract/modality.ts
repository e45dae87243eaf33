import { anyMatch, matchAt, strongestMatch, WORD, type CompiledLexicon, type Match, type Outcome } from './lexicon.js';
import type { Level } from './types.js';

/**
 * The level of a sentence, decided from its main clause: parentheses and quoted labels are set
 * aside, then each comma-separated chunk is read word by word; a subordinator ("als", "if",
 * "wenn", "si") opens a subordinate clause that runs to the chunk's end, and what is left is the
 * main clause. Its modal wording, negation and addressee decide the level. Linear in the sentence.
 */
export interface SentenceModality {
  level: Level;
  /** The words that decided the level ("mag … niet"); absent for `info`. */
  trigger?: string;
  /** The main clause says something is not needed ("hoeft … niet"). */
  notNeeded: boolean;
  /** The main clause opens with a UI verb ("Klik", "Open"). */
  uiAction: boolean;
}

export interface Clauses {
  tokens: string[];
  /** Whether each token belongs to the main clause. */
  main: boolean[];
  /** Whether each token is the first main-clause token of its chunk. */
  start: boolean[];
  /** An if/when/because clause stands in the sentence: what the main clause says holds under a condition. */
  conditioned: boolean;
  /** Whether each token belongs to a concessive clause ("hoewel …", "although …"). */
  concession: boolean[];
}

/** Text inside (…), […] and quotation marks replaced by spaces: labels and asides, not the sentence's claim. */
export function setAside(raw: string): string {
  // Addresses are no words of the sentence ("go.microsoft.com").
  const text = raw.includes('://') || raw.includes('www.') ? raw.replace(URL, (u) => ' '.repeat(u.length)) : raw;
  if (!ASIDE.test(text)) return text;
  const out = text.split('');
  const open: number[] = [];
  let quote = -1;
  const CLOSE: Record<string, string> = { '“': '”', '„': '“', '«': '»', '"': '"' };
  let quoteClose = '';
  for (let i = 0; i < out.length; i++) {
    const c = out[i]!;
    if (quote >= 0) {
      if (c === quoteClose || (quoteClose === '“' && c === '”')) {
        for (let k = quote; k <= i; k++) out[k] = ' ';
        quote = -1;
      }
      continue;
    }
    if (c === '(' || c === '[') open.push(i);
    else if ((c === ')' || c === ']') && open.length > 0) {
      const from = open.pop()!;
      if (open.length === 0) for (let k = from; k <= i; k++) out[k] = ' ';
    } else if (open.length === 0 && c in CLOSE) {
      quote = i;
      quoteClose = CLOSE[c]!;
    }
  }
  return out.join('');
}

const LABEL = /^\s*[^\s:]+(?:\s+[^\s:]+){0,2}:\s+\p{Lu}/u;
const ASIDE = /[([“„«"]/;
const URL = /(?:https?:\/\/|www\.)[^\s)\]]*[^\s)\].,;:]/g;
const TOKEN_ANY_CASE = new RegExp(`${WORD.source}|[,;:]`, 'gi');

/** A sentence's words (asides set aside) and which of them follow a comma, semicolon or colon. */
export interface Chunks {
  tokens: string[];
  chunkStart: boolean[];
  /** Whether each token is written with a capital. */
  capital: boolean[];
}

export function chunks(text: string): Chunks {
  const tokens: string[] = [];
  const chunkStart: boolean[] = [];
  const capital: boolean[] = [];
  let pendingBreak = true;
  for (const t of setAside(text).match(TOKEN_ANY_CASE) ?? []) {
    if (t === ',' || t === ';' || t === ':') {
      pendingBreak = true;
      continue;
    }
    const lower = t.toLowerCase();
    tokens.push(lower);
    capital.push(lower !== t && t[0] !== lower[0]);
    chunkStart.push(pendingBreak);
    pendingBreak = false;
  }
  return { tokens, chunkStart, capital };
}

/** Which words of a sentence form its main clause, by one lexicon's clause words. */
export function mainClause(words: Chunks, lex: CompiledLexicon): Clauses {
  const { tokens, chunkStart } = words;
  // Subordinators that a transparent verb governs ("zorg ervoor dat") keep its complement in the main clause.
  const kept = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    for (const e of lex.transparent.get(tokens[i]!) ?? []) {
      const hit = matchAt(e.pattern, tokens, i, () => true);
      if (hit) for (const k of hit) if (k >= 0) kept.add(k);
    }
  }
  // "Doet u dit toch, dan …": the chunk before a chunk opening with "dan" is a condition.
  const condition = new Set<number>();
  for (let i = 1, chunkFirst = 0; i < tokens.length; i++) {
    if (!chunkStart[i]) continue;
    if (lex.then.has(tokens[i]!)) for (let k = chunkFirst; k < i; k++) condition.add(k);
    chunkFirst = i;
  }
  const main: boolean[] = new Array<boolean>(tokens.length).fill(false);
  const start: boolean[] = new Array<boolean>(tokens.length).fill(false);
  const concession: boolean[] = new Array<boolean>(tokens.length).fill(false);
  let sub = false;
  let concessive = false;
  let conditioned = false;
  let chunk = -1;
  let chunkHasMain = false;
  // Whether the previous chunk was subordinate from its first word ("Because …, and …").
  let chunkSub = false;
  let previousChunkSub = false;
  // Whether the sentence opens with its main clause.
  let openedMain = false;
  let chunkFirst = 0;
  // Where a relative clause on the chunk's subject opened ("I clienti che …"), or -1.
  let subjectRelative = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (chunkStart[i]) {
      chunk++;
      previousChunkSub = chunkSub;
      // A chunk opening with a conjunction continues the clause before it.
      sub = chunk > 0 && previousChunkSub && lex.coordinators.has(t);
      if (!sub) concessive = false;
      chunkHasMain = false;
      chunkFirst = i;
      subjectRelative = -1;
      if (chunk > 0 && lex.afterComma.has(t)) sub = true;
      if (lex.ambiguous.has(t)) sub = conditioned = true;
      // "Sollte X nicht verfügbar sein, …" opening the sentence, or after a main clause: a condition. After a
      // fronted condition ("Wenn …, sollten Sie …") the verb-first chunk is the main clause.
      if (lex.inversion.has(t) && (chunk === 0 || openedMain)) sub = conditioned = true;
    }
    if (sub && subjectRelative >= 0 && i > subjectRelative + 1 && opensModal(tokens, i, lex)) {
      sub = false;
      subjectRelative = -1;
    }
    if (!sub && !kept.has(i)) {
      if (lex.subordinators.has(t)) {
        sub = conditioned = true;
        concessive = lex.concessive.has(t);
      } else if (lex.ambiguous.has(t) && lex.reader.has(tokens[i + 1] ?? '')) sub = conditioned = true;
      else if (lex.ambiguous.has(t) && lex.openers.has(tokens[i + 1] ?? '')) sub = true;
      else if (i > 0 && lex.relativizers.has(t)) {
        sub = true;
        if (lex.source.clauses.subjectRelativeEnds && opensSubject(tokens, chunkFirst, i, lex)) subjectRelative = i;
      }
      else if (lex.phraseStarts.has(t)) {
        // Subordinators of several words: "so that", "antes de que".
        if (i + 1 < tokens.length && lex.subordinators.has(`${t} ${tokens[i + 1]}`)) sub = conditioned = true;
        else if (i + 2 < tokens.length && lex.subordinators.has(`${t} ${tokens[i + 1]} ${tokens[i + 2]}`)) sub = conditioned = true;
      }
    }
    if (chunkStart[i]) chunkSub = sub;
    if (chunk === 0 && !sub) openedMain = true;
    concession[i] = sub && concessive;
    if (condition.has(i)) {
      conditioned = true;
      continue;
    }
    // A negation written with a capital inside a sentence is a label ("auf Nicht definiert setzen", "click No").
    if (words.capital[i] && !chunkStart[i] && lex.negators.has(t)) continue;
    main[i] = !sub;
    // A conjunction opening a chunk ("…, maar u kunt …") is not where its clause starts.
    if (!sub && !chunkHasMain && !lex.coordinators.has(t)) {
      start[i] = true;
      chunkHasMain = true;
    }
  }
  return { tokens, main, start, conditioned, concession };
}

/**
 * The chunk opens with a noun phrase ("I clienti", "Todos os usuários") that runs up to the
 * relativizer at `rel`, and the relative clause has no subject of its own ("en que las claves …
 * se deben" keeps its modal): the relativizer is the subject of its verb.
 */
function opensSubject(tokens: string[], first: number, rel: number, lex: CompiledLexicon): boolean {
  const opener = lex.openers.has(tokens[first]!) || (lex.restrictors.has(tokens[first]!) && lex.openers.has(tokens[first + 1] ?? ''));
  return opener && rel - first <= SUBJECT_WORDS && !lex.openers.has(tokens[rel + 1] ?? '') && !lex.reader.has(tokens[rel + 1] ?? '');
}

/** How many words a subject may run to its relative clause ("Os clientes com Microsoft Office Excel 2007 ou … que"). */
const SUBJECT_WORDS = 14;

/** Does modal wording of the lexicon start at token i? */
function opensModal(tokens: string[], i: number, lex: CompiledLexicon): boolean {
  return (lex.byFirstWord.get(tokens[i]!) ?? []).some((e) => !e.pattern.anchored && matchAt(e.pattern, tokens, i, () => true) !== undefined);
}

/** A negative imperative at the start of a main chunk ("No instale …"), tried on its first words only. */
function prohibitive(c: Clauses, lex: CompiledLexicon): string | undefined {
  if (lex.source.modality.prohibitive.length === 0) return undefined;
  for (let i = 0; i < c.tokens.length; i++) {
    if (!c.start[i]) continue;
    const words: string[] = [];
    for (let k = i; k < c.tokens.length && words.length < 16 && c.main[k]; k++) words.push(c.tokens[k]!);
    const text = words.join(' ');
    for (const re of lex.source.modality.prohibitive) {
      const m = re.exec(text);
      if (m) {
        const hit = m[0].split(' ');
        return hit.length > 2 ? `${hit[0]} … ${hit[hit.length - 1]}` : m[0];
      }
    }
  }
  return undefined;
}

const result = (level: Level, trigger: string | undefined, uiAction: boolean, notNeeded = false): SentenceModality =>
  trigger ? { level, trigger, notNeeded, uiAction } : { level, notNeeded, uiAction };

/** An instruction: the first main-clause word is an imperative ("Installeer", "Instale") or an instruction form matches. */
function imperative(c: Clauses, lex: CompiledLexicon): string | undefined {
  for (let i = 0; i < c.tokens.length; i++) {
    if (!c.start[i]) continue;
    // "Wanneer …, start de client …": a verb followed by its subject is a statement (verb second), not an imperative.
    if (lex.imperatives.has(c.tokens[i]!) && (i === 0 || !lex.openers.has(c.tokens[i + 1] ?? ''))) return c.tokens[i]!;
    const words: string[] = [];
    for (let k = i; k < c.tokens.length && words.length < 6 && c.main[k]; k++) words.push(c.tokens[k]!);
    const text = words.join(' ');
    for (const re of lex.source.modality.instructions) {
      const m = re.exec(text);
      if (m) return m[0];
    }
  }
  return undefined;
}

/** How many words after an imperative its negation may stand ("Installeer de client niet …"). */
const NEGATION_REACH = 5;

const mainHas = (c: Clauses, words: Set<string>) => c.tokens.some((t, i) => c.main[i] && words.has(t));

/**
 * The level of one sentence read with a document's lexicons (its own language first, then
 * English): the first lexicon whose main clause has modal wording or an imperative decides.
 */
export function sentenceModality(text: string, documentLexicons: CompiledLexicon[], isStep: boolean): SentenceModality {
  // A question asks; it requires nothing.
  if (/\?\s*["'”»)*]*\s*$/.test(text)) return result('info', undefined, false);
  const words = chunks(text);
  const lexicons = inSentenceLanguage(documentLexicons, words.tokens);
  const first = lexicons[0];
  if (!first) return result('info', undefined, false);
  const own = mainClause(words, first);
  const at = own.start.indexOf(true);
  const uiAction = at >= 0 && lexicons.some((lex) => lex.actions.has(own.tokens[at]!));
  // A setting's name ("Network access: Do not allow …"): a short label, a colon, no sentence end.
  if (!isStep && LABEL.test(text) && !/[.!]\s*$/.test(text)) return result('info', undefined, uiAction);
  // A bare label ("Vereist", "Required"), such as a table header cell, is no sentence.
  if (!isStep && own.tokens.length <= 2 && !/[.!]\s*$/.test(text)) return result('info', undefined, uiAction);
  for (const lex of lexicons) {
    // Another language is consulted only for a sentence in it: one of its cues and another of its words.
    if (lex !== first && (!words.tokens.some((t) => lex.cues.has(t)) || words.tokens.filter((t) => lex.functionWords.has(t) || lex.cues.has(t)).length < 2)) continue;
    const c = lex === first ? own : mainClause(words, lex);
    // A cross-reference ("Zie … voor meer informatie") or an expectation ("sollte … keine Probleme verursachen") requires nothing.
    const inMain = (i: number) => c.main[i]!;
    if (anyMatch(lex.pointers, c.tokens, inMain) || anyMatch(lex.expectations, c.tokens, inMain)) return result('info', undefined, uiAction);
    const forbidden = prohibitive(c, lex);
    if (forbidden) return result('must-not', forbidden, uiAction);
    const verb = imperative(c, lex);
    const modal = modalOf(c, lex);
    if (verb && (!modal || modal.level === 'may' || modal.level === 'info')) {
      // "Download of open geen bestanden …": an imperative with a negation in its main clause forbids.
      const at = c.tokens.indexOf(verb.split(' ')[0]!);
      const k = c.tokens.findIndex((t, i) => c.main[i] && i > at && i - at <= NEGATION_REACH && lex.negators.has(t) && !lex.restrictors.has(c.tokens[i + 1] ?? ''));
      return k >= 0 ? result('must-not', `${verb} … ${c.tokens[k]}`, uiAction) : result('must', `${verb} (imperative)`, uiAction);
    }
    // "U kunt LocalSystem gebruiken, hoewel dit niet wordt aangeraden": the concession carries the advice.
    if (!modal || modal.level === 'may' || modal.level === 'info') {
      const advice = strongestMatch(c.tokens, lex, (i) => c.concession[i]!, () => false, NOT_ADVICE_AGAINST);
      if (advice) return result('should-not', advice.trigger, uiAction);
    }
    if (modal) return { ...modal, uiAction };
  }
  if (isStep) {
    // A procedure step is an instruction unless it opens like a description ("De client controleert …").
    if (at >= 0 && first.openers.has(own.tokens[at]!)) return result('info', undefined, uiAction);
    // "Op de server wordt de sleutel gedecodeerd": a passive step addressed to no one describes a process.
    if (mainHas(own, first.passive) && !mainHas(own, first.reader)) return result('info', undefined, uiAction);
    // Only a negation near the start negates the step ("Sluit … niet af"), not one in its description ("… zijn niet meer beschikbaar").
    const k = own.tokens.findIndex((t, i) => own.main[i] && i - at <= NEGATION_REACH && first.negators.has(t) && !first.restrictors.has(own.tokens[i + 1] ?? ''));
    if (k >= 0) return result('must-not', `${own.tokens[k]} (procedure step)`, uiAction);
    return result('must', 'procedure step', uiAction);
  }
  return result('info', undefined, uiAction);
}

/**
 * The document's lexicons, the sentence's own language first: an English sentence in a localized
 * article (more English function words than the article language's) is read as English first, so
 * that no other language's verb forms read it ("there" is no Italian infinitive).
 */
function inSentenceLanguage(lexicons: CompiledLexicon[], tokens: string[]): CompiledLexicon[] {
  if (lexicons.length < 2) return lexicons;
  const count = (lex: CompiledLexicon) => tokens.reduce((n, t) => n + (lex.functionWords.has(t) ? 1 : 0), 0);
  const [own, ...others] = lexicons;
  const ownCount = count(own!);
  const better = others.find((lex) => count(lex) > ownCount);
  return better ? [better, ...lexicons.filter((l) => l !== better)] : lexicons;
}

/**
 * Is the main clause addressed to the reader: "u", "you", "Sie", or (pro-drop) a clause-initial
 * modal? With `impersonal`, an impersonal subject ("man", "se") counts too.
 */
function addressed(m: Match, c: Clauses, lex: CompiledLexicon, impersonal: boolean): boolean {
  if (mainHas(c, lex.reader) || (impersonal && mainHas(c, lex.impersonal))) return true;
  return lex.source.modality.proDrop && c.start[m.at[0]!] === true;
}

const NOT_ADVICE_AGAINST: ReadonlySet<Outcome> = new Set<Outcome>(['must-not', 'not-needed', 'cannot', 'must', 'should', 'may']);
const NEGATIVE: ReadonlySet<Outcome> = new Set<Outcome>(['must-not', 'should-not', 'cannot']);

/**
 * Does a negation in a negative match limit a phrase rather than the modal: "niet alleen", "not
 * only", or a contrast that follows ("nicht als Einzeleinträge, sondern als Schlüssel")?
 */
function limitedNegation(outcome: Outcome, hit: number[], c: Clauses, lex: CompiledLexicon, lastContrast: number): boolean {
  if (!NEGATIVE.has(outcome)) return false;
  const k = hit.find((i) => i >= 0 && lex.negators.has(c.tokens[i]!));
  if (k === undefined) return false;
  return (lex.limiters.has(c.tokens[k + 1] ?? '') && !hit.includes(k + 1)) || lastContrast > k;
}

/**
 * The level the main clause's modal wording gives, or undefined when it has none. A match read as
 * a description ("the client cannot connect") yields to a weaker one elsewhere in the clause
 * ("…, you must install it … and you cannot add …"), never to one on the same words.
 */
function modalOf(c: Clauses, lex: CompiledLexicon): SentenceModality | undefined {
  const skip = new Set<Outcome>();
  const used = new Set<number>();
  let lastContrast = -1;
  if (lex.contrast.size > 0) for (let i = 0; i < c.tokens.length; i++) if (lex.contrast.has(c.tokens[i]!)) lastContrast = i;
  const accept = (o: Outcome, hit: number[]) => !limitedNegation(o, hit, c, lex, lastContrast) && !hit.some((i) => used.has(i));
  let demoted: SentenceModality | undefined;
  for (;;) {
    const m = strongestMatch(c.tokens, lex, (i) => c.main[i]!, (i) => c.start[i]!, skip, accept);
    if (!m) return demoted;
    const d = decide(m, c, lex);
    // Only a "cannot" addressed to the reader yields ("because …, you must … and you cannot …"); one said
    // of no one ("Esto se debe a no se pueden configurar …") makes the sentence a description.
    if (d.level !== 'info' || m.outcome !== 'cannot' || !addressed(m, c, lex, false)) return d;
    demoted = d;
    // What is left to find is an obligation or advice; a "kan" elsewhere would be the same description.
    skip.add('cannot').add('may');
    for (const i of m.at) used.add(i);
  }
}

function decide(m: Match, c: Clauses, lex: CompiledLexicon): SentenceModality {
  const describes = mainHas(c, lex.thirdParties);
  switch (m.outcome) {
    case 'not-needed':
      return result('may', m.trigger, false, true);
    case 'cannot':
      // "You cannot use X for Y": a prohibition; "the client cannot connect", "kan niet worden misbruikt": a description.
      // Under a condition ("Als deze fout zich voordoet, kunt u … niet") it is a consequence.
      return !describes && !c.conditioned && !mainHas(c, lex.hedges) && addressed(m, c, lex, false) ? result('must-not', m.trigger, false) : result('info', undefined, false);
    case 'may':
      // "U kunt …", "kan … worden geïnstalleerd": an option for the reader; "de server kan …": what software does,
      // and so does "Met MOM kunt u …" (what a product lets one do).
      return !describes && !lex.instruments.has(c.tokens[c.start.indexOf(true)] ?? '') && addressed(m, c, lex, true)
        ? result('may', m.trigger, false)
        : result('info', undefined, false);
    case 'must':
    case 'should':
      return describes ? result('info', undefined, false) : result(m.outcome, m.trigger, false);
    default:
      return result(m.outcome, m.trigger, false);
  }
}
