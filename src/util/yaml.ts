import YAML, { isMap, isScalar, isSeq, LineCounter, type Node } from 'yaml';
import { KblintError } from '../errors.js';
import { checkYamlDepth } from './yaml-depth.js';

/** Configuration files are small; a larger one is refused before parsing. */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type YamlPath = (string | number)[];

export interface LoadedYaml {
  value: unknown;
  /** Line and column of the node at `path`, or of its nearest existing parent. */
  locate(path: YamlPath): { line: number; column: number };
}

/**
 * Parse YAML (or JSON, which is YAML) as data: no custom tags, at most 50 aliases, duplicate keys and
 * keys that would reach an object's prototype refused, every error with its line and column.
 */
export function loadYaml(text: string, file: string): LoadedYaml {
  if (text.length > MAX_CONFIG_BYTES) {
    throw new KblintError('too-large', `file is ${(text.length / 1048576).toFixed(1)} MiB; a configuration file is expected to be under ${MAX_CONFIG_BYTES / 1048576} MiB`, { file });
  }
  // Before parsing: the parser recurses per level and overflows the stack on deep nesting.
  checkYamlDepth(text, file);
  const lineCounter = new LineCounter();
  // The yaml library's own duplicate-key check compares each key with every other (40,000 keys: 150 s);
  // guardKeys does it with a set per mapping instead.
  const doc = YAML.parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, merge: false, strict: true });
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const problem = doc.errors[0];
  if (problem) {
    throw new KblintError('yaml', `not valid YAML: ${problem.message.split('\n')[0]}`, { file, ...at(problem.pos[0]) });
  }
  guardKeys(doc.contents, file, at);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    throw new KblintError('yaml', `YAML refused: ${(e as Error).message}`, { file, line: 1, column: 1 });
  }
  return {
    value,
    locate(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
        if (node && typeof node === 'object' && 'range' in node && node.range) return at(node.range[0]);
      }
      return { line: 1, column: 1 };
    },
  };
}

function guardKeys(node: unknown, file: string, at: (o: number) => { line: number; column: number }): void {
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop();
    if (isMap(n)) {
      const seen = new Set<string>();
      for (const pair of n.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const range = (pair.key as Node | null)?.range;
        if (key !== undefined && FORBIDDEN_KEYS.has(key)) {
          throw new KblintError('forbidden-key', `key '${key}' is not allowed (it would reach the object prototype)`, { file, ...(range ? at(range[0]) : {}) });
        }
        if (isScalar(pair.key)) {
          const id = `${typeof pair.key.value}:${key}`;
          if (seen.has(id)) throw new KblintError('yaml', 'not valid YAML: Map keys must be unique', { file, ...(range ? at(range[0]) : {}) });
          seen.add(id);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(n)) {
      // One by one: spreading a 130,000-item sequence into push() overflows the call stack.
      for (const item of n.items) stack.push(item);
    }
  }
}
