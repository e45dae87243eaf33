import type { FactSet } from './readers/reader.js';
import type { Location, TargetFacts } from './types.js';

/** A group's facts with where each is stated, before it is handed to its computers. */
export interface Template {
  facts: TargetFacts;
  sources: Record<string, Location>;
}

/**
 * The facts that can be stated, as dotted paths; each is taken whole from one place. `script` is
 * split into its two facts, so a manifest's `context` and a script's integrity check can combine.
 */
const FACT_PATHS = ['os', 'method', 'install', 'installer.localAdmin', 'activation', 'script.context', 'script.integrityCheck', 'command', 'network.root', 'network.licensing', 'sms.adminRights', 'sms.runWhen'] as const;

function get(facts: object, path: string): unknown {
  let v: unknown = facts;
  for (const p of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

function set(facts: object, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = facts as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
  at[parts[parts.length - 1]!] = value;
}

/**
 * The one place where precedence is decided: what the manifest states wins over what artifacts
 * state, and among artifacts the first that states a fact wins (a computer's GPOs in backup
 * order, then an SMS package). Each fact keeps the location of the place it was taken from.
 * The manifest's template is not changed; a new one is returned.
 */
export function withArtifactFacts(manifest: Template, artifacts: readonly FactSet[]): Template {
  const facts = structuredClone(manifest.facts);
  const sources = { ...manifest.sources };
  for (const artifact of artifacts) {
    for (const path of FACT_PATHS) {
      const value = get(artifact.facts, path);
      if (value === undefined || get(facts, path) !== undefined) continue;
      set(facts, path, structuredClone(value));
      const source = artifact.sources[path];
      if (source) sources[path] = source;
      // The parent object's location too (`script`, `network`), where the manifest gave none.
      const parent = path.split('.')[0]!;
      if (parent !== path && !sources[parent] && artifact.sources[parent]) sources[parent] = artifact.sources[parent];
    }
  }
  return { facts, sources };
}

/** Why a fact is unknown, for a `notchecked` outcome's reason; kept beside the facts rules see. */
export function explainUnknown(template: Template, path: string, reason: string): void {
  if (get(template.facts, path) !== undefined) return;
  template.facts.unknown = { ...template.facts.unknown, [path]: reason };
}
