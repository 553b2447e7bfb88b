/**
 * What a customer's own rows reach (src/customers/ownReach.ts), and the
 * response cache sharing answers none of them reach.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ownReach, reachesAny } from '../../src/customers/ownReach';

const row = (sku: string | null, familyCode: string | null) => ({ sku, familyCode });

describe('own reach', () => {
  const cases: Array<{ name: string; rows: ReturnType<typeof row>[]; skus: string[]; families: string[]; reaches: boolean }> = [
    { name: 'no rows reach nothing', rows: [], skus: ['A'], families: ['F'], reaches: false },
    { name: 'a sku row reaches its sku', rows: [row('A', null)], skus: ['B', 'A'], families: [], reaches: true },
    { name: 'a sku row does not reach another sku', rows: [row('A', null)], skus: ['B'], families: ['F'], reaches: false },
    { name: 'a family row reaches its family', rows: [row(null, 'F')], skus: ['B'], families: ['G', 'F'], reaches: true },
    { name: 'a family row does not reach another family', rows: [row(null, 'F')], skus: ['F'], families: ['G'], reaches: false },
    { name: 'a row naming neither reaches everything', rows: [row(null, null)], skus: [], families: [], reaches: true },
    { name: 'a row naming both reaches the sku and the family', rows: [row('A', 'F')], skus: ['X'], families: ['F'], reaches: true },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.equal(reachesAny(ownReach(c.rows), c.skus, c.families), c.reaches);
    });
  }
});
