import { createRequire } from 'node:module';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { KblintError } from '../../errors.js';
import { readInputFile } from '../../util/files.js';
import { firewallPolicy, type FirewallPolicy } from './firewall.js';
import type * as CsvParseSync from 'csv-parse/sync';
import { reportFirewall } from './gpreport-firewall.js';
import { iniSection, parseIni, type IniSection } from './ini.js';
import { decodeAnyText } from './inventory.js';
import { parseRegistryPol, type PolEntry } from './registry-pol.js';
import { scanScript, scriptLanguage, type ScriptScan } from './script.js';
import { decodeWindowsText, snippet } from './text.js';
import { windowsUpdatePolicy, type WindowsUpdatePolicy } from './windows-update.js';
import { lineIndex, parseXml } from './xml.js';

/** csv-parse (one-file CommonJS build), loaded when a GPO backup has an audit.csv. */
const require = createRequire(import.meta.url);
const csv = () => require('csv-parse/sync') as typeof CsvParseSync;

export interface GpoScript {
  side: 'computer' | 'user';
  /** `Startup`, `Shutdown`, `Logon` or `Logoff`. */
  phase: string;
  command: string;
  parameters: string;
  ini: string;
  line: number;
  /** The script body, when it is in the backup. */
  body?: { file: string; scan: ScriptScan };
}

/** A package the GPO's Software Installation extension deploys (gpreport.xml `MsiApplication`). */
export interface GpoPackage {
  side: 'computer' | 'user';
  name: string;
  path: string;
  /** `Assign` or `Publish`. */
  deployment: string;
  report: string;
  line: number;
}

/** A client-side extension's settings in gpreport.xml (`Extension xsi:type=…`), counted. */
export interface GpoExtension {
  side: 'computer' | 'user';
  type: string;
  settings: number;
}

export interface GpoBackup {
  dir: string;
  packages: GpoPackage[];
  /** The display name (gpreport.xml `Name`, Backup.xml `DisplayName` or bkupInfo.xml `GPODisplayName`). */
  name?: string;
  /** The file that names it, for findings about the GPO as a whole. */
  nameFile?: string;
  /** Where the GPO is linked (gpreport.xml `LinksTo/SOMPath`), e.g. `contoso.com/Finance`; undefined without a report. */
  links?: string[];
  extensions: GpoExtension[];
  scripts: GpoScript[];
  registry: { computer?: { file: string; entries: PolEntry[] }; user?: { file: string; entries: PolEntry[] } };
  firewall?: { file: string; policy: FirewallPolicy };
  windowsUpdate?: { file: string; policy: WindowsUpdatePolicy };
  /** `Machine/microsoft/windows nt/SecEdit/GptTmpl.inf`: the security template, by section. */
  securityTemplate?: { file: string; sections: IniSection[] };
  /** `Machine/microsoft/windows nt/Audit/audit.csv`: the advanced audit policy rows (`auditpol /backup`). */
  auditPolicy?: { file: string; rows: Record<string, string>[] };
}

/** Reads a file's bytes (bounded, never a folder, FIFO or device), each path at most once per run. */
export type FileSource = (path: string, what: string) => Promise<Buffer>;

/** A child of `dir` by name, in any case (backups come from Windows). */
export async function child(dir: string, name: string): Promise<string | undefined> {
  try {
    const hit = (await readdir(dir)).find((e) => e.toLowerCase() === name.toLowerCase());
    return hit === undefined ? undefined : join(dir, hit);
  } catch {
    return undefined;
  }
}

export async function path(dir: string, ...names: string[]): Promise<string | undefined> {
  let at: string | undefined = dir;
  for (const n of names) {
    if (!at) return undefined;
    at = await child(at, n);
  }
  return at;
}

/** XML of a GPO backup as data (well-formedness checked, DOCTYPE refused): kept for callers of the old name. */
export function readXml(bytes: Uint8Array, file: string, root?: string | string[]): Record<string, unknown> {
  return parseXml(decodeWindowsText(bytes, file), file, root);
}

const SIDES = [
  ['Machine', 'computer', ['Startup', 'Shutdown']],
  ['User', 'user', ['Logon', 'Logoff']],
] as const;

/**
 * Where a GPO's policy files are: `DomainSysvol/GPO` in a GPMC or `Backup-GPO` backup, `GPO` in
 * an LGPO.exe export without DomainSysvol, or the folder itself for a local Group Policy folder
 * (`…\System32\GroupPolicy` with `Machine/` and `User/`).
 */
