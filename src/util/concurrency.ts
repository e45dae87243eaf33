/**
 * How many files kblint has open at once at most. Opening every article of a corpus at once
 * ran into EMFILE under `ulimit -n 1024`; a few dozen keep the disk busy just as well.
 */
export const FILE_CONCURRENCY = 32;

/** `Promise.all(items.map(fn))` with at most `limit` calls running at once; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}
