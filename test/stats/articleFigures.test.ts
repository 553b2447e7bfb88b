/**
 * warehouse-statistics.md, Figures, on hand-made histories (D = 2026-06-30):
 * each test one rule, the expected numbers worked out by hand from the
 * spec's definitions. The histories go through the SQLite adapter's
 * aggregates, so the SQL and the pure classification are checked together.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { D, ago, figuresOf, snapshotOf, type Move } from './statsHistory';

const sale = (sku: string, daysAgo: number, quantity: string, warehouse = 'MAG1'): Move => ({ sku, ago: daysAgo, quantity, reason: 'SALE', warehouse });
const purchase = (sku: string, daysAgo: number, quantity: string, warehouse = 'MAG1'): Move => ({ sku, ago: daysAgo, quantity, reason: 'PURCHASE', warehouse });

/** Sales on both sides of every window's first day: D−29 / D−30, D−89 / D−90, D−364 / D−365. */
const WINDOWS = {
  articles: { X: {} },
  stock: { X: { MAG1: '100' } },
  moves: [sale('X', 29, '-1'), sale('X', 30, '-2'), sale('X', 89, '-4'), sale('X', 90, '-8'), sale('X', 364, '-16'), sale('X', 365, '-32')],
};

describe('warehouse statistics: windows', () => {
  test('sold30, sold90, sold365 take days D−29, D−89 and D−364 in and leave D−30, D−90 and D−365 out', async () => {
    const f = await figuresOf(
      WINDOWS,
      'X',
    );
    assert.deepEqual(
      { sold30: f!.sold30, sold90: f!.sold90, sold365: f!.sold365, pickCount365: f!.pickCount365, lastSale: f!.lastSale },
      { sold30: '1', sold90: '7', sold365: '31', pickCount365: 5, lastSale: ago(29) },
    );
  });

  test('the derived figures of that history: 3 dp, 1 dp, 3 dp, 2 dp, rounded half-up once', async () => {
    const f = await figuresOf(
      WINDOWS,
      'X',
    );
    // 7 / 90 = 0.0777…; 100 / (7/90) = 1285.714…; 100 + (1·335 + 2·334 + 4·275 + 8·274 + 16·0) / 365 = 111.7671…;
    // 31 / 111.7671… = 0.2773…
    assert.deepEqual(
      { a: f!.averageDailySales, c: f!.daysOfCover, s: f!.averageStock365, t: f!.turnover365 },
      { a: '0.078', c: '1285.7', s: '111.767', t: '0.28' },
    );
  });

  test('averageStock365: a movement on D−364 changes no end of day in the window, one on D−363 changes one', async () => {
    const snapshot = await snapshotOf({
      articles: { ON364: {}, ON363: {} },
      stock: { ON364: { MAG1: '365' }, ON363: { MAG1: '365' } },
      moves: [purchase('ON364', 364, '365'), purchase('ON363', 363, '365')],
    });
    assert.equal(snapshot.article('ON364')!.averageStock365, 365_000);
    assert.equal(snapshot.article('ON363')!.averageStock365, 364_000);
  });

  test('movements dated after D are ignored, one on D counts', async () => {
    const f = await figuresOf({ articles: { F: {} }, stock: { F: { MAG1: '10' } }, moves: [sale('F', -1, '-5'), sale('F', 0, '-1')] }, 'F');
    // Only D's sale: 10 + 1·364/365 = 10.99726…
    assert.deepEqual(
      { sold30: f!.sold30, lastSale: f!.lastSale, lastMovement: f!.lastMovement, averageStock365: f!.averageStock365 },
      { sold30: '1', lastSale: D, lastMovement: D, averageStock365: '10.997' },
    );
  });
});

