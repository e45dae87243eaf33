import type { Blockquote, Code, List, ListItem as MdListItem, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { KblintError } from '../errors.js';
import { calloutKindOfImage, calloutKindOfMarker, cleanLabel, DOCFX_MARKER } from './callout.js';
import { parseFrontMatter } from './frontmatter.js';
import { htmlCallout, htmlTableRows } from './html.js';
import { stripComments } from './html-scan.js';
import { checkMarkdownLimits, checkTreeDepth } from './limits.js';
import { classifyLink } from './links.js';
import { readMeta } from './meta.js';
import { decodeSource, MAX_ARTICLE_BYTES } from './source.js';
import { readInputFile } from '../util/files.js';
import { htmlText, inlineText, normalizeText } from './text.js';
import type {
  Block,
  Callout,
  CodeSample,
  Diagnostic,
  Document,
  ListItem,
  Procedure,
  Section,
  SourcePos,
  TextBlock,
} from './types.js';

/**
 * Only the GFM extension the articles need: pipe tables (callouts are written as tables).
 * Autolink literals, strikethrough and task lists would cost parse time for nothing.
 */
function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkGfmTable);

/** Parse markdown (front matter already blanked out) into an mdast tree. */
export function parseMarkdown(body: string): Root {
  return processor.parse(body);
}

export async function parseFile(path: string, name = path): Promise<Document> {
  const bytes = await readInputFile(path, { what: 'a markdown article', display: name, maxBytes: MAX_ARTICLE_BYTES });
  return parseBytes(bytes, name);
}

export function parseBytes(bytes: Uint8Array, name: string): Document {
  const { text, warnings } = decodeSource(bytes, name);
  const doc = parseString(text, name);
  for (const message of warnings) doc.diagnostics.unshift(warning(name, 1, 'encoding', message));
  doc.bytes = bytes.length;
  return doc;
}

/** Parse an article given as text; `name` is used in positions and messages. */
export function parseString(text: string, name: string): Document {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    throw new KblintError('empty', 'file has no content; expected a TechNet article (front matter and markdown)', { file: name });
  }
  const fm = parseFrontMatter(text, name);
  const diagnostics: Diagnostic[] = fm.warnings.map((w) => warning(name, w.line, 'front-matter', w.message));
  if (fm.line === undefined) diagnostics.push(warning(name, 1, 'no-front-matter', 'no front matter; title and asset id are unknown'));
  checkMarkdownLimits(fm.body, name);
  const tree = parseMarkdown(fm.body);
  checkTreeDepth(tree, name);
  const builder = new DocumentBuilder(name, fm.body, diagnostics);
  builder.readRoot(tree);
  const meta = readMeta(fm.data);
  if (meta.title === undefined) {
    const first = builder.root.children[0];
    if (first) meta.title = first.title;
  }
  return {
    file: name,
    meta,
    frontMatter: fm.data,
    root: builder.root,
    links: builder.links(tree),
    diagnostics,
    bytes: Buffer.byteLength(text),
  };
}

function warning(file: string, line: number, code: string, message: string): Diagnostic {
  return { severity: 'warning', code, message, pos: { file, line, column: 1 } };
}

const EMPTY_TEXT = /^\s*$/;

class DocumentBuilder {
  readonly root: Section;
  private readonly stack: Section[];

  constructor(
    private readonly file: string,
    private readonly src: string,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.root = { title: '', depth: 0, headingForm: 'root', pos: { file, line: 1, column: 1 }, blocks: [], children: [] };
    this.stack = [this.root];
  }

  private pos(node: Nodes): SourcePos {
    const start = node.position?.start;
    return { file: this.file, line: start?.line ?? 1, column: start?.column ?? 1 };
  }

  private get current(): Section {
    return this.stack[this.stack.length - 1]!;
  }

