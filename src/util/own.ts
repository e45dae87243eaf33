/**
 * `map[key]` for a key that is the map's own: option values and words from documents are looked
 * up in plain objects, where `__proto__`, `toString` or `constructor` would otherwise find
 * Object.prototype's members.
 */
export function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
