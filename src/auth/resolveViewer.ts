/**
 * From a verified principal and the X-Acting-Customer header to the viewer a
 * request runs as: which customer it acts for, what it may see, and whether
 * it sees quantities. Resolved lazily (on the first field that needs it) and
 * once per request.
 */
import type { CustomerFacts } from '../customers/customerFacts';
import type { CustomerRow } from '../erp/port';
import { forbidden, unauthenticated } from '../errors';
import { ALL_ACTIVE_POLICY, ANONYMOUS_POLICY, type VisibilityPolicy } from '../visibility/visibilityPolicy';
import type { Principal } from './principal';
import { message } from '../messages/catalogue';

export interface Viewer {
  principal: Principal;
  /** The acting customer: the token's, or the one named by X-Acting-Customer. */
  customer: CustomerRow | null;
  /** The acting customer's rules and conditions (its own, and its group's by reference). */
  context: CustomerFacts | null;
  policy: VisibilityPolicy;
  /** Anonymous callers see statuses, never quantities. */
  showQuantities: boolean;
  /** Set when an agent is calling. */
  agentCode: string | null;
}

const NOT_YOURS = message('auth.notYourCustomer');

export async function resolveViewer(
  principal: Principal,
  actingHeader: string | undefined,
  loadContext: (customerCode: string) => Promise<CustomerFacts | null>,
): Promise<Viewer> {
  const acting = actingHeader?.trim() || null;

  const forCustomer = async (code: string, agentCode: string | null): Promise<Viewer> => {
    const context = await loadContext(code);
    // A customer that does not exist and one the caller may not act for
    // answer the same, so the header cannot be used to probe customer codes.
    if (!context) throw forbidden(NOT_YOURS);
    if (principal.role === 'agent' && context.customer.agentCode !== principal.agent) throw forbidden(NOT_YOURS);
    return {
      principal,
      customer: context.customer,
      context,
      policy: context.policy,
      showQuantities: true,
      agentCode,
    };
  };

  switch (principal.role) {
    case 'anonymous':
      if (acting !== null) throw unauthenticated(message('auth.actingNeedsAgent'));
      return { principal, customer: null, context: null, policy: ANONYMOUS_POLICY, showQuantities: false, agentCode: null };
    case 'customer':
      if (acting !== null && acting !== principal.customer) throw forbidden(NOT_YOURS);
      return forCustomer(principal.customer, null);
    case 'agent':
      if (acting === null) {
        return { principal, customer: null, context: null, policy: ALL_ACTIVE_POLICY, showQuantities: true, agentCode: principal.agent };
      }
      return forCustomer(acting, principal.agent);
    case 'service': {
      const code = acting ?? principal.customer;
      if (code === null) {
        // A storefront back end browsing for a guest: a guest's view, with quantities.
        return { principal, customer: null, context: null, policy: ANONYMOUS_POLICY, showQuantities: true, agentCode: null };
      }
      return forCustomer(code, null);
    }
  }
}
