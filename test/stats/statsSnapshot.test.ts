/**
 * warehouse-statistics.md, abc, orders and the summary, on one scope's
 * figures (src/stats/statsSnapshot.ts): ties broken by sku ascending, nulls
 * last, filters combined, pages that follow each other without gaps.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLE_STATS_ORDERS, type ArticleStatsOrder } from '../../src/stats/statsModel';
import type { StatsFilter, StatsSnapshot } from '../../src/stats/statsSnapshot';
import { snapshotOf, type Move } from './statsHistory';

const NO_FILTER: StatsFilter = { classes: null, abc: null, toClear: null, family: null, search: null };
const sales = (sku: string, count: number): Move[] => Array.from({ length: count }, (_, i) => ({ sku, ago: i + 1, quantity: '-1', reason: 'SALE' as const }));
const skus = (snapshot: StatsSnapshot, order: ArticleStatsOrder, filter: Partial<StatsFilter> = {}) =>
  snapshot.page({ ...NO_FILTER, ...filter }, order, null, 200).items.map((a) => a.sku);

describe('warehouse statistics: ABC by picking frequency', () => {
  test('A while the picks before an article are under 80 % of all, B under 95 %, C after; ties by sku', async () => {
    // T = 20: 0.80·T = 16, 0.95·T = 19. P1 (16 picks) has 0 before it: A; P2 has 16: B;
    // P3-A and P3-B tie at 1 pick: by sku, P3-A (18 before: B) then P3-B (19 before: C).
    const snapshot = await snapshotOf({
      articles: { P1: {}, P2: {}, 'P3-A': {}, 'P3-B': {}, NOPICK: {} },
      stock: { NOPICK: { MAG1: '1' } },
      moves: [...sales('P1', 16), ...sales('P2', 2), ...sales('P3-B', 1), ...sales('P3-A', 1)],
    });
    assert.deepEqual(
      ['P1', 'P2', 'P3-A', 'P3-B', 'NOPICK'].map((s) => snapshot.article(s)!.abc),
      ['A', 'B', 'B', 'C', null],
    );
  });
});

describe('warehouse statistics: orders', () => {
  // Days of cover: C1 and C2 tie at 90, C3 has 180, NOSALE has none (null).
  const history = {
    articles: { C2: { family_code: 'F1' }, C1: { family_code: 'F1' }, C3: { family_code: 'F2' }, NOSALE: { family_code: 'F2' } },
    stock: { C1: { MAG1: '1' }, C2: { MAG1: '1' }, C3: { MAG1: '2' }, NOSALE: { MAG1: '50' } },
    moves: [
      { sku: 'C1', ago: 1, quantity: '-1' },
      { sku: 'C2', ago: 2, quantity: '-1' },
      { sku: 'C3', ago: 3, quantity: '-1' },
      { sku: 'NOSALE', ago: 400, quantity: '-1' },
    ] as Move[],
  };

  test('DAYS_OF_COVER_DESC: highest first, ties by sku ascending, nulls last', async () => {
    assert.deepEqual(skus(await snapshotOf(history), 'DAYS_OF_COVER_DESC'), ['C3', 'C1', 'C2', 'NOSALE']);
  });

  test('LAST_SALE_ASC: oldest first, ties by sku, nulls last', async () => {
    const snapshot = await snapshotOf({ ...history, articles: { ...history.articles, NEVER: {} }, stock: { ...history.stock, NEVER: { MAG1: '1' } } });
    assert.deepEqual(skus(snapshot, 'LAST_SALE_ASC'), ['NOSALE', 'C3', 'C2', 'C1', 'NEVER']);
  });

  test('ON_HAND_DESC and SOLD_365_DESC: ties by sku ascending', async () => {
    const snapshot = await snapshotOf(history);
    assert.deepEqual(skus(snapshot, 'ON_HAND_DESC'), ['NOSALE', 'C3', 'C1', 'C2']);
    assert.deepEqual(skus(snapshot, 'SOLD_365_DESC'), ['C1', 'C2', 'C3', 'NOSALE']);
    assert.deepEqual(skus(snapshot, 'SKU'), ['C1', 'C2', 'C3', 'NOSALE']);
  });

  test('every order pages without gaps or repeats, and totalCount is the whole selection', async () => {
    const snapshot = await snapshotOf(history);
    for (const order of ARTICLE_STATS_ORDERS) {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page = snapshot.page(NO_FILTER, order, after, 1);
        assert.equal(page.totalCount, 4);
        seen.push(...page.items.map((a) => a.sku));
        if (!page.hasNextPage) break;
        after = page.items[page.items.length - 1]!.sku;
      }
      assert.deepEqual(seen, skus(snapshot, order), order);
    }
  });

  test('a page after an article the filter leaves out starts at the next selected article in the order', async () => {
    const snapshot = await snapshotOf(history);
    const page = snapshot.page({ ...NO_FILTER, family: 'F2' }, 'DAYS_OF_COVER_DESC', 'C1', 10);
    assert.deepEqual(page.items.map((a) => a.sku), ['NOSALE']);
  });
});

describe('warehouse statistics: filters and summary', () => {
  test('filters combine: classes (any of), abc, toClear, family and search', async () => {
    const snapshot = await snapshotOf({
      articles: { K1: { description: 'Interruttore magnetotermico 25A', family_code: 'ELE' }, K2: { description: 'Tubo rame', family_code: 'IDR' }, K3: { description: 'Interruttore differenziale', family_code: 'ELE' } },
      stock: { K1: { MAG1: '10' }, K2: { MAG1: '3' }, K3: { MAG1: '4' } },
      moves: [{ sku: 'K2', ago: 1, quantity: '-30' }],
    });
    assert.deepEqual(skus(snapshot, 'SKU', { classes: ['DEAD'] }), ['K1', 'K3']);
    assert.deepEqual(skus(snapshot, 'SKU', { classes: ['DEAD', 'FAST', 'REGULAR', 'SLOW'] }), ['K1', 'K2', 'K3']);
    assert.deepEqual(skus(snapshot, 'SKU', { abc: ['A'] }), ['K2']);
    assert.deepEqual(skus(snapshot, 'SKU', { toClear: false }), ['K2']);
    assert.deepEqual(skus(snapshot, 'SKU', { family: 'ELE', search: '25a INTERRUTTORE' }), ['K1']);
  });

  test('the summary counts every class in enum order, zeros included, with the stock on hand of each', async () => {
    const snapshot = await snapshotOf({
      articles: { DEAD1: {}, DEAD2: {}, EMPTY: {} },
      stock: { DEAD1: { MAG1: '1.5' }, DEAD2: { MAG1: '2' }, EMPTY: { MAG1: '0' } },
    });
    assert.deepEqual(snapshot.summary, {
      articles: 3,
      toClear: 2,
      byClass: [
        { class: 'FAST', articles: 0, onHand: 0n },
        { class: 'REGULAR', articles: 0, onHand: 0n },
        { class: 'SLOW', articles: 0, onHand: 0n },
        { class: 'DEAD', articles: 2, onHand: 3500n },
        { class: 'NONE', articles: 1, onHand: 0n },
      ],
    });
  });
});
