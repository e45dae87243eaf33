import type { Block, Callout, CodeSample, Document, Procedure, Section } from './types.js';

/** Every section below (and including) `section`, depth first, in document order. */
export function* sections(section: Section): Generator<Section> {
  yield section;
  for (const child of section.children) yield* sections(child);
}

/** Every block, including those nested in list items and procedure steps, in document order. */
export function* blocks(items: Block[]): Generator<Block> {
  for (const block of items) {
    yield block;
    if (block.type === 'list') for (const item of block.items) yield* blocks(item.blocks);
    if (block.type === 'procedure') for (const step of block.steps) yield* blocks(step.blocks);
  }
}

export interface DocumentCounts {
  sections: number;
  callouts: Record<Callout['kind'], number>;
  procedures: number;
  codeSamples: number;
  articleLinks: number;
  externalLinks: number;
  warnings: number;
}

export function countDocument(doc: Document): DocumentCounts {
  const counts: DocumentCounts = {
    sections: 0,
    callouts: { note: 0, important: 0, caution: 0, tip: 0, warning: 0 },
    procedures: 0,
    codeSamples: 0,
    articleLinks: 0,
    externalLinks: 0,
    warnings: doc.diagnostics.filter((d) => d.severity === 'warning').length,
  };
  for (const section of sections(doc.root)) {
    if (section.headingForm !== 'root') counts.sections++;
    for (const block of blocks(section.blocks)) {
      if (block.type === 'callout') counts.callouts[block.kind]++;
      else if (block.type === 'procedure') counts.procedures++;
      else if (block.type === 'code') counts.codeSamples++;
    }
  }
  for (const link of doc.links) {
    if (link.kind === 'article') counts.articleLinks++;
    else if (link.kind === 'external' || link.kind === 'library') counts.externalLinks++;
  }
  return counts;
}

export function calloutsOf(doc: Document): Callout[] {
  return collect(doc, (b): b is Callout => b.type === 'callout');
}
export function proceduresOf(doc: Document): Procedure[] {
  return collect(doc, (b): b is Procedure => b.type === 'procedure');
}
export function codeOf(doc: Document): CodeSample[] {
  return collect(doc, (b): b is CodeSample => b.type === 'code');
}

function collect<T extends Block>(doc: Document, keep: (b: Block) => b is T): T[] {
  const found: T[] = [];
  for (const section of sections(doc.root)) for (const block of blocks(section.blocks)) if (keep(block)) found.push(block);
  return found;
}
