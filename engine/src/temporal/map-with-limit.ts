/**
 * Maps `items` with at most `limit` calls of `work` in flight, results in input order. Bounds how many
 * Temporal calls one pass (routing, a CSV chunk, an exit job) makes at once, so a burst neither
 * queues thousands of gRPC calls nor waits for them one by one.
 */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
