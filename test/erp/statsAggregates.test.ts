/**
 * The statistics' aggregates in columns (src/erp/statsAggregates.ts): what
 * the driver gives is what the columns read back, exactly, however many rows.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateRows, ArticleStatsAggregatesBuilder, NO_DAY } from '../../src/erp/statsAggregates';
import { dayNumber, dayOfNumber } from '../../src/stats/statsWindows';

const driverRow = (i: number) => ({
  sku: `SKU${String(i).padStart(5, '0')}`,
  description: `Articolo ${i}`,
  unit: 'PZ',
  familyCode: i % 2 === 0 ? 'F1' : null,
  onHand: String(i * 1000),
  sale30: String(-i),
  sale90: String(-2 * i),
  sale365: String(-3 * i),
  picks365: i,
  lastSale: i % 3 === 0 ? null : '2026-11-30',
  lastMovement: '2026-11-30',
  weighted365: String(-365 * i),
});

describe('statistics aggregates in columns', () => {
  test('rows pushed past the first capacity all read back, in order', () => {
    const builder = new ArticleStatsAggregatesBuilder(16);
    for (let i = 0; i < 1000; i++) builder.push(driverRow(i));
    const rows = aggregateRows(builder.build());
    assert.equal(rows.length, 1000);
    assert.deepEqual(rows[999], {
      sku: 'SKU00999', description: 'Articolo 999', unit: 'PZ', familyCode: null,
      onHand: 999000n, sale30: -999n, sale90: -1998n, sale365: -2997n, picks365: 999,
      lastSale: null, lastMovement: '2026-11-30', weighted365: -364635n,
    });
    assert.equal(rows[500]!.familyCode, 'F1');
  });

  test('the columns are exactly as long as the rows: no slack travels with them', () => {
    const builder = new ArticleStatsAggregatesBuilder(1024);
    for (let i = 0; i < 3; i++) builder.push(driverRow(i));
    const columns = builder.build();
    assert.equal(columns.count, 3);
    for (const column of [columns.onHand, columns.sale30, columns.weighted365, columns.picks365, columns.lastSale]) {
      assert.equal(column.length, 3);
      assert.equal(column.byteLength, column.buffer.byteLength);
    }
  });

  test('sums beyond 2⁵³ thousandths are exact, from text, numbers or bigints', () => {
    const builder = new ArticleStatsAggregatesBuilder();
    builder.push({ ...driverRow(1), onHand: '9007199254740993', weighted365: -9223372036854775807n, sale30: 12 });
    const [row] = aggregateRows(builder.build());
    assert.equal(row!.onHand, 9007199254740993n);
    assert.equal(row!.weighted365, -9223372036854775807n);
    assert.equal(row!.sale30, 12n);
  });

  test('no stock row and no sales read as zero; no day reads as null', () => {
    const builder = new ArticleStatsAggregatesBuilder();
    builder.push({ ...driverRow(1), onHand: null, sale30: null, sale90: undefined, picks365: null, lastSale: null, lastMovement: null });
    const columns = builder.build();
    assert.equal(columns.lastMovement[0], NO_DAY);
    const [row] = aggregateRows(columns);
    assert.deepEqual([row!.onHand, row!.sale30, row!.sale90, row!.picks365, row!.lastSale, row!.lastMovement], [0n, 0n, 0n, 0, null, null]);
  });

  test('days are whole days since 1970-01-01 both ways, before 1970 and across leap days', () => {
    for (const day of ['1970-01-01', '1969-12-31', '2024-02-29', '2024-03-01', '2026-11-30', '2099-12-31']) {
      assert.equal(dayOfNumber(dayNumber(day)), day);
    }
    assert.equal(dayNumber('1970-01-02'), 1);
    assert.equal(dayNumber('2024-03-01') - dayNumber('2024-02-28'), 2);
    // A datetime's time of day is not part of its day.
    assert.equal(dayNumber('2026-11-30T23:59:59'), dayNumber('2026-11-30'));
  });
});
