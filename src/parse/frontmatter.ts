import matter from 'gray-matter';
import YAML from 'yaml';
import { KblintError } from '../errors.js';

/** Front matter of a TechNet article is a handful of keys; a larger block is not front matter. */
const MAX_FRONT_MATTER_CHARS = 64 * 1024;
/** How far down the opener may stand (BOMs, blank lines and stray text precede it in the corpus). */
const OPENER_SEARCH_LINES = 3;

export interface FrontMatterResult {
  data: Record<string, unknown>;
  /** The body with the front matter lines blanked out, so that body positions are file positions. */
  body: string;
  /** 1-based line of the opening `---`, or undefined when there is none. */
  line: number | undefined;
  warnings: { line: number; message: string }[];
}

const refuseCode = (lang: string) => (): never => {
  throw new KblintError(
    'code-front-matter',
    `front matter in '${lang}' is code; kblint reads data only (expected YAML front matter opened by '---')`,
  );
};

/**
 * gray-matter engines: YAML through the `yaml` package (alias limit, no code), and every
 * code-running language refused. Passing an options object also turns gray-matter's cache off.
 */
function engines(onYaml: (src: string) => Record<string, unknown>): matter.GrayMatterOption<string, never>['engines'] {
  return {
    yaml: { parse: onYaml, stringify: () => '' },
    js: { parse: refuseCode('js'), stringify: () => '' },
    javascript: { parse: refuseCode('javascript'), stringify: () => '' },
    coffee: { parse: refuseCode('coffee'), stringify: () => '' },
    coffeescript: { parse: refuseCode('coffeescript'), stringify: () => '' },
  } as unknown as matter.GrayMatterOption<string, never>['engines'];
}

interface Located {
  openLine: number; // 0-based
  closeLine: number; // 0-based
  lang: string;
  strayPrefix: string;
  /** The character after a closing `---`, when there is one. */
  straySuffix: string;
}

const OPENER = /^[ \t]*---([A-Za-z]*)[ \t]*$/;
const GLUED_OPENER = /^(.*\S)---[ \t]*$/;
const CLOSER = /^(---|\.\.\.)[ \t]*$/;
/** A real article closes its front matter with `---` and one stray character after it. */
const STRAY_CLOSER = /^---([^-\r\n])[ \t]*$/u;
const KEY_LINE = /^[ \t]*[A-Za-z][\w.:-]*[ \t]*:/;

function locate(lines: string[]): Located | undefined {
  for (let i = 0; i < Math.min(lines.length, OPENER_SEARCH_LINES); i++) {
    const line = lines[i] ?? '';
    const open = OPENER.exec(line);
    let strayPrefix = '';
    if (!open) {
      // One real article begins with a line of text that runs into its opener ("…sites---").
      const glued = GLUED_OPENER.exec(line);
      if (!glued || !KEY_LINE.test(lines[i + 1] ?? '')) {
        if (line.trim() === '') continue;
        return undefined;
      }
      strayPrefix = glued[1] ?? '';
    }
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (CLOSER.test(line)) return { openLine: i, closeLine: j, lang: open?.[1] ?? '', strayPrefix, straySuffix: '' };
      const stray = STRAY_CLOSER.exec(line);
      if (stray) return { openLine: i, closeLine: j, lang: open?.[1] ?? '', strayPrefix, straySuffix: stray[1]! };
    }
    throw new KblintError('unclosed-front-matter', `front matter opened here is never closed; expected a line '---'`, {
      line: i + 1,
      column: 1,
    });
  }
  return undefined;
}

