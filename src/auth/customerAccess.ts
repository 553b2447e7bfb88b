/**
 * Which customer master records a principal reads beyond the customer it
 * acts for: an agent the customers it follows, a service every customer,
 * a customer none but itself, an anonymous caller none. The customers list
 * and federation's entity resolution both apply this one rule.
 */
import type { CustomerFacts } from '../customers/customerFacts';
import type { CustomerRow } from '../erp/port';
import { forbidden, unauthenticated } from '../errors';
import type { Principal } from './principal';
import type { Viewer } from './resolveViewer';
import { message } from '../messages/catalogue';

export interface CustomerReach {
  /** Only the customers this agent follows; null for every customer. */
  agentCode: string | null;
}

/** null: the principal reads no customer but the one it acts for. */
function reachOf(principal: Principal): CustomerReach | null {
  switch (principal.role) {
    case 'agent':
      return { agentCode: principal.agent };
    case 'service':
      return { agentCode: null };
    default:
      return null;
  }
}

/** The `customers` list's filter; anonymous callers are UNAUTHENTICATED, customers FORBIDDEN. */
export function listableCustomers(principal: Principal): CustomerReach {
  if (principal.role === 'anonymous') throw unauthenticated();
  const reach = reachOf(principal);
  if (reach === null) throw forbidden(message('auth.customersCannotList'));
  return reach;
}

export interface CustomerLookups {
  viewer(): Promise<Viewer>;
  facts(code: string): Promise<CustomerFacts | null>;
}

/**
 * A customer named by reference (federation's `_entities`), or null when it
 * does not exist or the principal may not read it: the two answer alike, so
 * references cannot probe for customer codes. Nothing is loaded for a
 * principal that could never read it.
 */
export async function referencedCustomer(principal: Principal, code: string, lookups: CustomerLookups): Promise<CustomerRow | null> {
  // Before the viewer: resolving it would refuse an anonymous X-Acting-Customer instead of answering null.
  if (principal.role === 'anonymous') return null;
  const viewer = await lookups.viewer();
  if (viewer.customer?.code === code) return viewer.customer;
  const reach = reachOf(principal);
  if (reach === null) return null;
  const facts = await lookups.facts(code);
  if (!facts || (reach.agentCode !== null && facts.customer.agentCode !== reach.agentCode)) return null;
  return facts.customer;
}
