import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createRequire } from 'node:module';
import type * as CsvParse from 'csv-parse';
import { KblintError } from '../../errors.js';
import { snippet } from './text.js';

/** csv-parse's one-file CommonJS build, loaded when a CSV is read (not at every start). */
const require = createRequire(import.meta.url);

export interface InventoryComputer {
  name: string;
  os?: { name?: string; version: number };
  /** Distinguished name of the computer object. */
  dn?: string;
  /** The OU part of the DN (`OU=Finance,DC=contoso,DC=com`), or undefined when there is no DN. */
  ou?: string;
  /** Whether the computer's users are local administrators: an optional `LocalAdmin` column some exports add. */
  localAdmin?: boolean;
  /** 1-based line of the row in the CSV file. */
  line: number;
  /** Why the row gives no OS version (empty or unparsable `OperatingSystemVersion`), when it gives none. */
  osProblem?: string;
}

/** "5.1 (2600)" → 5.1; "6.1 (7601)" → 6.1. */
export function ntVersion(text: string): number | undefined {
  const m = /^\s*(\d+)\.(\d+)/.exec(text);
  return m ? Number(`${m[1]}.${m[2]}`) : undefined;
}

/** `CN=PC1,OU=Finance,DC=contoso,DC=com` → `OU=Finance,DC=contoso,DC=com` (escaped commas respected). */
export function ouOf(dn: string): string | undefined {
  const m = /^CN=(?:\\.|[^,\\])*,(.+)$/i.exec(dn.trim());
  return m?.[1];
}

/** Does a computer's OU lie in `ou` (a DN like `OU=Finance,DC=contoso,DC=com`, any case)? */
export function inOu(computerOu: string | undefined, ou: string): boolean {
  if (!computerOu) return false;
  const a = computerOu.toLowerCase().replace(/\s*,\s*/g, ',');
  const b = ou.toLowerCase().replace(/\s*,\s*/g, ',');
  return a === b || a.endsWith(`,${b}`);
}

/** The text encodings Windows PowerShell 5.1 and PowerShell 7 write with `Export-Csv -Encoding …` or `Out-File`. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'utf-7' | 'windows-1252';

/**
 * The encoding of a file from its first bytes: a byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE,
 * UTF-7), else the pattern of NUL bytes that UTF-16 and UTF-32 give ASCII text, else UTF-8 when
 * the bytes are valid UTF-8, else Windows-1252 (`-Encoding Default`/`Ansi` on a Western Windows).
 */
export function sniffEncoding(head: Uint8Array, complete: boolean): { encoding: CsvEncoding; bom: number } {
  const [a, b, c, d] = head;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'utf-32le', bom: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', bom: 4 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bom: 2 };
  if (a === 0x2b && b === 0x2f && c === 0x76 && d !== undefined && [0x38, 0x39, 0x2b, 0x2f].includes(d)) return { encoding: 'utf-7', bom: 0 };
  const n = Math.min(head.length, 512) & ~3;
  if (n >= 4) {
    let zeroAt = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) if (head[i] === 0) zeroAt[i % 4]!++;
    zeroAt = zeroAt.map((z) => z / (n / 4));
    if (zeroAt[1]! > 0.9 && zeroAt[2]! > 0.9 && zeroAt[3]! > 0.9 && zeroAt[0]! < 0.1) return { encoding: 'utf-32le', bom: 0 };
    if (zeroAt[0]! > 0.9 && zeroAt[1]! > 0.9 && zeroAt[2]! > 0.9 && zeroAt[3]! < 0.1) return { encoding: 'utf-32be', bom: 0 };
    const odd = (zeroAt[1]! + zeroAt[3]!) / 2;
    const even = (zeroAt[0]! + zeroAt[2]!) / 2;
    if (odd > 0.4 && even < 0.05) return { encoding: 'utf-16le', bom: 0 };
    if (even > 0.4 && odd < 0.05) return { encoding: 'utf-16be', bom: 0 };
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'windows-1252', bom: 0 };
  }
}

