/** Where a fact came from: a file and a line/column in it. */
export interface Location {
  file: string;
  line: number;
  column: number;
  /** Where in a binary or structured artifact: a Registry.pol key and value, with its byte offset. */
  detail?: string;
  /** In a binary artifact (Registry.pol): the byte offset of the deciding entry (its line and column mean nothing). */
  byteOffset?: number;
  /** The deciding entry by name, e.g. the Registry.pol key and value `SOFTWARE\\…\\DefaultOutboundAction`. */
  logicalName?: string;
}

export type RolloutMethod = 'group-policy' | 'windows-update' | 'startup-script' | 'sms' | 'manual' | 'none';

/**
 * The facts about one computer (or a group taken as one), as rule schemas see them. Unknown
 * facts are absent, never guessed: a rule that needs one reports `notchecked`. The computers of
 * a group share one facts object (the lint engine evaluates it once); the name is the target's.
 */
export interface TargetFacts {
  group: string;
  os?: { name?: string; version: number };
  method?: RolloutMethod;
  /** Whether the rollout installs the separate RMS client here (a method other than `none`). */
  install?: boolean;
  installer?: { localAdmin?: boolean };
  activation?: boolean;
  script?: { context?: 'computer' | 'user'; integrityCheck?: boolean };
  /** The SMS program that installs the client: `AdminRightsRequired`, and `CanRunWhen` (UserLoggedOn → user, AnyUserStatus → any, NoUserLoggedOn → no-user). */
  sms?: { adminRights?: boolean; runWhen?: 'user' | 'any' | 'no-user' };
  command?: {
    line: string;
    /** MSI files in the order the command installs them, lower case. */
    msi: string[];
    quiet: boolean;
    rebootSuppressed: boolean;
  };
  network?: { root?: { ports: number[] }; licensing?: { ports: number[] } };
  /**
   * Why a fact is unknown, by dotted path (`network.root`), where an artifact says why (a firewall
   * rule that depends on the program, an inventory row without a version): the `notchecked` reason.
   */
  unknown?: Record<string, string>;
}

export interface Target {
  name: string;
  facts: TargetFacts;
  /** Where the target itself is named. */
  location: Location;
  /** Where each fact is stated, by its dotted path (`installer.localAdmin`); shared by a group. */
  sources: Record<string, Location>;
}

export interface Waiver {
  rule: string;
  target: string;
  reason: string;
  expires: string;
  location: Location;
}

export interface Rollout {
  file: string;
  name?: string;
  clusters: { root?: string; licensing?: string };
  targets: Target[];
  waivers: Waiver[];
  /** What was read but is doubtful or left out (a row without a version), each with its place. */
  warnings?: { message: string; location: Location }[];
}
