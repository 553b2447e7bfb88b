/**
 * Internal figures (warehouse statistics) are for the company's own people:
 * the service role and sales agents. Customers are FORBIDDEN, anonymous
 * callers UNAUTHENTICATED (warehouse-statistics.md).
 */
import { forbidden, unauthenticated } from '../errors';
import { message } from '../messages/catalogue';
import type { Principal } from './principal';

export function requireStaff(principal: Principal): void {
  if (principal.role === 'anonymous') throw unauthenticated();
  if (principal.role === 'customer') throw forbidden(message('error.staffOnly'));
}
