/**
 * Validation of one order line, shared by quote and placeOrder so the two
 * can never disagree: what a quote reports as a problem is exactly what
 * placeOrder would refuse.
 */
import { Decimal, formatFixed, formatPlain } from '../decimal/decimal';
import type { ArticleRow } from '../erp/port';
import type { PriceResult } from '../pricing/computePrice';
import { type OrderProblem, orderProblem } from './orderProblems';
import { message } from '../messages/catalogue';
import { isValidQuantity, type OrderRules, respectsMinimum, respectsPack } from './orderableQuantity';

export { isValidQuantity };

/** The ERP's decimal(19,2) line total: at most 17 integer digits. */
const MAX_LINE_TOTAL = new Decimal('99999999999999999.99');

export interface LineFacts {
  index: number;
  sku: string;
  /** null when the client sent something that is not a number. */
  quantity: Decimal | null;
  /** The raw text, for the message when the quantity is not a number. */
  quantityText: string;
  /** The visible article, or null when missing or invisible (the same thing). */
  article: ArticleRow | null;
  /** The article's pack and minimum (orderableQuantity.ts: the same rule the quantity helpers follow). */
  rules: OrderRules;
  /** The price at this quantity, or null (price on request or not computed). */
  price: PriceResult | null;
  expectedUnitPrice?: Decimal | null;
}

export function checkLine(line: LineFacts): OrderProblem[] {
  const { index, sku } = line;
  if (line.article === null) return [orderProblem('UNKNOWN_PRODUCT', index, message('order.unknownProduct', { sku }))];
  if (!isValidQuantity(line.quantity)) return [orderProblem('INVALID_QUANTITY', index, message('order.invalidQuantity', { quantity: line.quantityText }))];

  const quantity = line.quantity;
  const problems: OrderProblem[] = [];
  const q = formatPlain(quantity);
  if (!respectsPack(quantity, line.rules)) {
    problems.push(orderProblem('NOT_MULTIPLE_OF_PACK', index, message('order.notMultipleOfPack', { sku, quantity: q, pack: formatPlain(line.rules.pack) })));
  }
  if (!respectsMinimum(quantity, line.rules)) {
    problems.push(orderProblem('BELOW_MINIMUM', index, message('order.belowMinimum', { sku, quantity: q, minimum: formatPlain(line.rules.minimum) })));
  }
  if (line.price === null) {
    problems.push(orderProblem('NO_PRICE', index, message('order.noPrice', { sku })));
  } else if (line.price.unitPrice.times(quantity).gt(MAX_LINE_TOTAL)) {
    // A line the ERP's decimal(19,2) could not hold: refused here, not by an overflow there.
    problems.push(orderProblem('INVALID_QUANTITY', index, message('order.invalidQuantity', { quantity: line.quantityText })));
  } else if (line.expectedUnitPrice !== undefined && line.expectedUnitPrice !== null && !line.expectedUnitPrice.eq(line.price.unitPrice)) {
    problems.push(
      orderProblem(
        'PRICE_CHANGED',
        index,
        message('order.priceChanged', {
          sku,
          current: formatFixed(line.price.unitPrice, 4),
          expected: formatPlain(line.expectedUnitPrice),
        }),
      ),
    );
  }
  return problems;
}
