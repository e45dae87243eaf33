import { open, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { KblintError } from '../errors.js';
import { displayPath, readInputFile } from '../util/files.js';
import { MAX_CONFIG_BYTES, type YamlPath } from '../util/yaml.js';
import { explainUnknown, withArtifactFacts, type Template } from './facts.js';
import { checkDuplicates, groupTemplate, parseManifest, type Deferred, type GroupInput, type Manifest } from './manifest.js';
import { reachFacts } from './network.js';
import { READERS, readerFor, SMS_READERS, type ArtifactReader, type PolicySource, type Probe, type ReadContext } from './readers/index.js';
import { inOu, readInventory } from './readers/inventory.js';
import type { Location, Rollout, Target, TargetFacts } from './types.js';

export interface ArtifactOptions {
  /** Ports the documentation names (from the KB): the firewall is asked about these. */
  ports?: number[];
  cwd?: string;
  /**
   * Folders besides the manifest's own repository that a manifest may name artifacts in. By
   * default a manifest reads only inside its repository (the git work tree it is in, else its
   * folder), so a manifest from a pull request cannot make kblint read `/etc/shadow`.
   */
  artifactRoots?: string[];
}

/** At most this many warnings are kept word for word; the rest are counted. */
const MAX_WARNINGS = 50;

/**
 * Reads each file at most once per run (a script that 50 ini entries run is read once), through
 * `readInputFile`. With `roots`, a file inside an artifact that links out of them (a scripts.ini
 * that is a symlink to /etc/shadow) is refused before it is read.
 */
function readContext(options: ArtifactOptions, roots?: string[]): ReadContext {
  const cache = new Map<string, Promise<Buffer>>();
  const display = (p: string) => displayPath(p, options.cwd);
  const confined = async (path: string, what: string): Promise<Buffer> => {
    if (roots) {
      const real = await realpath(path).catch(() => path);
      if (!roots.some((r) => inside(real, r))) {
        throw new KblintError('outside-repository', `links to a file outside the manifest's repository; expected ${what} inside it (or --artifact-root)`, { file: display(path) });
      }
    }
    return readInputFile(path, { what, display: display(path) });
  };
  return {
    display,
    readFile(path, what) {
      let bytes = cache.get(path);
      if (!bytes) cache.set(path, (bytes = confined(path, what)));
      return bytes;
    },
  };
}

async function probe(path: string): Promise<Probe | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  const name = basename(path).toLowerCase();
  if (info.isDirectory()) return { path, name, isDirectory: true, head: new Uint8Array(0) };
  if (!info.isFile()) return { path, name, isDirectory: false, head: new Uint8Array(0) };
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return { path, name, isDirectory: false, head: new Uint8Array(0) };
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, 512, 0);
    return { path, name, isDirectory: false, head: head.subarray(0, bytesRead) };
  } finally {
    await handle.close();
  }
}

/** The git work tree a file is in (a folder with `.git`), else its own folder. */
async function repositoryOf(file: string): Promise<string> {
  const start = dirname(file);
  for (let dir = start; ; dir = dirname(dir)) {
    if (await stat(join(dir, '.git')).catch(() => undefined)) return dir;
    if (dirname(dir) === dir) return start;
  }
}

