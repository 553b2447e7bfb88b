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

export function viewerFingerprint(viewer: Viewer, settings: ErpSettings, today: string): string {
  const quantities = viewer.showQuantities ? 'q' : '-';
  switch (viewer.policy.kind) {
    case 'anonymous':
      return `anon|${quantities}|${today}`;
    case 'all-active':
      return `all|${quantities}|${today}`;
    case 'customer': {
      const facts = viewer.context!;
      const customer = facts.customer;
      const list = customer.priceListCode !== null && customer.priceListCode !== settings.defaultPriceList ? customer.priceListCode : '';
      const own = facts.conditions.length > 0 || facts.visibilityRules.length > 0 ? customer.code : '';
      // JSON: codes may hold any character, so no separator could be trusted.
      return JSON.stringify(['cust', quantities, today, list, customer.group ?? '', own]);
    }
  }
}
