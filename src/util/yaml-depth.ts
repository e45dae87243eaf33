import { KblintError } from '../errors.js';

/**
 * How deep mappings and sequences may nest in a configuration file. A real manifest nests about 6
 * deep (groups → group → network → root → ports → port); the yaml parser overflows the stack near
 * 900, which used to surface as "Maximum call stack size exceeded".
 */
export const MAX_YAML_DEPTH = 64;

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * Throws a `KblintError` at the line and column where YAML (or JSON) nests deeper than
 * `MAX_YAML_DEPTH`, in one linear pass over the text before it is parsed. Block nesting is
 * counted by indentation (and `- - -` on one line), flow nesting by `[` and `{`; quoted scalars,
 * comments and block scalars (`|`, `>`) are skipped. The count is the parser's nesting give or
 * take one level (a scalar after `- `, a flow collection at a line's start), far below where the
 * parser overflows, so no real file comes near the limit.
 */
export function checkYamlDepth(text: string, file: string): void {
  const indents: number[] = [];
  let flow = 0;
  /** Inside a quoted scalar in flow context (it may span lines): its quote character. */
  let quote: string | undefined;
  /** Lines indented deeper than this belong to a block scalar. */
  let blockScalarParent: number | undefined;
  let line = 0;
  let from = 0;
  const fail = (column: number) => {
    throw new KblintError('too-deep', `mappings and lists nested more than ${MAX_YAML_DEPTH} levels deep; kblint reads at most ${MAX_YAML_DEPTH}`, { file, line, column });
  };
  while (from <= text.length) {
    line++;
    const nl = text.indexOf('\n', from);
    const end = nl === -1 ? text.length : nl;
    let i = from;
    while (i < end && text[i] === ' ') i++;
    const indent = i - from;
    const blank = i >= end || text[i] === '\r' || text[i] === '#';
    if (blockScalarParent !== undefined && (blank || indent > blockScalarParent)) {
      from = end + 1;
      if (nl === -1) break;
      continue;
    }
    blockScalarParent = undefined;
    let valueStart = true;
    if (flow === 0 && quote === undefined && !blank) {
      if (indent === 0 && (text.startsWith('---', i) || text.startsWith('...', i))) indents.length = 0;
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      if (indents.length > MAX_YAML_DEPTH) fail(indent + 1);
      // `- - - x`, `- key: v` and `? - x` open one collection per indicator that has more after it.
      while ((text[i] === '-' || text[i] === '?') && (i + 1 >= end || isSpace(text[i + 1]) || text[i + 1] === '\r')) {
        const indicator = i;
        i++;
        while (i < end && isSpace(text[i])) i++;
        if (i >= end || text[i] === '\r' || text[i] === '#') break;
        indents.push(i - from);
        if (indents.length > MAX_YAML_DEPTH) fail(indicator - from + 1);
      }
    }
    for (; i < end; i++) {
      const c = text[i]!;
      if (quote !== undefined) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) {
          quote = undefined;
          valueStart = false;
        }
        continue;
      }
      if (c === '#' && (i === from || isSpace(text[i - 1]))) break;
      if (isSpace(c) || c === '\r') continue;
      if ((c === '"' || c === "'") && valueStart) {
        quote = c;
        continue;
      }
      if ((c === '[' || c === '{') && (flow > 0 || valueStart)) {
        flow++;
        if (indents.length + flow > MAX_YAML_DEPTH) fail(i - from + 1);
        valueStart = true;
        continue;
      }
      if (flow > 0 && (c === ']' || c === '}')) {
        flow--;
        valueStart = false;
        continue;
      }
      if (flow > 0 && c === ',') {
        valueStart = true;
        continue;
      }
      if (c === ':' && (i + 1 >= end || isSpace(text[i + 1]) || text[i + 1] === '\r' || flow > 0)) {
        valueStart = true;
        continue;
      }
      if (flow === 0 && valueStart && (c === '|' || c === '>')) {
        // A block scalar: the lines indented deeper than this one are its text.
        blockScalarParent = indent;
        break;
      }
      valueStart = false;
    }
    // A quoted scalar left open at the end of a block line is a multi-line scalar: its lines are text.
    if (flow === 0 && quote !== undefined && nl === -1) quote = undefined;
    if (nl === -1) break;
    from = nl + 1;
  }
}
