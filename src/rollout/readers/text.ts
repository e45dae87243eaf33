import { KblintError } from '../../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });

/**
 * Text of a Windows artifact: UTF-16LE with BOM (what Windows writes for scripts.ini and Windows
 * PowerShell 5 for Out-File), else UTF-8 with or without BOM. Anything else is refused with the
 * offset of the first bad byte, never guessed.
 */
export function decodeWindowsText(bytes: Uint8Array, file: string): string {
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
