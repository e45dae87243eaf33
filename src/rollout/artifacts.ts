import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { KblintError } from '../errors.js';
import { parseCommand } from '../extract/command.js';
import { displayPath } from '../util/files.js';
import type { Deferred, PendingRollout } from './manifest.js';
import { groupTemplate, type Template } from './manifest.js';
import { outboundTcp } from './readers/firewall.js';
import { commandFacts } from './command-facts.js';
import { readGpoBackup, somPathToDn, type GpoBackup, type GpoScript } from './readers/gpo.js';
import { inOu, readInventory } from './readers/inventory.js';
import { parseSmsPackage, type SmsPackage } from './readers/sms.js';
import { decodeWindowsText } from './readers/text.js';
import type { PolEntry } from './readers/registry-pol.js';
import type { Location, Target, TargetFacts } from './types.js';

export interface ArtifactOptions {
  /** Ports the documentation names (from the KB): the firewall is asked about these. */
  ports?: number[];
  cwd?: string;
}

function polLocation(file: string, entry: PolEntry): Location {
  return { file, line: 1, column: 1, detail: `${entry.key}\\${entry.value} (byte offset ${entry.offset})` };
}

/** The script that installs the RMS client MSIs: from its body, else from its ini command line. */
function installerScript(gpo: GpoBackup): { script: GpoScript; command?: ReturnType<typeof parseCommand> } | undefined {
  for (const script of gpo.scripts) {
    if (script.body?.scan.installs.length) return { script };
    const command = parseCommand(`${script.command} ${script.parameters}`);
    if (command?.msi.length) return { script, command };
  }
  return undefined;
}

const RMS_PACKAGE = /(msdrmclient|rmclientbackcompat|rights ?management|windowsrightsmanagementservices)/i;

/** Facts a GPO backup states, where the manifest left them unknown. */
function applyGpo(template: Template, gpo: GpoBackup, options: ArtifactOptions): void {
  const { facts, sources } = template;
  // The RMS client deployed through Group Policy Software Installation.
  const pkg = gpo.packages.find((p) => RMS_PACKAGE.test(p.path) || RMS_PACKAGE.test(p.name));
  if (pkg && facts.method === undefined) {
    const at: Location = { file: pkg.report, line: pkg.line, column: 1, detail: `${pkg.deployment || 'deployed'} to ${pkg.side === 'computer' ? 'computers' : 'users'}: ${pkg.path}` };
    facts.method = 'group-policy';
    facts.install = true;
    sources.method = sources.install = at;
  }
  const found = installerScript(gpo);
  if (found) {
    const { script, command } = found;
    const iniLoc: Location = { file: script.ini, line: script.line, column: 1 };
    if (facts.method === undefined) {
      facts.method = 'startup-script';
      facts.install = true;
      sources.method = iniLoc;
      sources.install = iniLoc;
    }
    facts.script ??= {};
    sources.script ??= iniLoc;
    if (facts.script.context === undefined) {
      facts.script.context = script.side === 'computer' && script.phase.toLowerCase() === 'startup' ? 'computer' : 'user';
      sources['script.context'] = iniLoc;
    }
    const scan = script.body?.scan;
    if (scan && facts.script.integrityCheck === undefined) {
      facts.script.integrityCheck = scan.verifiedBeforeInstall;
      const check = scan.integrityChecks[0];
      sources['script.integrityCheck'] = { file: script.body!.file, line: check?.line ?? scan.installs[0]!.line, column: 1 };
    }
    if (facts.command === undefined) {
      if (scan) {
        const bad = scan.installs.find((i) => !i.quiet || !i.rebootSuppressed) ?? scan.installs[0]!;
        facts.command = {
          line: scan.installs.map((i) => i.text).join('\n'),
          msi: scan.msi,
          quiet: scan.installs.every((i) => i.quiet),
          rebootSuppressed: scan.installs.every((i) => i.rebootSuppressed),
        };
        sources.command = { file: script.body!.file, line: bad.line, column: 1 };
      } else if (command) {
        facts.command = commandFacts([command.line]);
        sources.command = iniLoc;
      }
    }
  }
  if (gpo.firewall && options.ports?.length && facts.network === undefined) {
    const reach = options.ports.map((p) => outboundTcp(gpo.firewall!.policy, p));
    const ports = reach.filter((r) => r.reachable).map((r) => r.port);
    facts.network = { root: { ports }, licensing: { ports } };
    const because = reach.find((r) => !r.reachable)?.because ?? reach[0]?.because;
    const where = because ? polLocation(gpo.firewall.file, because) : { file: gpo.firewall.file, line: 1, column: 1 };
    sources.network = sources['network.root'] = sources['network.licensing'] = where;
  }
}

const SMS_RUN_WHEN = new Map<string, 'user' | 'any' | 'no-user'>([
  ['userloggedon', 'user'],
  ['anyuserstatus', 'any'],
  ['nouserloggedon', 'no-user'],
]);

