/**
 * The API's view of a quoted cart: lines, VAT summary and totals.
 */
import { type Decimal, formatFixed, formatPlain } from '../decimal/decimal';
import type { OrderProblem } from './orderProblems';
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

export function problemsFirstByLine(problems: OrderProblem[]): OrderProblem[] {
  // Order-wide problems first, then by line, keeping each line's own order.
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.lineIndex ?? -1) - (b.p.lineIndex ?? -1) || a.i - b.i)
    .map(({ p }) => p);
}
