import { parseCommand } from '../../extract/command.js';
import { commandFacts } from '../command-facts.js';
import type { Location } from '../types.js';
import type { GpoBackup, GpoScript } from './gpo.js';
import type { FactSet } from './reader.js';
import type { PolEntry } from './registry-pol.js';
import type { SmsPackage } from './sms.js';

/** Where a registry setting is: its key and value, with the byte offset (Registry.pol) or line (PolicyRules). */
export function polLocation(file: string, entry: PolEntry & { line?: number }): Location {
  const where = entry.line !== undefined ? `line ${entry.line}` : `byte offset ${entry.offset}`;
  const name = `${entry.key}\\${entry.value}`;
  if (entry.line !== undefined) return { file, line: entry.line, column: 1, detail: `${name} (${where})`, logicalName: name };
  return { file, line: 1, column: 1, detail: `${name} (${where})`, byteOffset: entry.offset, logicalName: name };
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

/** The facts a GPO states about installing the RMS client: method, script, command; each with its file and line. */
export function gpoFacts(gpo: GpoBackup): FactSet {
  const facts: FactSet['facts'] = {};
  const sources: FactSet['sources'] = {};
  // The RMS client deployed through Group Policy Software Installation.
  const pkg = gpo.packages.find((p) => RMS_PACKAGE.test(p.path) || RMS_PACKAGE.test(p.name));
  if (pkg) {
    const at: Location = { file: pkg.report, line: pkg.line, column: 1, detail: `${pkg.deployment || 'deployed'} to ${pkg.side === 'computer' ? 'computers' : 'users'}: ${pkg.path}` };
    facts.method = 'group-policy';
    facts.install = true;
    sources.method = sources.install = at;
  }
  const found = installerScript(gpo);
  if (!found) return { facts, sources };
  const { script, command } = found;
  const iniLoc: Location = { file: script.ini, line: script.line, column: 1 };
  if (facts.method === undefined) {
    facts.method = 'startup-script';
    facts.install = true;
    sources.method = sources.install = iniLoc;
  }
  facts.script = { context: script.side === 'computer' && script.phase.toLowerCase() === 'startup' ? 'computer' : 'user' };
  sources.script = sources['script.context'] = iniLoc;
  const scan = script.body?.scan;
  if (scan) {
    const file = script.body!.file;
    const firstInstall = scan.installs[0]!.line;
    const inert = scan.verifiedBeforeInstall ? undefined : scan.inertChecks.find((c) => c.line <= firstInstall && !c.external);
    const external = scan.verifiedBeforeInstall ? undefined : scan.inertChecks.find((c) => c.line <= firstInstall && c.external);
    if (external) {
      // The install waits on a script kblint cannot read: whether that verifies the packages is open.
      facts.unknown = { 'script.integrityCheck': `${file}:${external.line}: ${external.why}` };
      sources['script.integrityCheck'] = { file, line: external.line, column: 1, detail: external.why };
    } else {
      facts.script.integrityCheck = scan.verifiedBeforeInstall;
      const check = scan.integrityChecks[0];
      // A hash computed and ignored is no check: the finding points at it and says why.
      sources['script.integrityCheck'] = inert
        ? { file, line: inert.line, column: 1, detail: `not an integrity check: ${inert.why}` }
        : { file, line: check?.line ?? firstInstall, column: 1 };
    }
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
  return { facts, sources };
}

/** Facts an SMS package definition states: method sms, its install commands, admin rights. */
export function smsFacts(pkg: SmsPackage, file: string): FactSet {
  const facts: FactSet['facts'] = {};
  const sources: FactSet['sources'] = {};
  const programs = pkg.programs.filter((p) => parseCommand(p.commandLine)?.msi.length);
  const first = programs[0];
  if (!first) return { facts, sources };
  const at = (line: number): Location => ({ file, line, column: 1 });
  facts.method = 'sms';
  facts.install = true;
  sources.method = sources.install = at(first.line);
  facts.command = commandFacts(programs.map((p) => p.commandLine));
  sources.command = at(first.line);
  if (first.adminRights !== undefined) {
    facts.installer = { localAdmin: first.adminRights };
    sources['installer.localAdmin'] = at(first.adminLine ?? first.line);
  }
  // The program's own settings: AdminRightsRequired and CanRunWhen, each at its line.
  const runWhen = first.canRunWhen && SMS_RUN_WHEN.get(first.canRunWhen.value.toLowerCase());
  if (first.adminRights !== undefined || runWhen) {
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
  return { facts, sources };
}

const SMS_RUN_WHEN = new Map<string, 'user' | 'any' | 'no-user'>([
  ['userloggedon', 'user'],
  ['anyuserstatus', 'any'],
  ['nouserloggedon', 'no-user'],
]);
