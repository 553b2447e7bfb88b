/**
 * "Why is my price this?": the ordered steps that produced a price, for the
 * sales agent's app. Built from the engine's result only when asked for, so
 * storefront renders never pay for it.
 */
import { Decimal, ONE, formatFixed, formatPlain } from '../decimal/decimal';
import type { Condition } from './conditions';
import type { PriceResult } from './computePrice';

// A value, not only a type: the GraphQL enum is registered from it (resolvers/types), so the names exist once.
export const PriceStepKind = {
  LIST_PRICE: 'LIST_PRICE',
  NO_LIST_PRICE: 'NO_LIST_PRICE',
  CONDITION_PRICE: 'CONDITION_PRICE',
  NET_PRICE: 'NET_PRICE',
  DISCOUNT: 'DISCOUNT',
  ROUNDING: 'ROUNDING',
} as const;
export type PriceStepKind = (typeof PriceStepKind)[keyof typeof PriceStepKind];

export interface PriceStep {
  kind: PriceStepKind;
  description: string;
  conditionId: string | null;
  priceList: string | null;
  /** The running amount after this step. */
  value: Decimal | null;
}

function describe(c: Condition): string {
  const who = c.customerCode !== null ? `customer ${c.customerCode}` : c.customerGroup !== null ? `group ${c.customerGroup}` : 'every customer';
  const what = c.sku !== null ? `article ${c.sku}` : c.familyCode !== null ? `family ${c.familyCode}` : 'every article';
  const extras = [
    c.priority !== 0 ? `priority ${c.priority}` : null,
    !c.minQty.isZero() ? `from quantity ${formatPlain(c.minQty)}` : null,
    c.validFrom !== null || c.validTo !== null ? `valid ${c.validFrom ?? '…'} to ${c.validTo ?? '…'}` : null,
  ].filter((e): e is string => e !== null);
  return `condition ${c.id} (${c.kind}, ${who}, ${what}${extras.length ? `, ${extras.join(', ')}` : ''})`;
}

export function explainPrice(price: PriceResult): PriceStep[] {
  const steps: PriceStep[] = [];
  const item = price.listItem;
  if (item) {
    const brk = item.minQty.isZero() ? 'for any quantity' : `from quantity ${formatPlain(item.minQty)}`;
    const dated = item.validFrom !== null || item.validTo !== null ? `, valid ${item.validFrom ?? '…'} to ${item.validTo ?? '…'}` : '';
    steps.push({
      kind: 'LIST_PRICE',
      description: `List price ${formatFixed(item.price, 4)} from price list ${item.priceListCode}, ${brk}${dated}.`,
      conditionId: null,
      priceList: item.priceListCode,
      value: item.price,
    });
  } else {
    steps.push({ kind: 'NO_LIST_PRICE', description: 'No price list item applies.', conditionId: null, priceList: null, value: null });
  }

  const winner = price.priceWinner;
  if (winner) {
    const net = winner.kind === 'NET_PRICE';
    steps.push({
      kind: net ? 'NET_PRICE' : 'CONDITION_PRICE',
      description: `${describe(winner)} sets the base price to ${formatFixed(price.basePrice, 4)}${net ? ': a net price, no discounts apply' : ''}.`,
      conditionId: winner.id,
      priceList: null,
      value: price.basePrice,
    });
  }

  let running = price.basePrice;
  let exact = price.basePrice;
  if (price.discountWinner) {
    for (const d of price.discounts) {
      exact = exact.times(ONE.minus(d.dividedBy(100)));
      running = exact;
      steps.push({
        kind: 'DISCOUNT',
        description: `Discount ${formatPlain(d)}% from ${describe(price.discountWinner)}: ${formatPlain(running)}.`,
        conditionId: price.discountWinner.id,
        priceList: null,
        value: running,
      });
    }
  }

  steps.push({
    kind: 'ROUNDING',
    description: exact.eq(price.unitPrice)
      ? `Unit price ${formatFixed(price.unitPrice, 4)} (no rounding needed).`
      : `${formatPlain(exact)} rounded half-up to 4 decimals: ${formatFixed(price.unitPrice, 4)}.`,
    conditionId: null,
    priceList: null,
    value: price.unitPrice,
  });
  return steps;
}
