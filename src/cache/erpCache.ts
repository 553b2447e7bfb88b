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
  AgentRow,
  ArticleRow,
  CatalogCountRow,
  ConditionRow,
  DestinationRow,
  ReferenceData,
  StockFacts,
} from '../erp/port';
import type { ConditionLayer } from '../pricing/conditionIndex';
import type { ErpSettings } from '../settings/erpSettings';
import { type ListItems, listItemsBytes } from '../pricing/listPrice';
import { approximateBytes } from './approximateBytes';
import { FactCache } from './factCache';
import { ResponseCache } from './responseCache';

export type Cache<V> = FactCache<V>;

/**
 * Conditions and rules are parsed and indexed while cached (the compiled
 * forms live as long as the rows); measured, that holds about twice the
 * rows' own heap again.
 */
const COMPILED_WEIGHT = 3;
/**
 * A customer's own facts with their compiled forms (its visibility layer and
 * condition index): measured on the demo ERP at 5 000 customers, 11.2 MB of
 * rows and 18.7 MB compiled, against 13.3 MB estimated for the rows.
 */
const CUSTOMER_WEIGHT = 2.25;
/**
 * Article rows share most of their strings with each other (units, family
 * codes, VAT rates are the same few values): measured at 10 000 articles,
 * 2.8 MB of heap against 5.9 MB estimated.
 */
const ARTICLE_WEIGHT = 0.5;

/** The conditions addressed to nobody as cached: compiled as they enter, the rows kept for the byte count. */
export interface GlobalConditions {
  rows: readonly ConditionRow[];
  layer: ConditionLayer;
}

/** The installation's reference data as cached: its settings read as they enter. */
export interface ReferenceFacts extends ReferenceData {
  erpSettings: ErpSettings;
}

/** Key of the price list items of one sku in one list. */
export const priceItemKey = (list: string, sku: string) => `${list}\u0000${sku}`;

export class ErpCache {
  readonly reference: Cache<ReferenceFacts>;
  readonly globalConditions: Cache<GlobalConditions>;
  /** sku → article row, or null when the ERP has no such sku. */
  readonly articles: Cache<ArticleRow | null>;
  /** Raw catalog batches (before visibility), keyed by their query. */
  readonly catalogBatches: Cache<ArticleRow[]>;
  /** Search terms → active, web-enabled matches counted per family and restricted flag (facts, before visibility). */
  readonly catalogCounts: Cache<CatalogCountRow[]>;
  /** The installation's family names (ecom_families), one entry. */
  readonly familyNames: Cache<ReadonlyMap<string, string | null>>;
  /** customer code → its own facts (and its group's, by reference), or null when the customer does not exist. */
  readonly customerContexts: Cache<CustomerFacts | null>;
  /** group code → the rules and conditions addressed to the group, shared by its customers. */
  readonly groups: Cache<GroupFacts>;
  readonly destinations: Cache<DestinationRow[]>;
  /** agent code → the agent (who am I, for `viewer`), or null when the ERP has no such agent. */
  readonly agents: Cache<AgentRow | null>;
  /** priceItemKey(list, sku) → that sku's items in that list, compiled (all dates; filtered per request). */
  readonly priceItems: Cache<ListItems>;
  /** sku → web-enabled stock and incoming rows. */
  readonly stock: Cache<StockFacts>;
  /** Whole product-page responses per viewer fingerprint (see responseCache.ts). */
  readonly responses: ResponseCache;

