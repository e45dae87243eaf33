import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KblintError } from '../../errors.js';
import { firewallPolicy } from './firewall.js';
import { child, isGpoFolder, readGpoBackup, readXml, somPathToDn, type GpoBackup } from './gpo.js';
import { gpoFacts, smsFacts } from './policy-facts.js';
import { parsePolicyRules } from './policy-rules.js';
import type { ArtifactReader, PolicySource, Probe, ReadContext } from './reader.js';
import { parseRegistryPol } from './registry-pol.js';
import { parseSmsPackage } from './sms.js';
import { decodeWindowsText, snippet } from './text.js';
import { lineAt } from './xml.js';

export type { ArtifactReader, PolicySource, Probe, ReadContext } from './reader.js';

/** How deep below a given folder GPO backups are looked for (`root/Baseline/GPOs/{GUID}`). */
const MAX_DEPTH = 3;
/** Folders looked at before the search gives up: a backup root is not a whole disk. */
const MAX_FOLDERS = 5000;

const headText = (head: Uint8Array): string => {
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head.length > 3 && head[1] === 0 && head[3] === 0);
  return Buffer.from(head).toString(utf16 ? 'utf16le' : 'latin1').replace(/^\ufeff/, '');
};

interface BackupFolder {
  dir: string;
  /** The display name manifest.xml gives the backup, if any. */
  listedAs?: string;
}

interface BackupManifest {
  /** Backup id (the folder's name, lower case) → GPO display name. */
  names: Map<string, string>;
  /** Where each id is listed, for an error when its folder is missing. */
  listed: Map<string, { file: string; line: number }>;
}

/** `manifest.xml` of a GPMC / Backup-GPO root: the backups it lists, by id. */
async function backupManifest(dir: string, context: ReadContext): Promise<BackupManifest> {
  const manifest: BackupManifest = { names: new Map(), listed: new Map() };
  const file = await child(dir, 'manifest.xml');
  if (!file) return manifest;
  const bytes = await context.readFile(file, 'a backup manifest.xml file');
  const xml = readXml(bytes, context.display(file), 'Backups');
  const text = decodeWindowsText(bytes, context.display(file));
  const backups = xml.Backups as Record<string, unknown> | string;
  for (const inst of (typeof backups === 'object' ? (backups.BackupInst ?? []) : []) as Record<string, unknown>[]) {
    const id = typeof inst.ID === 'string' ? inst.ID.trim().toLowerCase() : undefined;
    if (!id) continue;
    if (typeof inst.GPODisplayName === 'string') manifest.names.set(id, inst.GPODisplayName);
    const at = text.toLowerCase().indexOf(id);
    manifest.listed.set(id, { file: context.display(file), line: at === -1 ? 1 : lineAt(text, at) });
  }
  return manifest;
}

/**
 * GPO folders at or below `dir`: the folder itself when it is one GPO; else the `{GUID}` folders
 * of a backup root (named by its `manifest.xml`), also one or two levels further down, so several
 * baseline roots side by side are all read. Sorted by path, so every run reads the same order.
 */
async function gpoFolders(dir: string, context: ReadContext): Promise<BackupFolder[]> {
  let visited = 0;
  const walk = async (at: string, depth: number, listedAs?: string): Promise<BackupFolder[]> => {
    if (++visited > MAX_FOLDERS) throw new KblintError('too-many-folders', `more than ${MAX_FOLDERS} folders below this one; point kblint at the backup root`, { file: context.display(dir) });
    if (await isGpoFolder(at)) return [{ dir: at, ...(listedAs ? { listedAs } : {}) }];
    if (depth >= MAX_DEPTH) return [];
    const { names, listed } = await backupManifest(at, context);
    const entries = (await readdir(at, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory());
    // A backup manifest.xml lists; a folder it lists that is not there is data lost, never skipped.
    const present = new Set(entries.map((e) => e.name.toLowerCase()));
    for (const [id, where] of listed) {
      if (!present.has(id)) throw new KblintError('missing-backup', `lists the backup ${id} (${snippet(names.get(id) ?? '?', 60)}), but there is no folder of that name beside it`, where);
    }
    const found: BackupFolder[] = [];
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      for (const f of await walk(join(at, e.name), depth + 1, names.get(e.name.toLowerCase()))) found.push(f);
    }
    return found;
  };
  return walk(dir, 0);
}

function gpoSource(gpo: GpoBackup, folder: BackupFolder, context: ReadContext): PolicySource {
  const name = gpo.name ?? folder.listedAs ?? basename(folder.dir);
  const source: PolicySource = { name, location: { file: gpo.nameFile ?? context.display(folder.dir), line: 1, column: 1 }, facts: gpoFacts(gpo) };
  if (gpo.firewall) source.firewall = gpo.firewall;
  // A report with no LinksTo means the GPO is linked nowhere: it applies to no computer (scope []).
  // Without a report (links undefined) where it applies is unknown, and every computer of the group gets it.
  if (gpo.links) source.scope = gpo.links.map(somPathToDn);
  return source;
}