const inside = (path: string, root: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

interface Resolver {
  /** An artifact path from a manifest key, resolved against the manifest and confined to the allowed folders. */
  (value: string, key: YamlPath, what: string): Promise<string>;
  /** The folders (real paths) a manifest may read in. */
  roots: string[];
}

async function resolver(manifestFile: string, manifest: Manifest, options: ArtifactOptions): Promise<Resolver> {
  const base = dirname(manifestFile);
  const repository = await repositoryOf(manifestFile);
  const roots = await Promise.all([repository, ...(options.artifactRoots ?? []).map((r) => resolve(options.cwd ?? process.cwd(), r))].map((r) => realpath(r).catch(() => r)));
  const resolveIn = async (value: string, key: YamlPath, what: string) => {
    const path = resolve(base, value);
    const real = await realpath(path).catch(() => undefined);
    if (!real) throw new KblintError('missing-file', `${String(key[key.length - 1] === 'file' ? 'inventory' : key[key.length - 1])}: no such ${what} '${value}' (relative to the manifest)`, manifest.loc(key));
    if (!roots.some((r) => inside(real, r))) {
      throw new KblintError(
        'outside-repository',
        `'${value}' is outside the manifest's repository (${displayPath(repository, options.cwd)}); a manifest reads artifacts only there unless kblint check is given --artifact-root`,
        manifest.loc(key),
      );
    }
    return path;
  };
  return Object.assign(resolveIn, { roots });
}

/** The policy sources an artifact holds, read by the first reader that recognises it. */
async function readPolicies(path: string, context: ReadContext, accept: readonly ArtifactReader[] = READERS): Promise<PolicySource[]> {
  const p = await probe(path);
  if (!p) throw new KblintError('missing-file', 'no such file or folder', { file: context.display(path) });
  const reader = await readerFor(p, context.display(path), accept);
  return reader.read(path, context);
}

interface GroupArtifacts {
  gpos: PolicySource[];
  sms: PolicySource[];
  inventory?: string;
}

/** Turns policy sources into facts for a computer (or a target standing for a GPO), once per combination. */
class FactBuilder {
  private readonly cache = new Map<string, Template>();
  constructor(
    private readonly template: Template,
    private readonly artifacts: GroupArtifacts,
    private readonly rollout: Rollout,
    private readonly programs: string[] | undefined,
    private readonly ports: number[],
    private readonly profiles: GroupInput['firewallProfiles'],
  ) {}

  /** Facts from the manifest, then the given GPOs (in order), then the SMS package; network from their firewalls together. */
  build(gpos: PolicySource[], key = gpos.map((g) => this.artifacts.gpos.indexOf(g)).join(',')): Template {
    let done = this.cache.get(key);
    if (done) return done;
    const sources = [...gpos, ...this.artifacts.sms];
    let merged = withArtifactFacts(this.template, sources.map((s) => s.facts));
    // What an artifact says it cannot know (a verifier script outside the backup) becomes the notchecked reason.
    for (const s of sources) {
      for (const [path, reason] of Object.entries(s.facts.facts.unknown ?? {})) {
        explainUnknown(merged, path, reason);
        if (merged.facts.unknown?.[path] === reason && !merged.sources[path] && s.facts.sources[path]) merged.sources[path] = s.facts.sources[path];
      }
    }
    const firewalls = sources.flatMap((s) => (s.firewall ? [s.firewall] : []));
    if (firewalls.length) {
      const reach = reachFacts(firewalls, { ports: this.ports, clusters: this.rollout.clusters, ...(this.programs ? { programs: this.programs } : {}), ...(this.profiles ? { profiles: this.profiles } : {}) });
      merged = withArtifactFacts(merged, [reach]);
      for (const [path, reason] of Object.entries(reach.unknown)) explainUnknown(merged, path, reason);
    }
    this.cache.set(key, (done = merged));
    return done;
  }
}

/** Read the artifacts of one manifest group and make its targets. */
async function groupTargets(
  { group, at }: Deferred,
  manifest: Manifest,
  artifacts: GroupArtifacts,
  context: ReadContext,
  options: ArtifactOptions,
  warn: (message: string, location: Location) => void,
): Promise<Target[]> {
  const template = groupTemplate(group, at, manifest.loc);
  const builder = new FactBuilder(template, artifacts, manifest.rollout, group.applications, options.ports ?? [], group.firewallProfiles);
  const { gpos } = artifacts;
  if (!artifacts.inventory) {
    if (!group.computers && gpos.length > 1) {
      // A backup root: one target per GPO, named by its display name, each with its own facts and files.
      return gpos.map((gpo) => ({ name: gpo.name, ...pick(builder.build([gpo])), location: gpo.location }));
    }
    const { facts, sources } = builder.build(gpos);
    const names = (group.computers ?? [group.name]).map((c) => (typeof c === 'string' ? c : c.name));
    return names.map((name, i) => ({ name, facts, sources, location: manifest.loc(group.computers ? [...at, 'computers', i] : [...at, 'name']) }));
  }
  return inventoryTargets(group, at, manifest, artifacts.inventory, builder, gpos, context, warn);
}

const pick = (t: Template) => ({ facts: t.facts, sources: t.sources });

async function inventoryTargets(
  group: GroupInput,
  at: YamlPath,
  manifest: Manifest,
  file: string,
  builder: FactBuilder,
  gpos: PolicySource[],
  context: ReadContext,
  warn: (message: string, location: Location) => void,
): Promise<Target[]> {
  const csv = context.display(file);
  const explicitOu = group.inventory?.ou;
  const scoped = !explicitOu && gpos.some((g) => g.scope);
  if (!explicitOu) {
    for (const g of gpos) if (g.scope?.length === 0) warn(`GPO '${g.name}' is not linked to any OU (its gpreport.xml has no LinksTo), so it applies to no computer of the inventory`, g.location);
  }
  // Computers of one combination (GPOs, OS, admin state) share one facts object: the engine evaluates it once.
  const shared = new Map<string, TargetFacts>();
  const targets: Target[] = [];
  let missingVersion = 0;
  const headerCheck = (columns: string[]) => {
    if ((explicitOu || scoped) && !columns.includes('distinguishedname')) {
      const why = explicitOu ? `ou: ${explicitOu}` : `the OUs the GPO${gpos.length > 1 ? 's are' : ' is'} linked to (${gpos.flatMap((g) => g.scope ?? []).slice(0, 3).join('; ')})`;
      throw new KblintError('bad-inventory', `no DistinguishedName column, so the computers in ${why} cannot be selected; export it with Get-ADComputer … | Select-Object Name,DistinguishedName,OperatingSystem,OperatingSystemVersion`, { file: csv, line: 1 });
    }
  };
  const rowWarn = (message: string, line: number) => warn(message, { file: csv, line, column: 1 });
  for await (const computer of readInventory(file, csv, { warn: rowWarn, onHeader: headerCheck })) {
    const location: Location = { file: csv, line: computer.line, column: 1 };
    if (explicitOu && !computer.dn) {
      rowWarn(`${computer.name}: no DistinguishedName, so ou: cannot select it; left out`, computer.line);
      continue;
    }
    if (explicitOu && !inOu(computer.ou, explicitOu)) continue;
    let applying = gpos;
    if (scoped) {
      if (!computer.dn) {
        rowWarn(`${computer.name}: no DistinguishedName, so no GPO link can select it; left out`, computer.line);
        continue;
      }
      applying = gpos.filter((g) => !g.scope || g.scope.some((ou) => inOu(computer.ou, ou)));
      if (applying.length === 0) continue;
    }
    const base = builder.build(applying);
    const os = base.facts.os ? undefined : computer.os;
    const admin = base.facts.installer?.localAdmin === undefined ? computer.localAdmin : undefined;
    const noVersion = !base.facts.os && !computer.os;
    if (noVersion && missingVersion++ < MAX_WARNINGS) rowWarn(`${computer.name}: ${computer.osProblem ?? 'no OperatingSystemVersion'}; rules about its OS are notchecked`, computer.line);
    const key = `${applying.map((g) => gpos.indexOf(g)).join(',')}\0${os?.version ?? ''}\0${os?.name ?? ''}\0${admin ?? ''}\0${noVersion}`;
    let facts = shared.get(key);
    if (!facts) {
      facts = { ...base.facts };
      if (os) facts.os = os;
      if (admin !== undefined) facts.installer = { ...facts.installer, localAdmin: admin };
      if (noVersion) facts.unknown = { ...facts.unknown, os: 'the inventory row gives no usable OperatingSystemVersion' };
      shared.set(key, facts);
    }
    const sources = os || admin !== undefined ? { ...base.sources } : base.sources;
    if (os) sources.os = location;
    if (admin !== undefined) sources['installer.localAdmin'] = location;
    targets.push({ name: computer.name, facts, sources, location });
  }
  if (missingVersion > MAX_WARNINGS) warn(`${missingVersion - MAX_WARNINGS} more rows without a usable OperatingSystemVersion`, { file: csv, line: 1, column: 1 });
  return targets;
}

function warnings(rollout: Rollout): (message: string, location: Location) => void {
  return (message, location) => (rollout.warnings ??= []).push({ message, location });
}

/** Read a rollout manifest file and every artifact its groups refer to. */
export async function readRolloutFile(path: string, name = path, options: ArtifactOptions = {}): Promise<Rollout> {
  const bytes = await readInputFile(path, { what: 'a rollout manifest (YAML or JSON)', maxBytes: MAX_CONFIG_BYTES, display: name });
  const kind = notAManifest(bytes);
  if (kind) throw new KblintError('not-a-manifest', `this is ${kind}, not a rollout manifest; give kblint check its folder, or name it under gpo: in a manifest`, { file: name });
  return readRolloutText(bytes.toString('utf8'), path, name, options);
}

/**
 * A manifest given as text (`kblint check -` reads standard input) and every artifact its groups
 * refer to, resolved as for a manifest file at `path`.
 */
export async function readRolloutText(text: string, path: string, name = path, options: ArtifactOptions = {}): Promise<Rollout> {
  const manifest = parseManifest(text.replace(/^\ufeff/, ''), name);
  const { rollout } = manifest;
  if (manifest.deferred.length) {
    const resolve = await resolver(path, manifest, options);
    const context = readContext(options, resolve.roots);
    const warn = warnings(rollout);
    for (const deferred of manifest.deferred) {
      const { group, at } = deferred;
      const artifacts: GroupArtifacts = { gpos: [], sms: [] };
      if (group.gpo) artifacts.gpos = await readPolicies(await resolve(group.gpo, [...at, 'gpo'], 'file or folder'), context);
      if (group.sms) artifacts.sms = await readPolicies(await resolve(group.sms, [...at, 'sms'], 'file'), context, SMS_READERS);
      if (group.inventory) artifacts.inventory = await resolve(group.inventory.file, [...at, 'inventory', 'file'], 'file');
      for (const t of await groupTargets(deferred, manifest, artifacts, context, options, warn)) rollout.targets.push(t);
    }
  }
  checkDuplicates(rollout.targets);
  return rollout;
}

/** What a file given as a manifest really is, when it is plainly something else: kblint never parses it as YAML then. */
function notAManifest(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 512));
  if (head.subarray(0, 4).toString('latin1') === 'PReg') return 'a Registry.pol file';
  const text = head.toString(head[0] === 0xff && head[1] === 0xfe ? 'utf16le' : 'utf8').replace(/^\ufeff/, '').trimStart();
  if (text.startsWith('<')) {
    const root = /<(?:\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<?([A-Za-z][\w:.-]*)/.exec(text)?.[1];
    return root ? `an XML file (<${root.replace(/[^\w:.-]/g, '')}>)` : 'an XML file';
  }
  if (/^\[(PDF|Package Definition|Startup|Logon|Shutdown|Logoff)\]/i.test(text)) return 'an INI file';
  if (head.includes(0)) return 'a binary file';
  return undefined;
}