export async function policyFolder(dir: string): Promise<string | undefined> {
  const sysvol = await path(dir, 'DomainSysvol', 'GPO');
  if (sysvol) return sysvol;
  for (const base of [await path(dir, 'GPO'), dir]) {
    if (!base) continue;
    for (const side of ['Machine', 'User']) {
      const sideDir = await path(base, side);
      if (sideDir && ((await path(sideDir, 'registry.pol')) || (await path(sideDir, 'Scripts')))) return base;
    }
  }
  return undefined;
}

/** Whether a folder holds one GPO (a report, a backup description or policy files). */
export async function isGpoFolder(dir: string): Promise<boolean> {
  for (const name of ['gpreport.xml', 'Backup.xml', 'bkupInfo.xml']) if (await path(dir, name)) return true;
  return (await policyFolder(dir)) !== undefined;
}

/**
 * Read one GPO: a GPMC backup folder (`{GUID}/` with Backup.xml, bkupInfo.xml, gpreport.xml,
 * DomainSysvol/GPO/…), an LGPO export (`GPO/Machine/registry.pol`) or a local policy folder.
 */
export async function readGpoBackup(dir: string, display: (p: string) => string = (p) => p, read: FileSource = (p, what) => readInputFile(p, { what, display: display(p) })): Promise<GpoBackup> {
  const gpo: GpoBackup = { dir, packages: [], extensions: [], scripts: [], registry: {} };
  const report = await path(dir, 'gpreport.xml');
  if (report) {
    const text = decodeWindowsText(await read(report, 'a gpreport.xml file'), display(report));
    const xml = parseXml(text, display(report), 'GPO');
    const root = (xml.GPO as Record<string, unknown>[])[0] ?? {};
    if (typeof root.Name === 'string') {
      gpo.name = root.Name;
      gpo.nameFile = display(report);
    }
    gpo.links = [];
    for (const link of (root.LinksTo ?? []) as Record<string, unknown>[]) if (typeof link.SOMPath === 'string') gpo.links.push(link.SOMPath);
    readExtensions(root, gpo, display(report), text);
  }
  for (const [file, key] of [['Backup.xml', 'DisplayName'], ['bkupInfo.xml', 'GPODisplayName']] as const) {
    const at = await path(dir, file);
    if (!at) continue;
    const xml = readXml(await read(at, `a ${file} file`), display(at), file === 'Backup.xml' ? 'GroupPolicyBackupScheme' : 'BackupInst');
    const name = findText(xml, key);
    if (name && !gpo.name) {
      gpo.name = name;
      gpo.nameFile = display(at);
    }
  }
  const gpoDir = await policyFolder(dir);
  if (!gpoDir && !report) {
    throw new KblintError('not-a-gpo', 'not a GPO backup: no gpreport.xml and no DomainSysvol/GPO, GPO/Machine or Machine folder with policy files', { file: display(dir) });
  }
  // A script that several ini entries run is read and scanned once.
  const bodies = new Map<string, Promise<GpoScript['body']>>();
  for (const [folder, side, phases] of SIDES) {
    const sideDir = gpoDir ? await path(gpoDir, folder) : undefined;
    if (!sideDir) continue;
    const pol = await path(sideDir, 'registry.pol');
    if (pol) {
      const entries = parseRegistryPol(await read(pol, 'a Registry.pol file'), display(pol));
      gpo.registry[side] = { file: display(pol), entries };
      if (side === 'computer') policyFacts(gpo, entries, display(pol));
    }
    if (side === 'computer') await readSecurityFiles(gpo, sideDir, display, read);
    for (const iniName of ['scripts.ini', 'psscripts.ini']) {
      const ini = await path(sideDir, 'Scripts', iniName);
      if (!ini) continue;
      const sections = parseIni(decodeWindowsText(await read(ini, `a ${iniName} file`), display(ini)), display(ini));
      for (const phase of phases) {
        // Keys by name, so a long ini is read in one pass rather than searched per entry.
        const values = new Map((iniSection(sections, phase)?.values ?? []).map((v) => [v.key.toLowerCase(), v]));
        for (let i = 0; ; i++) {
          const cmd = values.get(`${i}cmdline`);
          if (!cmd) break;
          const script: GpoScript = { side, phase, command: cmd.value, parameters: values.get(`${i}parameters`)?.value ?? '', ini: display(ini), line: cmd.line };
          const name = cmd.value.split(/[\\/]/).pop() ?? '';
          const body = /[\\/]/.test(cmd.value) ? undefined : await path(sideDir, 'Scripts', phase, name);
          if (body) {
            let scanned = bodies.get(body.toLowerCase());
            if (!scanned) {
              scanned = (async () => {
                const file = display(body);
                return { file, scan: scanScript(decodeWindowsText(await read(body, 'a script file'), file), scriptLanguage(name), file) };
              })();
              bodies.set(body.toLowerCase(), scanned);
            }
            const found = await scanned;
            if (found) script.body = found;
          }
          gpo.scripts.push(script);
        }
      }
    }
  }
  return gpo;
}

