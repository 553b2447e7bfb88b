/**
 * The loaders of one request: one per ERP read, each over its shared cache.
 * Created per request (so nothing a request loaded for one principal leaks
 * into another's DataLoader memo) and dropped with it.
 */
import DataLoader from 'dataloader';
import { type ErpCache, type GlobalConditions, type ReferenceFacts, priceItemKey } from '../src/cache/erpCache';
import type {
  AgentRow,
  ArticleRow,
  CatalogCountRow,
  CatalogPageQuery,
  CustomerContextRow,
  DestinationRow,
  DocumentFileRow,
  DocumentLineRow,
  DocumentRow,
  ErpPort,
  OrderLineRow,
  StockFacts,
} from '../src/erp/port';
import type { DailyMovementQuery } from '../src/erp/statsRows';
import type { RequestFreshness } from '../src/cache/requestFreshness';
import { CATALOG_TAG, skuTag } from '../src/cache/responseCache';
import { customerFactsOf, groupFactsOf, type CustomerFacts, type GroupFacts } from '../src/customers/customerFacts';
import { type CacheFill, cachedLoader, cachedSingleton, cachedValue } from './cachedLoader';
import { compileGlobalConditions } from '../src/pricing/conditionIndex';
import { readErpSettings } from '../src/settings/erpSettings';
import { compileListItems, type ListItems } from '../src/pricing/listPrice';

export interface ErpLoaders {
  /** Settings, warehouses and price lists; the settings read as they enter the cache. */
  reference(): Promise<ReferenceFacts>;
  /** The conditions addressed to nobody, compiled as they enter the cache. */
  globalConditions(): Promise<GlobalConditions>;
  article: DataLoader<string, ArticleRow | null, string>;
  customerContext: DataLoader<string, CustomerFacts | null, string>;
  destinations: DataLoader<string, DestinationRow[], string>;
  /** Agents by code (who am I), cached like customers. */
  agent: DataLoader<string, AgentRow | null, string>;
  /** One list's items for one sku, compiled (parsed and ordered) as they enter the cache. */
  priceItems: DataLoader<{ list: string; sku: string }, ListItems, string>;
  stock: DataLoader<string, StockFacts, string>;
  /** One raw catalog batch (active, web-enabled, by sku); visibility is the caller's job. */
  catalogBatch(query: CatalogPageQuery): Promise<ArticleRow[]>;
  /** Active, web-enabled articles matching the terms, counted per family and restricted flag; visibility is the caller's job. */
  catalogCounts(terms: readonly string[]): Promise<CatalogCountRow[]>;
  /** Family code → its name in ecom_families (null or absent: the name is the code). */
  familyNames(): Promise<ReadonlyMap<string, string | null>>;
  /** Order lines by inbox id: read live (never cached), batched per request. */
  orderLines: DataLoader<string, OrderLineRow[], string>;
  /** Document lines and files by document id: read live, batched per request. */
  documentLines: DataLoader<string, DocumentLineRow[], string>;
  documentFiles: DataLoader<string, DocumentFileRow[], string>;
  /**
   * Each day's movement sum by sku (thousandths), for one scope and span:
   * read live, one query for every article of a page.
   */
  dailyMovements(span: DailyMovementSpan): DataLoader<string, Map<string, bigint>, string>;
  /** An order's documents, by its customer and references: read live, every order of the request in one call. */
  orderDocuments: DataLoader<OrderDocumentsKey, DocumentRow[], string>;
}

/** A scope (one warehouse or all) and the days after `after` up to `asOf`. */
export type DailyMovementSpan = Omit<DailyMovementQuery, 'skus'>;

/** The documents of one order: those of its customer whose order_reference is the order's inbox id or its customer reference. */
export interface OrderDocumentsKey {
  customerCode: string;
  inboxId: string;
  customerReference: string | null;
}

