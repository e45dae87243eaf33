import { KblintError } from '../../errors.js';

/** Registry value types in a PReg file. */
export const REG = { SZ: 1, EXPAND_SZ: 2, BINARY: 3, DWORD: 4, DWORD_BIG_ENDIAN: 5, MULTI_SZ: 7, QWORD: 11 } as const;

export interface PolEntry {
  key: string;
  /** Value name; names starting with `**` are instructions (`**del.X`, `**delvals.`). */
  value: string;
  type: number;
  data: string | number | bigint | string[] | Uint8Array;
  /** Byte offset of the entry's `[` in the file, for findings. */
  offset: number;
  /** Where the same setting comes from a text artifact (.PolicyRules, gpreport.xml): its line there. */
  line?: number;
}

const SIGNATURE = 0x67655250; // "PReg" little-endian

/**
 * Parse a Registry.pol (PReg version 1): header, then `[key;value;type;size;data]` entries with
 * UTF-16LE names. Every malformed byte is an error naming its offset; nothing is skipped.
 */
export function parseRegistryPol(bytes: Uint8Array, file: string): PolEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (offset: number, message: string): never => {
    throw new KblintError('bad-registry-pol', `${message} (at byte offset ${offset})`, { file });
  };
  if (bytes.length < 8) fail(0, `file is ${bytes.length} bytes; a Registry.pol has at least an 8-byte header`);
  if (view.getUint32(0, true) !== SIGNATURE) fail(0, "wrong signature; expected 'PReg'");
  const version = view.getUint32(4, true);
  if (version !== 1) fail(4, `unsupported version ${version}; expected 1`);

  const entries: PolEntry[] = [];
  let pos = 8;
  const char = (at: number): number => {
    if (at + 2 > bytes.length) fail(at, 'file ends inside an entry');
    return view.getUint16(at, true);
  };
  const expect = (c: string) => {
    if (char(pos) !== c.charCodeAt(0)) fail(pos, `expected '${c}'`);
    pos += 2;
  };
  /** A NUL-terminated UTF-16LE name, then the `;` after it. */
  const name = (): string => {
    const start = pos;
    while (char(pos) !== 0) pos += 2;
    const text = new TextDecoder('utf-16le').decode(bytes.subarray(start, pos));
    pos += 2;
    expect(';');
    return text;
  };
  while (pos < bytes.length) {
    const offset = pos;
    expect('[');
    const key = name();
    const value = name();
    if (pos + 4 > bytes.length) fail(pos, 'file ends inside an entry (type)');
    const type = view.getUint32(pos, true);
    pos += 4;
    expect(';');
    if (pos + 4 > bytes.length) fail(pos, 'file ends inside an entry (size)');
    const size = view.getUint32(pos, true);
    pos += 4;
    expect(';');
    if (pos + size > bytes.length) fail(pos, `data of ${size} bytes runs past the end of the file`);
    const raw = bytes.subarray(pos, pos + size);
    const dataOffset = pos;
    pos += size;
    expect(']');
    entries.push({ key, value, type, data: decodeData(type, raw, dataOffset, fail), offset });
  }
  return entries;
}

function decodeData(type: number, raw: Uint8Array, offset: number, fail: (o: number, m: string) => never): PolEntry['data'] {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  switch (type) {
    case REG.SZ:
    case REG.EXPAND_SZ:
    case REG.MULTI_SZ: {
      if (raw.length % 2 !== 0) fail(offset, `string data has an odd byte count (${raw.length}); UTF-16LE needs pairs`);
      const text = new TextDecoder('utf-16le').decode(raw);
      if (type === REG.MULTI_SZ) return text.split('\0').filter((s, i, all) => s !== '' || i < all.length - 2);
      return text.replace(/\0+$/, '');
    }
    case REG.DWORD:
      if (raw.length !== 4) fail(offset, `REG_DWORD data is ${raw.length} bytes; expected 4`);
      return view.getUint32(0, true);
    case REG.DWORD_BIG_ENDIAN:
      if (raw.length !== 4) fail(offset, `REG_DWORD_BIG_ENDIAN data is ${raw.length} bytes; expected 4`);
      return view.getUint32(0, false);
    case REG.QWORD:
      if (raw.length !== 8) fail(offset, `REG_QWORD data is ${raw.length} bytes; expected 8`);
      return view.getBigUint64(0, true);
    default:
      return raw.slice();
  }
}

/** Build a Registry.pol file: for tests and fixtures (kblint itself never writes one). */
export function writeRegistryPol(entries: { key: string; value: string; type: number; data: string | number | Uint8Array }[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from([0x50, 0x52, 0x65, 0x67, 1, 0, 0, 0])];
  const u16 = (s: string) => Buffer.from(s, 'utf16le');
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  for (const e of entries) {
    let data: Buffer;
    if (typeof e.data === 'number') data = u32(e.data);
    else if (typeof e.data === 'string') data = u16(`${e.data}\0`);
    else data = Buffer.from(e.data);
    parts.push(u16('['), u16(`${e.key}\0`), u16(';'), u16(`${e.value}\0`), u16(';'), u32(e.type), u16(';'), u32(data.length), u16(';'), data, u16(']'));
  }
  return Buffer.concat(parts);
}
