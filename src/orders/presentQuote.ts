/**
 * The API's view of a quoted cart: lines, VAT summary and totals.
 */
import { type Decimal, formatFixed, formatPlain } from '../decimal/decimal';
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
