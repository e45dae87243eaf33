/** Where something stands in a source file (1-based line and column). */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

export type CalloutKind = 'note' | 'important' | 'caution' | 'tip' | 'warning';
export type CalloutForm = 'image-table' | 'docfx' | 'html-table' | 'image-label';

export interface Diagnostic {
  severity: 'warning' | 'error';
  code: string;
  message: string;
  pos: SourcePos;
}

export interface DocMeta {
  title?: string;
  tocTitle?: string;
  assetId?: string;
  contentKeyId?: string;
  url?: string;
  /** BCP 47 locale from the URL path, e.g. `nl-NL`. */
  locale?: string;
  /** Topic id from the URL, e.g. `Cc720266`. */
  topicId?: string;
  /** Topic version from the URL, e.g. `WS.10`. */
  topicVersion?: string;
  author?: string;
  msAuthor?: string;
}

export type LinkKind = 'article' | 'library' | 'external' | 'anchor' | 'relative';

export interface Link {
  kind: LinkKind;
  url: string;
  text: string;
  /** For `article` links: the target's `ms:assetid`. */
  assetId?: string;
  pos: SourcePos;
}

/** A run of prose: a paragraph, a list item's text, a table cell row or a callout body. */
export interface TextBlock {
  type: 'text';
  text: string;
  pos: SourcePos;
}

export interface Callout {
  type: 'callout';
  kind: CalloutKind;
  /** The label as written in the document's language ("Opmerking", "Hinweis", …). */
  label: string;
  form: CalloutForm;
  text: string;
  /** The body split into its paragraphs, each with its own position. */
  paragraphs: TextBlock[];
  pos: SourcePos;
}

export interface CodeSample {
  type: 'code';
  form: 'inline' | 'fenced' | 'indented';
  lang?: string;
  lines: string[];
  text: string;
  pos: SourcePos;
}

export interface ListItem {
  text: string;
  pos: SourcePos;
  /** Nested bullets and further prose of the item. */
  blocks: Block[];
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: ListItem[];
  pos: SourcePos;
}

export interface Procedure {
  type: 'procedure';
  /** The bold title or preceding heading the steps stand under, when there is one. */
  title?: string;
  steps: ListItem[];
  pos: SourcePos;
}

export type Block = TextBlock | Callout | CodeSample | ListBlock | Procedure;

export interface Section {
  title: string;
  /** 0 for the document root; ATX/setext depth; bold pseudo-headings one below their parent. */
  depth: number;
  headingForm: 'root' | 'atx' | 'setext' | 'bold';
  pos: SourcePos;
  blocks: Block[];
  children: Section[];
}

export interface Document {
  file: string;
  meta: DocMeta;
  /** Front matter as parsed (values are plain data, never code). */
  frontMatter: Record<string, unknown>;
  root: Section;
  links: Link[];
  diagnostics: Diagnostic[];
  /** Byte length of the source, for throughput figures. */
  bytes: number;
}
