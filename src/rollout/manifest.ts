import type { ValidateFunction } from 'ajv';
import { KblintError } from '../errors.js';
import { assertWaiverDates } from '../util/date.js';
import { assertValid } from '../util/schema-errors.js';
import { loadYaml, type YamlPath } from '../util/yaml.js';
import { commandFacts } from './command-facts.js';
import type { Template } from './facts.js';
import type { Location, Rollout, RolloutMethod, Target, TargetFacts, Waiver } from './types.js';
import { schemaValidator } from '../util/schema-validator.js';

export interface GroupInput {
  name: string;
  computers?: (string | { name: string; os?: { name?: string; version: string } })[];
  os?: { name?: string; version: string };
  method?: RolloutMethod;
  installer?: { localAdmin?: boolean };
  activation?: boolean;
  command?: string;
  script?: { context?: 'computer' | 'user'; integrityCheck?: boolean; commands?: string[] };
  network?: TargetFacts['network'];
  inventory?: { file: string; ou?: string };
  gpo?: string;
  sms?: string;
  /** The RMS-enabled applications (paths or file names) whose outbound connections the firewall is asked about. */
  applications?: string[];
  /** The Windows Firewall profiles the computers are in when they reach the clusters; default all three. */
  firewallProfiles?: ('domain' | 'private' | 'public')[];
}

interface ManifestInput {
  name?: string;
  clusters?: { root?: string; licensing?: string };
  groups: GroupInput[];
  waivers?: Omit<Waiver, 'location'>[];
}

let validate: ValidateFunction | undefined;
function validator(): ValidateFunction {
  return (validate ??= schemaValidator('rollout'));
}

/** A manifest read as data: its plain targets, the groups that refer to artifacts, and how to locate keys. */
export interface Manifest {
  rollout: Rollout;
  /** Groups whose computers or facts come from artifacts (`gpo`, `sms`, `inventory`), still to be read. */
  deferred: Deferred[];
  loc: (p: YamlPath) => Location;
}

export interface Deferred {
  group: GroupInput;
  at: YamlPath;
}

/** A rollout manifest (YAML or JSON) → targets with the location of every fact; groups with artifacts are returned to be read. */
export function parseManifest(text: string, file: string): Manifest {
  const yaml = loadYaml(text, file);
  const value = yaml.value;
  assertValid(validator(), yaml, file, 'invalid-rollout');
  const input = value as ManifestInput;
  const loc = (path: YamlPath): Location => ({ file, ...yaml.locate(path) });
  const targets: Target[] = [];
  const deferred: Deferred[] = [];
  input.groups.forEach((group, g) => {
    if (group.inventory || group.gpo || group.sms) deferred.push({ group, at: ['groups', g] });
    else for (const t of groupTargets(group, ['groups', g], loc)) targets.push(t);
  });
  assertWaiverDates(input.waivers ?? [], (i) => loc(['waivers', i, 'expires']));
  const rollout: Rollout = { file, clusters: { ...input.clusters }, targets, waivers: (input.waivers ?? []).map((w, i) => ({ ...w, location: loc(['waivers', i]) })), ...(input.name ? { name: input.name } : {}) };
  return { rollout, deferred, loc };
}

/** A manifest that refers to no artifacts → its rollout (use `readRolloutFile` for one that does). */
export function readRollout(text: string, file: string): Rollout {
  const { rollout, deferred, loc } = parseManifest(text, file);
  if (deferred.length) throw new KblintError('needs-artifacts', 'this manifest refers to artifacts (gpo, sms, inventory); they are read relative to its file', loc(deferred[0]!.at));
  checkDuplicates(rollout.targets);
  return rollout;
}

export function checkDuplicates(targets: Target[]): void {
  const names = new Map<string, Location>();
  for (const t of targets) {
    const first = names.get(t.name);
    if (first) throw new KblintError('duplicate-target', `computer '${t.name}' is listed twice (first at line ${first.line})`, t.location);
    names.set(t.name, t.location);
  }
}

function osVersion(version: string): number {
  return Number(/^\d+\.\d+/.exec(version)![0]);
}

export function groupTemplate(group: GroupInput, at: YamlPath, loc: (p: YamlPath) => Location): Template {
  const facts: TargetFacts = { group: group.name };
  const sources: Record<string, Location> = {};
  const put = <K extends keyof TargetFacts>(key: K, value: TargetFacts[K] | undefined, path: YamlPath, sourceKey: string = key) => {
    if (value === undefined) return;
    facts[key] = value;
    sources[sourceKey] = loc([...at, ...path]);
  };
  if (group.os) put('os', { ...(group.os.name ? { name: group.os.name } : {}), version: osVersion(group.os.version) }, ['os']);
  put('method', group.method, ['method']);
  if (group.method) put('install', group.method !== 'none', ['method']);
  if (group.installer?.localAdmin !== undefined) {
    facts.installer = { localAdmin: group.installer.localAdmin };
    sources['installer.localAdmin'] = loc([...at, 'installer', 'localAdmin']);
  }
  put('activation', group.activation, ['activation']);
  if (group.script) {
    const script: NonNullable<TargetFacts['script']> = {};
    if (group.script.context) {
      script.context = group.script.context;
      sources['script.context'] = loc([...at, 'script', 'context']);
    }
    if (group.script.integrityCheck !== undefined) {
      script.integrityCheck = group.script.integrityCheck;
      sources['script.integrityCheck'] = loc([...at, 'script', 'integrityCheck']);
    }
    facts.script = script;
    sources.script = loc([...at, 'script']);
  }
  const commandLines = group.command !== undefined ? [group.command] : group.script?.commands;
  if (commandLines?.length) {
    facts.command = commandFacts(commandLines);
    sources.command = loc(group.command !== undefined ? [...at, 'command'] : [...at, 'script', 'commands']);
  }
  if (group.network) {
    facts.network = group.network;
    for (const peer of ['root', 'licensing'] as const) if (group.network[peer]) sources[`network.${peer}`] = loc([...at, 'network', peer]);
    sources.network = loc([...at, 'network']);
  }
  return { facts, sources };
}

function groupTargets(group: GroupInput, at: YamlPath, loc: (p: YamlPath) => Location): Target[] {
  const { facts, sources } = groupTemplate(group, at, loc);
  if (!group.computers) return [{ name: group.name, facts, location: loc([...at, 'name']), sources }];
  return group.computers.map((c, i) => {
    const name = typeof c === 'string' ? c : c.name;
    if (typeof c === 'string' || !c.os) return { name, facts, location: loc([...at, 'computers', i]), sources };
    // A computer that names its own OS gets facts of its own.
    const own: TargetFacts = { ...facts, os: { ...(c.os.name ? { name: c.os.name } : {}), version: osVersion(c.os.version) } };
    return { name, facts: own, location: loc([...at, 'computers', i]), sources: { ...sources, os: loc([...at, 'computers', i, 'os']) } };
  });
}

