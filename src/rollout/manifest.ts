import { readFile } from 'node:fs/promises';
import { Ajv, type ValidateFunction } from 'ajv';
import { KblintError } from '../errors.js';
import { parseCommand } from '../extract/command.js';
import { packageJson } from '../util/json.js';
import { plainErrors } from '../util/schema-errors.js';
import { loadYaml, MAX_CONFIG_BYTES, type YamlPath } from '../util/yaml.js';
import type { Location, Rollout, RolloutMethod, Target, TargetFacts, Waiver } from './types.js';

interface GroupInput {
  name: string;
  computers?: (string | { name: string; os?: { name?: string; version: string } })[];
  os?: { name?: string; version: string };
  method?: RolloutMethod;
  installer?: { localAdmin?: boolean };
  activation?: boolean;
  command?: string;
  script?: { context?: 'computer' | 'user'; integrityCheck?: boolean; commands?: string[] };
  network?: TargetFacts['network'];
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

export async function readRolloutFile(path: string, name = path): Promise<Rollout> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new KblintError('unreadable', 'no such file, or it cannot be read', { file: name });
  }
  if (bytes.length > MAX_CONFIG_BYTES) {
    throw new KblintError('too-large', `file is ${(bytes.length / 1048576).toFixed(1)} MiB; a rollout manifest is expected to be under ${MAX_CONFIG_BYTES / 1048576} MiB`, { file: name });
  }
  return readRollout(bytes.toString('utf8').replace(/^\ufeff/, ''), name);
}

/** A rollout manifest (YAML or JSON) → targets with the location of every fact. */
export function readRollout(text: string, file: string): Rollout {
  const yaml = loadYaml(text, file);
  const value = yaml.value;
  if (!validator()(value)) {
    const [first, ...rest] = plainErrors(validator().errors ?? [], value);
    const more = rest.length ? ` (and ${rest.length} more: ${rest.slice(0, 3).map((e) => e.message).join('; ')})` : '';
    throw new KblintError('invalid-rollout', `${first!.message}${more}`, { file, ...yaml.locate(first!.path) });
  }
  const input = value as ManifestInput;
  const loc = (path: YamlPath): Location => ({ file, ...yaml.locate(path) });
  const targets: Target[] = [];
  input.groups.forEach((group, g) => targets.push(...groupTargets(group, ['groups', g], loc)));
  const names = new Map<string, Location>();
  for (const t of targets) {
    const first = names.get(t.name);
    if (first) throw new KblintError('duplicate-target', `computer '${t.name}' is listed twice (first at line ${first.line})`, t.location);
    names.set(t.name, t.location);
  }
  const rollout: Rollout = {
    file,
    clusters: { ...input.clusters },
    targets,
    waivers: (input.waivers ?? []).map((w, i) => ({ ...w, location: loc(['waivers', i]) })),
  };
  if (input.name) rollout.name = input.name;
  return rollout;
}

function osVersion(version: string): number {
  return Number(/^\d+\.\d+/.exec(version)![0]);
}

function groupTargets(group: GroupInput, at: YamlPath, loc: (p: YamlPath) => Location): Target[] {
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
    const parsed = commandLines.map((l) => parseCommand(l));
    const msi = parsed.flatMap((c) => c?.msi ?? []).map((m) => m.split(/[\\/]/).pop()!.toLowerCase());
    facts.command = {
      line: commandLines.join('\n'),
      msi,
      quiet: parsed.length > 0 && parsed.every((c) => c?.quiet ?? false),
      rebootSuppressed: parsed.length > 0 && parsed.every((c) => /^reallysuppress$/i.test(c?.properties.REBOOT ?? '')),
    };
    sources.command = loc(group.command !== undefined ? [...at, 'command'] : [...at, 'script', 'commands']);
  }
  if (group.network) {
    facts.network = group.network;
    for (const peer of ['root', 'licensing'] as const) if (group.network[peer]) sources[`network.${peer}`] = loc([...at, 'network', peer]);
    sources.network = loc([...at, 'network']);
  }
  if (!group.computers) return [{ name: group.name, facts, location: loc([...at, 'name']), sources }];
  return group.computers.map((c, i) => {
    const name = typeof c === 'string' ? c : c.name;
    if (typeof c === 'string' || !c.os) return { name, facts, location: loc([...at, 'computers', i]), sources };
    // A computer that names its own OS gets facts of its own.
    const own: TargetFacts = { ...facts, os: { ...(c.os.name ? { name: c.os.name } : {}), version: osVersion(c.os.version) } };
    return { name, facts: own, location: loc([...at, 'computers', i]), sources: { ...sources, os: loc([...at, 'computers', i, 'os']) } };
  });
}
