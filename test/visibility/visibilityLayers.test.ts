/**
 * A customer's visibility policy is its group's rule sets (compiled once per
 * group) plus its own: a rule in either layer counts, exactly as one policy
 * over all the rules would.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { VisibilityRuleRow } from '../../src/erp/port';
import {
  catalogNarrowing,
  compileRuleSets,
  compileVisibilityPolicy,
  customerPolicy,
  isVisible,
} from '../../src/visibility/visibilityPolicy';

let nextId = 1;
const rule = (mode: 'ALLOW' | 'DENY', target: { sku?: string; family?: string }, who: { code?: string; group?: string }): VisibilityRuleRow => ({
  ruleId: String(nextId++),
  mode,
  sku: target.sku ?? null,
  familyCode: target.family ?? null,
  customerCode: who.code ?? null,
  customerGroup: who.group ?? null,
});

const rules: VisibilityRuleRow[] = [
  rule('ALLOW', { sku: 'X1' }, { group: 'G1' }),
  rule('DENY', { family: 'F9' }, { group: 'G1' }),
  rule('ALLOW', { family: 'FX' }, { code: 'C1' }),
  rule('DENY', { sku: 'P2' }, { code: 'C1' }),
  rule('ALLOW', { sku: 'X3' }, { group: 'G2' }),
];

const articles = [
  { sku: 'X1', familyCode: 'F1', restricted: true },
  { sku: 'X2', familyCode: 'FX', restricted: true },
  { sku: 'X3', familyCode: 'F1', restricted: true },
  { sku: 'P1', familyCode: 'F9', restricted: false },
  { sku: 'P2', familyCode: 'F1', restricted: false },
  { sku: 'P3', familyCode: null, restricted: false },
].map((a) => ({ ...a, active: true, webEnabled: true }));

describe('visibility layers', () => {
  const flat = compileVisibilityPolicy({ code: 'C1', group: 'G1' }, rules);
  const layered = customerPolicy(
    compileRuleSets({ code: null, group: 'G1' }, rules),
    compileRuleSets({ code: 'C1', group: null }, rules),
  );

  test('group layer plus own layer decide every article as one policy over all the rules', () => {
    for (const a of articles) assert.equal(isVisible(layered, a), isVisible(flat, a), a.sku);
    assert.deepEqual(articles.filter((a) => isVisible(layered, a)).map((a) => a.sku), ['X1', 'X2', 'P3']);
  });

  test('catalog narrowing sees allows and denied families in any layer', () => {
    const narrowing = catalogNarrowing(layered);
    assert.equal(narrowing.unrestrictedOnly, false);
    assert.deepEqual([...narrowing.hiddenFamilies], ['F9']);
    const ownDenies = customerPolicy(compileRuleSets({ code: null, group: 'G1' }, rules), compileRuleSets({ code: 'C9', group: null }, [rule('DENY', { family: 'F7' }, { code: 'C9' })]));
    assert.deepEqual([...catalogNarrowing(ownDenies).hiddenFamilies].sort(), ['F7', 'F9']);
  });

  test('empty layers are left out', () => {
    const policy = customerPolicy(compileRuleSets({ code: 'C5', group: null }, rules));
    assert.deepEqual(policy, { kind: 'customer', layers: [] });
    assert.equal(catalogNarrowing(policy).unrestrictedOnly, true);
  });
});
