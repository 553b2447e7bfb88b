/**
 * The quantity arguments of Product's fields, read through the order rules
 * of src/orders/orderableQuantity.ts so that what the storefront is told
 * (the default quantity of a price, the next orderable quantity) is what
 * placeOrder accepts.
 */
import { QUANTITY_BOUNDS } from '../decimal/clientDecimal';
import { Decimal } from '../decimal/decimal';
import { badUserInput } from '../errors';
import { message } from '../messages/catalogue';
import { minimumQuantity, orderableQuantity, quantityStep, type OrderRules } from '../orders/orderableQuantity';
import { type DecimalInput, requireDecimal, requirePositive } from './scalars';

/**
 * The smallest orderable quantity, or, for an article whose rules admit none
 * within decimal(18,3) (a broken ERP row), the larger of its minimum and its step.
 */
export function firstOrderableQuantity(rules: OrderRules): Decimal {
  return minimumQuantity(rules) ?? Decimal.max(rules.minimum, quantityStep(rules));
}

/**
 * `price(quantity)`: absent or null is the article's smallest orderable
 * quantity (a per-article default no SDL literal can state); otherwise a
 * quantity > 0 with at most 3 decimals, as quote and placeOrder store it,
 * or BAD_USER_INPUT.
 */
export function priceQuantity(argument: DecimalInput | null | undefined, rules: OrderRules): Decimal {
  if (argument === null || argument === undefined) return firstOrderableQuantity(rules);
  return requirePositive(argument, 'quantity', QUANTITY_BOUNDS);
}

/** `orderableQuantity(quantity)`: the first orderable quantity at or above any decimal the scalar admits. */
export function orderableAtLeast(argument: DecimalInput, rules: OrderRules): Decimal {
  const quantity = requireDecimal(argument, 'quantity');
  const orderable = orderableQuantity(rules, quantity);
  if (orderable === null) throw badUserInput(message('input.noOrderableQuantity'));
  return orderable;
}
