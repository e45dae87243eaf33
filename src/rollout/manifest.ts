import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { displayPath } from '../util/files.js';
import { Ajv, type ValidateFunction } from 'ajv';
import { KblintError } from '../errors.js';
import { packageJson } from '../util/json.js';
import { assertValid } from '../util/schema-errors.js';
import { loadYaml, MAX_CONFIG_BYTES, type YamlPath } from '../util/yaml.js';
import { readArtifacts, type ArtifactOptions } from './artifacts.js';
import { commandFacts } from './command-facts.js';
import type { Location, Rollout, RolloutMethod, Target, TargetFacts, Waiver } from './types.js';

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
}

interface ManifestInput {
  name?: string;
  clusters?: { root?: string; licensing?: string };
  groups: GroupInput[];
  waivers?: Omit<Waiver, 'location'>[];
}

let validate: ValidateFunction | undefined;
function validator(): ValidateFunction {
  return (validate ??= new Ajv({ allErrors: true, strict: false }).compile(packageJson('schema/rollout.schema.json')));
}

export async function readRolloutFile(path: string, name = path, options: ArtifactOptions = {}): Promise<Rollout> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new KblintError('unreadable', 'no such file, or it cannot be read', { file: name });
  }
  if (bytes.length > MAX_CONFIG_BYTES) {
    throw new KblintError('too-large', `file is ${(bytes.length / 1048576).toFixed(1)} MiB; a rollout manifest is expected to be under ${MAX_CONFIG_BYTES / 1048576} MiB`, { file: name });
  }
  return readRolloutText(bytes.toString('utf8'), name, dirname(path), options);
}

/** A manifest given as text (`kblint check -` reads standard input): its artifacts resolve against `dir`. */
export async function readRolloutText(text: string, name: string, dir: string, options: ArtifactOptions = {}): Promise<Rollout> {
  const rollout = readRollout(text.replace(/^\ufeff/, ''), name);
  const todo = pendingOf(rollout);
  if (todo) {
    await readArtifacts(todo, dir, options);
    checkDuplicates(rollout.targets);
  }
  return rollout;
}

/** A rollout manifest (YAML or JSON) → targets with the location of every fact. */
export function readRollout(text: string, file: string): Rollout {
  const yaml = loadYaml(text, file);
  const value = yaml.value;
  assertValid(validator(), yaml, file, 'invalid-rollout');
  const input = value as ManifestInput;
  const loc = (path: YamlPath): Location => ({ file, ...yaml.locate(path) });
  const targets: Target[] = [];
  const deferred: Deferred[] = [];
  input.groups.forEach((group, g) => {
    if (group.inventory || group.gpo || group.sms) deferred.push({ group, at: ['groups', g] });
    else targets.push(...groupTargets(group, ['groups', g], loc));
  });
  return finish({ file, clusters: { ...input.clusters }, targets, waivers: (input.waivers ?? []).map((w, i) => ({ ...w, location: loc(['waivers', i]) })), ...(input.name ? { name: input.name } : {}) }, deferred, loc);
}

export interface Deferred {
  group: GroupInput;
  at: YamlPath;
}

/** A manifest whose groups refer to artifacts: what is left to read, and how to locate manifest keys. */
export interface PendingRollout {
  rollout: Rollout;
  deferred: Deferred[];
  loc: (p: YamlPath) => Location;
}

const pending = new WeakMap<Rollout, PendingRollout>();

function finish(rollout: Rollout, deferred: Deferred[], loc: (p: YamlPath) => Location): Rollout {
  if (deferred.length) pending.set(rollout, { rollout, deferred, loc });
  else checkDuplicates(rollout.targets);
  return rollout;
}

/** Groups of a manifest read by `readRollout` that still need their artifacts read. */
export function pendingOf(rollout: Rollout): PendingRollout | undefined {
  return pending.get(rollout);
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

export interface Template {
  facts: TargetFacts;
  sources: Record<string, Location>;
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

/**
 * A rollout from artifacts alone (`kblint check <gpo-dir>` or `kblint check inventory.csv --gpo dir`):
 * one group named after the GPO folder or the inventory, facts from the artifacts only.
 */
export async function rolloutFromArtifacts(sources: { gpo?: string; inventory?: string }, options: ArtifactOptions = {}): Promise<Rollout> {
  const anchor = sources.gpo ?? sources.inventory!;
  const cwd = options.cwd ?? process.cwd();
  const group: GroupInput = { name: basename(anchor).replace(/\.[^.]*$/, '') || 'rollout' };
  if (sources.gpo) group.gpo = resolve(cwd, sources.gpo);
  if (sources.inventory) group.inventory = { file: resolve(cwd, sources.inventory) };
  const file = displayPath(resolve(cwd, anchor), cwd);
  const rollout: Rollout = { file, clusters: {}, targets: [], waivers: [] };
  await readArtifacts({ rollout, deferred: [{ group, at: [] }], loc: () => ({ file, line: 1, column: 1 }) }, cwd, options);
  checkDuplicates(rollout.targets);
  return rollout;
}
