/**
 * The prices of one request. Every `price` field the executor asks for in
 * the same tick (a page of 48 products) joins one batch, which gathers its
 * inputs once and then prices the articles in a plain loop. Resolved one by
 * one, each field awaited its own chain of six promises; the allocation
 * that came with it made garbage collection the largest cost of a page that
 * missed the response cache.
 *
 * Inputs are gathered one way for everything that prices (the price
 * fields, price breaks, the cart check): the caller (its conditions and
 * lists, once per request) and each article's list items, batched across
 * the page in one ERP call by the price-item loader.
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
import { conditionIndexOf } from '../src/pricing/conditionIndex';
import type { ListItems } from '../src/pricing/listPrice';
import { type PriceCaller, type PriceInputs, listsRead, priceCaller, priceQueryFor } from '../src/pricing/priceQuery';
import { type PriceView, presentPrice } from '../src/pricing/presentPrice';

export interface PriceRequest {
  article: ArticleRow;
  vatRate: Decimal;
  /** Already checked (positive, within decimal(18,3)). */
  quantity: Decimal;
}

/** null: no price for this caller ("price on request"). */
export class PriceBatch extends DataLoader<PriceRequest, PriceView | null, string> {
  private caller: Promise<PriceCaller> | null = null;

  constructor(private readonly ctx: PonteContext) {
    super((requests) => this.priceAll(requests), { cacheKeyFn: (r) => `${r.article.sku}\u0000${r.quantity.toString()}` });
  }

  /** The engine's inputs for one article (price breaks, the cart check); rejects when they cannot be read. */
  async inputs(article: ArticleRow): Promise<PriceInputs> {
    const [inputs] = await this.gather([article]);
    if (inputs instanceof Error) throw inputs;
    return inputs!;
  }

  private async priceAll(requests: readonly PriceRequest[]): Promise<Array<PriceView | null | Error>> {
    const [inputs, settings] = await Promise.all([this.gather(requests.map((r) => r.article)), this.ctx.settings()]);
    const out: Array<PriceView | null | Error> = [];
    for (let i = 0; i < requests.length; i++) {
      const input = inputs[i]!;
      if (input instanceof Error) {
        out.push(input);
        continue;
      }
      await computeTurn(this.ctx.erpScope);
      const { vatRate, quantity } = requests[i]!;
      const result = computePrice(input, quantity);
      out.push(result && presentPrice(result, settings.currency, vatRate));
    }
    return out;
  }

  /** Who is pricing: resolved once per request. */
  private callerOnce(): Promise<PriceCaller> {
    const { ctx } = this;
    return (this.caller ??= Promise.all([ctx.viewer(), ctx.settings(), ctx.loaders.globalConditions()]).then(([viewer, settings, global]) =>
      priceCaller(viewer.customer?.priceListCode, settings.defaultPriceList, conditionIndexOf(global.layer, viewer.context), ctx.today(settings)),
    ));
  }

  private async gather(articles: readonly ArticleRow[]): Promise<Array<PriceInputs | Error>> {
    const caller = await this.callerOnce();
    const lists = listsRead(caller);
    const loaded = await Promise.all(
      lists.map((list) => this.ctx.loaders.priceItems.loadMany(articles.map((a) => ({ list, sku: a.sku })))),
    );
    return articles.map((article, i) => {
      const failed = loaded.map((items) => items[i]).find((items) => items instanceof Error);
      if (failed instanceof Error) return failed;
      return priceQueryFor(caller, article, (list) => (loaded[lists.indexOf(list)]![i] as ListItems | undefined) ?? null);
    });
  }
}

export function createPriceBatch(ctx: PonteContext): PriceBatch {
  return new PriceBatch(ctx);
}
