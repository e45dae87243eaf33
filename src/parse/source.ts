import { KblintError } from '../errors.js';

/** Articles are a few hundred KB at most; anything far larger is not an article. */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

export interface DecodedSource {
  text: string;
  warnings: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

/**
 * Bytes → text. UTF-8 (BOM or not) and UTF-16LE with BOM decode as such; bytes that are not
 * valid UTF-8 are read as Windows-1252 (what older exports are) with a warning. Binary data and
 * oversized files are refused.
 */
export function decodeSource(bytes: Uint8Array, file: string, maxBytes = MAX_ARTICLE_BYTES): DecodedSource {
  if (bytes.length > maxBytes) {
    throw new KblintError(
      'too-large',
      `file is ${(bytes.length / 1048576).toFixed(1)} MiB; an article is expected to be under ${(maxBytes / 1048576).toFixed(0)} MiB`,
      { file },
    );
  }
  if (bytes.length === 0) {
    throw new KblintError('empty', 'file is empty; expected a TechNet article (front matter and markdown)', { file });
  }
  const warnings: string[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    if ((bytes.length - 2) % 2 !== 0) {
      throw new KblintError('bad-encoding', `UTF-16LE file has an odd byte count (${bytes.length})`, { file });
    }
    try {
      text = utf16le.decode(bytes.subarray(2));
    } catch {
      throw new KblintError('bad-encoding', 'file starts with a UTF-16LE byte order mark but is not valid UTF-16LE', { file });
    }
  } else {
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
      throw new KblintError('binary', `binary data (NUL byte at offset ${nul}); expected a text article`, {
        file,
        line: lineAtOffset(bytes, nul),
      });
    }
    try {
      text = utf8.decode(bytes);
    } catch {
      text = cp1252.decode(bytes);
      warnings.push('not valid UTF-8; decoded as Windows-1252');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (hasControlJunk(text)) {
    throw new KblintError('binary', 'binary data (control characters); expected a text article', { file });
  }
  return { text, warnings };
}

function lineAtOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** More than a handful of C0 control characters (other than tab, LF, CR, FF) means binary. */
function hasControlJunk(text: string): boolean {
  let count = 0;
  const limit = Math.min(text.length, 65536);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) {
      if (++count > 8) return true;
    }
  }
  return false;
}
