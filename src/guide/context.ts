import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Requirement } from '../extract/types.js';
import type { KbDocument, KnowledgeBase } from '../kb/types.js';
import type { CompiledRule } from '../lint/types.js';
import { parseFile } from '../parse/index.js';
import type { Document } from '../parse/types.js';
import { loadYaml } from '../util/yaml.js';

/** What `i9` adds to requirements (`form`, `trigger`, level `should-not`): read when present, never needed. */
export type GuideRequirement = Requirement & { form?: string; trigger?: string };

export const language = (locale: string) => locale.slice(0, 2).toLowerCase();

/**
 * The knowledge base indexed once for page building: every lookup a page makes is a map access,
 * so the site grows linearly with the content.
 */
export interface GuideData {
  kb: KnowledgeBase;
  rules: CompiledRule[];
  /** Asset ids in content order, each article once. */
  docIds: string[];
  /** The locale versions of each article, sorted by locale. */
  versions: Map<string, KbDocument[]>;
  requirementsOf: Map<string, GuideRequirement[]>;
  byId: Map<string, GuideRequirement>;
  rulesByRequirement: Map<string, CompiledRule[]>;
  /** Requirement id → why no rollout can contradict it (`rules/_not-checkable.yaml`). */
  notCheckable: Map<string, string>;
  /** Where the article files are (kb.json holds paths relative to the folder it was built in). */
  cwd: string;
}

export function guideData(kb: KnowledgeBase, rules: CompiledRule[], notCheckable: Map<string, string>, cwd = process.cwd()): GuideData {
  const versions = new Map<string, KbDocument[]>();
  for (const d of kb.documents) versions.set(d.id, [...(versions.get(d.id) ?? []), d]);
  for (const list of versions.values()) list.sort((a, b) => (a.locale < b.locale ? -1 : 1));
  const requirementsOf = new Map<string, GuideRequirement[]>();
  const byId = new Map<string, GuideRequirement>();
  for (const r of kb.requirements) {
    const key = `${r.doc}\0${r.locale}`;
    requirementsOf.set(key, [...(requirementsOf.get(key) ?? []), r]);
    byId.set(r.id, r);
  }
  const rulesByRequirement = new Map<string, CompiledRule[]>();
  for (const rule of rules) rulesByRequirement.set(rule.requirement.id, [...(rulesByRequirement.get(rule.requirement.id) ?? []), rule]);
  return { kb, rules, docIds: [...versions.keys()], versions, requirementsOf, byId, rulesByRequirement, notCheckable, cwd };
}

/** The version of an article to show on a page in `locale`: its own translation when there is one. */
export function versionFor(data: GuideData, docId: string, locale: string): KbDocument {
  const list = data.versions.get(docId)!;
  return list.find((d) => language(d.locale) === locale) ?? list[0]!;
}

export function requirementsOfVersion(data: GuideData, doc: KbDocument): GuideRequirement[] {
  return data.requirementsOf.get(`${doc.id}\0${doc.locale}`) ?? [];
}

/** A requirement and its translations: rules and reasons bound to any of them hold for all. */
function family(data: GuideData, r: Requirement): string[] {
  return [r.id, ...Object.values(r.translations ?? {})];
}

export function rulesFor(data: GuideData, r: Requirement): CompiledRule[] {
  return [...new Set(family(data, r).flatMap((id) => data.rulesByRequirement.get(id) ?? []))];
}

export function notCheckableReason(data: GuideData, r: Requirement): string | undefined {
  for (const id of family(data, r)) {
    const reason = data.notCheckable.get(id);
    if (reason) return reason;
  }
  return undefined;
}

/** The version of a requirement in the page's language, when the article was translated. */
export function citeIn(data: GuideData, r: Requirement, locale: string): GuideRequirement {
  if (language(r.locale) === locale) return r;
  const id = Object.entries(r.translations ?? {}).find(([l]) => language(l) === locale)?.[1];
  return (id && data.byId.get(id)) || r;
}

/** `rules/_not-checkable.yaml` of a rules folder: requirement id → reason. Absent file: none. */
export function readNotCheckable(rulesDir: string): Map<string, string> {
  const file = join(rulesDir, '_not-checkable.yaml');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return new Map();
  }
  const list = loadYaml(text, file).value as { requirement?: unknown; reason?: unknown }[] | null;
  return new Map((Array.isArray(list) ? list : []).filter((e) => typeof e?.requirement === 'string' && typeof e.reason === 'string').map((e) => [e.requirement as string, e.reason as string]));
}

/** The article as parsed, for its procedures and code; undefined when its file is gone (a kb.json from elsewhere). */
export async function parsedArticle(data: GuideData, doc: KbDocument): Promise<Document | undefined> {
  try {
    return await parseFile(resolve(data.cwd, doc.file), doc.file);
  } catch {
    return undefined;
  }
}
