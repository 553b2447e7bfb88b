/**
 * The shared caches of ERP facts, one lru-cache per relation, keyed by ERP
 * identity (sku, customer code, price list + sku). They hold facts, never
 * answers computed for a person: visibility and prices are recomputed per
 * request from these facts.
 *
 * Each cache is bounded by `max` and `ttl`; the change feed (changeFeed.ts)
 * drops exactly the entries the ERP reports as changed.
 */
import { LRUCache } from 'lru-cache';
import type { CacheConfig } from '../config/config';
import type {
  ArticleRow,
  ConditionRow,
  CustomerContextRow,
  DestinationRow,
  PriceListItemRow,
  ReferenceData,
  StockFacts,
} from '../erp/port';

/** lru-cache stores no null/undefined; a box lets "known missing" be cached too. */
export interface Box<V> {
  value: V;
}

export type Cache<V> = LRUCache<string, Box<V>>;

/** Key of the price list items of one sku in one list. */
export const priceItemKey = (list: string, sku: string) => `${list}\u0000${sku}`;

export class ErpCache {
  readonly reference: Cache<ReferenceData>;
  readonly globalConditions: Cache<ConditionRow[]>;
  /** sku → article row, or null when the ERP has no such sku. */
  readonly articles: Cache<ArticleRow | null>;
  /** Raw catalog batches (before visibility), keyed by their query. */
  readonly catalogBatches: Cache<ArticleRow[]>;
  /** customer code → context, or null when the customer does not exist. */
  readonly customerContexts: Cache<CustomerContextRow | null>;
  readonly destinations: Cache<DestinationRow[]>;
  /** priceItemKey(list, sku) → that sku's items in that list (all dates; filtered per request). */
  readonly priceItems: Cache<PriceListItemRow[]>;
  /** sku → web-enabled stock and incoming rows. */
  readonly stock: Cache<StockFacts>;

  constructor(config: CacheConfig, now?: () => number) {
    const make = <V>(max: number, ttl: number): Cache<V> =>
      new LRUCache<string, Box<V>>({
        max,
        ttl,
        // Entries past their ttl are never served, even if not yet evicted.
        allowStale: false,
        ...(now ? { perf: { now } } : {}),
      });
    const { maxEntries: max, ttlMs: ttl, stockTtlMs } = config;
    this.reference = make(1, ttl);
    this.globalConditions = make(1, ttl);
    this.articles = make(max, ttl);
    this.catalogBatches = make(Math.max(100, Math.floor(max / 10)), ttl);
    this.customerContexts = make(max, ttl);
    this.destinations = make(max, ttl);
    this.priceItems = make(max, ttl);
    this.stock = make(max, stockTtlMs);
  }

  private all(): Cache<unknown>[] {
    return [
      this.reference,
      this.globalConditions,
      this.articles,
      this.catalogBatches,
      this.customerContexts,
      this.destinations,
      this.priceItems,
      this.stock,
    ] as Cache<unknown>[];
  }

  clear(): void {
    for (const cache of this.all()) cache.clear();
  }

  /** Entries across all caches, for metrics. */
  size(): number {
    return this.all().reduce((n, c) => n + c.size, 0);
  }
}
