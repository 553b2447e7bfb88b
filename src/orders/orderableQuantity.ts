/**
 * Which quantities of an article can be ordered (erp-contract.md: "order
 * quantities must be a multiple of pack_qty", at least min_order_qty), as
 * one rule for the order check (checkLine.ts) and for the helpers a
 * storefront asks before it builds a cart (Product.quantityStep,
 * minimumQuantity, orderableQuantity, and the default of Product.price):
 * a quantity the helpers propose is one placeOrder accepts.
 *
 * A quantity is orderable when it is > 0, has at most 3 decimals and fits
 * decimal(18,3) (isValidQuantity), is a multiple of the pack when the pack
 * is > 0, and is at least the minimum. A missing pack_qty is the contract's
 * default 1; a pack of 0 sets no multiple (checkLine always read it so), so
 * its step is the finest quantity the ERP stores, 0.001.
 */
import { Decimal, ONE, ZERO, erpDecimal } from '../decimal/decimal';
import type { ArticleRow } from '../erp/port';

/** The ERP's decimal(18,3): at most 15 integer digits. */
export const MAX_QUANTITY = new Decimal('999999999999999.999');
/** The finest quantity decimal(18,3) holds. */
export const FINEST_QUANTITY = new Decimal('0.001');

/** A quantity the ERP can store: a decimal > 0 with at most 3 decimals, within decimal(18,3). */
export function isValidQuantity(quantity: Decimal | null): quantity is Decimal {
  return quantity !== null && quantity.isFinite() && quantity.gt(0) && quantity.decimalPlaces() <= 3 && quantity.lte(MAX_QUANTITY);
}

export interface OrderRules {
  /** pack_qty as the ERP wrote it (default 1); 0 sets no multiple. */
  pack: Decimal;
  /** min_order_qty (default 0). */
  minimum: Decimal;
}

export function orderRulesOf(article: Pick<ArticleRow, 'packQty' | 'minOrderQty'>): OrderRules {
  return { pack: erpDecimal(article.packQty, ONE), minimum: erpDecimal(article.minOrderQty, ZERO) };
}

/** The pack rule alone (NOT_MULTIPLE_OF_PACK). */
export function respectsPack(quantity: Decimal, rules: OrderRules): boolean {
  return !rules.pack.gt(0) || quantity.mod(rules.pack).isZero();
}

/** The minimum rule alone (BELOW_MINIMUM). */
export function respectsMinimum(quantity: Decimal, rules: OrderRules): boolean {
  return !quantity.lt(rules.minimum);
}

/** The distance between two neighbouring orderable quantities. */
export function quantityStep(rules: OrderRules): Decimal {
  return rules.pack.gt(0) ? rules.pack : FINEST_QUANTITY;
}

/**
 * The smallest orderable quantity ≥ `quantity`, or null when none fits
 * decimal(18,3) (an ERP minimum or a request beyond it).
 */
export function orderableQuantity(rules: OrderRules, quantity: Decimal): Decimal | null {
  const step = quantityStep(rules);
  // Below the minimum (or not above zero) the answer is the first orderable quantity.
  const floor = Decimal.max(quantity, rules.minimum);
  let multiples = floor.div(step).ceil();
  if (multiples.lt(1)) multiples = ONE;
  const result = multiples.times(step);
  return isValidQuantity(result) ? result : null;
}

/** The smallest orderable quantity: Product.minimumQuantity and the default of Product.price. */
export function minimumQuantity(rules: OrderRules): Decimal | null {
  return orderableQuantity(rules, ZERO);
}
