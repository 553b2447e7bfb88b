/**
 * A per-request DataLoader in front of a shared cache.
 *
 * The DataLoader batches and de-duplicates the keys one request asks for in
 * the same tick; the shared cache answers what any earlier request already
 * loaded; only the keys missing from both reach the ERP, in one call.
 * Keys the ERP does not know are cached too (as `absent`), so asking again
 * for a missing sku costs no round trip either.
 */
import DataLoader from 'dataloader';
import type { Cache } from '../src/cache/erpCache';

export function cachedLoader<K, V>(options: {
  cache: Cache<V>;
  key: (k: K) => string;
  /** Loads the missing keys; returns values by cache key. */
  fetch: (missing: K[]) => Promise<Map<string, V>>;
  /** The value for a key the ERP does not have. */
  absent: (k: K) => V;
  /** Most keys per ERP call. */
  maxBatchSize?: number;
}): DataLoader<K, V, string> {
  const { cache, key, fetch, absent } = options;
  return new DataLoader<K, V, string>(
    async (keys) => {
      const out = new Array<V>(keys.length);
      const missing: K[] = [];
      const missingAt: number[] = [];
      keys.forEach((k, i) => {
        const hit = cache.get(key(k));
        if (hit) out[i] = hit.value;
        else {
          missing.push(k);
          missingAt.push(i);
        }
      });
      if (missing.length > 0) {
        const loaded = await fetch(missing);
        missing.forEach((k, j) => {
          const ck = key(k);
          const value = loaded.has(ck) ? (loaded.get(ck) as V) : absent(k);
          cache.set(ck, { value });
          out[missingAt[j]!] = value;
        });
      }
      return out;
    },
    { cacheKeyFn: key, maxBatchSize: options.maxBatchSize ?? 500 },
  );
}

/** A single cached value (reference data, global conditions), loaded at most once per request. */
export function cachedSingleton<V>(cache: Cache<V>, key: string, fetch: () => Promise<V>): () => Promise<V> {
  let pending: Promise<V> | null = null;
  return () => {
    pending ??= (async () => {
      const hit = cache.get(key);
      if (hit) return hit.value;
      const value = await fetch();
      cache.set(key, { value });
      return value;
    })();
    return pending;
  };
}
