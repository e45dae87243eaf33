/** Script text as an interpreter reads it: which language, and what is code rather than comment or string. */

export type ScriptLanguage = 'batch' | 'vbscript' | 'powershell' | 'unknown';

/** The language of a script by its file name, as Windows picks the interpreter. */
export function scriptLanguage(name: string): ScriptLanguage {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'cmd' || ext === 'bat') return 'batch';
  if (ext === 'vbs' || ext === 'vbe' || ext === 'wsf') return 'vbscript';
  if (ext === 'ps1' || ext === 'psm1') return 'powershell';
  return 'unknown';
}

/**
 * A script's text with comments blanked out (line breaks kept, so lines still count), and a
 * second copy where string literals are blanked too. One pass, linear in the text.
 */
export function stripComments(text: string, language: ScriptLanguage): { code: string; bare: string } {
  const code: string[] = [];
  const bare: string[] = [];
  const put = (c: string, inString: boolean) => {
    code.push(c);
    bare.push(inString && c !== '\n' ? ' ' : c);
  };
  const blank = (c: string) => {
    const b = c === '\n' || c === '\r' ? c : ' ';
    code.push(b);
    bare.push(b);
  };
  let state: 'code' | 'line' | 'block' | 'single' | 'double' = 'code';
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (state === 'line') {
      if (c === '\n') {
        state = 'code';
        lineStart = true;
        put(c, false);
      } else blank(c);
      continue;
    }
    if (state === 'block') {
      if (c === '#' && text[i + 1] === '>') {
        blank(c);
        blank('>');
        i++;
        state = 'code';
      } else blank(c);
      continue;
    }
    if (state === 'single' || state === 'double') {
      put(c, true);
      if (language === 'powershell' && c === '`' && state === 'double') {
        if (i + 1 < text.length) put(text[++i]!, true);
      } else if ((state === 'single' && c === "'") || (state === 'double' && c === '"')) state = 'code';
      else if (c === '\n' && language !== 'powershell') state = 'code';
      if (c === '\n') lineStart = true;
      continue;
    }
    // Code.
    if (c === '\n') {
      lineStart = true;
      put(c, false);
      continue;
    }
    if (lineStart && (c === ' ' || c === '\t' || c === '\r')) {
      put(c, false);
      continue;
    }
    if (lineStart && (language === 'batch' || language === 'vbscript' || language === 'unknown') && /^@?(rem(\s|$)|::)/i.test(text.slice(i, i + 5))) {
      state = 'line';
      blank(c);
      continue;
    }
    const atLineStart = lineStart;
    lineStart = false;
    if (language === 'powershell' && c === '<' && text[i + 1] === '#') {
      state = 'block';
      blank(c);
      blank('#');
      i++;
      continue;
    }
    const lineComment =
      (c === '#' && (language === 'powershell' || language === 'unknown')) ||
      (c === "'" && language === 'vbscript') ||
      // A script of unknown language: `'` and `//` only count as comments at the start of a line.
      (language === 'unknown' && atLineStart && (c === "'" || (c === '/' && text[i + 1] === '/')));
    if (lineComment) {
      state = 'line';
      blank(c);
      continue;
    }
    if (c === '"') state = 'double';
    else if (c === "'" && language === 'powershell') state = 'single';
    put(c, false);
  }
  return { code: code.join(''), bare: bare.join('') };
}

