/**
 * The visibility of a whole group of articles (one family, one restricted
 * flag) as the catalog counts use it: isVisibleUnnamed agrees with isVisible
 * for every article no rule names by sku, and namedSkus lists every sku a
 * rule names, so the counts correct exactly the articles that can differ.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  ALL_ACTIVE_POLICY,
  ANONYMOUS_POLICY,
  customerPolicy,
  isVisible,
  isVisibleUnnamed,
  namedSkus,
  type RuleSets,
} from '../../src/visibility/visibilityPolicy';

const SKUS = ['S1', 'S2', 'S3', 'S4'];
const FAMILIES = ['F1', 'F2', 'F3'];
const ruleSets: fc.Arbitrary<RuleSets> = fc.record({
  allowSkus: fc.subarray(SKUS).map((a) => new Set(a)),
  allowFamilies: fc.subarray(FAMILIES).map((a) => new Set(a)),
  denySkus: fc.subarray(SKUS).map((a) => new Set(a)),
  denyFamilies: fc.subarray(FAMILIES).map((a) => new Set(a)),
});
const policy = fc.oneof(
  fc.constant(ANONYMOUS_POLICY),
  fc.constant(ALL_ACTIVE_POLICY),
  fc.array(ruleSets, { maxLength: 2 }).map((layers) => customerPolicy(...layers)),
);
const article = fc.record({
  sku: fc.constantFrom(...SKUS, 'S9'),
  familyCode: fc.constantFrom<string | null>(...FAMILIES, null),
  restricted: fc.boolean(),
  active: fc.constant(true),
  webEnabled: fc.constant(true),
});

describe('visibility of articles no rule names', () => {
  test('isVisibleUnnamed is isVisible for every active, web-enabled article whose sku no rule names', () => {
    fc.assert(
      fc.property(policy, article, (p, a) => {
        if (namedSkus(p).has(a.sku)) return;
        assert.equal(isVisibleUnnamed(p, a.familyCode, a.restricted), isVisible(p, a));
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  test('namedSkus holds every sku of an ALLOW or DENY rule, in every layer', () => {
    const sets = (allow: string[], deny: string[]): RuleSets => ({
      allowSkus: new Set(allow),
      allowFamilies: new Set(['F1']),
      denySkus: new Set(deny),
      denyFamilies: new Set(['F2']),
    });
    assert.deepEqual([...namedSkus(customerPolicy(sets(['S1'], ['S2']), sets([], ['S3'])))].sort(), ['S1', 'S2', 'S3']);
    assert.deepEqual([...namedSkus(ANONYMOUS_POLICY)], []);
    assert.deepEqual([...namedSkus(ALL_ACTIVE_POLICY)], []);
  });
});
