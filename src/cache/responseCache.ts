/**
 * Whole GraphQL responses for product pages (product, products, catalog),
 * kept as the bytes sent, so a repeated page costs a lookup instead of a
 * parse, a validation and an execution.
 *
 * A response is only ever served to a viewer with the same fingerprint (see
 * viewerFingerprint.ts: everything a product answer depends on: visibility,
 * price lists, conditions, whether quantities are shown, and the day), for
 * the same query, operation and variables. It is tagged with the facts it was
 * built from (the skus whose article, price or stock it read, and `catalog`
 * for catalog pages), and the change feed drops exactly the responses a
 * change touches. Like the fact caches, it is bounded in bytes and guarded
 * by a generation against fills that race an invalidation.
 */
import { LRUCache } from 'lru-cache';
import { type OwnReach, reachesAny } from '../customers/ownReach';

export interface ResponseCacheOptions {
  /** Most bytes of response bodies held. */
  maxBytes: number;
  /** How long a response may be served, in ms: no longer than its shortest-lived fact. */
  ttlMs: number;
  /** Wall clock in ms. */
  now: () => number;
}

export interface CachedResponse {
  body: string;
  contentType: string;
  /** How long HTTP caches may keep it, in seconds (src/http/httpCaching.ts); null: not at all. */
  maxAge: number | null;
}

/**
 * The articles a customer's answer showed, for sharing it with customers
 * whose own rows reach none of them (src/customers/ownReach.ts).
 */
export interface ResponseScope {
  skus: readonly string[];
  families: readonly string[];
}

interface Stored extends CachedResponse {
  tags: readonly string[];
  /** Null: never served under a shared fingerprint (anonymous, catalog pages, articles not held). */
  scope: ResponseScope | null;
}

export const CATALOG_TAG = 'catalog';
export const skuTag = (sku: string) => `sku:${sku}`;
/** The sku a tag names, or null for any other tag. */
export const skuOfTag = (tag: string): string | null => (tag.startsWith('sku:') ? tag.slice(4) : null);

export class ResponseCache {
  private readonly lru: LRUCache<string, Stored>;
  /** tag → keys of the responses that carry it. */
  private readonly byTag = new Map<string, Set<string>>();
  private gen = 0;
  /** Lookups answered, and lookups that found nothing, since start (for metrics). */
  hits = 0;
  misses = 0;

  constructor(options: ResponseCacheOptions) {
    this.lru = new LRUCache<string, Stored>({
      max: 100_000,
      maxSize: Math.max(1, options.maxBytes),
      // A JS string of n one-byte characters holds about n bytes, plus the tag sets.
      sizeCalculation: (value, key) =>
        value.body.length + key.length + 64 * (1 + value.tags.length) + (value.scope ? 32 * (value.scope.skus.length + value.scope.families.length) : 0),
      ttl: options.ttlMs,
      ttlResolution: 0,
      perf: { now: options.now },
      allowStale: false,
      dispose: (value, key) => this.unindex(key, value.tags),
    });
  }

  get(key: string): CachedResponse | undefined {
    return this.lookup(key, null);
  }

  /**
   * The response under `key`; else, when given, the one under the shared
   * key, if its scope is out of the viewer's own rows' reach.
   */
  lookup(key: string, shared: { key: string; reach: OwnReach } | null): CachedResponse | undefined {
    let found: Stored | undefined = this.lru.get(key);
    if (!found && shared) {
      const candidate = this.lru.get(shared.key);
      if (candidate?.scope && !reachesAny(shared.reach, candidate.scope.skus, candidate.scope.families)) found = candidate;
    }
    if (found) this.hits += 1;
    else this.misses += 1;
    return found;
  }

  generation(): number {
    return this.gen;
  }

  /** Stores a response built from facts read since `generation`, unless something was invalidated meanwhile. */
  setIfCurrent(key: string, response: CachedResponse, tags: Iterable<string>, generation: number, scope: ResponseScope | null = null): boolean {
    if (generation !== this.gen) return false;
    const list = [...tags];
    this.lru.set(key, { body: response.body, contentType: response.contentType, maxAge: response.maxAge, tags: list, scope });
    if (!this.lru.has(key)) return false;
    for (const tag of list) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    return true;
  }

  /** Drops every response carrying any of the tags. */
  invalidate(tags: readonly string[]): void {
    this.gen += 1;
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) this.lru.delete(key);
    }
  }

  clear(): void {
    this.gen += 1;
    this.lru.clear();
    this.byTag.clear();
  }

  get size(): number {
    return this.lru.size;
  }

  get bytes(): number {
    return this.lru.calculatedSize;
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.byTag.delete(tag);
    }
  }
}
