import type { CustomerRow } from '../erp/port';
import { actingCustomerRequired, unauthenticated } from '../errors';
import type { Principal } from './principal';
import type { Viewer } from './resolveViewer';

/** Anonymous callers are UNAUTHENTICATED (a quote needs a caller, not necessarily a customer). */
export function requireAuthenticated(principal: Principal): void {
  if (principal.role === 'anonymous') throw unauthenticated();
}

/** The channel the order inbox records: an agent orders from the sales app; a customer, or a service for one, from the storefront. */
export function orderChannel(principal: Principal): 'SALES_APP' | 'STOREFRONT' {
  return principal.role === 'agent' ? 'SALES_APP' : 'STOREFRONT';
}

/**
 * The customer whose private data (orders, documents) a request reads or
 * writes. Anonymous callers are UNAUTHENTICATED; callers acting for nobody
 * (an agent or service without X-Acting-Customer) are ACTING_CUSTOMER_REQUIRED:
 * they may read it, once they say for whom.
 */
export function actingCustomer(principal: Principal, viewer: Viewer): CustomerRow {
  requireAuthenticated(principal);
  if (!viewer.customer || !viewer.context) throw actingCustomerRequired();
  return viewer.customer;
}
