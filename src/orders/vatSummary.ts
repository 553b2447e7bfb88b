/**
 * Step 8 of the pricing rules: the VAT summary of a set of priced lines, as
 * in the riepilogo IVA of an Italian e-invoice: per rate, taxable = Σ line
 * totals and VAT = taxable × rate / 100 rounded half-up to 2 decimals once
 * per rate (not per line).
 */
import { type Decimal, ZERO, roundHalfUp } from '../decimal/decimal';

export interface VatLine {
  vatRate: Decimal;
  lineTotal: Decimal;
}

export interface VatSummaryLine {
  rate: Decimal;
  taxable: Decimal;
  vat: Decimal;
}

export interface Totals {
  vatSummary: VatSummaryLine[];
  totalNet: Decimal;
  totalVat: Decimal;
  totalGross: Decimal;
}

export function summariseVat(lines: readonly VatLine[]): Totals {
  const byRate = new Map<string, { rate: Decimal; taxable: Decimal }>();
  for (const line of lines) {
    // "22" and "22.00" are one rate.
    const key = line.vatRate.toString();
    const entry = byRate.get(key);
    if (entry) entry.taxable = entry.taxable.plus(line.lineTotal);
    else byRate.set(key, { rate: line.vatRate, taxable: line.lineTotal });
  }
  const vatSummary = [...byRate.values()]
    .sort((a, b) => b.rate.comparedTo(a.rate))
    .map(({ rate, taxable }) => ({ rate, taxable, vat: roundHalfUp(taxable.times(rate).dividedBy(100), 2) }));
  const totalNet = vatSummary.reduce((sum, l) => sum.plus(l.taxable), ZERO);
  const totalVat = vatSummary.reduce((sum, l) => sum.plus(l.vat), ZERO);
  return { vatSummary, totalNet, totalVat, totalGross: totalNet.plus(totalVat) };
}
