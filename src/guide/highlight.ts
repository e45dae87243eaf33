import type { ElementContent } from 'hast';
import { h } from 'hastscript';

/** Languages of the code samples the articles carry, and of the examples kblint writes. */
export type CodeLang = 'vbscript' | 'cmd' | 'powershell' | 'yaml' | 'registry';

/**
 * The language of an unlabelled sample, from what its lines do: VBScript creates objects, PowerShell
 * calls Verb-Noun cmdlets and `$variables`, a registry path starts at a hive, anything else that
 * runs a program is a command line.
 */
export function detectLang(text: string, declared?: string): CodeLang | undefined {
  const d = declared?.toLowerCase();
  if (d === 'vbscript' || d === 'vbs' || d === 'vb') return 'vbscript';
  if (d === 'powershell' || d === 'ps1' || d === 'ps') return 'powershell';
  if (d === 'cmd' || d === 'bat' || d === 'batch' || d === 'console' || d === 'shell') return 'cmd';
  if (d === 'yaml' || d === 'yml') return 'yaml';
  if (/\b(CreateObject|Wscript\.|Dim\s+\w|Set\s+\w+\s*=)/i.test(text)) return 'vbscript';
  if (/\$\w+|\b(Get|Set|New|Remove|Add|Import|Invoke|Start)-[A-Z]\w+/.test(text)) return 'powershell';
  if (/^\s*HKEY_[A-Z_]+\\/i.test(text)) return 'registry';
  if (/\.(exe|msi|cmd|bat|vbs)\b|%\w+%|^\s*(msiexec|cscript|net|sc|copy|xcopy|cd|regsvr32)\b/im.test(text)) return 'cmd';
  return undefined;
}

type Token = { cls?: string; text: string };

/** One pattern per token class, tried in order at each position; the first that matches wins. */
const PATTERNS: Record<CodeLang, [string, RegExp][]> = {
  vbscript: [
    ['c', /^('|\bREM\b).*/i],
    ['s', /^"[^"\n]*"?/],
    ['k', /^\b(Set|Dim|If|Then|Else|ElseIf|End|Sub|Function|Call|For|Each|Next|Do|Loop|While|Wend|On|Error|Resume|Nothing|True|False|And|Or|Not|New|Const|Option|Explicit)\b/i],
    ['n', /^\b\d+\b/],
  ],
  cmd: [
    ['c', /^(::|\bREM\b).*/i],
    ['s', /^"[^"\n]*"?/],
    ['v', /^%[\w~:]+%?/],
    ['o', /^(?<=^|\s)[-/–][\w?:]+/],
    ['p', /^\b[A-Z_]+=(?=\S)/],
  ],
  powershell: [
    ['c', /^#.*/],
    ['s', /^("[^"\n]*"?|'[^'\n]*'?)/],
    ['v', /^\$[\w:]+/],
    ['k', /^\b[A-Z][a-z]+-[A-Z]\w+/],
    ['o', /^(?<=^|\s)-[A-Za-z]\w*/],
  ],
  yaml: [
    ['c', /^#.*/],
    ['k', /^[\w.-]+(?=:(\s|$))/],
    ['s', /^("[^"\n]*"?|'[^'\n]*'?)/],
    ['n', /^\b\d+(\.\d+)?\b/],
  ],
  registry: [['k', /^HKEY_[A-Z_]+/i]],
};

const STICKY = Object.fromEntries(
  Object.entries(PATTERNS).map(([lang, list]) => [lang, list.map(([cls, re]) => [cls, new RegExp(re.source.replace(/^\^/, ''), `${re.flags}y`)] as const)]),
) as Record<CodeLang, (readonly [string, RegExp])[]>;

function tokenize(line: string, lang: CodeLang): Token[] {
  const tokens: Token[] = [];
  let plain = '';
  let i = 0;
  outer: while (i < line.length) {
    const rest = line.slice(i);
    // Lookbehinds need the text before the token, so match on the whole line at a sticky index.
    for (const [cls, sticky] of STICKY[lang]) {
      sticky.lastIndex = i;
      const m = sticky.exec(line);
      if (m && m[0].length) {
        if (plain) tokens.push({ text: plain });
        plain = '';
        tokens.push({ cls, text: m[0] });
        i += m[0].length;
        continue outer;
      }
    }
    // Skip a whole word at once so that keywords are matched only at word starts.
    const word = /^\w+|^./s.exec(rest)![0];
    plain += word;
    i += word.length;
  }
  if (plain) tokens.push({ text: plain });
  return tokens;
}

/** A sample as spans with token classes: the colours come from the page's stylesheet, no script runs. */
export function highlight(text: string, lang: CodeLang | undefined): ElementContent[] {
  if (!lang) return [{ type: 'text', value: text }];
  const out: ElementContent[] = [];
  text.split('\n').forEach((line, n) => {
    if (n) out.push({ type: 'text', value: '\n' });
    for (const tok of tokenize(line, lang)) out.push(tok.cls ? h('span', { className: [`tok-${tok.cls}`] }, tok.text) : { type: 'text', value: tok.text });
  });
  return out;
}