/** A streaming decoder for one of the encodings; `decode` throws on invalid input. */
function decoder(encoding: CsvEncoding): { decode(chunk: Uint8Array, final: boolean): string } {
  if (encoding === 'utf-32le' || encoding === 'utf-32be') {
    let rest = new Uint8Array(0);
    return {
      decode(chunk, final) {
        const bytes = rest.length ? Buffer.concat([rest, chunk]) : chunk;
        const whole = bytes.length & ~3;
        rest = bytes.slice(whole);
        if (final && rest.length) throw new Error('the file ends inside a UTF-32 character');
        const view = new DataView(bytes.buffer, bytes.byteOffset, whole);
        const out: string[] = [];
        for (let i = 0; i < whole; i += 4) {
          const cp = view.getUint32(i, encoding === 'utf-32le');
          if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new Error(`code point ${cp} is not valid UTF-32`);
          out.push(String.fromCodePoint(cp));
        }
        return out.join('');
      },
    };
  }
  if (encoding === 'utf-7') return utf7Decoder();
  const text = new TextDecoder(encoding, { fatal: encoding !== 'windows-1252' });
  return { decode: (chunk, final) => text.decode(chunk, { stream: !final }) };
}

/** UTF-7 (RFC 2152), which Windows PowerShell writes with `-Encoding UTF7`: `+…-` runs of modified base64 carry UTF-16. */
function utf7Decoder(): { decode(chunk: Uint8Array, final: boolean): string } {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let inBase64 = false;
  let bits = 0;
  let value = 0;
  let units: number[] = [];
  let justOpened = false;
  const flush = () => {
    const s = String.fromCharCode(...units);
    units = [];
    return s;
  };
  return {
    decode(chunk, final) {
      let out = '';
      for (const byte of chunk) {
        const ch = String.fromCharCode(byte);
        if (inBase64) {
          const v = B64.indexOf(ch);
          if (v !== -1) {
            justOpened = false;
            value = (value << 6) | v;
            bits += 6;
            if (bits >= 16) {
              bits -= 16;
              units.push((value >> bits) & 0xffff);
              value &= (1 << bits) - 1;
            }
            continue;
          }
          inBase64 = false;
          out += justOpened && ch === '-' ? '+' : flush();
          bits = value = 0;
          if (ch === '-') continue;
        }
        if (ch === '+') {
          inBase64 = true;
          justOpened = true;
          continue;
        }
        if (byte > 0x7f) throw new Error(`byte ${byte} is not valid UTF-7`);
        out += ch;
      }
      if (final && inBase64) out += flush();
      else if (units.length && !inBase64) out += flush();
      return out;
    },
  };
}

/** A whole small text file in whatever encoding PowerShell or a Windows tool wrote it (`auditpol /backup` writes the ANSI code page). */
export function decodeAnyText(bytes: Uint8Array, file: string): { text: string; encoding: CsvEncoding } {
  const { encoding, bom } = sniffEncoding(bytes, true);
  try {
    return { text: decoder(encoding).decode(bytes.subarray(bom), true), encoding };
  } catch (e) {
    throw new KblintError('bad-encoding', `not valid ${encoding.toUpperCase()} (${(e as Error).message})`, { file });
  }
}

/** The delimiter of a CSV from its header line: `,`, `;` (`Export-Csv -UseCulture` on a Dutch or German Windows) or tab. */
export function sniffDelimiter(text: string): string {
  const header = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

const HEAD_BYTES = 64 * 1024;

async function readHead(path: string, file: string): Promise<{ head: Uint8Array; size: number }> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new KblintError('unreadable', code === 'ENOENT' ? 'no such file; expected an inventory CSV' : code === 'ELOOP' ? 'symbolic link loop; expected an inventory CSV' : `cannot be read (${code ?? 'error'}); expected an inventory CSV`, { file });
  }
  if (!info.isFile()) throw new KblintError('not-a-file', `expected an inventory CSV; got ${info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a FIFO' : 'not a regular file'}`, { file });
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(HEAD_BYTES, info.size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return { head: buffer.subarray(0, bytesRead), size: info.size };
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw new KblintError('unreadable', `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}); expected an inventory CSV`, { file });
  }
}

export interface InventoryOptions {
  /** Told about what is read but doubtful (a guessed encoding), with the line. */
  warn?: (message: string, line: number) => void;
  /** Told the columns (lower case) when the header has been read, before the first row is yielded. */
  onHeader?: (columns: string[]) => void;
}

/**
 * Stream an AD inventory CSV as `Get-ADComputer … | Export-Csv` (PowerShell 5.1 or 7) writes it:
 * optional `#TYPE` line, quoted or unquoted fields, `,` `;` or tab as delimiter, every encoding
 * PowerShell writes (with or without BOM), CRLF. Rows are yielded one by one, so a million-row file
 * is never held whole. A ragged row or a quoting error is an error with its line.
 */