describe('warehouse statistics: returns and movements', () => {
  test('a return (SALE with a positive quantity) reduces sold, is no pick and no last sale, but is a movement', async () => {
    const f = await figuresOf({ articles: { R: {} }, stock: { R: { MAG1: '10' } }, moves: [sale('R', 10, '-5'), sale('R', 5, '2')] }, 'R');
    assert.deepEqual(
      { sold30: f!.sold30, pickCount365: f!.pickCount365, lastSale: f!.lastSale, lastMovement: f!.lastMovement },
      { sold30: '3', pickCount365: 1, lastSale: ago(10), lastMovement: ago(5) },
    );
  });

  test('lastSale and lastMovement look back further than 365 days', async () => {
    const f = await figuresOf({ articles: { OLD: {} }, stock: { OLD: { MAG1: '4' } }, moves: [sale('OLD', 500, '-1'), purchase('OLD', 400, '5')] }, 'OLD');
    assert.deepEqual({ lastSale: f!.lastSale, lastMovement: f!.lastMovement, sold365: f!.sold365 }, { lastSale: ago(500), lastMovement: ago(400), sold365: '0' });
  });

  test('an article that moved in the last 365 days but was last sold before them has that older sale as lastSale', async () => {
    const f = await figuresOf({ articles: { S: {} }, stock: { S: { MAG1: '4' } }, moves: [sale('S', 500, '-1'), sale('S', 20, '1'), purchase('S', 10, '3')] }, 'S');
    assert.deepEqual({ lastSale: f!.lastSale, lastMovement: f!.lastMovement, class: f!.class }, { lastSale: ago(500), lastMovement: ago(10), class: 'DEAD' });
  });

  test('a return older than 365 days is no last sale: the sale before it is', async () => {
    const f = await figuresOf({ articles: { R: {} }, stock: { R: { MAG1: '4' } }, moves: [sale('R', 600, '-2'), sale('R', 400, '1')] }, 'R');
    assert.deepEqual({ lastSale: f!.lastSale, lastMovement: f!.lastMovement }, { lastSale: ago(600), lastMovement: ago(400) });
  });

  test('in a warehouse scope, the latest sale and movement from before the 365 days are that warehouse\'s', async () => {
    const history = {
      articles: { QUIET: {}, BUSY: {} },
      stock: { QUIET: { MAG1: '1', MAG2: '1' }, BUSY: { MAG1: '1', MAG2: '1' } },
      moves: [
        sale('QUIET', 450, '-1', 'MAG2'), sale('QUIET', 380, '-1', 'MAG1'), purchase('QUIET', 370, '2', 'MAG1'),
        sale('BUSY', 450, '-1', 'MAG2'), sale('BUSY', 380, '-1', 'MAG1'), purchase('BUSY', 10, '2', 'MAG2'),
      ],
      warehouse: 'MAG2',
    };
    const quiet = await figuresOf(history, 'QUIET');
    const busy = await figuresOf(history, 'BUSY');
    assert.deepEqual([quiet!.lastSale, quiet!.lastMovement, busy!.lastSale, busy!.lastMovement], [ago(450), ago(450), ago(450), ago(10)]);
  });
});

describe('warehouse statistics: which articles are listed', () => {
  test('an inactive article is not listed, whatever its stock and movements', async () => {
    assert.equal(await figuresOf({ articles: { OFF: { active: false } }, stock: { OFF: { MAG1: '10' } }, moves: [sale('OFF', 1, '-1')] }, 'OFF'), null);
  });

  test('an article with movements in the last 365 days and no stock row is listed with onHand 0', async () => {
    const f = await figuresOf({ articles: { NOSTOCK: {} }, moves: [purchase('NOSTOCK', 100, '5'), sale('NOSTOCK', 50, '-5')] }, 'NOSTOCK');
    assert.deepEqual({ onHand: f!.onHand, sold365: f!.sold365, class: f!.class }, { onHand: '0', sold365: '5', class: 'FAST' });
  });

  test('an article whose only movements are older than 365 days and without a stock row is not listed', async () => {
    assert.equal(await figuresOf({ articles: { GONE: {} }, moves: [sale('GONE', 365, '-1')] }, 'GONE'), null);
  });

  test('an article with a stock row and no movement at all is listed', async () => {
    const f = await figuresOf({ articles: { STILL: {} }, stock: { STILL: { MAG3: '7' } } }, 'STILL');
    assert.deepEqual({ onHand: f!.onHand, lastMovement: f!.lastMovement, class: f!.class, toClear: f!.toClear }, { onHand: '7', lastMovement: null, class: 'DEAD', toClear: true });
  });

  test('warehouse scope: on hand and movements of that warehouse only', async () => {
    const history = {
      articles: { W: {} },
      stock: { W: { MAG1: '10', MAG2: '5' } },
      moves: [sale('W', 3, '-1', 'MAG2'), sale('W', 4, '-2', 'MAG1')],
    };
    const mag2 = await figuresOf({ ...history, warehouse: 'MAG2' }, 'W');
    const all = await figuresOf(history, 'W');
    assert.deepEqual([mag2!.onHand, mag2!.sold30, all!.onHand, all!.sold30], ['5', '1', '15', '3']);
  });
});

