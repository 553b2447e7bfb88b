/**
 * Visibility rules (erp-contract.md, "Visibility rules"), implemented once.
 *
 * Every path that can reveal an article (product, products, catalog,
 * _entities, prices, stock, quote, placeOrder) asks `isVisible`. A policy is
 * compiled per request from the caller's rules (cached ERP facts), never
 * cached across callers.
 */
import type { VisibilityRuleRow } from '../erp/port';

/** The article facts visibility depends on. */
export interface VisibilityFacts {
  sku: string;
  familyCode: string | null;
  restricted: boolean;
  active: boolean;
  webEnabled: boolean;
}

export type VisibilityPolicy =
  /** Anonymous callers (and services acting for nobody) match no rule: unrestricted articles only. */
  | { kind: 'anonymous' }
  /** An agent acting for nobody sees every active, web-enabled article. */
  | { kind: 'all-active' }
  | {
      kind: 'customer';
      allowSkus: ReadonlySet<string>;
      allowFamilies: ReadonlySet<string>;
      denySkus: ReadonlySet<string>;
      denyFamilies: ReadonlySet<string>;
    };

export const ANONYMOUS_POLICY: VisibilityPolicy = { kind: 'anonymous' };
export const ALL_ACTIVE_POLICY: VisibilityPolicy = { kind: 'all-active' };

/**
 * Indexes the rules that match a customer (by its code or its group). Rules
 * addressed to anybody else are ignored even if the caller passes them.
 */
export function compileVisibilityPolicy(
  customer: { code: string; group: string | null },
  rules: readonly VisibilityRuleRow[],
): VisibilityPolicy {
  const allowSkus = new Set<string>();
  const allowFamilies = new Set<string>();
  const denySkus = new Set<string>();
  const denyFamilies = new Set<string>();
  for (const rule of rules) {
    const matchesCustomer =
      (rule.customerCode !== null && rule.customerCode === customer.code) ||
      (rule.customerGroup !== null && customer.group !== null && rule.customerGroup === customer.group);
    if (!matchesCustomer) continue;
    const deny = rule.mode === 'DENY';
    if (rule.mode !== 'ALLOW' && !deny) continue;
    if (rule.sku !== null) (deny ? denySkus : allowSkus).add(rule.sku);
    else if (rule.familyCode !== null) (deny ? denyFamilies : allowFamilies).add(rule.familyCode);
  }
  return { kind: 'customer', allowSkus, allowFamilies, denySkus, denyFamilies };
}

export function isVisible(policy: VisibilityPolicy, article: VisibilityFacts): boolean {
  if (!article.active || !article.webEnabled) return false;
  switch (policy.kind) {
    case 'anonymous':
      return !article.restricted;
    case 'all-active':
      return true;
    case 'customer': {
      const family = article.familyCode;
      if (policy.denySkus.has(article.sku) || (family !== null && policy.denyFamilies.has(family))) return false;
      if (!article.restricted) return true;
      return policy.allowSkus.has(article.sku) || (family !== null && policy.allowFamilies.has(family));
    }
  }
}

/**
 * What every article visible under a policy has in common, so a catalog
 * search can ask the ERP for fewer rows. Only a narrowing: `isVisible` still
 * decides each row.
 */
export interface CatalogNarrowing {
  /** No restricted article can be visible (no ALLOW rule applies). */
  unrestrictedOnly: boolean;
  /** Families denied outright: nothing in them can be visible. */
  hiddenFamilies: ReadonlySet<string>;
}

const NOTHING_HIDDEN: ReadonlySet<string> = new Set();

export function catalogNarrowing(policy: VisibilityPolicy): CatalogNarrowing {
  switch (policy.kind) {
    case 'anonymous':
      return { unrestrictedOnly: true, hiddenFamilies: NOTHING_HIDDEN };
    case 'all-active':
      return { unrestrictedOnly: false, hiddenFamilies: NOTHING_HIDDEN };
    case 'customer':
      return {
        unrestrictedOnly: policy.allowSkus.size === 0 && policy.allowFamilies.size === 0,
        hiddenFamilies: policy.denyFamilies,
      };
  }
}
