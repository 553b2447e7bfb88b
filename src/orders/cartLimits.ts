/**
 * Cart-level checks shared by quote and placeOrder.
 */
import { type OrderProblem, orderProblem } from './orderProblems';

/** EMPTY_ORDER / TOO_MANY_LINES, or nothing. Lines are not priced when this fails. */
export function checkLineCount(count: number, maxLines: number): OrderProblem | null {
  if (count === 0) return orderProblem('EMPTY_ORDER', null);
  if (count > maxLines) return orderProblem('TOO_MANY_LINES', null, { count: String(count), max: String(maxLines) });
  return null;
}
