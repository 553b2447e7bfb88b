import type { ConditionRow, CustomerContextRow, CustomerRow, VisibilityRuleRow } from './port';

/**
 * Splits the rules and conditions fetched for several customers at once
 * (addressed to any of them or to any of their groups) into one context per
 * customer. Customers that do not exist get no context.
 */
export function groupCustomerContexts(
  customers: CustomerRow[],
  rules: VisibilityRuleRow[],
  conditions: ConditionRow[],
): CustomerContextRow[] {
  const addressedTo = (c: CustomerRow, r: { customerCode: string | null; customerGroup: string | null }) =>
    r.customerCode === c.code || (r.customerGroup !== null && r.customerGroup === c.group);
  return customers.map((customer) => ({
    customer,
    visibilityRules: rules.filter((r) => addressedTo(customer, r)),
    conditions: conditions.filter((r) => addressedTo(customer, r)),
  }));
}
