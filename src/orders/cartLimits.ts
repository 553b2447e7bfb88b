/**
 * Cart-level checks shared by quote and placeOrder.
 */
import { type OrderProblem, orderProblem } from './orderProblems';
import { message } from '../messages/catalogue';

/** EMPTY_ORDER / TOO_MANY_LINES, or nothing. Lines are not priced when this fails. */
export function checkLineCount(count: number, maxLines: number): OrderProblem | null {
  if (count === 0) return orderProblem('EMPTY_ORDER', null, message('order.emptyOrder'));
  if (count > maxLines) return orderProblem('TOO_MANY_LINES', null, message('order.tooManyLines', { count, max: maxLines }));
  return null;
}
