import { KblintError } from '../errors.js';

/**
 * Bounds on markdown shapes that no article has and that make the markdown parser (micromark)
 * quadratic or overflow the stack further on: thousands of nested `>` or list markers on a line,
 * a run of thousands of `*` (emphasis nested that deep), thousands of emphasis runs or brackets in
 * one paragraph. The real corpus stays far below each (at most 2 nested containers, 371 emphasis
 * runs and 476 brackets in a paragraph). Checked on the source before it is parsed, in one pass.
 */
export const LIMITS = {
  /** Block quotes and list items opened on one line; list items nested by indentation over lines. */
  nesting: 32,
  /** Length of one `*`/`_` run that can open or close emphasis. */
  emphasisRun: 64,
  /** Emphasis runs (`*`, `_`) that can close, in one paragraph. */
  emphasisRuns: 2000,
  /** `[` and `]` in one paragraph. */
  brackets: 2000,
} as const;

const CONTAINER = /[ \t]{0,3}(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/y;
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Throws a `KblintError` at the first line that passes a limit. */
export function checkMarkdownLimits(body: string, file: string): void {
  let line = 0;
  let runs = 0;
  let brackets = 0;
  let from = 0;
  const lists = new ListNesting();
  while (from <= body.length) {
    line++;
    const nl = body.indexOf('\n', from);
    const end = nl === -1 ? body.length : nl;
    const text = body.slice(from, end);
    const breakLine = THEMATIC_BREAK.test(text);
    const depth = breakLine ? 0 : containerDepth(text);
    if (depth > LIMITS.nesting) {
      throw new KblintError('too-deep', `more than ${LIMITS.nesting} nested block quotes or list items on one line; kblint reads at most ${LIMITS.nesting}`, { file, line, column: 1 });
    }
    // Lists nested by indentation, one level a line: the parser takes seconds on a few hundred
    // levels before the tree depth check could see them, so they are counted here.
    const item = breakLine ? undefined : lists.add(text);
    if (item !== undefined && lists.depth > LIMITS.nesting) {
      throw new KblintError('too-deep', `list items nested more than ${LIMITS.nesting} levels deep; kblint reads at most ${LIMITS.nesting}`, { file, line, column: item + 1 });
    }
    if (isBlank(text)) {
      runs = 0;
      brackets = 0;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '[' || c === ']') {
        if (++brackets > LIMITS.brackets) {
          throw new KblintError('too-complex', `more than ${LIMITS.brackets} brackets in one paragraph; kblint reads at most ${LIMITS.brackets}`, { file, line, column: i + 1 });
        }
      } else if (c === '*' || c === '_') {
        let j = i;
        while (j < text.length && text[j] === c) j++;
        const flanking = !isSpace(text[i - 1]) || !isSpace(text[j]);
        if (flanking && j - i > LIMITS.emphasisRun) {
          throw new KblintError('too-deep', `a run of ${j - i} '${c}' nests emphasis ${j - i} deep; kblint reads at most ${LIMITS.emphasisRun}`, { file, line, column: i + 1 });
        }
        // Only a run that can close emphasis makes the parser look back for an opener.
        if (!isSpace(text[i - 1]) && ++runs > LIMITS.emphasisRuns) {
          throw new KblintError('too-complex', `more than ${LIMITS.emphasisRuns} emphasis markers in one paragraph; kblint reads at most ${LIMITS.emphasisRuns}`, { file, line, column: i + 1 });
        }
        i = j - 1;
      }
    }
    if (nl === -1) break;
    from = nl + 1;
  }
}

const LIST_MARKER = /(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$)/y;

/**
 * Open list items by the column their content starts at, as CommonMark nests them: an item is
 * inside every open item whose content starts at or before its marker. Linear: each line pushes
 * at most one item and pops what it closes. Lazy continuation lines may close items early, so
 * this can only count too few levels (then the tree depth check stands), never too many.
 */
class ListNesting {
  private readonly content: number[] = [];

  get depth(): number {
    return this.content.length;
  }

  /** Takes the next line; returns the index in it of a list marker that opens an item. */
  add(text: string): number | undefined {
    let column = 0;
    let i = 0;
    for (; i < text.length && (text[i] === ' ' || text[i] === '\t'); i++) column = text[i] === '\t' ? column + 4 - (column % 4) : column + 1;
    if (i >= text.length || text[i] === '\r') return undefined;
    const open = this.content;
    while (open.length && open[open.length - 1]! > column) open.pop();
    LIST_MARKER.lastIndex = i;
    // Four columns past the enclosing content is indented code, not an item.
    if (column >= (open[open.length - 1] ?? 0) + 4 || !LIST_MARKER.test(text)) return undefined;
    let j = LIST_MARKER.lastIndex;
    let spaces = 0;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t') && spaces < 5) {
      spaces++;
      j++;
    }
    const width = LIST_MARKER.lastIndex - i;
    open.push(column + width + (spaces === 0 || spaces > 4 ? 1 : spaces));
    return i;
  }
}

function containerDepth(text: string): number {
  let depth = 0;
  CONTAINER.lastIndex = 0;
  // Counting stops past the limit, so a refused line costs no more than an accepted one.
  while (depth <= LIMITS.nesting && CONTAINER.exec(text)) depth++;
  return depth;
}

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\r';
}

/** A line that ends a paragraph: blank, or only block quote markers. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '>') return false;
  }
  return true;
}

/** How deep the parsed tree may be (lists nested by indentation over many lines reach here). */
export const MAX_TREE_DEPTH = 64;

interface TreeNode {
  children?: TreeNode[];
  position?: { start: { line: number; column: number } };
}

/** Throws a `KblintError` at the first node nested deeper than `MAX_TREE_DEPTH`; iterative, so it cannot overflow. */
export function checkTreeDepth(root: TreeNode, file: string): void {
  const stack: [TreeNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_TREE_DEPTH) {
      const at = node.position?.start;
      throw new KblintError('too-deep', `content nested more than ${MAX_TREE_DEPTH} levels deep; kblint reads at most ${MAX_TREE_DEPTH}`, { file, ...(at ? { line: at.line, column: at.column } : {}) });
    }
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
}
