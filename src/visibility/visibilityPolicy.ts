/**
 * Visibility rules (erp-contract.md, "Visibility rules"), implemented once.
 *
 * Every path that can reveal an article asks `isVisible`: by sku through
 * src/catalog/visibleArticles.ts (product, products, _entities, quote and
 * order lines; prices and stock are fields of an article already let
 * through), page by page in src/catalog/catalogPage.ts (catalog). A
 * customer's policy is layers of rule sets: its group's, compiled once per
 * group and shared by the group's customers, and its own; both compiled as
 * the customer's facts enter the cache (src/customers/customerFacts.ts).
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

/** The ALLOW and DENY rules that match one audience (a group, or one customer), indexed. */
export interface RuleSets {
  allowSkus: ReadonlySet<string>;
  allowFamilies: ReadonlySet<string>;
  denySkus: ReadonlySet<string>;
  denyFamilies: ReadonlySet<string>;
}

export type VisibilityPolicy =
  /** Anonymous callers (and services acting for nobody) match no rule: unrestricted articles only. */
  | { kind: 'anonymous' }
  /** An agent acting for nobody sees every active, web-enabled article. */
  | { kind: 'all-active' }
  /**
   * A customer: the rules of its group and its own, kept as separate layers
   * so the group's (often hundreds of rules) are compiled once and shared by
   * every customer of the group. A rule in any layer counts.
   */
  | { kind: 'customer'; layers: readonly RuleSets[] };

export const ANONYMOUS_POLICY: VisibilityPolicy = { kind: 'anonymous' };
export const ALL_ACTIVE_POLICY: VisibilityPolicy = { kind: 'all-active' };

/**
 * Indexes the rules addressed to an audience: a customer code and/or a
 * group. Rules addressed to anybody else are ignored even if passed.
 */
export function compileRuleSets(audience: { code: string | null; group: string | null }, rules: readonly VisibilityRuleRow[]): RuleSets {
  const allowSkus = new Set<string>();
  const allowFamilies = new Set<string>();
  const denySkus = new Set<string>();
  const denyFamilies = new Set<string>();
  for (const rule of rules) {
    const matches =
      (rule.customerCode !== null && rule.customerCode === audience.code) ||
      (rule.customerGroup !== null && audience.group !== null && rule.customerGroup === audience.group);
    if (!matches) continue;
    const deny = rule.mode === 'DENY';
    if (rule.mode !== 'ALLOW' && !deny) continue;
    if (rule.sku !== null) (deny ? denySkus : allowSkus).add(rule.sku);
    else if (rule.familyCode !== null) (deny ? denyFamilies : allowFamilies).add(rule.familyCode);
  }
  return { allowSkus, allowFamilies, denySkus, denyFamilies };
}

const isEmpty = (sets: RuleSets) =>
  sets.allowSkus.size === 0 && sets.allowFamilies.size === 0 && sets.denySkus.size === 0 && sets.denyFamilies.size === 0;

/** A customer's policy from rule-set layers (its group's, shared, and its own); empty layers are left out. */
export function customerPolicy(...layers: RuleSets[]): VisibilityPolicy {
  return { kind: 'customer', layers: layers.filter((l) => !isEmpty(l)) };
}

/** The policy of one customer from all the rules that match it (group's and own together). */
export function compileVisibilityPolicy(
  customer: { code: string; group: string | null },
  rules: readonly VisibilityRuleRow[],
): VisibilityPolicy {
  return customerPolicy(compileRuleSets(customer, rules));
}

export function isVisible(policy: VisibilityPolicy, article: VisibilityFacts): boolean {
  if (!article.active || !article.webEnabled) return false;
  return decide(policy, article.sku, article.familyCode, article.restricted);
}

/**
 * Whether an active, web-enabled article of this family and restriction is
 * visible when no rule names its sku: what every article of the group
 * shares, except those in `namedSkus`. Lets a count start from SQL totals
 * per family and correct only the articles rules name one by one.
 */
export function isVisibleUnnamed(policy: VisibilityPolicy, familyCode: string | null, restricted: boolean): boolean {
  return decide(policy, null, familyCode, restricted);
}

/** Every sku a rule of the policy names (ALLOW or DENY): the only articles isVisibleUnnamed may misjudge. */
export function namedSkus(policy: VisibilityPolicy): ReadonlySet<string> {
  if (policy.kind !== 'customer') return NOTHING_HIDDEN;
  const out = new Set<string>();
  for (const l of policy.layers) {
    for (const sku of l.denySkus) out.add(sku);
    for (const sku of l.allowSkus) out.add(sku);
  }
  return out;
}

/** The rules themselves, for an active, web-enabled article; `sku` null = named by no rule. */
function decide(policy: VisibilityPolicy, sku: string | null, family: string | null, restricted: boolean): boolean {
  switch (policy.kind) {
    case 'anonymous':
      return !restricted;
    case 'all-active':
      return true;
    case 'customer': {
      for (const l of policy.layers) {
        if ((sku !== null && l.denySkus.has(sku)) || (family !== null && l.denyFamilies.has(family))) return false;
      }
      if (!restricted) return true;
      for (const l of policy.layers) {
        if ((sku !== null && l.allowSkus.has(sku)) || (family !== null && l.allowFamilies.has(family))) return true;
      }
      return false;
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
    case 'customer': {
      const denied = policy.layers.filter((l) => l.denyFamilies.size > 0).map((l) => l.denyFamilies);
      return {
        unrestrictedOnly: policy.layers.every((l) => l.allowSkus.size === 0 && l.allowFamilies.size === 0),
        hiddenFamilies: denied.length === 0 ? NOTHING_HIDDEN : denied.length === 1 ? denied[0]! : new Set(denied.flatMap((d) => [...d])),
      };
    }
  }
}
