import type { ErrorObject, ValidateFunction } from 'ajv';
import { KblintError } from '../errors.js';
import type { LoadedYaml, YamlPath } from './yaml.js';
import { suggest } from '../report/suggest.js';

/** `/groups/2/method` → ['groups', 2, 'method']. */
export function pathOf(instancePath: string): YamlPath {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** ['groups', 2, 'method'] → `groups[2].method`. */
export function displayPath(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(top level)';
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: YamlPath): unknown {
  let v: unknown = root;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

export interface PlainError {
  path: YamlPath;
  message: string;
}

/**
 * The most useful of ajv's errors, in plain words. anyOf/oneOf noise is dropped in favour of the
 * errors of the branch that got furthest.
 */
export function plainErrors(errors: ErrorObject[], root: unknown): PlainError[] {
  const useful = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
  const deepest = useful.length ? useful : errors;
  const out: PlainError[] = [];
  const seen = new Set<string>();
  for (const e of deepest) {
    const path = pathOf(e.instancePath);
    let message: string;
    let at = path;
    const got = valueAt(root, path);
    switch (e.keyword) {
      case 'enum':
        message = `expected one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}; got ${describe(got)}`;
        break;
      case 'const':
        message = `expected ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}; got ${describe(got)}`;
        break;
      case 'type':
        message = `expected ${(e.params as { type: string }).type}; got ${describe(got)}`;
        break;
      case 'required':
        message = `missing '${(e.params as { missingProperty: string }).missingProperty}'`;
        break;
      case 'additionalProperties': {
        const key = (e.params as { additionalProperty: string }).additionalProperty;
        at = [...path, key];
        // With ajv's verbose errors (the shipped schemas), the keys that are allowed: a typo gets a suggestion.
        const known = Object.keys((e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
        const hint = suggest(key, known);
        message = `unknown key '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}`;
        break;
      }
      default:
        message = e.message ?? e.keyword;
    }
    const text = `${displayPath(at)}: ${message}`;
    if (!seen.has(text)) {
      seen.add(text);
      out.push({ path: at, message: text });
    }
  }
  return out;
}

/**
 * Validate a loaded YAML/JSON file against a compiled schema; on failure, a KblintError at the
 * first problem's line and column, in plain words, naming how many more there are.
 */
export function assertValid(validate: ValidateFunction, yaml: LoadedYaml, file: string, code: string): void {
  if (validate(yaml.value)) return;
  const [first, ...rest] = plainErrors(validate.errors ?? [], yaml.value);
  const more = rest.length ? ` (and ${rest.length} more: ${rest.slice(0, 3).map((e) => e.message).join('; ')})` : '';
  throw new KblintError(code, `${first!.message}${more}`, { file, ...yaml.locate(first!.path) });
}