  private open(title: string, depth: number, headingForm: Section['headingForm'], node: Nodes): void {
    const section: Section = { title, depth, headingForm, pos: this.pos(node), blocks: [], children: [] };
    this.current.children.push(section);
    this.stack.push(section);
  }

  readRoot(tree: Root): void {
    const nodes = tree.children;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.type === 'heading') {
        const title = normalizeText(toString(node));
        if (title === '') continue; // `###  ` separators in the corpus carry no section
        while (this.stack.length > 1 && this.current.depth >= node.depth) this.stack.pop();
        const setext = (node.position?.end.line ?? 0) > (node.position?.start.line ?? 0);
        this.open(title, node.depth, setext ? 'setext' : 'atx', node);
        continue;
      }
      if (node.type === 'paragraph' && isBoldOnly(node)) {
        while (this.stack.length > 1 && this.current.headingForm === 'bold') this.stack.pop();
        this.open(inlineText(node), this.current.depth + 1, 'bold', node);
        continue;
      }
      i += this.readNode(nodes, i, this.current.blocks, this.current.headingForm === 'root' ? undefined : this.current.title);
    }
  }

  /** Read `nodes[i]` into `out`; returns how many following siblings it consumed as well. */
  private readNode(nodes: RootContent[], i: number, out: Block[], context: string | undefined): number {
    const node = nodes[i]!;
    switch (node.type) {
      case 'paragraph':
        return this.readParagraph(node, nodes[i + 1], out);
      case 'heading':
        out.push(this.text(node, inlineText(node)));
        return 0;
      case 'table':
        this.readTable(node, out);
        return 0;
      case 'html':
        this.readHtml(node, out);
        return 0;
      case 'blockquote':
        this.readBlockquote(node, out, context);
        return 0;
      case 'list':
        out.push(node.ordered ? this.procedure(node, out, context) : { type: 'list', ordered: false, items: this.items(node), pos: this.pos(node) });
        return 0;
      case 'code':
        out.push(this.fenced(node));
        return 0;
      default:
        return 0;
    }
  }

  private readBlocks(nodes: RootContent[], out: Block[], context: string | undefined): Block[] {
    for (let i = 0; i < nodes.length; i++) i += this.readNode(nodes, i, out, context);
    return out;
  }

  private text(node: Nodes, text: string): TextBlock {
    return { type: 'text', text, pos: this.pos(node) };
  }

  private readParagraph(node: Paragraph, next: RootContent | undefined, out: Block[]): number {
    const imageCallout = this.imageLabelCallout(node, next);
    if (imageCallout) {
      out.push(imageCallout.callout);
      return imageCallout.consumed;
    }
    if (isCodeOnly(node)) {
      const lines = node.children.filter((c) => c.type === 'inlineCode').map((c) => (c as { value: string }).value);
      const prev = out[out.length - 1];
      if (prev?.type === 'code' && prev.form === 'inline') {
        prev.lines.push(...lines);
        prev.text = prev.lines.join('\n');
      } else {
        out.push({ type: 'code', form: 'inline', lines, text: lines.join('\n'), pos: this.pos(node) });
      }
      return 0;
    }
    const text = inlineText(node);
    if (text !== '') out.push(this.text(node, text));
    return 0;
  }

  /** `![](…note….gif) **Hinweis:**` followed by the body, in the same or the next paragraph. */
  private imageLabelCallout(node: Paragraph, next: RootContent | undefined): { callout: Callout; consumed: number } | undefined {
    const children = node.children.filter((c) => !(c.type === 'text' && EMPTY_TEXT.test(c.value)));
    const first = children[0];
    if (first?.type !== 'image') return undefined;
    const kind = calloutKindOfImage(first.url);
    if (!kind) return undefined;
    const rest = children.slice(1);
    let label = '';
    let bodyNodes = rest;
    if (rest[0]?.type === 'strong') {
      label = cleanLabel(inlineText(rest[0]));
      bodyNodes = rest.slice(1);
    } else if (rest[0]?.type === 'text') {
      const m = /^\s*([^\s:]+):?\s*/.exec(rest[0].value);
      label = cleanLabel(m?.[1] ?? '');
      bodyNodes = [{ ...rest[0], value: rest[0].value.slice(m?.[0].length ?? 0) }, ...rest.slice(1)];
    }
    const bodyText = normalizeText(bodyNodes.map((n) => inlineText(n)).join(' '));
    const paragraphs: TextBlock[] = [];
    let consumed = 0;
    if (bodyText !== '') {
      paragraphs.push(this.text(node, bodyText));
    } else if (next?.type === 'paragraph') {
      paragraphs.push(this.text(next, inlineText(next)));
      consumed = 1;
    }
    const callout: Callout = {
      type: 'callout',
      kind,
      label,
      form: 'image-label',
      text: paragraphs.map((p) => p.text).join('\n'),
      paragraphs,
      pos: this.pos(node),
    };
    return { callout, consumed };
  }

  private readTable(node: Table, out: Block[]): void {
    const header = node.children[0];
    const headCell = header?.children[0];
    const image = headCell?.children.find((c) => c.type === 'image');
    const kind = image?.type === 'image' ? calloutKindOfImage(image.url) : undefined;
    if (kind && header!.children.length === 1 && headCell) {
      const paragraphs = node.children
        .slice(1)
        .map((row) => this.text(row, normalizeText(row.children.map((c) => inlineText(c)).join(' '))))
        .filter((p) => p.text !== '');
      out.push({
        type: 'callout',
        kind,
        label: cleanLabel(inlineText(headCell)),
        form: 'image-table',
        text: paragraphs.map((p) => p.text).join('\n'),
        paragraphs,
        pos: this.pos(node),
      });
      return;
    }
    // An ordinary table: every cell is prose of its own (requirements tables say "Vereist" per cell).
    for (const row of node.children) {
      for (const cell of row.children) {
        const text = inlineText(cell);
        if (text !== '') out.push(this.text(cell, text));
      }
    }
  }

  private readHtml(node: Nodes & { type: 'html' }, out: Block[]): void {
    const base = this.pos(node);
    const rows = htmlTableRows(node.value);
    const at = (lineOffset: number): SourcePos => ({ file: this.file, line: base.line + lineOffset, column: lineOffset === 0 ? base.column : 1 });
    if (rows.length === 0) {
      const text = inlineTextOfHtml(node.value);
      if (text !== '') out.push({ type: 'text', text, pos: base });
      return;
    }
    const callout = htmlCallout(rows);
    if (callout) {
      const paragraphs = callout.body.filter((c) => c.text !== '').map((c): TextBlock => ({ type: 'text', text: c.text, pos: at(c.lineOffset) }));
      out.push({
        type: 'callout',
        kind: callout.kind,
        label: callout.label,
        form: 'html-table',
        text: paragraphs.map((p) => p.text).join('\n'),
        paragraphs,
        pos: at(callout.lineOffset),
      });
      return;
    }
    for (const row of rows) for (const cell of row) if (cell.text !== '') out.push({ type: 'text', text: cell.text, pos: at(cell.lineOffset) });
  }

  private readBlockquote(node: Blockquote, out: Block[], context: string | undefined): void {
    const first = node.children[0];
    const head = first?.type === 'paragraph' ? first.children[0] : undefined;
    const marker = head?.type === 'text' ? DOCFX_MARKER.exec(head.value) : null;
    if (!marker || first?.type !== 'paragraph' || head?.type !== 'text') {
      this.readBlocks(node.children, out, context);
      return;
    }
    const stripped: Paragraph = { ...first, children: [{ ...head, value: head.value.slice(marker[0].length) }, ...first.children.slice(1)] };
    const inner = this.readBlocks([stripped, ...node.children.slice(1)], [], context);
    const paragraphs = inner.filter((b): b is TextBlock => b.type === 'text');
    out.push({
      type: 'callout',
      kind: calloutKindOfMarker(marker[1]!),
      label: marker[1]!,
      form: 'docfx',
      text: paragraphs.map((p) => p.text).join('\n'),
      paragraphs,
      pos: this.pos(node),
    });
    // Code or lists inside an alert still count as the section's content.
    out.push(...inner.filter((b) => b.type !== 'text'));
  }

  private items(list: List): ListItem[] {
    return list.children.map((item: MdListItem) => {
      const [first, ...rest] = item.children;
      const lead = first?.type === 'paragraph' && !isCodeOnly(first) && !this.isImageCallout(first) ? first : undefined;
      const text = lead ? inlineText(lead) : '';
      const blocks = this.readBlocks(lead ? rest : item.children, [], text || undefined);
      return { text, pos: this.pos(item), blocks };
    });
  }

  private isImageCallout(p: Paragraph): boolean {
    const first = p.children.find((c) => !(c.type === 'text' && EMPTY_TEXT.test(c.value)));
    return first?.type === 'image' && calloutKindOfImage(first.url) !== undefined;
  }

  private procedure(list: List, out: Block[], context: string | undefined): Procedure {
    const prev = out[out.length - 1];
    const title = prev?.type === 'text' && /[:：]$/.test(prev.text) ? prev.text.replace(/[:：]$/, '') : context;
    const procedure: Procedure = { type: 'procedure', steps: this.items(list), pos: this.pos(list) };
    if (title) procedure.title = title;
    return procedure;
  }

  private fenced(node: Code): CodeSample {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    const opener = this.src.slice(start, start + 3);
    const form = opener === '```' || opener === '~~~' ? 'fenced' : 'indented';
    if (form === 'fenced' && !endsWithFence(this.src.slice(start + 3, end))) {
      this.diagnostics.push({
        severity: 'warning',
        code: 'unclosed-fence',
        message: 'code fence is never closed; the code block runs to the end of its container',
        pos: this.pos(node),
      });
    }
    const sample: CodeSample = { type: 'code', form, lines: node.value.split('\n'), text: node.value, pos: this.pos(node) };
    if (node.lang) sample.lang = node.lang;
    return sample;
  }

  links(tree: Root): Document['links'] {
    const links: Document['links'] = [];
    visit(tree, 'link', (node) => {
      const cls = classifyLink(node.url);
      const link: Document['links'][number] = { kind: cls.kind, url: node.url, text: inlineText(node), pos: this.pos(node) };
      if (cls.assetId) link.assetId = cls.assetId;
      links.push(link);
    });
    return links;
  }
}