export function parseFrontMatter(text: string, file: string): FrontMatterResult {
  const lines = text.split(/\r?\n/);
  let found: Located | undefined;
  try {
    found = locate(lines);
  } catch (e) {
    if (e instanceof KblintError) throw new KblintError(e.code, e.message, { file, line: e.line, column: e.column });
    throw e;
  }
  if (!found) return { data: {}, body: text, line: undefined, warnings: [] };

  const warnings: FrontMatterResult['warnings'] = [];
  const firstDataLine = found.openLine + 2; // 1-based line of the first key
  if (found.strayPrefix) {
    warnings.push({
      line: found.openLine + 1,
      message: `text before the front matter is not part of the article: '${truncate(found.strayPrefix, 40)}'`,
    });
  }
  if (found.straySuffix) {
    warnings.push({
      line: found.closeLine + 1,
      message: `front matter is closed by '---' followed by a stray ${JSON.stringify(found.straySuffix)}; read as '---'`,
    });
  }
  const inner = lines.slice(found.openLine + 1, found.closeLine).join('\n');
  if (inner.length > MAX_FRONT_MATTER_CHARS) {
    throw new KblintError('front-matter-too-large', `front matter is ${inner.length} characters; expected a few keys`, {
      file,
      line: found.openLine + 1,
    });
  }

  // gray-matter hands the engine the text after the opener, starting with that line's newline.
  const parseYaml = (src: string): Record<string, unknown> => readYamlMapping(src, file, firstDataLine - 1, warnings);
  let data: Record<string, unknown>;
  try {
    const parsed = matter(`---${found.lang}\n${inner}\n---\n`, { engines: engines(parseYaml), language: 'yaml' });
    data = parsed.data as Record<string, unknown>;
  } catch (e) {
    if (e instanceof KblintError) {
      throw new KblintError(e.code, e.message, { file, line: e.line ?? found.openLine + 1, column: e.column });
    }
    const message = e instanceof Error ? e.message : String(e);
    throw new KblintError('front-matter', `front matter: ${message}; expected YAML opened by '---'`, {
      file,
      line: found.openLine + 1,
    });
  }
  // Blank the front matter out line for line so every later position is a position in the file.
  const body = '\n'.repeat(found.closeLine + 1) + lines.slice(found.closeLine + 1).join('\n');
  return { data, body, line: found.openLine + 1, warnings };
}

function readYamlMapping(
  src: string,
  file: string,
  firstLine: number,
  warnings: FrontMatterResult['warnings'],
): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseYamlStrict(src);
  } catch (first) {
    // Real nl-nl and it-it articles have a no-break space after `author:`; YAML rejects that.
    if (!src.includes('\u00a0')) throw toPositioned(first, file, firstLine);
    try {
      value = parseYamlStrict(src.replace(/:\u00a0/g, ': ').replace(/\u00a0/g, ' '));
    } catch {
      throw toPositioned(first, file, firstLine);
    }
    const at = src.split('\n').findIndex((l) => l.includes('\u00a0'));
    warnings.push({ line: firstLine + Math.max(0, at), message: 'front matter has a no-break space where YAML expects a space; read as a space' });
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new KblintError('front-matter', `front matter must be a mapping of keys to values; got ${Array.isArray(value) ? 'a list' : typeof value}`, {
      file,
      line: firstLine,
    });
  }
  return value as Record<string, unknown>;
}

function parseYamlStrict(src: string): unknown {
  return YAML.parse(src, { maxAliasCount: 100, uniqueKeys: true, prettyErrors: true, merge: false });
}

function toPositioned(e: unknown, file: string, firstLine: number): KblintError {
  if (e instanceof YAML.YAMLError) {
    const pos = e.linePos?.[0];
    const firstLineOfMessage = e.message.split('\n')[0] ?? e.message;
    return new KblintError('front-matter', `front matter is not valid YAML: ${firstLineOfMessage.replace(/ at line \d+, column \d+:?$/, '')}`, {
      file,
      line: pos ? firstLine + pos.line - 1 : firstLine,
      column: pos?.col,
    });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new KblintError('front-matter', `front matter is not valid YAML: ${message}`, { file, line: firstLine });
}

function truncate(s: string, n: number): string {
  return s.length > n ? `…${s.slice(-n)}` : s;
}
