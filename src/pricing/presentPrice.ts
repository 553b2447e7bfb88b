/**
 * The API's view of an engine result: fixed decimals where the contract
 * fixes them (prices 4, totals 2), plain notation elsewhere.
 */
import { type Decimal, formatFixed, formatPlain } from '../decimal/decimal';
import { type PriceResult, lineTotal, unitPriceWithVat } from './computePrice';
import type { PriceBreak } from './priceBreaks';

export interface PriceView {
  quantity: string;
  currency: string;
  listPrice: string | null;
  basePrice: string;
  discounts: string[];
  unitPrice: string;
  unitPriceWithVat: string;
  lineTotal: string;
  source: PriceResult['source'];
  conditionId: string | null;
  discountConditionId: string | null;
  /** The engine's result, for the explanation. */
  result: PriceResult;
}

export function presentPrice(result: PriceResult, currency: string, vatRate: Decimal): PriceView {
  return {
    quantity: formatPlain(result.quantity),
    currency,
    listPrice: result.listPrice === null ? null : formatFixed(result.listPrice, 4),
    basePrice: formatFixed(result.basePrice, 4),
    discounts: result.discounts.map(formatPlain),
    unitPrice: formatFixed(result.unitPrice, 4),
    unitPriceWithVat: formatFixed(unitPriceWithVat(result.unitPrice, vatRate), 2),
    lineTotal: formatFixed(lineTotal(result.unitPrice, result.quantity), 2),
    source: result.source,
    conditionId: result.priceWinner?.id ?? null,
    discountConditionId: result.discountWinner?.id ?? null,
    result,
  };
}

export interface PriceBreakView {
  minQuantity: string;
  unitPrice: string;
}

/** A price break as the API shows it: the quantity plain, the unit price to 4 decimals like every price. */
export function presentPriceBreak(b: PriceBreak): PriceBreakView {
  return { minQuantity: formatPlain(b.minQuantity), unitPrice: formatFixed(b.unitPrice, 4) };
}
