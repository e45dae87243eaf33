import { stripComments, type ScriptLanguage } from './script-text.js';
import { lineIndex } from './xml.js';

/**
 * Whether the hash and signature commands in an install script are integrity checks. A command
 * counts only when it runs (not in a comment, a string, an `echo` or a `set`) and its result
 * decides something: compared with an expected value in a conditional that stops the script or
 * gates the install, or its exit status acted on (`| findstr %H% || exit /b 1`, `if errorlevel 1
 * exit`). A hash that is computed and then ignored is no check, and is reported as such.
 */
export interface CheckEvidence {
  /** Line of the hash or signature command. */
  line: number;
  text: string;
  /** Line where its result decides (the conditional, `||` or `&&`); absent when nothing does. */
  decidedAt?: number;
  /** The install runs only when the check passes (it sits in the conditional's branch or after `&&`). */
  gatesInstall?: boolean;
  /** Why it is no check (result discarded, compared without consequence, …). */
  why?: string;
  /** A script kblint cannot read (`powershell -File verify.ps1`) whose failure stops the install. */
  external?: boolean;
}

/** How far a conditional's block is followed (cmd `( … )`, VBScript `If … End If`). */
const MAX_BLOCK_LINES = 100;
/** How many characters of a PowerShell condition or block are read (an unclosed one would run to the end). */
const MAX_SPAN = 4000;
/** How many variables holding a check's result are followed through assignments. */
const MAX_TAINTS = 200;

/** Which side of a conditional means the check passed: S (success, match), F (failure), or unclear. */
type Polarity = 'S' | 'F' | '?';

const STOP_BATCH = /(^|[\s(&|@])(exit|goto)\b/i;
const STOP_PS = /\b(exit|throw|return|break)\b|-ErrorAction\s+Stop\b/i;
const STOP_VBS = /\bwscript\.quit\b|\bexit\s+(sub|function)\b|\berr\.raise\b/i;

/** A hash or signature tool by its command line; `exit`: its exit status says whether the file verified. */
function batchTool(word: string, command: string): { name: string; exit: boolean } | undefined {
  const rest = command.toLowerCase();
  if (word === 'certutil' && /\s-hashfile\b/.test(rest)) return { name: 'certutil -hashfile', exit: false };
  if (word === 'signtool' && /\sverify\b/.test(rest)) return { name: 'signtool verify', exit: true };
  if (word === 'sigcheck' || word === 'sigcheck64') return { name: word, exit: false };
  if (word === 'fciv') return { name: 'fciv', exit: false };
  if (/^(sha256sum|sha1sum|sha512sum|md5sum)$/.test(word)) return { name: word, exit: /\s(-c|--check)\b/.test(rest) };
  return undefined;
}

const PS_CHECK = /\b(get-filehash|get-authenticodesignature|test-filecatalog|certutil(?:\.exe)?\s+-hashfile|signtool(?:\.exe)?\s+verify)\b/gi;

/** The program a batch statement runs: `@call "C:\x\certutil.exe" …` → `certutil`. */
function commandWord(statement: string): string {
  let s = statement.trim().replace(/^@/, '');
  for (;;) {
    const next = s
      .replace(/^call\s+/i, '')
      .replace(/^start\s+(?:"[^"]*"\s+)?(?:\/\w+\s+)*/i, '')
      .replace(/^cmd(?:\.exe)?\s+(?:\/[a-z]\S*\s+)*\/[ck]\s+/i, '')
      .replace(/^"(.*)"$/, '$1')
      .trimStart();
    if (next === s) break;
    s = next;
  }
  const first = /^"([^"]*)"|^(\S+)/.exec(s);
  const path = first?.[1] ?? first?.[2] ?? '';
  return path.split(/[\\/]/).pop()!.toLowerCase().replace(/\.(exe|com)$/, '');
}

/** The text after `call`, `start /wait`, `cmd /c`: what the statement runs. */
function commandText(statement: string): string {
  const word = commandWord(statement);
  const at = statement.toLowerCase().indexOf(word);
  return at === -1 ? statement : statement.slice(at);
}

interface Link {
  text: string;
  /** The operator after this statement. */
  op: '' | '|' | '||' | '&&' | '&';
}

