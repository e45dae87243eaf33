import { KblintError } from '../../errors.js';
import { snippet } from './text.js';

export interface IniValue {
  key: string;
  value: string;
  line: number;
}

export interface IniSection {
  name: string;
  line: number;
  values: IniValue[];
}

/** An INI file (scripts.ini, psscripts.ini, SMS package definitions): sections of key=value lines. */
export function parseIni(text: string, file: string): IniSection[] {
  const sections: IniSection[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) return;
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      sections.push({ name: header[1]!.trim(), line: i + 1, values: [] });
      return;
    }
    const eq = line.indexOf('=');
    const section = sections[sections.length - 1];
    if (!section) throw new KblintError('bad-ini', `'${snippet(line)}' stands before any [section]; expected a section header such as [Startup]`, { file, line: i + 1 });
    if (eq <= 0) throw new KblintError('bad-ini', `expected key=value; got '${snippet(line)}'`, { file, line: i + 1 });
    section.values.push({ key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim(), line: i + 1 });
  });
  if (sections.length === 0) throw new KblintError('bad-ini', 'no [section] in the file; expected e.g. [Startup] or [Logon]', { file, line: 1 });
  return sections;
}

export function iniSection(sections: IniSection[], name: string): IniSection | undefined {
  return sections.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

export function iniValue(section: IniSection | undefined, key: string): IniValue | undefined {
  return section?.values.find((v) => v.key.toLowerCase() === key.toLowerCase());
}