/**
 * A rollout from artifacts alone (`kblint check <gpo-dir | file>` or `kblint check inventory.csv
 * --gpo dir`): facts from the artifacts only. A backup root gives one target per GPO, named by its
 * display name; with an inventory, its computers in the OUs each GPO is linked to.
 */
export async function rolloutFromArtifacts(sources: { gpo?: string; inventory?: string; sms?: string }, options: ArtifactOptions = {}): Promise<Rollout> {
  const cwd = options.cwd ?? process.cwd();
  const anchor = sources.gpo ?? sources.sms ?? sources.inventory!;
  const file = displayPath(resolve(cwd, anchor), cwd);
  const context = readContext(options);
  const rollout: Rollout = { file, clusters: {}, targets: [], waivers: [] };
  const artifacts: GroupArtifacts = { gpos: [], sms: [] };
  if (sources.gpo) artifacts.gpos = await readPolicies(resolve(cwd, sources.gpo), context);
  if (sources.sms) artifacts.sms = await readPolicies(resolve(cwd, sources.sms), context, SMS_READERS);
  if (sources.inventory) artifacts.inventory = resolve(cwd, sources.inventory);
  const single = artifacts.gpos.length === 1 ? artifacts.gpos[0] : artifacts.sms[0];
  const name = single?.name ?? basename(anchor).replace(/\.[^.]*$/, '') ?? 'rollout';
  const group: GroupInput = { name: name || 'rollout' };
  const manifest: Manifest = { rollout, deferred: [], loc: () => single?.location ?? { file, line: 1, column: 1 } };
  for (const t of await groupTargets({ group, at: [] }, manifest, artifacts, context, options, warnings(rollout))) rollout.targets.push(t);
  checkDuplicates(rollout.targets);
  return rollout;
}