/** A cmd line split into statements at `|`, `||`, `&&`, `&`, outside double quotes and `^` escapes (`2>&1` stays). */
function chain(line: string): Link[] {
  const out: Link[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '^' && i + 1 < line.length) {
      cur += line[++i];
      continue;
    } else if (!quoted && (c === '|' || c === '&') && !(c === '&' && line[i - 1] === '>')) {
      const two = line[i + 1] === c;
      out.push({ text: cur.trim(), op: (two ? `${c}${c}` : c) as Link['op'] });
      cur = '';
      if (two) i++;
      continue;
    }
    cur += c;
  }
  out.push({ text: cur.trim(), op: '' });
  return out.filter((l, i) => l.text !== '' || i === out.length - 1);
}

/**
 * `findstr /i /c:"%MSDRM_SHA256%"`: a filter that looks for the expected hash, named by a variable
 * or written out (32 hex digits or more). `findstr /v`, or a pattern that is no hash (`findstr
 * hash`), matches whatever the file is, so it decides nothing.
 */
function expectsHash(statement: string): boolean {
  if (!/^(findstr|find)$/.test(commandWord(statement))) return false;
  const args = commandText(statement).replace(/^\S+/, '');
  if (/(^|\s)\/v\b/i.test(args)) return false;
  return /%\w+(:[^%]*)?%|!\w+!|%%\w|\b[0-9a-f]{32,}\b/i.test(args);
}

/** Statements that only name text: `set X=…`, `echo …`, `title …`. */
const TEXT_ONLY = /^(set|echo|echo\.|title|rem|pause|color|prompt)$/;

