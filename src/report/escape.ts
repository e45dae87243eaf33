/**
 * Config and article text is data: a computer name, group or quote must not drive the terminal
 * or CI log it is printed to. Control characters (C0 but tab, DEL, C1) and the invisible bidi
 * controls that reorder what a reader sees (Trojan Source) are shown as escapes instead.
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_TEST = new RegExp(UNSAFE.source);

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).toUpperCase().padStart(width, '0');

/** One line of text for a terminal or log: `\x1B`, `\n`, `\u{202E}` shown as such. */
export function safeLine(s: string): string {
  if (!UNSAFE_TEST.test(s)) return s;
  return s.replace(UNSAFE, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u{${hex(c, 4)}}`));
}

/** Text that may span lines (a quote): each line made safe, line breaks kept. */
export function safeText(s: string): string {
  return s.split(/\r?\n/).map(safeLine).join('\n');
}

/**
 * JSON text with C1 and bidi controls written as `\uXXXX` escapes (JSON.stringify already escapes
 * C0): the same data, harmless when the file is printed.
 */
export function safeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${hex(c, 4).toLowerCase()}`);
}

/** XML character data and attribute text: markup escaped, controls XML 1.0 forbids dropped, C1 and bidi as references. */
export function xmlText(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `&#x${hex(c, 2)};`);
}
