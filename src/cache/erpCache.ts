/**
 * The shared caches of ERP facts, one per relation, keyed by ERP identity
 * (sku, customer code, price list + sku). They hold facts, never answers
 * computed for a person: visibility and prices are recomputed per request
 * from these facts.
 *
 * Each cache is bounded by entries and by age (see factCache.ts for fresh,
 * stale and gone); the change feed (changeFeed.ts) drops exactly the entries
 * the ERP reports as changed.
 */
import type { CacheConfig } from '../config/config';
import type { CustomerFacts, GroupFacts } from '../customers/customerFacts';
import type {
  ArticleRow,
  ConditionRow,
  DestinationRow,
  PriceListItemRow,
  ReferenceData,
  StockFacts,
} from '../erp/port';
import { FactCache } from './factCache';

export type Cache<V> = FactCache<V>;

/** Key of the price list items of one sku in one list. */
export const priceItemKey = (list: string, sku: string) => `${list}\u0000${sku}`;

export class ErpCache {
  readonly reference: Cache<ReferenceData>;
  readonly globalConditions: Cache<ConditionRow[]>;
  /** sku → article row, or null when the ERP has no such sku. */
  readonly articles: Cache<ArticleRow | null>;
  /** Raw catalog batches (before visibility), keyed by their query. */
  readonly catalogBatches: Cache<ArticleRow[]>;
  /** customer code → its own facts (and its group's, by reference), or null when the customer does not exist. */
  readonly customerContexts: Cache<CustomerFacts | null>;
  /** group code → the rules and conditions addressed to the group, shared by its customers. */
  readonly groups: Cache<GroupFacts>;
  readonly destinations: Cache<DestinationRow[]>;
  /** priceItemKey(list, sku) → that sku's items in that list (all dates; filtered per request). */
  readonly priceItems: Cache<PriceListItemRow[]>;
  /** sku → web-enabled stock and incoming rows. */
  readonly stock: Cache<StockFacts>;

  /**
   * @param now wall clock in ms (tests inject one to age facts).
   */
  constructor(config: CacheConfig, readonly now: () => number = Date.now) {
    const make = <V>(max: number, freshMs: number): Cache<V> =>
      new FactCache<V>({ max, freshMs, staleMs: config.staleIfErrorMs, now });
    const { maxEntries: max, ttlMs: ttl, stockTtlMs } = config;
    this.reference = make(1, ttl);
    this.globalConditions = make(1, ttl);
    this.articles = make(max, ttl);
    this.catalogBatches = make(Math.max(100, Math.floor(max / 10)), ttl);
    this.customerContexts = make(max, ttl);
    this.groups = make(max, ttl);
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
      this.groups,
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
