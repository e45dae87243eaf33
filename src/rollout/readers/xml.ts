import { createRequire } from 'node:module';
import type * as FastXmlParser from 'fast-xml-parser';

/** fast-xml-parser's one-file CommonJS build, loaded when a file is read as XML (not at every start). */
const require = createRequire(import.meta.url);
const fxp = () => require('fast-xml-parser') as typeof FastXmlParser;
import { KblintError } from '../../errors.js';
import { snippet } from './text.js';

/** Elements that may occur once or many times and are always read as lists. */
const LISTS = new Set(['LinksTo', 'Extension', 'MsiApplication', 'BackupInst', 'ComputerConfig', 'UserConfig', 'GPO']);

/** Deeper nesting than any GPO report or backup manifest has; refused before the parser recurses into it. */
const MAX_DEPTH = 200;

/**
 * XML of a Windows artifact as data. It must be well formed (fast-xml-parser's validator, with the
 * line and column of the first problem): a truncated, empty or non-XML file is an error, never an
 * empty result. A DOCTYPE (entity expansion) is refused, never processed. `root` names the element
 * the document must have at its top (`GPO`, `Backups`, `PolicyRules`, …).
 */
export function parseXml(text: string, file: string, root?: string | string[]): Record<string, unknown> {
  if (text.trim() === '') throw new KblintError('bad-xml', 'empty file; expected XML', { file, line: 1, column: 1 });
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    const line = lineAt(text, doctype.index);
    throw new KblintError('xml-doctype', 'XML with a DOCTYPE is refused (entity expansion); GPO reports have none', { file, line });
  }
  const { XMLParser, XMLValidator } = fxp();
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    if (/^Invalid '\[/.test(msg)) {
      // The validator lists every open tag when the file ends early: say that plainly, at the end of the file.
      const lines = text.split('\n');
      throw new KblintError('bad-xml', 'not well-formed XML: the file ends before its elements are closed (truncated?)', { file, line: lines.length, column: lines[lines.length - 1]!.length + 1 });
    }
    throw new KblintError('bad-xml', `not well-formed XML: ${snippet(msg, 160)}`, { file, line, ...(col ? { column: col } : {}) });
  }
  // Well formed, so every comment and CDATA section closes: this scan is linear.
  checkDepth(text, file);
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, processEntities: false, parseTagValue: false, isArray: (name) => LISTS.has(name) });
  const doc = parser.parse(text) as Record<string, unknown>;
  if (root !== undefined) {
    const roots = Array.isArray(root) ? root : [root];
    const top = Object.keys(doc).find((k) => !k.startsWith('?'));
    if (!top || !roots.includes(top)) {
      throw new KblintError('bad-xml', `root element is <${snippet(top ?? '', 40)}>; expected <${roots.join('> or <')}>`, { file, line: 1 });
    }
  }
  return doc;
}

/** 1-based line of an offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Line starts of a text, so many offsets can be turned into lines without rescanning. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Refuse element nesting deeper than MAX_DEPTH (a linear scan), so no parser recursion can overflow the stack. */
function checkDepth(text: string, file: string): void {
  let depth = 0;
  const tags = /<(\/?)([A-Za-z_][^\s/<>]*)[^<>]*?(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g;
  for (let m = tags.exec(text); m; m = tags.exec(text)) {
    if (m[2] === undefined) continue;
    if (m[1]) depth--;
    else if (!m[3]) depth++;
    if (depth > MAX_DEPTH) throw new KblintError('bad-xml', `elements nested more than ${MAX_DEPTH} deep; a Windows policy file is not`, { file, line: lineAt(text, m.index) });
  }
}