/** The security template and advanced audit policy of the computer side: read whole, so nothing in a backup goes unread. */
async function readSecurityFiles(gpo: GpoBackup, machine: string, display: (p: string) => string, read: FileSource): Promise<void> {
  const inf = await path(machine, 'microsoft', 'windows nt', 'SecEdit', 'GptTmpl.inf');
  if (inf) gpo.securityTemplate = { file: display(inf), sections: parseIni(decodeWindowsText(await read(inf, 'a GptTmpl.inf file'), display(inf)), display(inf)) };
  const audit = await path(machine, 'microsoft', 'windows nt', 'Audit', 'audit.csv');
  if (audit) {
    const file = display(audit);
    const { text } = decodeAnyText(await read(audit, 'an audit.csv file'), file);
    try {
      gpo.auditPolicy = { file, rows: csv().parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[] };
    } catch (e) {
      const err = e as { message: string; lines?: number };
      throw new KblintError('bad-csv', snippet(err.message.replace(/ on line \d+/, ''), 200), { file, ...(err.lines ? { line: err.lines } : {}) });
    }
  }
}

/** The firewall and Windows Update policy in a computer-side set of registry settings. */
export function policyFacts(gpo: Pick<GpoBackup, 'firewall' | 'windowsUpdate'>, entries: PolEntry[], file: string): void {
  const policy = firewallPolicy(entries);
  if (policy) gpo.firewall = { file, policy };
  const wu = windowsUpdatePolicy(entries);
  if (wu) gpo.windowsUpdate = { file, policy: wu };
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Each extension's settings counted, and the `MsiApplication` entries of Software Installation with their lines. */
function readExtensions(root: Record<string, unknown>, gpo: GpoBackup, report: string, text: string): void {
  const lineOf = lineIndex(text);
  let searchFrom = 0;
  let fwFrom = 0;
  for (const [sideKey, side] of [['Computer', 'computer'], ['User', 'user']] as const) {
    const sideNode = root[sideKey] as Record<string, unknown> | undefined;
    for (const data of asArray(sideNode?.ExtensionData as Record<string, unknown> | Record<string, unknown>[] | undefined)) {
      for (const ext of asArray(data.Extension as Record<string, unknown>[] | undefined)) {
        const type = String(ext['@_type'] ?? '').replace(/^.*:/, '');
        const settings = Object.entries(ext)
          .filter(([k]) => !k.startsWith('@_') && k !== 'Blocked')
          .reduce((n, [, v]) => n + (Array.isArray(v) ? v.length : 1), 0);
        gpo.extensions.push({ side, type, settings });
        if (type === 'WindowsFirewallSettings' && side === 'computer') {
          // A GPO known only from its report still states its firewall; a Registry.pol beside it, read later, is the policy itself and wins.
          const from = text.indexOf('WindowsFirewallSettings', fwFrom);
          fwFrom = from + 1;
          const policy = reportFirewall(ext, text, Math.max(from, 0), lineOf, report);
          if (policy.counts.profiles + policy.counts.rules > 0) gpo.firewall = { file: report, policy: { profiles: policy.profiles, rules: policy.rules } };
          continue;
        }
        if (type !== 'SoftwareInstallationSettings') continue;
        for (const app of asArray(ext.MsiApplication as Record<string, unknown> | Record<string, unknown>[] | undefined)) {
          const path = String(app.Path ?? '');
          const at = path ? text.indexOf(path, searchFrom) : -1;
          if (at !== -1) searchFrom = at + path.length;
          gpo.packages.push({ side, name: String(app.Name ?? ''), path, deployment: String(app.DeploymentType ?? ''), report, line: at === -1 ? 1 : lineOf(at) });
        }
      }
    }
  }
}

function findText(node: unknown, key: string): string | undefined {
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    for (const [k, v] of Object.entries(n as Record<string, unknown>)) {
      if (k === key && typeof v === 'string') return v;
      if (v && typeof v === 'object') stack.push(v);
    }
  }
  return undefined;
}

/** `contoso.com/Desktops/Finance` → `OU=Finance,OU=Desktops,DC=contoso,DC=com`. */
export function somPathToDn(som: string): string {
  const [domain = '', ...ous] = som.split('/');
  return [...ous.reverse().map((o) => `OU=${o}`), ...domain.split('.').map((d) => `DC=${d}`)].join(',');
}
