import type { Block, CodeSample, Document, Section, SourcePos } from '../parse/types.js';
import { claimsOf, methodsIn } from './claims.js';
import { orderClaims, parseCommand } from './command.js';
import { quoteHash, slug } from './ids.js';
import type { CompiledClaimWords } from './claim-words.js';
import type { CompiledLexicon } from './lexicon.js';
import { claimWordsFor, lexiconsFor } from './lexicons/index.js';
import { sentenceModality } from './modality.js';
import { splitSentences } from './sentences.js';
import type { Claim, ClaimKind, Form, Level, Method, Requirement, Scope } from './types.js';

/** Which claim names a requirement in its id, most telling first. */
const ID_KEY_ORDER: ClaimKind[] = [
  'command', 'privilege', 'port', 'network', 'integrity', 'restart', 'builtin', 'install', 'activation', 'order', 'method', 'os',
];

export interface ExtractOptions {
  /** The locale to read the document in (BCP 47, e.g. `nl-NL`). */
  locale: string;
  /** The document's id (its `ms:assetid`). */
  doc: string;
}

/** Short, stable prefix of a document id: the first block of a GUID, else the id itself as a slug. */
export function docPrefix(doc: string): string {
  return /^[0-9a-f]{8}-/i.test(doc) ? doc.slice(0, 8).toLowerCase() : slug(doc, 32);
}

/** The single install method a heading or title names, if it names exactly one. */
function methodOfTitle(title: string | undefined, words: CompiledClaimWords): Method | undefined {
  if (!title) return undefined;
  const methods = methodsIn(title, words);
  return methods.length === 1 ? methods[0] : undefined;
}

export function extractRequirements(document: Document, options: ExtractOptions): Requirement[] {
  return new Extractor(document, options).run();
}

class Extractor {
  private readonly lexicons: CompiledLexicon[];
  private readonly words: CompiledClaimWords;
  private readonly out: Requirement[] = [];
  private readonly ordinals = new Map<string, number>();
  private readonly prefix: string;

  constructor(
    private readonly document: Document,
    private readonly options: ExtractOptions,
  ) {
    this.lexicons = lexiconsFor(options.locale);
    this.words = claimWordsFor(options.locale);
    this.prefix = docPrefix(options.doc);
  }

  run(): Requirement[] {
    this.section(this.document.root, [], {});
    return this.out;
  }

  private section(section: Section, path: number[], inherited: Scope): void {
    const scope: Scope = { ...inherited };
    const method = methodOfTitle(section.title, this.words);
    if (method) scope.method = method;
    const unit = { section: section.title, slug: slug(section.title || 'intro'), path: path.join('.') || '0', counter: 0 };
    for (const block of section.blocks) this.block(block, unit, scope, false);
    section.children.forEach((child, i) => this.section(child, [...path, i + 1], scope));
  }

  private block(block: Block, unit: Unit, scope: Scope, isStep: boolean): void {
    switch (block.type) {
      case 'text':
        this.prose(block.text, block.pos, unit, scope, isStep);
        return;
      case 'callout':
        for (const p of block.paragraphs) this.prose(p.text, p.pos, unit, scope, false);
        return;
      case 'code':
        this.code(block, unit, scope);
        return;
      case 'list':
        for (const item of block.items) {
          this.prose(item.text, item.pos, unit, scope, false);
          for (const b of item.blocks) this.block(b, unit, scope, false);
        }
        return;
      case 'procedure': {
        const stepScope: Scope = { ...scope };
        const method = methodOfTitle(block.title, this.words);
        if (method) stepScope.method = method;
        for (const step of block.steps) {
          this.prose(step.text, step.pos, unit, stepScope, true);
          for (const b of step.blocks) this.block(b, unit, stepScope, false);
        }
        return;
      }
    }
  }

  /** Sentences of one run of prose; "deze poorten" and an OS named in the sentence before carry over. */
  private prose(text: string, pos: SourcePos, unit: Unit, scope: Scope, isStep: boolean): void {
    if (!text) return;
    const blockIndex = unit.counter++;
    let previousPorts: number[] = [];
    let carriedOs: Scope['os'];
    let previousPhase: Scope['phase'];
    splitSentences(text).forEach((sentence, k) => {
      const modality = sentenceModality(sentence.text, this.lexicons, isStep);
      const { level } = modality;
      const claims = claimsOf(sentence.text, modality.notNeeded, { previousPorts }, this.words).map((c) => (level === 'must' ? required(c) : c));
      const sequence = installThenActivate(sentence.text) ?? (level !== 'info' && level !== 'may' ? stepOrder(sentence.text, this.words) : undefined);
      if (sequence) claims.push(sequence);
      const port = claims.find((c) => c.kind === 'port');
      if (port?.kind === 'port') previousPorts = port.ports;

      const own: Scope = { ...scope };
      const os = claims.find((c) => c.kind === 'os' && c.bound !== 'only');
      if (os?.kind === 'os') own.os = { bound: os.bound, version: os.version, name: os.name };
      else if (carriedOs) own.os = carriedOs;
      carriedOs = own.os !== scope.os ? own.os : carriedOs;
      const phase = claims.some((c) => c.kind === 'activation') ? 'activation' : claims.some((c) => c.kind === 'install') ? 'install' : undefined;
      if (!phase && previousPhase) own.phase = previousPhase;
      previousPhase = phase;

      if (level === 'info' && claims.length === 0) return;
      // A UI step ("Klik op OK") is an action; one whose claims constrain the result is state.
      const form: Form = modality.uiAction && claims.every((c) => c.kind === 'method' || c.kind === 'os') ? 'action' : 'state';
      this.emit(sentence.text, claims, level, own, pos, unit, `${unit.path}/${blockIndex}/${k}`, { form, trigger: modality.trigger });
    });
  }