/** A paragraph made only of one bold run: the corpus's pseudo-heading ("**Windows Update gebruiken**"). */
function isBoldOnly(p: Paragraph): boolean {
  const children = p.children.filter((c) => !(c.type === 'text' && EMPTY_TEXT.test(c.value)));
  return children.length === 1 && children[0]!.type === 'strong' && inlineText(children[0]!) !== '';
}

/** A paragraph of inline code lines only (one command per line, hard breaks between them). */
function isCodeOnly(p: Paragraph): boolean {
  let code = 0;
  for (const c of p.children) {
    if (c.type === 'inlineCode') code++;
    else if (c.type === 'break') continue;
    else if (c.type === 'text' && EMPTY_TEXT.test(c.value)) continue;
    else return false;
  }
  return code > 0;
}

/** Whether a code block's source ends with a closing fence (and blanks); a scan, never a backtracking regex. */
function endsWithFence(src: string): boolean {
  let end = src.length;
  while (end > 0 && (src[end - 1] === ' ' || src[end - 1] === '\t')) end--;
  const fence = src.slice(end - 3, end);
  return end >= 3 && (fence === '```' || fence === '~~~');
}

function inlineTextOfHtml(html: string): string {
  // Comments and layout-only HTML (`<span id>`, `<br />`) carry no prose.
  return htmlText(stripComments(html));
}