  /**
   * @param now wall clock in ms (tests inject one to age facts).
   */
  constructor(config: CacheConfig, readonly now: () => number = Date.now) {
    const { maxEntries: max, ttlMs: ttl, stockTtlMs, maxBytes } = config;
    const make = <V>(entries: number, freshMs: number, budgetShare: number, weight = 1, sizeOf?: (value: V) => number): Cache<V> =>
      new FactCache<V>({
        max: entries,
        maxBytes: Math.floor(maxBytes * budgetShare),
        weight,
        freshMs,
        staleMs: config.staleIfErrorMs,
        now,
        ...(sizeOf ? { sizeOf } : {}),
      });
    // Installation-wide facts: one entry each, never evicted for size (a page
    // cannot be served without them), counted in bytes() all the same.
    this.reference = make<ReferenceFacts>(1, ttl, 0, 1, (r) => approximateBytes(r.settings) + approximateBytes(r.warehouses) + approximateBytes(r.priceLists));
    this.globalConditions = make<GlobalConditions>(1, ttl, 0, COMPILED_WEIGHT, (g) => approximateBytes(g.rows));
    // The budget (CACHE_MAX_MB) shared out by what a storefront reads most.
    // Shares measured on the demo ERP at 100k articles × 5k customers under
    // storefront traffic (bench/, mixed). Customers get the largest: all
    // 5 000 fit (~6 KB each with compiled forms), so none pays its context
    // twice; compact price items (~120 bytes each) and articles (~300) hold
    // the ~17 000 skus a storefront's pages show; groups need little,
    // whatever their rule counts (they are held whole, below).
    this.articles = make(max, ttl, 0.075, ARTICLE_WEIGHT);
    this.catalogBatches = make(Math.max(100, Math.floor(max / 10)), ttl, 0.02);
    // A few dozen rows per search (families × restricted), whatever the catalogue's size:
    // a sliver of the catalog batches' old share.
    this.catalogCounts = make<CatalogCountRow[]>(Math.max(100, Math.floor(max / 10)), ttl, 0.005);
    this.familyNames = make<ReadonlyMap<string, string | null>>(1, ttl, 0, 1, (m) => approximateBytes([...m]));
    // A customer's own facts only: its group's are shared, and counted once in `groups`.
    this.customerContexts = make<CustomerFacts | null>(max, ttl, 0.33, CUSTOMER_WEIGHT, (f) =>
      f === null ? 0 : approximateBytes(f.customer) + approximateBytes(f.visibilityRules) + approximateBytes(f.conditions),
    );
    // Groups are never evicted for size (like the installation-wide facts
    // above; still bounded by entries and counted in bytes()): a group's
    // facts are shared by all its customers, and one evicted while they are
    // held would be read and compiled again for every customer loaded after
    // it, each with its own copy (measured: 51 000 parsed conditions for
    // ~1 000 rows, and the heap past its limit).
    this.groups = make<GroupFacts>(max, ttl, 0, COMPILED_WEIGHT, (g) => approximateBytes(g.visibilityRules) + approximateBytes(g.conditions));
    this.destinations = make(max, ttl, 0.01);
    // A few dozen rows in any installation: bounded by entries, never evicted for size (like groups).
    this.agents = make<AgentRow | null>(Math.min(max, 1_000), ttl, 0);
    this.priceItems = make<ListItems>(max, ttl, 0.15, 1, listItemsBytes);
    this.stock = make(max, stockTtlMs, 0.11);
    // A response lives no longer than the shortest-lived fact it may show.
    this.responses = new ResponseCache({ maxBytes: Math.floor(maxBytes * 0.3), ttlMs: Math.min(ttl, stockTtlMs), now });
  }

  private all(): Cache<unknown>[] {
    return [
      this.reference,
      this.globalConditions,
      this.articles,
      this.catalogBatches,
      this.catalogCounts,
      this.familyNames,
      this.customerContexts,
      this.groups,
      this.destinations,
      this.agents,
      this.priceItems,
      this.stock,
    ] as Cache<unknown>[];
  }

  clear(): void {
    for (const cache of this.all()) cache.clear();
    this.responses.clear();
  }

  /** Entries across all caches, for metrics. */
  size(): number {
    return this.all().reduce((n, c) => n + c.size, this.responses.size);
  }

  /** Estimated bytes held across all caches, for metrics and the memory budget. */
  bytes(): number {
    return this.all().reduce((n, c) => n + c.bytes, this.responses.bytes);
  }
}
