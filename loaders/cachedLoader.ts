/**
 * A per-request DataLoader in front of a shared cache of ERP facts.
 *
 * The DataLoader batches and de-duplicates the keys one request asks for in
 * the same tick; the shared cache answers what any earlier request already
 * loaded; only the keys missing from both reach the ERP, in one call.
 * Keys the ERP does not know are cached too (as `absent`), so asking again
 * for a missing sku costs no round trip either.
 *
 * A fact past its lifetime but still held is answered at once, and the keys
 * are refreshed in one background call (see src/cache/factCache.ts): a page
 * never waits on the ERP for something Ponte holds, and an ERP outage costs
 * only the facts Ponte never had.
 */
import DataLoader from 'dataloader';
import type { Cache } from '../src/cache/erpCache';
import type { RequestFreshness } from '../src/cache/requestFreshness';

/** How one relation's facts are read from the ERP into its cache. */
export interface CacheFill<K, V> {
  cache: Cache<V>;
  key: (k: K) => string;
  /** Loads the missing keys; returns values by cache key. */
  fetch: (missing: K[]) => Promise<Map<string, V>>;
  /** The value for a key the ERP does not have. */
  absent: (k: K) => V;
}

export interface CachedLoaderOptions<K, V> extends CacheFill<K, V> {
  /** The same fill through the ERP for work no request asked for (refreshes of expired facts); default this one. */
  background?: CacheFill<K, V>;
  freshness: RequestFreshness;
  /** The tag of the fact a key names, noted on every read (for the response cache). */
  tag?: (k: K) => string;
  /** Most keys per ERP call. */
  maxBatchSize?: number;
}

/** Reads `keys` from the ERP and stores what it got, unless invalidated meanwhile. */
export async function fill<K, V>(options: CacheFill<K, V>, keys: K[]): Promise<V[]> {
  const { cache, key, fetch, absent } = options;
  const generation = cache.generation();
  const loaded = await fetch(keys);
  return keys.map((k) => {
    const ck = key(k);
    const value = loaded.has(ck) ? (loaded.get(ck) as V) : absent(k);
    cache.setIfCurrent(ck, value, generation);
    return value;
  });
}

/**
 * Refreshes expired keys without making anyone wait, through the background
 * fill (not counted against the request: no request asked for it). A
 * failure keeps the old facts.
 */
export function refreshInBackground<K, V>(options: CachedLoaderOptions<K, V>, keys: K[]): void {
  const claimed = new Set(options.cache.claimRefresh(keys.map(options.key)));
  const todo = keys.filter((k) => claimed.has(options.key(k)));
  if (todo.length === 0) return;
  fill(options.background ?? options, todo).then(
    () => options.cache.releaseRefresh([...claimed], false),
    () => options.cache.releaseRefresh([...claimed], true),
  );
}

export function cachedLoader<K, V>(options: CachedLoaderOptions<K, V>): DataLoader<K, V, string> {
  const { cache, key, freshness, tag } = options;
  return new DataLoader<K, V, string>(
    async (keys) => {
      if (tag) for (const k of keys) freshness.tags.add(tag(k));
      const out = new Array<V | Error>(keys.length);
      const missing: K[] = [];
      const missingAt: number[] = [];
      const expired: K[] = [];
      keys.forEach((k, i) => {
        const hit = cache.get(key(k));
        if (hit && (hit.fresh || !freshness.requireFresh)) {
          out[i] = hit.value;
          if (!hit.fresh) {
            freshness.noteStale(hit.fetchedAt);
            expired.push(k);
          }
        } else {
          missing.push(k);
          missingAt.push(i);
        }
      });
      if (expired.length > 0) refreshInBackground(options, expired);
      if (missing.length > 0) {
        try {
          const values = await fill(options, missing);
          values.forEach((value, j) => {
            out[missingAt[j]!] = value;
          });
        } catch (error) {
          // Only the keys the ERP had to answer fail; held ones in the same batch are still answered.
          for (const i of missingAt) out[i] = error instanceof Error ? error : new Error(String(error));
        }
      }
      return out;
    },
    { cacheKeyFn: key, maxBatchSize: options.maxBatchSize ?? 500 },
  );
}

/**
 * A single cached value (reference data, global conditions, one catalog
 * batch), loaded at most once per request, with the same fresh / stale rules.
 */
export function cachedValue<V>(
  cache: Cache<V>,
  key: string,
  fetch: () => Promise<V>,
  freshness: RequestFreshness,
  /** The same read for a background refresh; default `fetch`. */
  backgroundFetch: () => Promise<V> = fetch,
): Promise<V> {
  const single = (read: () => Promise<V>): CacheFill<string, V> => ({
    cache,
    key: (k) => k,
    fetch: async () => new Map([[key, await read()]]),
    absent: () => {
      throw new Error('unreachable: a single value is always returned');
    },
  });
  const options: CachedLoaderOptions<string, V> = { ...single(fetch), background: single(backgroundFetch), freshness };
  const hit = cache.get(key);
  if (hit && (hit.fresh || !freshness.requireFresh)) {
    if (!hit.fresh) {
      freshness.noteStale(hit.fetchedAt);
      refreshInBackground(options, [key]);
    }
    return Promise.resolve(hit.value);
  }
  return fill(options, [key]).then((values) => values[0]!);
}

/** cachedValue for a value asked for many times in one request: shared per request. */
export function cachedSingleton<V>(
  cache: Cache<V>,
  key: string,
  fetch: () => Promise<V>,
  freshness: RequestFreshness,
  backgroundFetch: () => Promise<V> = fetch,
): () => Promise<V> {
  let pending: Promise<V> | null = null;
  return () => (pending ??= cachedValue(cache, key, fetch, freshness, backgroundFetch));
}