const referencesOf = (key: OrderDocumentsKey) => (key.customerReference === null ? [key.inboxId] : [key.inboxId, key.customerReference]);

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/**
 * How customers' facts enter the cache: one GroupFacts per group, shared by
 * every customer of it (a fresh held one is reused; otherwise the rows just
 * read replace it), and each customer's own rows. Used by the per-request
 * loader and by the warm-up (warmUp.ts).
 */
export function customerContextFill(erp: ErpPort, cache: ErpCache): CacheFill<string, CustomerFacts | null> {
  return {
    cache: cache.customerContexts,
    key: (code) => code,
    fetch: async (codes) => {
      const generation = cache.groups.generation();
      const rows = await erp.customerContexts(codes);
      const groups = new Map<string, GroupFacts>();
      const groupOf = (row: CustomerContextRow): GroupFacts | null => {
        const code = row.customer.group;
        if (code === null) return null;
        let facts = groups.get(code);
        if (!facts) {
          const held = cache.groups.get(code);
          if (held?.fresh) facts = held.value;
          else {
            facts = groupFactsOf(row)!;
            cache.groups.setIfCurrent(code, facts, generation);
          }
          groups.set(code, facts);
        }
        return facts;
      };
      return new Map(rows.map((row) => [row.customer.code, customerFactsOf(row, groupOf(row))]));
    },
    absent: () => null,
  };
}

async function familyNamesOf(erp: ErpPort): Promise<ReadonlyMap<string, string | null>> {
  return new Map((await erp.familyNames()).map((f) => [f.code, f.name]));
}

async function referenceOf(erp: ErpPort): Promise<ReferenceFacts> {
  const data = await erp.referenceData();
  return { ...data, erpSettings: readErpSettings(data.settings) };
}

async function globalConditionsOf(erp: ErpPort): Promise<GlobalConditions> {
  const rows = await erp.globalConditions();
  return { rows, layer: compileGlobalConditions(rows) };
}

function articleFill(erp: ErpPort, cache: ErpCache): CacheFill<string, ArticleRow | null> {
  return {
    cache: cache.articles,
    key: (sku) => sku,
    fetch: async (skus) => new Map((await erp.articlesBySku(skus)).map((a) => [a.sku, a])),
    absent: () => null,
  };
}

function destinationsFill(erp: ErpPort, cache: ErpCache): CacheFill<string, DestinationRow[]> {
  return {
    cache: cache.destinations,
    key: (code) => code,
    fetch: async (codes) => groupBy(await erp.destinations(codes), (d) => d.customerCode),
    absent: () => [],
  };
}

function agentFill(erp: ErpPort, cache: ErpCache): CacheFill<string, AgentRow | null> {
  return {
    cache: cache.agents,
    key: (code) => code,
    fetch: async (codes) => new Map((await erp.agentsByCode(codes)).map((a) => [a.code, a])),
    absent: () => null,
  };
}

/** One call per customer (a request reads one acting customer's orders, so one call), matched back to each order. */
async function loadOrderDocuments(erp: ErpPort, keys: readonly OrderDocumentsKey[]): Promise<DocumentRow[][]> {
  const byCustomer = groupBy(keys, (k) => k.customerCode);
  const rows = new Map<string, DocumentRow[]>();
  await Promise.all(
    [...byCustomer].map(async ([customerCode, orders]) => {
      const references = [...new Set(orders.flatMap(referencesOf))];
      rows.set(customerCode, await erp.documentsByOrderReference(customerCode, references));
    }),
  );
  return keys.map((key) => {
    const references = new Set(referencesOf(key));
    return (rows.get(key.customerCode) ?? []).filter((d) => d.orderReference !== null && references.has(d.orderReference));
  });
}