  private code(sample: CodeSample, unit: Unit, scope: Scope): void {
    const blockIndex = unit.counter++;
    const commands = sample.lines.map(parseCommand).filter((c): c is Extract<Claim, { kind: 'command' }> => c !== undefined);
    if (commands.length === 0) return;
    const claims: Claim[] = [...commands, ...orderClaims(commands.flatMap((c) => c.msi))];
    if (commands.some((c) => /^reallysuppress$/i.test(c.properties.REBOOT ?? ''))) claims.push({ kind: 'restart', value: 'suppressed' });
    this.emit(sample.text, claims, 'info', scope, sample.pos, unit, `${unit.path}/${blockIndex}/0`, { form: 'state', trigger: undefined });
  }

  private emit(quote: string, claims: Claim[], level: Level, scope: Scope, pos: SourcePos, unit: Unit, place: string, how: { form: Form; trigger: string | undefined }): void {
    const key = ID_KEY_ORDER.find((k) => claims.some((c) => c.kind === k)) ?? level;
    const base = `${this.prefix}/${unit.slug}/${key}`;
    const n = (this.ordinals.get(base) ?? 0) + 1;
    this.ordinals.set(base, n);
    this.out.push({
      id: n === 1 ? base : `${base}-${n}`,
      doc: this.options.doc,
      locale: this.options.locale,
      section: unit.section,
      level,
      ...(how.trigger ? { trigger: how.trigger } : {}),
      form: how.form,
      scope: cleanScope(scope),
      claims,
      quote,
      source: { file: pos.file, line: pos.line, column: pos.column },
      hash: quoteHash(quote),
      place,
    });
  }
}

/** In a "must" sentence, installing or activating that is mentioned is required. */
function required(c: Claim): Claim {
  if ((c.kind === 'install' || c.kind === 'activation') && c.value === 'mentioned') return { ...c, value: 'required' };
  return c;
}

const THEN = '(?:en vervolgens|en daarna|vervolgens|daarna|and then|then|und anschließend|anschließend|und dann|danach|y luego|y después|e poi|e quindi|e depois|e em seguida)';
const INSTALL_THEN_ACTIVATE = new RegExp(`(install|geïnstalleerd|installier|instal)[^.]{0,80}?\\b${THEN}\\b[^.]{0,40}?(activ|aktiv|attiv|ativ)`, 'i');

/** "installeren en vervolgens activeren" → install before activation. */
function installThenActivate(sentence: string): Claim | undefined {
  return INSTALL_THEN_ACTIVATE.test(sentence) ? { kind: 'order', first: 'install', then: 'activation' } : undefined;
}

const STEP_WORDS = 4;
const stepName = (text: string) =>
  slug(
    (text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, STEP_WORDS).join(' '),
    48,
  );

/**
 * "Test … before you deploy …", "Do not provision … until you have completed …": the order of the
 * main clause's step and the subordinate clause's. Steps are named by their first words.
 */
function stepOrder(sentence: string, words: CompiledClaimWords): Claim | undefined {
  const before = words.orderBefore.exec(sentence);
  const after = before ? undefined : words.orderAfter.exec(sentence);
  const at = before ?? after;
  if (!at || at.index === 0) return undefined;
  const main = stepName(sentence.slice(0, at.index));
  const clause = stepName(sentence.slice(at.index + at[0].length).split(/[,;:]/)[0] ?? '');
  if (!main || !clause) return undefined;
  return before ? { kind: 'order', first: main, then: clause } : { kind: 'order', first: clause, then: main };
}

interface Unit {
  section: string;
  slug: string;
  path: string;
  counter: number;
}

function cleanScope(scope: Scope): Scope {
  const out: Scope = {};
  if (scope.method) out.method = scope.method;
  if (scope.os) out.os = scope.os;
  if (scope.phase) out.phase = scope.phase;
  return out;
}