/** `powershell -Command "…"` / `-EncodedCommand …`: the PowerShell code it runs, or the script file it runs. */
function powershellCode(statement: string): { code?: string; file?: string } {
  const args = commandText(statement).replace(/^\S+/, '');
  const file = /\s-f(?:i|il|ile)?\s+("[^"]+"|\S+)/i.exec(args);
  if (file) return { file: file[1]!.replace(/^"|"$/g, '') };
  const encoded = /\s-(?:e|ec|en|enc|enco|encod|encode|encoded|encodedc|encodedco|encodedcom|encodedcomm|encodedcomma|encodedcomman|encodedcommand)\s+([A-Za-z0-9+/=]+)/i.exec(args);
  if (encoded) return { code: Buffer.from(encoded[1]!, 'base64').toString('utf16le') };
  const command = /\s-(?:c|co|com|comm|comma|comman|command)\s+([\s\S]*)$/i.exec(args);
  if (command) return { code: command[1]!.trim().replace(/^"([\s\S]*)"$/, '$1').replace(/\\"/g, '"') };
  // `powershell "…"` or `powershell Get-FileHash …`: the rest is the command.
  const rest = args.replace(/(\s-(?:noprofile|nop|noninteractive|noni|nologo|executionpolicy\s+\S+|ep\s+\S+|windowstyle\s+\S+|w\s+\S+|sta|mta|inputformat\s+\S+|outputformat\s+\S+))+/gi, '').trim();
  return rest ? { code: rest.replace(/^"([\s\S]*)"$/, '$1') } : {};
}

/** What a statement run from cmd (or by `objShell.Run`) is, as far as integrity goes. */
interface Invocation {
  /** The tool, or `powershell` when embedded PowerShell checks. */
  tool: string;
  /** Its exit status says whether the file verified. */
  exit: boolean;
  /** The embedded PowerShell decides by gating the install itself. */
  gates?: boolean;
  /** No check: why (the embedded PowerShell computes a hash nothing compares). */
  why?: string;
  /** A script kblint cannot read. */
  external?: string;
}

function invocation(statement: string, isInstall: (s: string) => boolean): Invocation | undefined {
  const word = commandWord(statement);
  if (TEXT_ONLY.test(word) || word.startsWith('::')) return undefined;
  if (word === 'powershell' || word === 'pwsh') {
    const { code, file } = powershellCode(statement);
    if (file) return { tool: 'powershell -File', exit: true, external: file };
    if (!code) return undefined;
    const inner = powershellEvidence(stripComments(code, 'powershell'), isInstall);
    const decided = inner.find((e) => e.decidedAt !== undefined);
    if (decided) return { tool: 'powershell', exit: !decided.gatesInstall, ...(decided.gatesInstall ? { gates: true } : {}) };
    const inert = inner.find((e) => e.why);
    return inert ? { tool: 'powershell', exit: false, why: `the PowerShell it runs: ${inert.why}` } : undefined;
  }
  if (word === 'cscript' || word === 'wscript') {
    const file = /\s("[^"]+\.(?:vbs|vbe|js|jse|wsf)"|\S+\.(?:vbs|vbe|js|jse|wsf))\b/i.exec(statement)?.[1];
    return file ? { tool: word, exit: true, external: file.replace(/^"|"$/g, '') } : undefined;
  }
  if (/^call\s/i.test(statement.trim().replace(/^@/, '')) || /\.(cmd|bat)$/.test(word)) {
    const file = /("[^"]+\.(?:cmd|bat)"|\S+\.(?:cmd|bat))\b/i.exec(statement)?.[1];
    if (file && !/^call\s+:/i.test(statement.trim())) return { tool: 'call', exit: true, external: file.replace(/^"|"$/g, '') };
  }
  const tool = batchTool(word, commandText(statement));
  return tool ? { tool: tool.name, exit: tool.exit } : undefined;
}

// ───────────────────────────── cmd / batch ─────────────────────────────

const BATCH_IF = /^@?if\s+(\/i\s+)?(not\s+)?(?:(errorlevel)\s+(\d+)|(exist|defined|cmdextversion)\s+("[^"]*"|\S+)|("[^"]*"|[^\s=]+)\s*(==|\s(?:equ|neq|lss|leq|gtr|geq)\s)\s*("[^"]*"|\S+))\s*([\s\S]*)$/i;
const BATCH_FOR = /^@?for\s+\/f\b.*?\sin\s*\(\s*(['`])([\s\S]*?)\1\s*\)\s*do\s+([\s\S]*)$/i;
const BATCH_VAR = /%(\w+)(?::[^%]*)?%|!(\w+)(?::[^!]*)?!/g;

interface BatchIf {
  polarity: Polarity;
  errorlevel: boolean;
  vars: string[];
  compares: boolean;
  /** The consequence: the rest of the line, or the `( … )` block across lines. */
  consequence: string;
}

function batchIf(line: string, lines: string[], index: number): BatchIf | undefined {
  const m = BATCH_IF.exec(line.trim());
  if (!m) return undefined;
  const negated = Boolean(m[2]);
  const flip = (p: Polarity): Polarity => (!negated || p === '?' ? p : p === 'S' ? 'F' : 'S');
  let consequence = m[10] ?? '';
  if (consequence.startsWith('(')) consequence = parenBlock(lines, index, line.length - consequence.length);
  const vars = [...`${m[7] ?? ''} ${m[9] ?? ''}`.matchAll(BATCH_VAR)].map((v) => (v[1] ?? v[2]!).toLowerCase());
  // `if … ( … ) else ( … )`: either branch may act.
  if (/\)\s*else\b/i.test(consequence)) return { polarity: '?', errorlevel: Boolean(m[3]) || /^[%!]errorlevel[%!]$/i.test(m[7] ?? ''), vars, compares: Boolean(m[8]), consequence };
  if (m[3]) return { polarity: Number(m[4]) >= 1 ? flip('F') : '?', errorlevel: true, vars: [], compares: false, consequence };
  if (m[5]) return { polarity: '?', errorlevel: false, vars: [], compares: false, consequence };
  const left = m[7]!.replace(/"/g, '');
  const op = m[8]!.trim().toLowerCase();
  const right = m[9]!.replace(/"/g, '');
  if (/^[%!]errorlevel[%!]$/i.test(left)) {
    const zero = right === '0';
    const p: Polarity = (op === '==' || op === 'equ') && zero ? 'S' : (op === 'neq' && zero) || op === 'gtr' || (op === 'geq' && right !== '0') ? 'F' : '?';
    return { polarity: flip(p), errorlevel: true, vars: [], compares: true, consequence };
  }
  const p: Polarity = op === '==' || op === 'equ' ? 'S' : op === 'neq' ? 'F' : '?';
  return { polarity: flip(p), errorlevel: false, vars, compares: true, consequence };
}

/** From the `(` at `column` of line `index`, the text up to its matching `)`, across lines. */
function parenBlock(lines: string[], index: number, column: number): string {
  let depth = 0;
  let quoted = false;
  const out: string[] = [];
  // A block longer than this is no install script's `if`: bounded, so unclosed parentheses stay linear.
  for (let i = index; i < Math.min(lines.length, index + MAX_BLOCK_LINES); i++) {
    const line = lines[i]!;
    const from = i === index ? column : 0;
    for (let j = from; j < line.length; j++) {
      const c = line[j]!;
      if (c === '"') quoted = !quoted;
      if (quoted) continue;
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return [...out, line.slice(from)].join('\n');
    }
    out.push(line.slice(from));
    quoted = false;
  }
  return out.join('\n');
}

const decides = (polarity: Polarity, consequence: string, stop: RegExp, isInstall: (s: string) => boolean): { ok: boolean; gates: boolean } => {
  const stops = stop.test(consequence);
  const installs = isInstall(consequence);
  if (polarity === 'F') return { ok: stops, gates: false };
  if (polarity === 'S') return { ok: installs, gates: installs };
  return { ok: stops || installs, gates: installs && !stops };
};

function batchEvidence(code: string, isInstall: (s: string) => boolean): CheckEvidence[] {
  const lines = code.split('\n').map((l) => l.replace(/\r$/, ''));
  const found: CheckEvidence[] = [];
  const tainted = new Map<string, CheckEvidence>();
  /** A check whose exit status only the next command line can act on. */
  let pending: CheckEvidence | undefined;
  const external = new Map<CheckEvidence, string>();
  const noCheck = (e: CheckEvidence, why: string) => {
    if (e.decidedAt === undefined && !e.external) e.why ??= why;
  };

  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const lineNo = i + 1;
    const cond = batchIf(line, lines, i);
    if (pending) {
      const p = pending;
      pending = undefined;
      if (cond?.errorlevel) {
        const d = decides(cond.polarity, cond.consequence, STOP_BATCH, isInstall);
        if (d.ok) Object.assign(p, { decidedAt: lineNo, gatesInstall: d.gates });
        else noCheck(p, `the errorlevel test at line ${lineNo} neither stops the script nor gates the install`);
      } else noCheck(p, `its exit status is not tested (no || exit, && install or if errorlevel after it)`);
    }
    if (cond) {
      if (cond.compares && cond.vars.length) {
        for (const v of cond.vars) {
          const e = tainted.get(v);
          if (!e || e.decidedAt !== undefined) continue;
          const d = decides(cond.polarity, cond.consequence, STOP_BATCH, isInstall);
          if (d.ok) Object.assign(e, { decidedAt: lineNo, gatesInstall: d.gates });
          else e.why = `%${v}% is compared at line ${lineNo}, but the result neither stops the script nor gates the install`;
        }
      }
      return;
    }
    const loop = BATCH_FOR.exec(line);
    if (loop) {
      const inner = chain(loop[2]!.replace(/\^(.)/g, '$1'));
      const check = inner.map((l) => invocation(l.text, isInstall)).find((v) => v && !v.external);
      if (!check) return;
      const e: CheckEvidence = { line: lineNo, text: line, why: `the output of ${check.tool} is read by for /f but never compared with an expected value` };
      found.push(e);
      const loopVar = /%%?(\w)\s+in\s*\(/i.exec(line)?.[1];
      const body = loop[3]!;
      for (const set of body.matchAll(/\bset\s+"?(\w+)=[^"&]*%%?(\w)/gi)) if (set[2] === loopVar) tainted.set(set[1]!.toLowerCase(), e);
      const bodyIf = batchIf(body.replace(/^\(\s*/, ''), lines, i);
      if (bodyIf?.compares && loopVar && new RegExp(`%%?${loopVar}\\b`).test(body)) {
        const d = decides(bodyIf.polarity, bodyIf.consequence, STOP_BATCH, isInstall);
        if (d.ok) {
          Object.assign(e, { decidedAt: lineNo, gatesInstall: d.gates });
          delete e.why;
        }
      }
      if (tainted.size) delete e.why;
      return;
    }
    const links = chain(line);
    for (let j = 0; j < links.length; j++) {
      const inv = invocation(links[j]!.text, isInstall);
      if (!inv) continue;
      const e: CheckEvidence = { line: lineNo, text: line };
      found.push(e);
      // The pipeline the check starts: its exit status is the last command's.
      let k = j;
      while (links[k]!.op === '|' && k + 1 < links.length) k++;
      const filtered = links.slice(j + 1, k + 1).some((l) => expectsHash(l.text));
      const meaningful = inv.exit || filtered;
      if (inv.gates) Object.assign(e, { decidedAt: lineNo, gatesInstall: true });
      else if (!meaningful) e.why = inv.why ?? `${inv.tool} computes a hash, but nothing compares it with an expected value`;
      else {
        const op = links[k]!.op;
        const next = links[k + 1]?.text ?? '';
        if (op === '||' && STOP_BATCH.test(` ${next}`)) Object.assign(e, { decidedAt: lineNo, gatesInstall: false });
        else if (op === '&&' && isInstall(links.slice(k + 1).map((l) => l.text).join(' & '))) Object.assign(e, { decidedAt: lineNo, gatesInstall: true });
        else if (op === '' && k === links.length - 1) pending = e;
        else e.why = `its exit status is acted on by neither || exit nor && install`;
      }
      if (inv.external) external.set(e, `${inv.tool} runs ${inv.external}, which is not in the backup; whether it checks the packages is unknown`);
      j = k;
    }
  });
  if (pending) noCheck(pending, 'its exit status is not tested (no || exit, && install or if errorlevel after it)');
  for (const e of found) if (e.decidedAt === undefined && !e.why) e.why = 'its result is never compared with an expected value';
  return withExternal(found, external);
}

/**
 * A script kblint cannot read counts as a possible check only when the install depends on its
 * result (then the answer is open); one whose result nothing acts on is no check of any kind.
 */
function withExternal(found: CheckEvidence[], external: Map<CheckEvidence, string>): CheckEvidence[] {
  return found.filter((e) => {
    const why = external.get(e);
    if (why === undefined) return true;
    if (e.decidedAt === undefined) return false;
    e.external = true;
    e.why = why;
    return true;
  });
}

// ───────────────────────────── PowerShell ─────────────────────────────

interface PsConditional {
  /** Offsets of the condition inside its parentheses. */
  start: number;
  end: number;
  line: number;
  polarity: Polarity;
  compares: boolean;
  /** True branch and `else` branch text. */
  then: string;
  otherwise: string;
}

const PS_COMPARE = /-[ci]?(eq|ne|match|notmatch|like|notlike|in|notin|contains|notcontains|gt|ge|lt|le)\b|\.equals\s*\(|\bcompare-object\b/gi;
const PS_NEGATIVE = /^(ne|notmatch|notlike|notin|notcontains)$/;

/** Comparisons in a condition and what `true` means: the hash matched (S) or did not (F). */
function psComparison(bare: string, code: string): { compares: boolean; polarity: Polarity } {
  const text = code.replace(/-[ci]?(eq|ne)\s*(\$null|''|"")/gi, ' ').replace(/(\$null|''|"")\s*-[ci]?(eq|ne)\b/gi, ' ');
  const ops = [...text.matchAll(PS_COMPARE)].map((m) => (m[1] ?? 'eq').toLowerCase());
  if (ops.length === 0) return { compares: false, polarity: '?' };
  const negative = ops.every((o) => PS_NEGATIVE.test(o));
  const positive = ops.every((o) => !PS_NEGATIVE.test(o));
  const nots = (bare.match(/-not\b|!(?!=)/gi) ?? []).length;
  let polarity: Polarity = negative ? 'F' : positive ? 'S' : '?';
  if (nots % 2 === 1 && polarity !== '?') polarity = polarity === 'S' ? 'F' : 'S';
  return { compares: true, polarity };
}

/** The closing bracket of every `(` and `{` of a text, found in one pass (an unclosed one closes at the end). */
function bracketPairs(text: string): (open: number) => number {
  const pairs = new Map<number, number>();
  const stacks: Record<string, number[]> = { '(': [], '{': [] };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '{') stacks[c]!.push(i);
    else if (c === ')' || c === '}') {
      const at = stacks[c === ')' ? '(' : '{']!.pop();
      if (at !== undefined) pairs.set(at, i);
    }
  }
  return (open) => pairs.get(open) ?? text.length;
}

function psConditionals(bare: string, code: string, lineOf: (offset: number) => number, close: (open: number) => number): PsConditional[] {
  const out: PsConditional[] = [];
  for (const m of bare.matchAll(/\b(?:else)?if\s*\(/gi)) {
    const open = m.index + m[0].length - 1;
    const end = Math.min(close(open), open + MAX_SPAN);
    let at = end + 1;
    while (/\s/.test(bare[at] ?? '')) at++;
    const thenEnd = bare[at] === '{' ? Math.min(close(at), at + MAX_SPAN) : at;
    const then = code.slice(at, thenEnd + 1);
    let next = thenEnd + 1;
    while (/\s/.test(bare[next] ?? '')) next++;
    let otherwise = '';
    if (/^else\s*\{/i.test(bare.slice(next, next + 20))) {
      const brace = bare.indexOf('{', next);
      otherwise = code.slice(brace, Math.min(close(brace), brace + MAX_SPAN) + 1);
    }
    const { compares, polarity } = psComparison(bare.slice(open + 1, end), code.slice(open + 1, end));
    out.push({ start: open + 1, end, line: lineOf(m.index), polarity, compares, then, otherwise });
  }
  return out;
}

function psDecides(c: PsConditional, polarity: Polarity, isInstall: (s: string) => boolean): { ok: boolean; gates: boolean } {
  const t = decides(polarity, c.then, STOP_PS, isInstall);
  if (t.ok) return t;
  if (!c.otherwise) return t;
  const inverse: Polarity = polarity === 'S' ? 'F' : polarity === 'F' ? 'S' : '?';
  return decides(inverse, c.otherwise, STOP_PS, isInstall);
}

/** The statement around an offset: back to a line break, `;`, `{` or `}`. */
function statementStart(bare: string, offset: number): number {
  let i = offset;
  while (i > 0 && !'\n;{}'.includes(bare[i - 1]!)) i--;
  return i;
}
function statementEnd(bare: string, offset: number): number {
  let i = offset;
  let depth = 0;
  while (i < bare.length && !(depth === 0 && '\n;}'.includes(bare[i]!))) {
    if (bare[i] === '(') depth++;
    else if (bare[i] === ')') depth--;
    i++;
  }
  return i;
}

const PS_ASSIGN = /^\s*(?:\[[^\]]*\]\s*)*\$(?:script:|global:|local:|private:)?(\w+)\s*=(?!=)/i;

function powershellEvidence({ code, bare }: { code: string; bare: string }, isInstall: (s: string) => boolean): CheckEvidence[] {
  const lineOf = lineIndex(bare);
  const close = bracketPairs(bare);
  const conds = psConditionals(bare, code, lineOf, close);
  const functions = [...bare.matchAll(/\bfunction\s+([\w-]+)\s*(?:\([^)\n]*\)\s*)?\{/gi)].map((m) => ({ name: m[1]!, open: m.index + m[0].length - 1, end: close(m.index + m[0].length - 1) }));
  const found: CheckEvidence[] = [];
  /** Variables (and functions) holding a check's result; `verdict`: already compared. */
  const taints: { name: RegExp; label: string; from: number; e: CheckEvidence; polarity: Polarity; verdict: boolean }[] = [];
  const codeLines = code.split('\n');
  const inCondition = (o: number) => conds.filter((c) => o >= c.start && o < c.end).pop();
  const decideBy = (e: CheckEvidence, c: PsConditional, polarity: Polarity) => {
    const d = psDecides(c, polarity, isInstall);
    if (d.ok) {
      Object.assign(e, { decidedAt: c.line, gatesInstall: d.gates });
      delete e.why;
    } else if (e.decidedAt === undefined) e.why = `its result is compared at line ${c.line}, but that neither stops the script nor gates the install`;
  };
  const taint = (e: CheckEvidence, start: number, end: number) => {
    const head = PS_ASSIGN.exec(bare.slice(start, end));
    if (!head) return false;
    const { compares, polarity } = psComparison(bare.slice(start, end), code.slice(start, end));
    taints.push({ name: new RegExp(`\\$(?:script:|global:|local:)?${head[1]}\\b`, 'i'), label: `$${head[1]}`, from: end, e, polarity, verdict: compares });
    return true;
  };

  for (const m of bare.matchAll(PS_CHECK)) {
    const o = m.index;
    const line = lineOf(o);
    const start = statementStart(bare, o);
    if (/\b(get-help|help|get-command|gcm)\s*$/i.test(bare.slice(start, o))) continue;
    const e: CheckEvidence = { line, text: (codeLines[line - 1] ?? '').trim(), why: `${m[1]}'s result is not compared with an expected value` };
    found.push(e);
    const c = inCondition(o);
    if (c) {
      if (c.compares) decideBy(e, c, c.polarity);
      else e.why = `${m[1]} is tested at line ${c.line} without comparing its result with an expected value`;
      continue;
    }
    const end = statementEnd(bare, start);
    if (/^(certutil|signtool)/i.test(m[1]!) && /^signtool/i.test(m[1]!) && !PS_ASSIGN.test(bare.slice(start, end))) {
      // A native verifier's exit status, read from $LASTEXITCODE or $? by a later conditional.
      taints.push({ name: /\$LASTEXITCODE\b|\$\?/i, label: '$LASTEXITCODE', from: end, e, polarity: '?', verdict: true });
      e.why = 'the exit status of signtool verify ($LASTEXITCODE) is never tested before the install';
      continue;
    }
    if (taint(e, start, end)) {
      e.why = `its result (${taints[taints.length - 1]!.label}) is never compared with an expected value before the install`;
      continue;
    }
    // Inside `function Name { … }` as the value it returns: calls of Name carry the result.
    const fn = functions.filter((f) => o > f.open && o < f.end).pop();
    if (fn) {
      const { compares, polarity } = psComparison(bare.slice(start, end), code.slice(start, end));
      taints.push({ name: new RegExp(`(?<![\\w-])${fn.name.replace(/[-]/g, '\\-')}(?![\\w-])`, 'i'), label: fn.name, from: fn.end, e, polarity, verdict: compares });
      e.why = `its result, returned by ${fn.name}, is never compared with an expected value before the install`;
    }
  }
  // Assignments from a tainted variable carry the taint on, in the order of the script.
  const followed = new Set<string>();
  const assignments = [...bare.matchAll(/(?:^|[\n;{}])\s*(?:\[[^\]]*\]\s*)*\$(\w+)\s*=(?!=)/g)];
  // Bounded: a script with thousands of hash variables is no install script; the rest stay no check.
  for (let k = 0; k < Math.min(taints.length, MAX_TAINTS); k++) {
    const t = taints[k]!;
    for (const a of assignments) {
      const start = a.index + (/^[\n;{}]/.test(a[0]) ? 1 : 0);
      if (start < t.from) continue;
      const end = statementEnd(bare, a.index + a[0].length);
      const rhs = bare.slice(a.index + a[0].length, end);
      if (!t.name.test(rhs)) continue;
      const key = `${a[1]!.toLowerCase()}\0${found.indexOf(t.e)}`;
      if (followed.has(key) || taints.length >= MAX_TAINTS) continue;
      followed.add(key);
      const { compares, polarity } = psComparison(bare.slice(start, end), code.slice(start, end));
      taints.push({ name: new RegExp(`\\$${a[1]}\\b`, 'i'), label: `$${a[1]}`, from: end, e: t.e, polarity: compares ? polarity : t.polarity, verdict: t.verdict || compares });
    }
  }
  for (const c of conds) {
    const cond = bare.slice(c.start, c.end);
    for (const t of taints) {
      if (c.start < t.from || t.e.decidedAt !== undefined || !t.name.test(cond)) continue;
      if (c.compares) decideBy(t.e, c, c.polarity);
      else if (t.verdict) {
        const nots = (cond.match(/-not\b|!(?!=)/gi) ?? []).length;
        const p: Polarity = nots % 2 === 1 && t.polarity !== '?' ? (t.polarity === 'S' ? 'F' : 'S') : t.polarity;
        decideBy(t.e, c, p);
      } else t.e.why = `${t.label} is tested at line ${c.line} without comparing it with an expected value`;
    }
  }
  return found;
}

// ───────────────────────────── VBScript ─────────────────────────────

/** The command line in `sh.Run "certutil -hashfile " & f & " SHA256", 0, True`: literals kept, variables as `X`. */
function vbsCommand(args: string): string {
  let depth = 0;
  let quoted = false;
  let end = args.length;
  for (let i = 0; i < args.length; i++) {
    const c = args[i]!;
    if (c === '"') quoted = !quoted;
    if (quoted) continue;
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) {
      end = i;
      break;
    } else if (c === ',' && depth === 0) {
      end = i;
      break;
    }
  }
  const parts: string[] = [];
  let from = 0;
  quoted = false;
  for (let i = 0; i < end; i++) {
    if (args[i] === '"') quoted = !quoted;
    else if (args[i] === '&' && !quoted) {
      parts.push(args.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(args.slice(from, end));
  return parts
    .map((part) => {
      const lit = /^\s*"((?:[^"]|"")*)"\s*$/.exec(part);
      return lit ? lit[1]!.replace(/""/g, '"') : 'X';
    })
    .join('');
}

const VBS_CALL = /\.(run|exec)\b\s*\(?\s*/i;
const VBS_IF = /^\s*(?:else)?if\b([\s\S]*?)\bthen\b(.*)$/i;

function vbscriptEvidence(code: string, isInstall: (s: string) => boolean): CheckEvidence[] {
  const lines = code.split('\n').map((l) => l.replace(/\r$/, ''));
  const found: CheckEvidence[] = [];
  const taints: { name: string; e: CheckEvidence; exit: boolean; output: boolean }[] = [];
  const external = new Map<CheckEvidence, string>();
  const refers = (text: string, name: string) => new RegExp(`(?<![\\w.])${name}\\b`, 'i').test(text);
  const consequenceOf = (i: number, rest: string): string => {
    if (rest.trim() !== '') return rest;
    let depth = 0;
    const body: string[] = [];
    for (let j = i + 1; j < Math.min(lines.length, i + 1 + MAX_BLOCK_LINES); j++) {
      const l = lines[j]!;
      if (/^\s*if\b.*\bthen\s*$/i.test(l)) depth++;
      if (/^\s*end\s+if\b/i.test(l)) {
        if (depth === 0) break;
        depth--;
      }
      body.push(l);
    }
    return body.join('\n');
  };
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    const call = VBS_CALL.exec(line);
    const inv = call ? invocation(vbsCommand(line.slice(call.index + call[0].length)), isInstall) : undefined;
    const cond = VBS_IF.exec(line);
    const consequence = cond ? consequenceOf(i, cond[2]!) : '';
    const acts = (text: string) => STOP_VBS.test(text) || isInstall(text) || /\.run\b.*msiexec/i.test(text);
    if (inv) {
      const e: CheckEvidence = { line: lineNo, text: line.trim() };
      found.push(e);
      const exec = call![1]!.toLowerCase() === 'exec';
      const meaningful = inv.exit || chain(vbsCommand(line.slice(call!.index + call![0].length))).some((l) => expectsHash(l.text.replace(/\bX\b/g, '%EXPECTED%')));
      if (inv.gates) Object.assign(e, { decidedAt: lineNo, gatesInstall: true });
      else if (cond && cond[1]!.includes(call![0].trim().slice(0, 4)) && meaningful && acts(consequence)) Object.assign(e, { decidedAt: lineNo, gatesInstall: isInstall(consequence) && !STOP_VBS.test(consequence) });
      else {
        const assign = /^\s*(?:set\s+)?(\w+)\s*=/i.exec(line);
        if (assign && (exec || meaningful)) {
          taints.push({ name: assign[1]!, e, exit: meaningful, output: exec });
          e.why = `its result (${assign[1]}) is never compared with an expected value before the install`;
        } else e.why = inv.why ?? (meaningful ? `the exit status of ${inv.tool} is discarded` : `${inv.tool} computes a hash, but nothing compares it with an expected value`);
      }
      if (inv.external) external.set(e, `${inv.tool} runs ${inv.external}, which is not in the backup; whether it checks the packages is unknown`);
      return;
    }
    // `out = ex.StdOut.ReadAll`: the taint moves on.
    const assign = /^\s*(?:set\s+)?(\w+)\s*=(.*)$/i.exec(line);
    if (assign && !cond) {
      for (const t of [...taints]) if (refers(assign[2]!, t.name) && !taints.some((x) => x.name === assign[1]) && t.e.decidedAt === undefined) taints.push({ ...t, name: assign[1]!, exit: t.exit && !/\.stdout\b/i.test(assign[2]!) });
      return;
    }
    if (!cond) return;
    for (const t of taints) {
      if (t.e.decidedAt !== undefined || !refers(cond[1]!, t.name)) continue;
      const condText = cond[1]!;
      // A hash program's exit code says nothing about the hash: only its output counts.
      const viaExit = /\.exitcode\b/i.test(condText) || !t.output;
      if (viaExit && !t.exit) continue;
      const compares = /[=<>]|\binstr\s*\(|\bstrcomp\s*\(/i.test(condText) || (viaExit && t.exit);
      if (!compares) continue;
      if (acts(consequence) || /\belse\b[\s\S]*(wscript\.quit|msiexec)/i.test(consequence)) {
        Object.assign(t.e, { decidedAt: lineNo, gatesInstall: isInstall(consequence) && !STOP_VBS.test(consequence) });
        delete t.e.why;
      } else t.e.why = `${t.name} is compared at line ${lineNo}, but that neither stops the script nor gates the install`;
    }
  });
  return withExternal(found, external);
}

/**
 * Every hash or signature command in a script (comments already blanked in `code`, strings too in
 * `bare`), each with whether and where its result decides, or why it does not.
 */
export function integrityEvidence(text: { code: string; bare: string }, language: ScriptLanguage, isInstall: (s: string) => boolean): CheckEvidence[] {
  if (language === 'batch') return batchEvidence(text.code, isInstall);
  if (language === 'powershell') return powershellEvidence(text, isInstall);
  if (language === 'vbscript') return vbscriptEvidence(text.code, isInstall);
  // An unknown language: whatever reading finds a deciding check; else the inert ones, once per line.
  const all = [...batchEvidence(text.code, isInstall), ...powershellEvidence(text, isInstall), ...vbscriptEvidence(text.code, isInstall)];
  const byLine = new Map<number, CheckEvidence>();
  for (const e of all) {
    const seen = byLine.get(e.line);
    if (!seen || (seen.decidedAt === undefined && e.decidedAt !== undefined)) byLine.set(e.line, e);
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}