function priceItemsFill(erp: ErpPort, cache: ErpCache): CacheFill<{ list: string; sku: string }, ListItems> {
  return {
    cache: cache.priceItems,
    key: (k) => priceItemKey(k.list, k.sku),
    fetch: async (keys) => {
      const lists = [...new Set(keys.map((k) => k.list))];
      const skus = [...new Set(keys.map((k) => k.sku))];
      const rows = await erp.priceListItems(lists, skus);
      const byKey = groupBy(rows, (r) => priceItemKey(r.priceListCode, r.sku));
      return new Map([...byKey].map(([key, items]) => [key, compileListItems(items)]));
    },
    absent: () => [],
  };
}

function stockFill(erp: ErpPort, cache: ErpCache): CacheFill<string, StockFacts> {
  return {
    cache: cache.stock,
    key: (sku) => sku,
    fetch: async (skus) => {
      const facts = await erp.stockFacts(skus);
      const stock = groupBy(facts.stock, (r) => r.sku);
      const incoming = groupBy(facts.incoming, (r) => r.sku);
      return new Map(skus.map((sku) => [sku, { stock: stock.get(sku) ?? [], incoming: incoming.get(sku) ?? [] }]));
    },
    absent: () => ({ stock: [], incoming: [] }),
  };
}

/**
 * @param erp the request's view of the ERP (its calls are counted against the request).
 * @param freshness this request's record of expired facts it was answered from.
 * @param background the ERP for refreshes of expired facts, which no request waits for; default `erp`.
 */
export function createErpLoaders(erp: ErpPort, cache: ErpCache, freshness: RequestFreshness, background: ErpPort = erp): ErpLoaders {
  return new RequestLoaders(erp, cache, freshness, background);
}

/**
 * Each loader is made the first time the request reads it: a request uses a
 * few of the fifteen (a page of warehouse statistics only the reference
 * facts), and making all fifteen DataLoaders for every request cost more
 * than some whole answers.
 */
class RequestLoaders implements ErpLoaders {
  private readonly made: { [K in keyof ErpLoaders]?: ErpLoaders[K] } = {};

  constructor(
    private readonly erp: ErpPort,
    private readonly cache: ErpCache,
    private readonly freshness: RequestFreshness,
    private readonly background: ErpPort,
  ) {}

  private once<K extends keyof ErpLoaders>(key: K, make: () => ErpLoaders[K]): ErpLoaders[K] {
    return (this.made[key] ??= make()) as ErpLoaders[K];
  }

  get reference() {
    const { erp, background, cache, freshness } = this;
    return this.once('reference', () => cachedSingleton(cache.reference, 'reference', () => referenceOf(erp), freshness, () => referenceOf(background)));
  }

  get globalConditions() {
    const { erp, background, cache, freshness } = this;
    return this.once('globalConditions', () =>
      cachedSingleton(cache.globalConditions, 'global', () => globalConditionsOf(erp), freshness, () => globalConditionsOf(background)),
    );
  }

  get article() {
    const { erp, background, cache, freshness } = this;
    return this.once('article', () => cachedLoader({ ...articleFill(erp, cache), background: articleFill(background, cache), freshness, tag: skuTag }));
  }

  get catalogBatch() {
    const { erp, background, cache, freshness } = this;
    return this.once('catalogBatch', () => (query: CatalogPageQuery): Promise<ArticleRow[]> => {
      // The words' order changes nothing they match.
      const key = JSON.stringify([query.after, query.family, [...query.terms].sort(), query.unrestrictedOnly, query.limit]);
      freshness.tags.add(CATALOG_TAG);
      const read = (port: ErpPort) => async () => {
        const generation = cache.articles.generation();
        const rows = await port.catalogPage(query);
        // The rows are whole articles: later product lookups need no round trip.
        for (const row of rows) {
          cache.articles.setIfCurrent(row.sku, row, generation);
          this.article.prime(row.sku, row);
        }
        return rows;
      };
      return cachedValue(cache.catalogBatches, key, read(erp), freshness, read(background));
    });
  }

