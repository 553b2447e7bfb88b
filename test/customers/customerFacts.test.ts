/**
 * A customer's facts are compiled once, as they enter the cache: its
 * visibility policy (its group's rule sets, shared, and its own) and its
 * conditions. Nothing compiled for one group reaches a customer of another.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { customerFactsOf, groupFactsOf } from '../../src/customers/customerFacts';
import type { CustomerContextRow, VisibilityRuleRow } from '../../src/erp/port';
import { isVisible } from '../../src/visibility/visibilityPolicy';
import { customerRow } from '../helpers/portRows';

const customer = customerRow;

const allow = (id: string, sku: string, to: { code?: string; group?: string }): VisibilityRuleRow => ({
  ruleId: id,
  mode: 'ALLOW',
  sku,
  familyCode: null,
  customerCode: to.code ?? null,
  customerGroup: to.group ?? null,
});

const restricted = (sku: string) => ({ sku, familyCode: null, restricted: true, active: true, webEnabled: true });

function contextRow(code: string, group: string | null, rules: VisibilityRuleRow[]): CustomerContextRow {
  return { customer: customer(code, group), visibilityRules: rules, conditions: [] };
}

describe('customer facts', () => {
  const rules = [allow('1', 'GROUP-ONLY', { group: 'G1' }), allow('2', 'MINE', { code: 'C1' })];

  test("a customer's policy admits its group's and its own exclusive articles", () => {
    const row = contextRow('C1', 'G1', rules);
    const facts = customerFactsOf(row, groupFactsOf(row));
    assert.equal(isVisible(facts.policy, restricted('GROUP-ONLY')), true);
    assert.equal(isVisible(facts.policy, restricted('MINE')), true);
    assert.equal(isVisible(facts.policy, restricted('OTHER')), false);
  });

  test("the group's rule sets are one object shared by its customers' policies", () => {
    const group = groupFactsOf(contextRow('C1', 'G1', rules))!;
    const c1 = customerFactsOf(contextRow('C1', 'G1', rules), group);
    const c2 = customerFactsOf(contextRow('C2', 'G1', rules), group);
    assert.equal(c1.policy.kind, 'customer');
    assert.equal(c2.policy.kind, 'customer');
    if (c1.policy.kind !== 'customer' || c2.policy.kind !== 'customer') return;
    assert.equal(c1.policy.layers[0], group.ruleSets);
    assert.equal(c2.policy.layers[0], group.ruleSets);
  });

  test("facts of another group lend a customer nothing, even when handed over", () => {
    const foreign = groupFactsOf(contextRow('C1', 'G1', rules));
    const facts = customerFactsOf(contextRow('C9', 'G2', rules), foreign);
    assert.equal(isVisible(facts.policy, restricted('GROUP-ONLY')), false);
  });

  test("another customer's rules never reach a customer", () => {
    const row = contextRow('C2', 'G1', rules);
    const facts = customerFactsOf(row, groupFactsOf(row));
    assert.equal(isVisible(facts.policy, restricted('MINE')), false);
  });
});
