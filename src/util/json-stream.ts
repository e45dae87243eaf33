/**
 * JSON text made piece by piece, byte for byte what `JSON.stringify(value, null, 2)` gives, so a
 * report of a million computers is never one string (V8 refuses strings past ~512 MiB, and the
 * whole text would be in memory twice). Arrays, and any other iterable such as a generator that
 * makes its items as they are written, yield one item at a time; plain objects one property at a
 * time. Each array item is stringified whole, so items should be small.
 */
export function* jsonChunks(value: unknown, indent = ''): Generator<string> {
  if (isIterable(value)) {
    const inner = `${indent}  `;
    let first = true;
    for (const item of value) {
      yield `${first ? '[\n' : ',\n'}${inner}${itemText(item, inner)}`;
      first = false;
    }
    yield first ? '[]' : `\n${indent}]`;
    return;
  }
  if (isPlainObject(value)) {
    const inner = `${indent}  `;
    let first = true;
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
      yield* jsonChunks(v, inner);
      first = false;
    }
    yield first ? '{}' : `\n${indent}}`;
    return;
  }
  yield itemText(value, indent);
}

/** One value as `JSON.stringify(value, null, 2)` writes it at this indentation (`null` where it writes nothing). */
function itemText(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  if (text === undefined) return 'null';
  // Line breaks in JSON text are only those of the layout (strings escape theirs).
  return indent && text.includes('\n') ? text.replace(/\n/g, `\n${indent}`) : text;
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