  get catalogCounts() {
    const { erp, background, cache, freshness } = this;
    return this.once('catalogCounts', () => (terms: readonly string[]): Promise<CatalogCountRow[]> => {
      const sorted = [...terms].sort();
      freshness.tags.add(CATALOG_TAG);
      return cachedValue(cache.catalogCounts, JSON.stringify(sorted), () => erp.catalogCounts(sorted), freshness, () => background.catalogCounts(sorted));
    });
  }

  get familyNames() {
    const { erp, background, cache, freshness } = this;
    return this.once('familyNames', () => cachedSingleton(cache.familyNames, 'families', () => familyNamesOf(erp), freshness, () => familyNamesOf(background)));
  }

  get customerContext() {
    const { erp, background, cache, freshness } = this;
    return this.once('customerContext', () => cachedLoader({ ...customerContextFill(erp, cache), background: customerContextFill(background, cache), freshness }));
  }

  get destinations() {
    const { erp, background, cache, freshness } = this;
    return this.once('destinations', () => cachedLoader({ ...destinationsFill(erp, cache), background: destinationsFill(background, cache), freshness }));
  }

  get agent() {
    const { erp, background, cache, freshness } = this;
    return this.once('agent', () => cachedLoader({ ...agentFill(erp, cache), background: agentFill(background, cache), freshness }));
  }

  get priceItems() {
    const { erp, background, cache, freshness } = this;
    return this.once('priceItems', () =>
      cachedLoader({ ...priceItemsFill(erp, cache), background: priceItemsFill(background, cache), freshness, tag: (k) => skuTag(k.sku) }),
    );
  }

  get stock() {
    const { erp, background, cache, freshness } = this;
    return this.once('stock', () => cachedLoader({ ...stockFill(erp, cache), background: stockFill(background, cache), freshness, tag: skuTag }));
  }

  get orderLines() {
    const { erp } = this;
    return this.once(
      'orderLines',
      () =>
        new DataLoader<string, OrderLineRow[], string>(async (ids) => {
          const byOrder = groupBy(await erp.orderLines(ids), (l) => l.inboxId);
          return ids.map((id) => byOrder.get(id) ?? []);
        }),
    );
  }

  get documentLines() {
    const { erp } = this;
    return this.once(
      'documentLines',
      () =>
        new DataLoader<string, DocumentLineRow[], string>(async (ids) => {
          const byDocument = groupBy(await erp.documentLines(ids), (l) => l.documentId);
          return ids.map((id) => byDocument.get(id) ?? []);
        }),
    );
  }

  get documentFiles() {
    const { erp } = this;
    return this.once(
      'documentFiles',
      () =>
        new DataLoader<string, DocumentFileRow[], string>(async (ids) => {
          const byDocument = groupBy(await erp.documentFiles(ids), (f) => f.documentId);
          return ids.map((id) => byDocument.get(id) ?? []);
        }),
    );
  }

  get orderDocuments() {
    const { erp } = this;
    return this.once(
      'orderDocuments',
      () =>
        new DataLoader<OrderDocumentsKey, DocumentRow[], string>((keys) => loadOrderDocuments(erp, keys), {
          cacheKeyFn: (k) => JSON.stringify([k.customerCode, k.inboxId, k.customerReference]),
        }),
    );
  }

  get dailyMovements() {
    const { erp } = this;
    return this.once('dailyMovements', () => {
      const bySpan = new Map<string, DataLoader<string, Map<string, bigint>, string>>();
      return (span: DailyMovementSpan) => {
        const key = `${span.warehouse ?? ''}|${span.after}|${span.asOf}`;
        let loader = bySpan.get(key);
        if (!loader) {
          loader = new DataLoader<string, Map<string, bigint>, string>(async (skus) => {
            const bySku = new Map<string, Map<string, bigint>>(skus.map((sku) => [sku, new Map()]));
            for (const row of await erp.dailyMovements({ ...span, skus })) bySku.get(row.sku)?.set(row.day, BigInt(row.quantity));
            return skus.map((sku) => bySku.get(sku)!);
          });
          bySpan.set(key, loader);
        }
        return loader;
      };
    });
  }
}
