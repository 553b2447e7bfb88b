/**
 * What one change-feed row drops from the caches. An entity_key of NULL
 * means "every row of that entity"; an entity Ponte does not know (a newer
 * ERP contract, a typo in a trigger) drops everything, because serving a
 * stale price is worse than one cold request.
 */
import type { ChangeRow } from '../erp/port';
import { type ErpCache } from './erpCache';
import { CATALOG_TAG, skuTag } from './responseCache';

function dropWhere(cache: ErpCache['priceItems'], test: (key: string) => boolean): void {
  for (const key of cache.keys()) if (test(key)) cache.delete(key);
}

export function applyChange(cache: ErpCache, change: ChangeRow): void {
  const key = change.entityKey === null || change.entityKey === '' ? null : change.entityKey;
  const entity = change.entity.trim().toUpperCase();
  dropResponses(cache, entity, key);
  switch (entity) {
    case 'ARTICLE':
      // Any article change can move an article into or out of any catalog batch.
      cache.catalogBatches.clear();
      cache.catalogCounts.clear();
      if (key === null) cache.articles.clear();
      else cache.articles.delete(key);
      return;
    case 'PRICE_LIST':
      // The key may name a price list or a sku: drop entries of either.
      if (key === null) cache.priceItems.clear();
      else dropWhere(cache.priceItems, (k) => k.split('\u0000').includes(key));
      // Price list headers (currency) live in the reference data.
      cache.reference.clear();
      return;
    case 'CONDITION':
      // A condition's key does not say whose it is; conditions are cached per
      // customer context and globally, so both go.
      cache.globalConditions.clear();
      cache.customerContexts.clear();
      cache.groups.clear();
      return;
    case 'VISIBILITY':
      cache.customerContexts.clear();
      cache.groups.clear();
      return;
    case 'STOCK':
      if (key === null) cache.stock.clear();
      else cache.stock.delete(key);
      return;
    case 'CUSTOMER':
      if (key === null) {
        cache.customerContexts.clear();
        cache.groups.clear();
        cache.destinations.clear();
      } else {
        cache.customerContexts.delete(key);
        cache.destinations.delete(key);
      }
      return;
    case 'DOCUMENT':
      // Documents are read live, never cached.
      return;
    default:
      cache.clear();
  }
}

/**
 * Cached responses a change may touch. Facts a response's tags do not name
 * (price lists, conditions, visibility, unknown entities) can change any
 * page: those drop every response.
 */
function dropResponses(cache: ErpCache, entity: string, key: string | null): void {
  switch (entity) {
    case 'ARTICLE':
      // The article's own answers, and every catalog page (it may enter or leave one).
      if (key === null) cache.responses.clear();
      else cache.responses.invalidate([skuTag(key), CATALOG_TAG]);
      return;
    case 'STOCK':
      if (key === null) cache.responses.clear();
      else cache.responses.invalidate([skuTag(key)]);
      return;
    case 'CUSTOMER':
    case 'DOCUMENT':
      // Not in any product answer: a customer's list or group is part of its fingerprint.
      return;
    default:
      cache.responses.clear();
  }
}
