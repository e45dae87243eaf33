import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { KblintError } from '../../errors.js';
import { firewallPolicy, type FirewallPolicy } from './firewall.js';
import { iniSection, iniValue, parseIni } from './ini.js';
import { parseRegistryPol, type PolEntry } from './registry-pol.js';
import { scanScript, type ScriptScan } from './script.js';
import { decodeWindowsText } from './text.js';
import { windowsUpdatePolicy, type WindowsUpdatePolicy } from './windows-update.js';

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

export interface GpoBackup {
  dir: string;
  packages: GpoPackage[];
  name?: string;
  /** Where the GPO is linked (gpreport.xml `LinksTo/SOMPath`), e.g. `contoso.com/Finance`. */
  links: string[];
  scripts: GpoScript[];
  registry: { computer?: { file: string; entries: PolEntry[] }; user?: { file: string; entries: PolEntry[] } };
  firewall?: { file: string; policy: FirewallPolicy };
  windowsUpdate?: { file: string; policy: WindowsUpdatePolicy };
}

/** A child of `dir` by name, in any case (backups come from Windows). */
async function child(dir: string, name: string): Promise<string | undefined> {
  try {
    const hit = (await readdir(dir)).find((e) => e.toLowerCase() === name.toLowerCase());
    return hit === undefined ? undefined : join(dir, hit);
  } catch {
    return undefined;
  }
}

async function path(dir: string, ...names: string[]): Promise<string | undefined> {
  let at: string | undefined = dir;
  for (const n of names) {
    if (!at) return undefined;
    at = await child(at, n);
  }
  return at;
}

/** XML of a GPO backup as data: a DOCTYPE (entity expansion) is refused, never processed. */
export function readXml(bytes: Uint8Array, file: string): Record<string, unknown> {
  const text = decodeWindowsText(bytes, file);
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    const line = text.slice(0, doctype.index).split('\n').length;
    throw new KblintError('xml-doctype', 'XML with a DOCTYPE is refused (entity expansion); GPO reports have none', { file, line });
  }
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, processEntities: false, isArray: (name) => ['LinksTo', 'Extension', 'MsiApplication'].includes(name) });
  try {
    return parser.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new KblintError('bad-xml', `not well-formed XML: ${(e as Error).message}`, { file });
  }
}

const SIDES = [
  ['Machine', 'computer', ['Startup', 'Shutdown']],
  ['User', 'user', ['Logon', 'Logoff']],
] as const;

/** Read a GPMC backup folder (`{GUID}/` with Backup.xml, gpreport.xml, DomainSysvol/GPO/…). */
export async function readGpoBackup(dir: string, display: (p: string) => string = (p) => p): Promise<GpoBackup> {
  const gpo: GpoBackup = { dir, packages: [], links: [], scripts: [], registry: {} };
  const report = await path(dir, 'gpreport.xml');
  if (report) {
    const xml = readXml(await readFile(report), display(report));
    const root = (xml.GPO ?? {}) as Record<string, unknown>;
    if (typeof root.Name === 'string') gpo.name = root.Name;
    for (const link of (root.LinksTo ?? []) as Record<string, unknown>[]) if (typeof link.SOMPath === 'string') gpo.links.push(link.SOMPath);
    gpo.packages = softwarePackages(root, display(report), decodeWindowsText(await readFile(report), display(report)));
  }
  const backup = await path(dir, 'Backup.xml');
  if (backup && !gpo.name) {
    const xml = readXml(await readFile(backup), display(backup));
    const name = findText(xml, 'DisplayName');
    if (name) gpo.name = name;
  }
  const gpoDir = await path(dir, 'DomainSysvol', 'GPO');
  if (!gpoDir && !report) throw new KblintError('not-a-gpo', 'not a GPO backup: no gpreport.xml and no DomainSysvol/GPO folder', { file: display(dir) });
  for (const [folder, side, phases] of SIDES) {
    const sideDir = gpoDir ? await path(gpoDir, folder) : undefined;
    if (!sideDir) continue;
    const pol = await path(sideDir, 'registry.pol');
    if (pol) {
      const entries = parseRegistryPol(await readFile(pol), display(pol));
      gpo.registry[side] = { file: display(pol), entries };
      if (side === 'computer') {
        const policy = firewallPolicy(entries);
        if (policy) gpo.firewall = { file: display(pol), policy };
        const wu = windowsUpdatePolicy(entries);
        if (wu) gpo.windowsUpdate = { file: display(pol), policy: wu };
      }
    }
    for (const iniName of ['scripts.ini', 'psscripts.ini']) {
      const ini = await path(sideDir, 'Scripts', iniName);
      if (!ini) continue;
      const sections = parseIni(decodeWindowsText(await readFile(ini), display(ini)), display(ini));
      for (const phase of phases) {
        const section = iniSection(sections, phase);
        for (let i = 0; ; i++) {
          const cmd = iniValue(section, `${i}CmdLine`);
          if (!cmd) break;
          const script: GpoScript = { side, phase, command: cmd.value, parameters: iniValue(section, `${i}Parameters`)?.value ?? '', ini: display(ini), line: cmd.line };
          const body = await path(sideDir, 'Scripts', phase, cmd.value.split(/[\\/]/).pop() ?? '');
          if (body && !/[\\/]/.test(cmd.value)) {
            script.body = { file: display(body), scan: scanScript(decodeWindowsText(await readFile(body), display(body))) };
          }
          gpo.scripts.push(script);
        }
      }
    }
  }
  return gpo;
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** `MsiApplication` entries of the Software Installation extension, each with its line in the report. */
function softwarePackages(root: Record<string, unknown>, report: string, text: string): GpoPackage[] {
  const packages: GpoPackage[] = [];
  for (const [sideKey, side] of [['Computer', 'computer'], ['User', 'user']] as const) {
    const sideNode = root[sideKey] as Record<string, unknown> | undefined;
    for (const data of asArray(sideNode?.ExtensionData as Record<string, unknown> | Record<string, unknown>[] | undefined)) {
      for (const ext of asArray(data.Extension as Record<string, unknown>[] | undefined)) {
        if (!String(ext['@_type'] ?? '').endsWith('SoftwareInstallationSettings')) continue;
        for (const app of asArray(ext.MsiApplication as Record<string, unknown> | Record<string, unknown>[] | undefined)) {
          const path = String(app.Path ?? '');
          const at = path ? text.indexOf(path) : -1;
          packages.push({
            side,
            name: String(app.Name ?? ''),
            path,
            deployment: String(app.DeploymentType ?? ''),
            report,
            line: at === -1 ? 1 : text.slice(0, at).split('\n').length,
          });
        }
      }
    }
  }
  return packages;
}

function findText(node: unknown, key: string): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === key && typeof v === 'string') return v;
    const found = findText(v, key);
    if (found) return found;
  }
  return undefined;
}

/** `contoso.com/Desktops/Finance` → `OU=Finance,OU=Desktops,DC=contoso,DC=com`. */
export function somPathToDn(som: string): string {
  const [domain = '', ...ous] = som.split('/');
  return [...ous.reverse().map((o) => `OU=${o}`), ...domain.split('.').map((d) => `DC=${d}`)].join(',');
}
