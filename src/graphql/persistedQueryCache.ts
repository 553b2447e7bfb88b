/**
 * Where Apollo keeps automatic persisted queries (query texts by their
 * SHA-256), bounded in bytes: anyone may register a query, so the cache
 * evicts the least recently used texts rather than grow. It is Apollo's
 * KeyValueCache interface over lru-cache, with the key counted too (Apollo's
 * own in-memory cache counts only the text).
 */
import { LRUCache } from 'lru-cache';

/** Apollo's KeyValueCache<string> (@apollo/utils.keyvaluecache), structurally. */
export interface PersistedQueryStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Bytes held (estimated: one per character). */
  readonly bytes: number;
}

export function persistedQueryCache(maxBytes: number): PersistedQueryStore {
  const lru = new LRUCache<string, string>({
    maxSize: Math.max(1, maxBytes),
    sizeCalculation: (value, key) => value.length + key.length,
  });
  return {
    get: async (key) => lru.get(key),
    set: async (key, value, options) => {
      // Apollo gives seconds; none means as long as there is room.
      lru.set(key, value, options?.ttl ? { ttl: options.ttl * 1000 } : {});
    },
    delete: async (key) => lru.delete(key),
    get bytes() {
      return lru.calculatedSize;
    },
  };
}
