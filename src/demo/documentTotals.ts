/**
 * A document's amounts by the project's own rules (src/decimal, and the VAT
 * summary of src/orders), so demo documents add up the way Ponte's orders do.
 */
import { Decimal, roundHalfUp } from '../decimal/decimal';
import { summariseVat, type Totals } from '../orders/vatSummary';

export interface PricedLine {
  quantity: string;
  unitPrice: string;
  /** Cascade in hundredths of a percent. */
  discounts: readonly number[];
  vatRate: string;
}

export interface DocumentTotals extends Totals {
  /** Per line, in the lines' order. */
  lineTotals: Decimal[];
}

const TEN_THOUSAND = new Decimal(10_000);

/** unit_price × quantity × Π(1 − d/100), half-up to 2 decimals, as the line of an Italian invoice states it. */
export function lineTotal(line: PricedLine): Decimal {
  let value = new Decimal(line.unitPrice).times(line.quantity);
  for (const d of line.discounts) value = value.times(new Decimal(10_000 - d).dividedBy(TEN_THOUSAND));
  return roundHalfUp(value, 2);
}

export function documentTotals(lines: readonly PricedLine[]): DocumentTotals {
  const lineTotals = lines.map(lineTotal);
  const totals = summariseVat(lines.map((line, i) => ({ vatRate: new Decimal(line.vatRate), lineTotal: lineTotals[i] })));
  return { ...totals, lineTotals };
}
