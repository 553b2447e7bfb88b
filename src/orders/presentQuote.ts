/**
 * The API's view of a quoted cart: lines, VAT summary and totals.
 */
import { type Decimal, formatFixed, formatPlain } from '../decimal/decimal';
import { presentPrice } from '../pricing/presentPrice';
import type { CartCheck } from './checkCart';
import { sortProblems } from './orderProblems';
import { type Totals, summariseVat } from './vatSummary';

export interface QuotedLineFacts {
  lineTotal: Decimal | null;
  vatRate: Decimal | null;
}

export interface TotalsView {
  vatSummary: Array<{ rate: string; taxable: string; vat: string }>;
  totalNet: string;
  totalVat: string;
  totalGross: string;
}

export function totalsOf(lines: readonly QuotedLineFacts[]): Totals {
  return summariseVat(
    lines.flatMap((l) => (l.lineTotal !== null && l.vatRate !== null ? [{ lineTotal: l.lineTotal, vatRate: l.vatRate }] : [])),
  );
}

export function presentTotals(totals: Totals): TotalsView {
  return {
    vatSummary: totals.vatSummary.map((l) => ({ rate: formatPlain(l.rate), taxable: formatFixed(l.taxable, 2), vat: formatFixed(l.vat, 2) })),
    totalNet: formatFixed(totals.totalNet, 2),
    totalVat: formatFixed(totals.totalVat, 2),
    totalGross: formatFixed(totals.totalGross, 2),
  };
}

/**
 * The API's view of a checked cart. The product and the price stay domain
 * values (the article, the presented price) for the GraphQL layer to wrap.
 */
export function presentQuote(cart: CartCheck, currency: string) {
  return {
    currency,
    lines: cart.lines.map((l) => ({
      lineIndex: l.index,
      sku: l.sku,
      quantity: l.quantity === null ? null : formatPlain(l.quantity),
      article: l.article,
      price: l.price && l.vatRate ? presentPrice(l.price, currency, l.vatRate) : null,
      vatRate: l.vatRate === null ? null : formatPlain(l.vatRate),
      lineTotal: l.lineTotal === null ? null : formatFixed(l.lineTotal, 2),
    })),
    ...presentTotals(totalsOf(cart.lines)),
    problems: sortProblems(cart.problems),
  };
}