/** A folder: one GPO backup, an LGPO export, or a backup root with any number of GPOs. */
const gpoBackupReader: ArtifactReader = {
  kind: 'a GPO backup or backup root',
  recognises: (p) => p.isDirectory,
  async read(dir, context) {
    const folders = await gpoFolders(dir, context);
    if (folders.length === 0) {
      throw new KblintError(
        'not-a-gpo',
        'not a GPO backup: no gpreport.xml, Backup.xml or DomainSysvol/GPO here, and no backup folders below (a Backup-GPO root has manifest.xml and one {GUID} folder per GPO)',
        { file: context.display(dir) },
      );
    }
    const sources: PolicySource[] = [];
    for (const folder of folders) sources.push(gpoSource(await readGpoBackup(folder.dir, context.display, context.readFile), folder, context));
    // The same GPO in two baseline roots: each target keeps the display name, told apart by its folder.
    const count = new Map<string, number>();
    for (const s of sources) count.set(s.name, (count.get(s.name) ?? 0) + 1);
    sources.forEach((s, i) => {
      if (count.get(s.name)! > 1) s.name = `${s.name} (${context.display(folders[i]!.dir)})`;
    });
    return sources;
  },
};

/** A file of a GPO backup named directly (`gpreport.xml`, `Backup.xml`, `manifest.xml`): its folder is read. */
const backupFileReader: ArtifactReader = {
  kind: 'a file of a GPO backup',
  recognises: (p) => !p.isDirectory && ['gpreport.xml', 'backup.xml', 'bkupinfo.xml', 'manifest.xml'].includes(p.name),
  read: (file, context) => gpoBackupReader.read(dirname(file), context),
};

/** A Registry.pol on its own (`Machine/registry.pol`): its computer-side firewall policy. */
const registryPolReader: ArtifactReader = {
  kind: 'a Registry.pol file',
  recognises: (p) => !p.isDirectory && (p.name.endsWith('.pol') || Buffer.from(p.head.subarray(0, 4)).toString('latin1') === 'PReg'),
  async read(file, context) {
    const show = context.display(file);
    const entries = parseRegistryPol(await context.readFile(file, 'a Registry.pol file'), show);
    const policy = firewallPolicy(entries);
    return [{ name: basename(file), location: { file: show, line: 1, column: 1 }, facts: { facts: {}, sources: {} }, ...(policy ? { firewall: { file: show, policy } } : {}) }];
  },
};

/** A Policy Analyzer / LGPO baseline (`*.PolicyRules`, XML): its computer-side registry settings. */
const policyRulesReader: ArtifactReader = {
  kind: 'a .PolicyRules file',
  recognises: (p) => !p.isDirectory && (p.name.endsWith('.policyrules') || /<PolicyRules[\s>]/.test(headText(p.head))),
  async read(file, context) {
    const show = context.display(file);
    const rules = parsePolicyRules(decodeWindowsText(await context.readFile(file, 'a .PolicyRules file'), show), show);
    const policy = firewallPolicy(rules.filter((r) => r.side === 'computer'));
    return [{ name: basename(file).replace(/\.policyrules$/i, ''), location: { file: show, line: 1, column: 1 }, facts: { facts: {}, sources: {} }, ...(policy ? { firewall: { file: show, policy } } : {}) }];
  },
};

/** An SMS package definition file (`.sms`, or the older `.pdf` INI), format 2.0 or 1.x. */
const smsReader: ArtifactReader = {
  kind: 'an SMS package definition',
  recognises: (p) => {
    if (p.isDirectory) return false;
    const text = headText(p.head);
    if (text.startsWith('%PDF')) return false;
    return /\.(sms|pdf)$/.test(p.name) || /^\s*\[(PDF|Package Definition)\]/i.test(text);
  },
  async read(file, context) {
    const show = context.display(file);
    const pkg = parseSmsPackage(decodeWindowsText(await context.readFile(file, 'an SMS package definition file'), show), show);
    return [{ name: pkg.name || basename(file), location: { file: show, line: 1, column: 1 }, facts: smsFacts(pkg, show) }];
  },
};

/** Every reader of policy, most specific first; the first that recognises an input reads it. */
export const READERS: readonly ArtifactReader[] = [backupFileReader, policyRulesReader, registryPolReader, smsReader, gpoBackupReader];

/** The reader for an input, or an error saying what kblint can read. */
export async function readerFor(probe: Probe, display: string, accept: readonly ArtifactReader[] = READERS): Promise<ArtifactReader> {
  for (const reader of accept) if (await reader.recognises(probe)) return reader;
  throw new KblintError('unknown-artifact', `not an artifact kblint reads ('${snippet(probe.name)}'); expected ${accept.map((r) => r.kind).join(', ')}`, { file: display });
}

export const SMS_READERS: readonly ArtifactReader[] = [smsReader];
