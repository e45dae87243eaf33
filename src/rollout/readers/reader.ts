import type { Location, TargetFacts } from '../types.js';
import type { FirewallPolicy } from './firewall.js';

/** Facts an artifact states, each with where it states it (`sources`, by dotted fact path). */
export interface FactSet {
  facts: Partial<Omit<TargetFacts, 'group'>>;
  sources: Record<string, Location>;
}

/**
 * One source of policy: a GPO (of a backup root, a single backup folder or an LGPO export), a
 * Policy Analyzer baseline, a Registry.pol file or an SMS package definition.
 */
export interface PolicySource {
  /** Display name: the GPO's name from its report or backup files, the package's name, else the file name. */
  name: string;
  /** Where the source is named, for a target that stands for it. */
  location: Location;
  /** Facts other than network reach, which needs every source of a computer together. */
  facts: FactSet;
  /** The Windows Firewall policy it sets, if any. */
  firewall?: { file: string; policy: FirewallPolicy };
  /** OUs (as DNs) it applies to (a GPO's links); undefined: not known, so every computer of the group. */
  scope?: string[];
}

/** What a reader needs from the run: how to show paths and how to read a file. */
export interface ReadContext {
  display(path: string): string;
  /** The bytes of a file, refused when it is no regular file or too large; `what` names what was expected. */
  readFile(path: string, what: string): Promise<Buffer>;
}

/** What a reader looks at to decide whether an input is its kind: the name and the first bytes. */
export interface Probe {
  path: string;
  /** Lower-case file or folder name. */
  name: string;
  isDirectory: boolean;
  /** Up to 512 bytes from the start of a file (empty for a folder). */
  head: Uint8Array;
}

/**
 * One kind of artifact, Conftest-style: whether it recognises an input (by name and content, never
 * by trying to parse it), and the policy sources it reads from it, each fact with its provenance.
 */
export interface ArtifactReader {
  /** What the reader reads, for messages: "a GPO backup". */
  kind: string;
  recognises(probe: Probe): boolean | Promise<boolean>;
  read(path: string, context: ReadContext): Promise<PolicySource[]>;
}
