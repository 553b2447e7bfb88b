/**
 * What a viewer's product answers depend on, as one string: two viewers with
 * the same fingerprint get byte-identical answers to any product, products or
 * catalog query on the same day. It names the visibility policy, the price
 * list, the group (whose rules and conditions apply) and, only when the
 * customer has rules or conditions of its own, the customer itself; and
 * whether quantities are shown. Customers of one group on one list share
 * it, and anonymous visitors all share one: that is what lets a response
 * cache serve them without ever mixing viewers whose prices or visibility
 * differ.
 */
import type { Viewer } from '../auth/resolveViewer';
import type { ErpSettings } from '../settings/erpSettings';
import { customerListOf } from '../pricing/priceQuery';

export function viewerFingerprint(viewer: Viewer, settings: ErpSettings, today: string): string {
  const quantities = viewer.showQuantities ? 'q' : '-';
  switch (viewer.policy.kind) {
    case 'anonymous':
      return `anon|${quantities}|${today}`;
    case 'all-active':
      return `all|${quantities}|${today}`;
    case 'customer': {
      const facts = viewer.context!;
      return customerFingerprint(viewer, settings, today, hasOwnRows(viewer) ? facts.customer.code : '');
    }
  }
}

/**
 * For a customer with rules or conditions of its own, the fingerprint it
 * would have without them: an answer none of its own rows reaches (see
 * src/customers/ownReach.ts) is the answer under this fingerprint, and may
 * be stored and found under it. Null for every other viewer.
 */
export function sharedFingerprint(viewer: Viewer, settings: ErpSettings, today: string): string | null {
  return viewer.policy.kind === 'customer' && hasOwnRows(viewer) ? customerFingerprint(viewer, settings, today, '') : null;
}

function hasOwnRows(viewer: Viewer): boolean {
  const facts = viewer.context!;
  return facts.conditions.length > 0 || facts.visibilityRules.length > 0;
}

function customerFingerprint(viewer: Viewer, settings: ErpSettings, today: string, own: string): string {
  const customer = viewer.context!.customer;
  const quantities = viewer.showQuantities ? 'q' : '-';
  const list = customerListOf(customer.priceListCode, settings.defaultPriceList) ?? '';
  // JSON: codes may hold any character, so no separator could be trusted.
  return JSON.stringify(['cust', quantities, today, list, customer.group ?? '', own]);
}
