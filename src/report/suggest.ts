/** Levenshtein distance, bounded: small words only (names, options, keys). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * The known word closest to what was typed, when it is close enough to be a typo (at most a
 * third of its letters differ, or it starts the same way): `chek` → `check`, `sarf` → `sarif`.
 */
export function suggest(typed: string, known: readonly string[]): string | undefined {
  if (!typed || typed.length > 64) return undefined;
  const lower = typed.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  if (best === undefined) return undefined;
  if (bestDistance <= Math.max(1, Math.floor(typed.length / 3))) return best;
  const prefix = known.filter((k) => typed.length >= 3 && k.toLowerCase().startsWith(lower));
  return prefix.length === 1 ? prefix[0] : undefined;
}
