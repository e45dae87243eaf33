import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { KblintError } from '../../errors.js';

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

/**
 * Stream an AD inventory CSV as `Get-ADComputer … | Export-Csv` writes it: optional `#TYPE` line,
 * quoted headers and fields, UTF-8 (BOM or not) or UTF-16LE with BOM, CRLF. Rows are yielded one
 * by one, so a million-row file is never held whole. A ragged row is an error with its line.
 */
export async function* readInventory(path: string, file = path): AsyncGenerator<InventoryComputer> {
  const head = await firstBytes(path, file);
  const utf16 = head[0] === 0xff && head[1] === 0xfe;
  const parser = parse({ columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), comment: '#', bom: true, info: true, skip_empty_lines: true, trim: true });
  const source = createReadStream(path, { start: utf16 ? 2 : 0 });
  const decoder = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8', { fatal: true });
  let decodeError: KblintError | undefined;
  const pump = (async () => {
    try {
      for await (const chunk of source) {
        if (!parser.write(decoder.decode(chunk as Buffer, { stream: true }))) await new Promise((r) => parser.once('drain', r));
      }
      parser.end(decoder.decode());
    } catch (e) {
      decodeError = new KblintError('bad-encoding', `not valid ${utf16 ? 'UTF-16LE' : 'UTF-8'} (${(e as Error).message})`, { file });
      parser.end();
    }
  })();
  let checked = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (!checked) {
        if (!('name' in record)) throw new KblintError('bad-inventory', `no 'Name' column; expected the columns of Get-ADComputer (Name, DistinguishedName, OperatingSystem, OperatingSystemVersion)`, { file, line: 1 });
        checked = true;
      }
      const computer: InventoryComputer = { name: record.name ?? '', line: info.lines };
      if (!computer.name) throw new KblintError('bad-inventory', 'row has an empty Name', { file, line: info.lines });
      const version = record.operatingsystemversion ? ntVersion(record.operatingsystemversion) : undefined;
      if (version !== undefined) computer.os = { ...(record.operatingsystem ? { name: record.operatingsystem } : {}), version };
      const admin = record.localadmin ?? record.userislocaladmin;
      if (admin !== undefined && admin !== '') {
        if (!/^(true|false|yes|no|1|0)$/i.test(admin)) throw new KblintError('bad-inventory', `LocalAdmin: expected True or False; got '${admin}'`, { file, line: info.lines });
        computer.localAdmin = /^(true|yes|1)$/i.test(admin);
      }
      if (record.distinguishedname) {
        computer.dn = record.distinguishedname;
        const ou = ouOf(record.distinguishedname);
        if (ou) computer.ou = ou;
      }
      yield computer;
    }
  } catch (e) {
    if (e instanceof KblintError) throw e;
    const err = e as { code?: string; message: string; lines?: number };
    throw new KblintError('bad-inventory', err.message.replace(/ on line \d+$/, ''), { file, ...(err.lines ? { line: err.lines } : {}) });
  } finally {
    source.destroy();
    await pump;
  }
  if (decodeError) throw decodeError;
}

async function firstBytes(path: string, file: string): Promise<Buffer> {
  const stream = createReadStream(path, { start: 0, end: 1 });
  try {
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  } catch {
    throw new KblintError('unreadable', 'inventory file cannot be read', { file });
  }
}
