/**
 * What Ponte holds about one customer to decide what it sees and pays: its
 * master row and the rules and conditions addressed to it, plus a reference
 * to its group's facts, which are held once per group.
 *
 * Groups carry most rules (hundreds of visibility rules and conditions for a
 * trade group), and every customer of the group shares them. Held per
 * customer they cost ~350 KB each, parsed and compiled; held per group, a
 * customer costs its own few rows. The compiled forms (visibility layers,
 * condition indexes) are memoised on these objects' identities, so they
 * live exactly as long as the cached facts they came from.
 */
import type { ConditionRow, CustomerContextRow, CustomerRow, VisibilityRuleRow } from '../erp/port';
import { type OwnReach, ownReach } from './ownReach';

export interface GroupFacts {
  group: string;
  visibilityRules: readonly VisibilityRuleRow[];
  conditions: readonly ConditionRow[];
}

export interface CustomerFacts {
  customer: CustomerRow;
  /** Rules addressed to the customer itself. */
  visibilityRules: readonly VisibilityRuleRow[];
  /** Conditions addressed to the customer itself. */
  conditions: readonly ConditionRow[];
  /** Its group's facts, shared; null without a group. */
  group: GroupFacts | null;
  /** The articles its own rows can touch (ownReach.ts), computed once as it enters the cache. */
  reach: OwnReach;
}

/** The group part of a context row as read from the ERP. */
export function groupFactsOf(row: CustomerContextRow): GroupFacts | null {
  const group = row.customer.group;
  if (group === null) return null;
  return {
    group,
    visibilityRules: row.visibilityRules.filter((r) => r.customerCode === null && r.customerGroup === group),
    conditions: row.conditions.filter((c) => c.customerCode === null && c.customerGroup === group),
  };
}

/**
 * Splits a context row into the customer's own rows and a group reference.
 * @param group the shared facts of the customer's group (see groupFactsOf).
 */
export function customerFactsOf(row: CustomerContextRow, group: GroupFacts | null): CustomerFacts {
  const code = row.customer.code;
  const visibilityRules = row.visibilityRules.filter((r) => r.customerCode === code);
  const conditions = row.conditions.filter((c) => c.customerCode === code);
  return { customer: row.customer, visibilityRules, conditions, group, reach: ownReach([...visibilityRules, ...conditions]) };
}
