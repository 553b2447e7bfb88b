/**
 * The prices of one request, computed in batches: every `price` field the
 * executor asks for in the same tick (a page of 48 products) joins one
 * batch, which gathers its inputs once (viewer, settings, the caller's
 * conditions, one price-item load for all the skus) and then prices the
 * articles in a plain loop. Resolved one by one, each field awaited its own
 * chain of six promises; the allocation that came with it made garbage
 * collection the largest cost of a page that missed the response cache.
 *
 * A failed input (the ERP down and a list not held) fails the fields of the
 * skus it concerns, not the batch.
 */
import DataLoader from 'dataloader';
import type { Decimal } from '../src/decimal/decimal';
import type { ArticleRow } from '../src/erp/port';
import type { PonteContext } from '../src/graphql/context';
import { computeTurn } from '../src/graphql/workBudget';
import { computePrice } from '../src/pricing/computePrice';
import { customerConditionIndex } from '../src/pricing/conditionIndex';
import { type ListItems, customerListOf } from '../src/pricing/listPrice';
import { type PriceView, presentPrice } from '../src/pricing/presentPrice';

export interface PriceRequest {
  article: ArticleRow;
  vatRate: Decimal;
  /** Already checked (positive, within decimal(18,3)). */
  quantity: Decimal;
}

/** null: no price for this caller ("price on request"). */
export type PriceBatch = DataLoader<PriceRequest, PriceView | null, string>;

export function createPriceBatch(ctx: PonteContext): PriceBatch {
  return new DataLoader<PriceRequest, PriceView | null, string>(
    async (requests) => {
      const [viewer, settings, globalRows] = await Promise.all([ctx.viewer(), ctx.settings(), ctx.loaders.globalConditions()]);
      const conditions = customerConditionIndex(globalRows, viewer.context);
      const defaultList = settings.defaultPriceList;
      const ownList = customerListOf(viewer.customer?.priceListCode, defaultList);
      const skus = requests.map((r) => r.article.sku);
      const itemsOf = (list: string | null) =>
        list ? ctx.loaders.priceItems.loadMany(skus.map((sku) => ({ list, sku }))) : Promise.resolve(null);
      const [own, base] = await Promise.all([itemsOf(ownList), itemsOf(defaultList)]);
      const today = ctx.today(settings);
      const out: Array<PriceView | null | Error> = [];
      for (let i = 0; i < requests.length; i++) {
        const { article, vatRate, quantity } = requests[i]!;
        const ownItems = own ? own[i]! : null;
        const baseItems = base ? base[i]! : null;
        if (ownItems instanceof Error || baseItems instanceof Error) {
          out.push(ownItems instanceof Error ? ownItems : (baseItems as Error));
          continue;
        }
        await computeTurn(ctx.erpScope);
        const result = computePrice({
          sku: article.sku,
          familyCode: article.familyCode,
          today,
          customerList: ownItems as ListItems | null,
          defaultList: baseItems as ListItems | null,
          conditions,
          quantity,
        });
        out.push(result && presentPrice(result, settings.currency, vatRate));
      }
      return out;
    },
    { cacheKeyFn: (r) => `${r.article.sku}\u0000${r.quantity.toString()}` },
  );
}