/** Facts an SMS package definition states: method sms, its install commands, admin rights. */
function applySms(template: Template, pkg: SmsPackage, file: string): void {
  const { facts, sources } = template;
  const programs = pkg.programs.filter((p) => parseCommand(p.commandLine)?.msi.length);
  const first = programs[0];
  if (!first) return;
  const at = (line: number): Location => ({ file, line, column: 1 });
  if (facts.method === undefined) {
    facts.method = 'sms';
    facts.install = true;
    sources.method = sources.install = at(first.line);
  }
  if (facts.command === undefined) {
    facts.command = commandFacts(programs.map((p) => p.commandLine));
    sources.command = at(first.line);
  }
  const runWhen = first.canRunWhen && SMS_RUN_WHEN.get(first.canRunWhen.value.toLowerCase());
  if (facts.sms === undefined && (first.adminRights !== undefined || runWhen)) {
    facts.sms = {};
    sources.sms = at(first.line);
    if (first.adminRights !== undefined) {
      facts.sms.adminRights = first.adminRights;
      sources['sms.adminRights'] = at(first.adminLine ?? first.line);
    }
    if (runWhen) {
      facts.sms.runWhen = runWhen;
      sources['sms.runWhen'] = at(first.canRunWhen!.line);
    }
  }
  if (facts.installer?.localAdmin === undefined && first.adminRights !== undefined) {
    facts.installer = { ...facts.installer, localAdmin: first.adminRights };
    sources['installer.localAdmin'] = at(first.adminLine ?? first.line);
  }
}

/** Read the inventories and GPO backups a manifest's groups refer to, and make their targets. */
export async function readArtifacts(todo: PendingRollout, baseDir: string, options: ArtifactOptions): Promise<void> {
  const show = (p: string) => displayPath(p, options.cwd);
  for (const { group, at } of todo.deferred) {
    const template = groupTemplate(group, at, todo.loc);
    let gpo: GpoBackup | undefined;
    if (group.gpo) {
      const dir = resolve(baseDir, group.gpo);
      if (!(await stat(dir).catch(() => undefined))?.isDirectory()) {
        throw new KblintError('missing-file', `gpo: no such folder '${group.gpo}' (relative to the manifest)`, todo.loc([...at, 'gpo']));
      }
      gpo = await readGpoBackup(dir, show);
      applyGpo(template, gpo, options);
    }
    if (group.sms) {
      const file = resolve(baseDir, group.sms);
      const bytes = await readFile(file).catch(() => undefined);
      if (!bytes) throw new KblintError('missing-file', `sms: no such file '${group.sms}' (relative to the manifest)`, todo.loc([...at, 'sms']));
      applySms(template, parseSmsPackage(decodeWindowsText(bytes, show(file)), show(file)), show(file));
    }
    todo.rollout.targets.push(...(await groupComputers(group, at, template, gpo, baseDir, todo, show)));
  }
}

async function groupComputers(
  group: Deferred['group'],
  at: Deferred['at'],
  template: Template,
  gpo: GpoBackup | undefined,
  baseDir: string,
  todo: PendingRollout,
  show: (p: string) => string,
): Promise<Target[]> {
  const { facts, sources } = template;
  if (!group.inventory) {
    const names = (group.computers ?? [group.name]).map((c) => (typeof c === 'string' ? c : c.name));
    return names.map((name, i) => ({ name, facts, sources, location: todo.loc(group.computers ? [...at, 'computers', i] : [...at, 'name']) }));
  }
  const file = resolve(baseDir, group.inventory.file);
  if (!(await stat(file).catch(() => undefined))?.isFile()) {
    throw new KblintError('missing-file', `inventory: no such file '${group.inventory.file}' (relative to the manifest)`, todo.loc([...at, 'inventory', 'file']));
  }
  const ous = group.inventory.ou ? [group.inventory.ou] : gpo?.links.length ? gpo.links.map(somPathToDn) : undefined;
  // Computers with the same OS share one facts object, so the engine evaluates it once.
  const byOs = new Map<string, TargetFacts>();
  const targets: Target[] = [];
  const csv = show(file);
  for await (const computer of readInventory(file, csv)) {
    if (ous && !ous.some((ou) => inOu(computer.ou, ou))) continue;
    const location: Location = { file: csv, line: computer.line, column: 1 };
    const os = facts.os ? undefined : computer.os;
    const admin = facts.installer?.localAdmin === undefined ? computer.localAdmin : undefined;
    if (!os && admin === undefined) {
      targets.push({ name: computer.name, facts, sources, location });
      continue;
    }
    // Computers with the same OS and admin state share one facts object, evaluated once.
    const key = `${os?.version ?? ''}\0${os?.name ?? ''}\0${admin ?? ''}`;
    let own = byOs.get(key);
    if (!own) {
      own = { ...facts };
      if (os) own.os = os;
      if (admin !== undefined) own.installer = { ...facts.installer, localAdmin: admin };
      byOs.set(key, own);
    }
    const ownSources = { ...sources };
    if (os) ownSources.os = location;
    if (admin !== undefined) ownSources['installer.localAdmin'] = location;
    targets.push({ name: computer.name, facts: own, sources: ownSources, location });
  }
  return targets;
}
