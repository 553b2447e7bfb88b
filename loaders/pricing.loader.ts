/**
 * Gathers what the pricing engine needs for one article and the request's
 * caller, from the request's loaders: the compiled conditions of the caller
 * (built once per cached customer context), and the caller's and default
 * lists' items for the sku (batched across the page in one ERP call).
 */
import { customerConditionIndex } from '../src/pricing/conditionIndex';
import type { PriceQuery } from '../src/pricing/computePrice';
import { customerListOf } from '../src/pricing/listPrice';
import type { ArticleRow } from '../src/erp/port';
import type { PonteContext } from '../src/graphql/context';

export type PriceInputs = Omit<PriceQuery, 'quantity'>;

export async function priceInputs(ctx: PonteContext, article: ArticleRow): Promise<PriceInputs> {
  const [viewer, settings, globalRows] = await Promise.all([ctx.viewer(), ctx.settings(), ctx.loaders.globalConditions()]);
  const customer = viewer.customer;
  const conditions = customerConditionIndex(globalRows, viewer.context);

  const defaultList = settings.defaultPriceList;
  const ownList = customerListOf(customer?.priceListCode, defaultList);
  const [ownRows, defaultRows] = await Promise.all([
    ownList ? ctx.loaders.priceItems.load({ list: ownList, sku: article.sku }) : null,
    defaultList ? ctx.loaders.priceItems.load({ list: defaultList, sku: article.sku }) : null,
  ]);
  return {
    sku: article.sku,
    familyCode: article.familyCode,
    today: ctx.today(settings),
    customerList: ownRows,
    defaultList: defaultRows,
    conditions,
  };
}
