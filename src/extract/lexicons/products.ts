/**
 * Windows versions by their product names, which no language translates ("Windows Vista" in
 * every locale); the words around them ("vóór", "oder höher") belong to each language's lexicon.
 * Longest names first, so "Windows Server 2008 R2" is not read as "Windows Server 2008".
 * `®`, `™` and no-break spaces between the words are allowed.
 */
export interface OsName {
  /** A regular-expression fragment (no groups). */
  pattern: string;
  name: string;
  /** NT version. */
  version: string;
}

const SEP = '[\\s\\u00a0]*(?:®|™|\\(r\\))?[\\s\\u00a0]+';

export const OS_NAMES: OsName[] = [
  { pattern: `windows${SEP}server${SEP}2008${SEP}r2`, name: 'Windows Server 2008 R2', version: '6.1' },
  { pattern: `windows${SEP}server${SEP}2008`, name: 'Windows Server 2008', version: '6.0' },
  { pattern: `windows${SEP}server${SEP}2003`, name: 'Windows Server 2003', version: '5.2' },
  // "Windows 2003 Server", as some translations write it.
  { pattern: `windows${SEP}2003`, name: 'Windows Server 2003', version: '5.2' },
  { pattern: `windows${SEP}2000`, name: 'Windows 2000', version: '5.0' },
  { pattern: `windows${SEP}vista`, name: 'Windows Vista', version: '6.0' },
  { pattern: `windows${SEP}xp`, name: 'Windows XP', version: '5.1' },
  { pattern: `windows${SEP}7(?![\\d.])`, name: 'Windows 7', version: '6.1' },
  { pattern: `windows${SEP}8\\.1`, name: 'Windows 8.1', version: '6.3' },
  { pattern: `windows${SEP}8(?![\\d.])`, name: 'Windows 8', version: '6.2' },
  { pattern: `windows${SEP}10(?!\\d)`, name: 'Windows 10', version: '10.0' },
];