export async function* readInventory(path: string, file = path, options: InventoryOptions = {}): AsyncGenerator<InventoryComputer> {
  const { head, size } = await readHead(path, file);
  const { encoding, bom } = sniffEncoding(head, head.length >= size);
  if (encoding === 'windows-1252') options.warn?.('not UTF-8 and no byte order mark: read as Windows-1252 (Export-Csv -Encoding Default)', 1);
  let headText = '';
  try {
    headText = decoder(encoding).decode(head.subarray(bom), head.length >= size);
  } catch {
    // Reported with its offset by the stream below.
  }
  const delimiter = sniffDelimiter(headText);
  const decode = decoder(encoding);
  let offset = 0;
  const transform = new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _enc, done) {
      try {
        const text = decode.decode(chunk, false);
        offset += chunk.length;
        done(null, text);
      } catch (e) {
        done(new KblintError('bad-encoding', `not valid ${encoding.toUpperCase()} between byte offsets ${offset} and ${offset + chunk.length} (${(e as Error).message}); expected one encoding throughout`, { file }));
      }
    },
    flush(done) {
      try {
        done(null, decode.decode(new Uint8Array(0), true));
      } catch (e) {
        done(new KblintError('bad-encoding', `not valid ${encoding.toUpperCase()} at the end of the file (${(e as Error).message})`, { file }));
      }
    },
  });
  const { parse } = require('csv-parse') as typeof CsvParse;
  const parser = parse({
    columns: (h: string[]) => h.map((c) => c.trim().replace(/^\ufeff/, '').toLowerCase()),
    comment: '#',
    comment_no_infix: true,
    bom: true,
    info: true,
    skip_empty_lines: true,
    trim: true,
    delimiter,
  });
  const source = createReadStream(path, { start: bom });
  const done = pipeline(source, transform, parser).catch((e: unknown) => e);
  let columns: string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (!columns) {
        columns = Object.keys(record);
        if (!('name' in record)) {
          throw new KblintError(
            'bad-inventory',
            `no 'Name' column (columns: ${snippet(columns.join(', '), 80)}); expected the columns of Get-ADComputer (Name, DistinguishedName, OperatingSystem, OperatingSystemVersion)`,
            { file, line: 1 },
          );
        }
        options.onHeader?.(columns);
      }
      yield computerOf(record, info.lines, file);
    }
  } catch (e) {
    throw inventoryError(e, file);
  } finally {
    source.destroy();
    parser.destroy();
    const failed = await done;
    // An error of the decoder surfaces here when the parser stopped because of it.
    if (failed instanceof KblintError && !columns) throw failed;
  }
}

function inventoryError(e: unknown, file: string): KblintError {
  if (e instanceof KblintError) return e;
  const err = e as { code?: string; message?: string; lines?: number };
  // csv-parse messages quote the offending field; keep the words, cut the value short.
  const message = (err.message ?? String(e)).replace(/ on line \d+/, '').replace(/(value is |, got )("?)([\s\S]*)$/, (_, lead: string, q: string, v: string) => `${lead}${q}${snippet(v, 24)}`);
  return new KblintError('bad-inventory', snippet(message, 200), { file, ...(err.lines ? { line: err.lines } : {}) });
}

function computerOf(record: Record<string, string>, line: number, file: string): InventoryComputer {
  const computer: InventoryComputer = { name: record.name ?? '', line };
  if (!computer.name) throw new KblintError('bad-inventory', 'row has an empty Name', { file, line });
  const raw = record.operatingsystemversion;
  const version = raw ? ntVersion(raw) : undefined;
  if (version !== undefined) computer.os = { ...(record.operatingsystem ? { name: record.operatingsystem } : {}), version };
  else computer.osProblem = raw ? `OperatingSystemVersion '${snippet(raw)}' is not a version such as 5.1 (2600)` : 'OperatingSystemVersion is empty';
  const admin = record.localadmin ?? record.userislocaladmin;
  if (admin !== undefined && admin !== '') {
    if (!/^(true|false|yes|no|1|0)$/i.test(admin)) throw new KblintError('bad-inventory', `LocalAdmin: expected True or False; got '${snippet(admin)}'`, { file, line });
    computer.localAdmin = /^(true|yes|1)$/i.test(admin);
  }
  if (record.distinguishedname) {
    computer.dn = record.distinguishedname;
    const ou = ouOf(record.distinguishedname);
    if (ou) computer.ou = ou;
  }
  return computer;
}