describe('warehouse statistics: classes', () => {
  test('NONE: nothing on hand and nothing sold in 365 days, whatever else moved', async () => {
    const f = await figuresOf({ articles: { N: {} }, moves: [purchase('N', 20, '5'), { sku: 'N', ago: 10, quantity: '-5', reason: 'ADJUST' }] }, 'N');
    assert.equal(f!.class, 'NONE');
  });

  test('DEAD: a sale on D−179 keeps stock alive with the default 180 days, one on D−180 does not', async () => {
    const snapshot = await snapshotOf({
      articles: { ALIVE: {}, DEAD: {} },
      stock: { ALIVE: { MAG1: '50' }, DEAD: { MAG1: '50' } },
      moves: [sale('ALIVE', 179, '-1'), sale('DEAD', 180, '-1')],
    });
    assert.deepEqual([snapshot.article('ALIVE')!.class, snapshot.article('DEAD')!.class], ['SLOW', 'DEAD']);
    assert.equal(snapshot.article('DEAD')!.toClear, true);
  });

  test('FAST: a turnover from 6 up (43.98 here: ten refills of 10 sold the next day on a stock of 2)', async () => {
    const moves: Move[] = [];
    for (let i = 1; i <= 10; i++) moves.push(purchase('FAST', 2 * i, '10'), sale('FAST', 2 * i - 1, '-10'));
    const f = await figuresOf({ articles: { FAST: {} }, stock: { FAST: { MAG1: '2' } }, moves }, 'FAST');
    // Each pair weighs 10·(364 − 2i) − 10·(365 − 2i) = −10: the average is 2 + 100/365 = 2.27397…; 100 / 2.27397… = 43.975…
    assert.deepEqual({ s: f!.averageStock365, t: f!.turnover365, c: f!.class }, { s: '2.274', t: '43.98', c: 'FAST' });
  });

  test('REGULAR: a turnover from 1 to below 6 (4.93 here)', async () => {
    const f = await figuresOf({ articles: { REG: {} }, stock: { REG: { MAG1: '2' } }, moves: [purchase('REG', 2, '10'), sale('REG', 1, '-10')] }, 'REG');
    assert.deepEqual({ t: f!.turnover365, c: f!.class }, { t: '4.93', c: 'REGULAR' });
  });

  test('average stock ≤ 0 with sales: turnover null, FAST', async () => {
    const f = await figuresOf({ articles: { NEG: {} }, stock: { NEG: { MAG1: '-10' } }, moves: [sale('NEG', 100, '-1')] }, 'NEG');
    // −10 + 1·264/365 = −9.27671…; nothing sold in 90 days: no days of cover.
    assert.deepEqual(
      { s: f!.averageStock365, t: f!.turnover365, c: f!.class, cover: f!.daysOfCover, toClear: f!.toClear },
      { s: '-9.277', t: null, c: 'FAST', cover: null, toClear: false },
    );
  });

  test('average stock ≤ 0 and returns outweighing sales: turnover null, SLOW', async () => {
    const f = await figuresOf(
      {
        articles: { RET: {} },
        stock: { RET: { MAG1: '5' } },
        moves: [sale('RET', 10, '-1'), sale('RET', 5, '3'), { sku: 'RET', ago: 1, quantity: '20', reason: 'ADJUST' }],
      },
      'RET',
    );
    assert.deepEqual({ sold365: f!.sold365, t: f!.turnover365, c: f!.class, cover: f!.daysOfCover }, { sold365: '-2', t: null, c: 'SLOW', cover: null });
  });

  test('thresholds from ecom_settings other than the defaults', async () => {
    const settings = { stats_dead_days: '30', stats_fast_turnover: '4.5', stats_slow_turnover: '0.25', stats_excess_cover_days: '10' };
    const snapshot = await snapshotOf({
      settings,
      articles: { OLDSALE: {}, REG: {}, COVER: {} },
      stock: { OLDSALE: { MAG1: '5' }, REG: { MAG1: '2' }, COVER: { MAG1: '12' } },
      moves: [sale('OLDSALE', 40, '-1'), purchase('REG', 2, '10'), sale('REG', 1, '-10'), sale('COVER', 5, '-90')],
    });
    // 40 days without a sale is DEAD at 30; 4.93 is FAST at 4.5, with 2 / (10/90) = 18 days of cover > 10;
    // 90 / (12 + 90·359/365) = 0.895 is REGULAR above 0.25, with 12 / (90/90) = 12 days of cover > 10.
    assert.deepEqual(
      ['OLDSALE', 'REG', 'COVER'].map((s) => [snapshot.article(s)!.class, snapshot.article(s)!.toClear]),
      [['DEAD', true], ['FAST', true], ['REGULAR', true]],
    );
  });

  test('toClear: more days of cover than stats_excess_cover_days, compared unrounded; exactly as many is not', async () => {
    const snapshot = await snapshotOf({
      articles: { EXACT: {}, ABOVE: {} },
      // 365 on hand, 90 sold in 90 days: exactly 365 days of cover; 365.001: above, though printed 365.
      stock: { EXACT: { MAG1: '365' }, ABOVE: { MAG1: '365.001' } },
      moves: [sale('EXACT', 1, '-90'), sale('ABOVE', 1, '-90')],
    });
    assert.deepEqual([snapshot.article('EXACT')!.toClear, snapshot.article('ABOVE')!.toClear, snapshot.article('ABOVE')!.daysOfCover], [false, true, 3650]);
  });
});

describe('warehouse statistics: rounding', () => {
  test('half-up on a tie: 0.005 on hand against 9 sold in 90 days is 0.05 days of cover, printed 0.1', async () => {
    const f = await figuresOf({ articles: { HALF: {} }, stock: { HALF: { MAG1: '0.005' } }, moves: [sale('HALF', 1, '-9')] }, 'HALF');
    assert.deepEqual({ cover: f!.daysOfCover, daily: f!.averageDailySales }, { cover: '0.1', daily: '0.1' });
  });

  test('0.045 sold in 90 days is 0.0005 a day, printed 0.001', async () => {
    const f = await figuresOf({ articles: { TINY: {} }, stock: { TINY: { MAG1: '1' } }, moves: [sale('TINY', 1, '-0.045')] }, 'TINY');
    assert.equal(f!.averageDailySales, '0.001');
  });
});
