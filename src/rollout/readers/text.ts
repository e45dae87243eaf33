import { KblintError } from '../../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

/**
 * At most `max` characters of a text from a file, for an error message, with control characters
 * escaped: no terminal sequence and no more than a short excerpt of an input reaches the output.
 */
export function snippet(text: string, max = 32): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  // Control characters and bidirectional overrides, which could rewrite a terminal or a log line.
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** UTF-32LE (BOM `FF FE 00 00`) or UTF-32BE, which PowerShell writes with `-Encoding UTF32` / `BigEndianUTF32`. */
export function decodeUtf32(bytes: Uint8Array, littleEndian: boolean, file: string): string {
  if (bytes.length % 4 !== 0) throw new KblintError('bad-encoding', `UTF-32 file has a byte count (${bytes.length}) that is not a multiple of 4`, { file });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new KblintError('bad-encoding', `not valid UTF-32 at byte offset ${i}`, { file });
    parts.push(String.fromCodePoint(cp));
  }
  return parts.join('');
}

/**
 * Text of a Windows artifact: UTF-16LE with BOM (what Windows writes for scripts.ini and Windows
 * PowerShell 5 for Out-File), else UTF-8 with or without BOM. Anything else is refused with the
 * offset of the first bad byte, never guessed.
 */
export function decodeWindowsText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0 && bytes.length >= 4) return decodeUtf32(bytes.subarray(4), true, file);
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return decodeUtf32(bytes.subarray(4), false, file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    if (bytes.length % 2 !== 0) throw new KblintError('bad-encoding', `UTF-16BE file has an odd byte count (${bytes.length})`, { file });
    try {
      return utf16be.decode(bytes.subarray(2));
    } catch {
      throw new KblintError('bad-encoding', 'not valid UTF-16BE', { file });
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    if (bytes.length % 2 !== 0) throw new KblintError('bad-encoding', `UTF-16LE file has an odd byte count (${bytes.length})`, { file });
    try {
      return utf16le.decode(bytes.subarray(2));
    } catch {
      throw new KblintError('bad-encoding', 'not valid UTF-16LE', { file });
    }
  }
  try {
    return utf8.decode(bytes).replace(/^\ufeff/, '');
  } catch {
    let offset = 0;
    // Find the first byte that breaks UTF-8, so the error can point at it.
    for (let step = 1 << 20; step >= 1; step >>= 1) {
      while (offset + step <= bytes.length) {
        try {
          utf8.decode(bytes.subarray(0, offset + step));
          offset += step;
        } catch {
          break;
        }
      }
    }
    const line = bytes.subarray(0, offset).filter((b) => b === 0x0a).length + 1;
    throw new KblintError('bad-encoding', `not valid UTF-8 (mixed encodings?) at byte offset ${offset}; expected UTF-8 or UTF-16LE with a byte order mark`, { file, line });
  }
}
