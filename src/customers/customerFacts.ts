/**
 * What Ponte holds about one customer to decide what it sees and pays: its
 * master row and the rules and conditions addressed to it, plus a reference
 * to its group's facts, which are held once per group.
 *
 * Groups carry most rules (hundreds of visibility rules and conditions for a
 * trade group), and every customer of the group shares them. Held per
 * customer they cost ~350 KB each, parsed and compiled; held per group, a
 * customer costs its own few rows. The rows are compiled (visibility rule
 * sets, condition layers) here, once, as they enter the cache, and the
 * compiled forms live exactly as long as the facts that hold them.
 */
import type { ConditionRow, CustomerContextRow, CustomerRow, VisibilityRuleRow } from '../erp/port';
import { type ConditionLayer, compileCustomerConditions, compileGroupConditions } from '../pricing/conditionIndex';
import { type RuleSets, type VisibilityPolicy, compileRuleSets, customerPolicy } from '../visibility/visibilityPolicy';
import { type OwnReach, ownReach } from './ownReach';

export interface GroupFacts {
  group: string;
  visibilityRules: readonly VisibilityRuleRow[];
  conditions: readonly ConditionRow[];
  /** The group's rules, indexed: one layer of each of its customers' policies. */
  ruleSets: RuleSets;
  /** The group's conditions, compiled: one layer of each of its customers' condition indexes. */
  conditionLayer: ConditionLayer;
}

export interface CustomerFacts {
  customer: CustomerRow;
  /** Rules addressed to the customer itself. */
  visibilityRules: readonly VisibilityRuleRow[];
  /** Conditions addressed to the customer itself. */
  conditions: readonly ConditionRow[];
  /** Its group's facts, shared; null without a group. */
  group: GroupFacts | null;
  /** What it may see: its group's rule sets and its own. */
  policy: VisibilityPolicy;
  /** Its own conditions, compiled (the group's are in `group`). */
  conditionLayer: ConditionLayer;
  /** The articles its own rows can touch (ownReach.ts). */
  reach: OwnReach;
}

/** The group part of a context row as read from the ERP. */
export function groupFactsOf(row: CustomerContextRow): GroupFacts | null {
  const group = row.customer.group;
  if (group === null) return null;
  const visibilityRules = row.visibilityRules.filter((r) => r.customerCode === null && r.customerGroup === group);
  const conditions = row.conditions.filter((c) => c.customerCode === null && c.customerGroup === group);
  return {
    group,
    visibilityRules,
    conditions,
    ruleSets: compileRuleSets({ code: null, group }, visibilityRules),
    conditionLayer: compileGroupConditions(group, conditions),
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
  // Facts of another group (handed over by mistake, or a customer that
  // moved) never lend it their rules.
  const groupRules = group !== null && group.group === row.customer.group ? [group.ruleSets] : [];
  return {
    customer: row.customer,
    visibilityRules,
    conditions,
    group,
    policy: customerPolicy(...groupRules, compileRuleSets({ code, group: null }, visibilityRules)),
    conditionLayer: compileCustomerConditions(code, conditions),
    reach: ownReach([...visibilityRules, ...conditions]),
  };
}
