import type { CustomerRow } from '../erp/port';
import { forbidden, unauthenticated } from '../errors';
import type { Principal } from './principal';
import type { Viewer } from './resolveViewer';

/**
 * The customer whose private data (orders, documents) a request reads or
 * writes. Anonymous callers are UNAUTHENTICATED; callers acting for nobody
 * (an agent or service without X-Acting-Customer) are FORBIDDEN.
 */
export function actingCustomer(principal: Principal, viewer: Viewer): CustomerRow {
  if (principal.role === 'anonymous') throw unauthenticated();
  if (!viewer.customer || !viewer.context) {
    throw forbidden('This needs a customer: an agent or service names it with X-Acting-Customer.');
  }
  return viewer.customer;
}
