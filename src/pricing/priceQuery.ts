/**
 * Step 1 of the pricing rules, written once: which price lists a caller's
 * prices read, and the engine's query for one article from them. The API
 * (loaders/priceBatch.ts), the engine tests and the pricing benchmark all
 * build their queries here, so they cannot disagree on the list.
 */
import type { PriceInputs } from './computePrice';
import type { ConditionIndex } from './conditionIndex';
import type { ListItems } from './listPrice';

/** Everything about one caller that pricing needs, whatever the article. */
export type { PriceInputs };

export interface PriceCaller {
  /** The customer's own list, or null when it has none or it is the default list. */
  ownList: string | null;
  /** The installation's default list (ecom_settings.default_price_list), if any. */
  defaultList: string | null;
  /** The caller's conditions (conditionIndex.ts). */
  conditions: ConditionIndex;
  /** "Today" in the ERP's time zone, YYYY-MM-DD. */
  today: string;
}

/**
 * Step 1's choice of list: the customer's own list, unless it has none or
 * it is the default list (then the default list alone applies).
 */
export function customerListOf(customerList: string | null | undefined, defaultList: string | null): string | null {
  return customerList && customerList !== defaultList ? customerList : null;
}

/**
 * @param customerList the acting customer's price_list_code; null or undefined when anonymous.
 */
export function priceCaller(
  customerList: string | null | undefined,
  defaultList: string | null,
  conditions: ConditionIndex,
  today: string,
): PriceCaller {
  return { ownList: customerListOf(customerList, defaultList), defaultList, conditions, today };
}

/** The lists whose items a caller's prices read, own list first. */
export function listsRead(caller: PriceCaller): string[] {
  const lists: string[] = [];
  if (caller.ownList !== null) lists.push(caller.ownList);
  if (caller.defaultList !== null) lists.push(caller.defaultList);
  return lists;
}

/**
 * The engine's inputs for one article.
 * @param itemsOf one of `listsRead(caller)`'s items for the article.
 */
export function priceQueryFor(
  caller: PriceCaller,
  article: { sku: string; familyCode: string | null },
  itemsOf: (list: string) => ListItems | null,
): PriceInputs {
  return {
    sku: article.sku,
    familyCode: article.familyCode,
    today: caller.today,
    customerList: caller.ownList !== null ? itemsOf(caller.ownList) : null,
    defaultList: caller.defaultList !== null ? itemsOf(caller.defaultList) : null,
    conditions: caller.conditions,
  };
}