/**
 * What `kblint check <path>` reads: a manifest (YAML or JSON), an inventory CSV, or any artifact a
 * reader recognises (a GPO folder or backup root, gpreport.xml, registry.pol, manifest.xml,
 * .PolicyRules, an SMS package definition), decided by name and content, never by trying YAML first.
 */
export async function readRolloutInput(path: string, options: ArtifactOptions & { gpo?: string; inventory?: string } = {}): Promise<Rollout> {
  const cwd = options.cwd ?? process.cwd();
  const full = resolve(cwd, path);
  const p = await probe(full);
  const isCsv = /\.(csv|tsv)$/i.test(full);
  if (isCsv || options.inventory) {
    return rolloutFromArtifacts({ ...(options.gpo ? { gpo: options.gpo } : {}), inventory: options.inventory ?? path, ...(isCsv || !p ? {} : { gpo: path }) }, options);
  }
  if (p && !/\.(ya?ml|json)$/i.test(full)) {
    for (const reader of READERS) {
      if (!(await reader.recognises(p))) continue;
      const sms = SMS_READERS.includes(reader);
      return rolloutFromArtifacts({ ...(sms ? { sms: path } : { gpo: path }), ...(options.gpo && sms ? { gpo: options.gpo } : {}) }, options);
    }
  }
  return readRolloutFile(full, displayPath(full, cwd), options);
}
