/**
 * graphql-api.md, type Availability, as a table over the pure function
 * (src/stock/availability.ts). Each row names the rule it checks:
 *
 * - available = Σ over web-enabled warehouses of max(0, on_hand − committed);
 *   null for anonymous callers;
 * - warehouses: the web-enabled ones { code name onHand committed available };
 *   empty for anonymous callers;
 * - nextArrival: the earliest expected_date of incoming in web-enabled
 *   warehouses, with the quantity summed for that date;
 * - status: IN_STOCK when available >= low_stock_threshold; LOW_STOCK when
 *   0 < available < threshold; BACKORDER when available = 0 and something is
 *   incoming; OUT_OF_STOCK otherwise.
 *
 * Decimals are exact (erp-contract.md) and may be spelled several ways.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from '../../src/decimal/decimal';
import type { IncomingRow, StockRow, WarehouseRow } from '../../src/erp/port';
import { computeAvailability, type AvailabilityInput, type StockStatus } from '../../src/stock/availability';

const WAREHOUSES: WarehouseRow[] = [
  { code: 'W1', name: 'Milano', webEnabled: true },
  { code: 'W2', name: 'Bologna', webEnabled: true },
  { code: 'WX', name: 'Magazzino interno', webEnabled: false },
];

const stock = (warehouseCode: string, onHand: string, committed: string): StockRow => ({ sku: 'A1', warehouseCode, onHand, committed });
const incoming = (warehouseCode: string, expectedDate: string, quantity: string): IncomingRow => ({ sku: 'A1', warehouseCode, expectedDate, quantity });

function availability(rows: { stock?: StockRow[]; incoming?: IncomingRow[]; threshold?: string; showQuantities?: boolean }) {
  const input: AvailabilityInput = {
    stock: rows.stock ?? [],
    incoming: rows.incoming ?? [],
    warehouses: WAREHOUSES,
    lowStockThreshold: new Decimal(rows.threshold ?? '5'),
    showQuantities: rows.showQuantities ?? true,
  };
  return computeAvailability(input);
}

/** Decimals compared by value, so "5" and "5.000" are one answer. */
const value = (d: Decimal | null | undefined) => (d === null || d === undefined ? d : d.toFixed());

// ---------------------------------------------------------------------------

interface AvailableRow {
  rule: string;
  stock: StockRow[];
  available: string;
}

const AVAILABLE_ROWS: AvailableRow[] = [
  { rule: 'no stock row: available 0', stock: [], available: '0' },
  { rule: 'one web-enabled warehouse: on_hand − committed', stock: [stock('W1', '10', '3')], available: '7' },
  { rule: 'summed over every web-enabled warehouse', stock: [stock('W1', '10', '3'), stock('W2', '4.5', '0.5')], available: '11' },
  { rule: 'a warehouse that is not web-enabled does not count', stock: [stock('W1', '2', '0'), stock('WX', '100', '0')], available: '2' },
  { rule: 'max(0, …) per warehouse: an overcommitted warehouse adds 0, it does not subtract', stock: [stock('W1', '2', '5'), stock('W2', '4', '1')], available: '3' },
  { rule: 'exact decimals: 0.1 + 0.2 is 0.3, not 0.30000000000000004', stock: [stock('W1', '0.1', '0'), stock('W2', '0.2', '0')], available: '0.3' },
  { rule: 'decimals spelled with padding zeros ("10.000", "3.500") are the same values', stock: [stock('W1', '10.000', '3.500')], available: '6.5' },
  { rule: 'a stock row for a warehouse the ERP does not list does not count', stock: [stock('W9', '8', '0')], available: '0' },
];

describe('available = Σ over web-enabled warehouses of max(0, on_hand − committed)', () => {
  for (const row of AVAILABLE_ROWS) {
    test(row.rule, () => {
      assert.equal(value(availability({ stock: row.stock }).available), row.available);
    });
  }
});

// ---------------------------------------------------------------------------

interface StatusRow {
  rule: string;
  stock?: StockRow[];
  incoming?: IncomingRow[];
  threshold?: string;
  status: StockStatus;
}

const STATUS_ROWS: StatusRow[] = [
  { rule: 'IN_STOCK: available above the threshold', stock: [stock('W1', '9', '0')], status: 'IN_STOCK' },
  { rule: 'IN_STOCK: available equal to the threshold (>=)', stock: [stock('W1', '5', '0')], status: 'IN_STOCK' },
  { rule: 'IN_STOCK: available equal to the threshold, spelled "5.000" against "5"', stock: [stock('W1', '5.000', '0')], status: 'IN_STOCK' },
  { rule: 'IN_STOCK: the threshold is reached only by summing two warehouses', stock: [stock('W1', '3', '0'), stock('W2', '2', '0')], status: 'IN_STOCK' },
  { rule: 'IN_STOCK: the threshold comes from the settings (threshold 2, available 2)', stock: [stock('W1', '2', '0')], threshold: '2', status: 'IN_STOCK' },
  { rule: 'LOW_STOCK: 0 < available < threshold (just below: 4.999)', stock: [stock('W1', '4.999', '0')], status: 'LOW_STOCK' },
  { rule: 'LOW_STOCK: 0 < available < threshold (just above 0: 0.001)', stock: [stock('W1', '0.001', '0')], status: 'LOW_STOCK' },
  { rule: 'LOW_STOCK wins over BACKORDER: something available and something incoming', stock: [stock('W1', '1', '0')], incoming: [incoming('W1', '2026-12-01', '50')], status: 'LOW_STOCK' },
  { rule: 'LOW_STOCK: a non-web-enabled warehouse with plenty does not lift it to IN_STOCK', stock: [stock('W1', '1', '0'), stock('WX', '100', '0')], status: 'LOW_STOCK' },
  { rule: 'BACKORDER: available = 0 and something incoming', stock: [stock('W1', '0', '0')], incoming: [incoming('W1', '2026-12-01', '10')], status: 'BACKORDER' },
  { rule: 'BACKORDER: overcommitted (available 0) and something incoming', stock: [stock('W1', '3', '8')], incoming: [incoming('W2', '2026-12-01', '10')], status: 'BACKORDER' },
  { rule: 'BACKORDER: no stock row at all, something incoming', incoming: [incoming('W2', '2026-12-01', '10')], status: 'BACKORDER' },
  { rule: 'OUT_OF_STOCK: available = 0, nothing incoming', stock: [stock('W1', '0', '0')], status: 'OUT_OF_STOCK' },
  { rule: 'OUT_OF_STOCK: no stock row, no incoming row', status: 'OUT_OF_STOCK' },
  { rule: 'OUT_OF_STOCK: stock only in a warehouse that is not web-enabled', stock: [stock('WX', '100', '0')], status: 'OUT_OF_STOCK' },
  { rule: 'OUT_OF_STOCK: incoming only in a warehouse that is not web-enabled', incoming: [incoming('WX', '2026-12-01', '10')], status: 'OUT_OF_STOCK' },
];

describe('status: the first of IN_STOCK, LOW_STOCK, BACKORDER, OUT_OF_STOCK that holds', () => {
  for (const row of STATUS_ROWS) {
    test(row.rule, () => {
      assert.equal(availability(row).status, row.status);
    });
  }
  test('status is the same for anonymous callers, who get no quantities', () => {
    for (const row of STATUS_ROWS) {
      assert.equal(availability({ ...row, showQuantities: false }).status, row.status, row.rule);
    }
  });
});

// ---------------------------------------------------------------------------

describe('nextArrival: earliest expected_date in web-enabled warehouses, quantity summed for that date', () => {
  test('no incoming row: null', () => {
    assert.equal(availability({}).nextArrival, null);
  });
  test('the earliest date wins, whatever the order of the rows', () => {
    const result = availability({ incoming: [incoming('W1', '2026-12-20', '5'), incoming('W2', '2026-12-03', '7'), incoming('W1', '2026-12-10', '9')] });
    assert.equal(result.nextArrival?.date, '2026-12-03');
    assert.equal(value(result.nextArrival?.quantity), '7');
  });
  test('rows of the earliest date are summed, across warehouses', () => {
    const result = availability({ incoming: [incoming('W1', '2026-12-03', '5'), incoming('W2', '2026-12-03', '2.5'), incoming('W1', '2026-12-04', '100')] });
    assert.equal(result.nextArrival?.date, '2026-12-03');
    assert.equal(value(result.nextArrival?.quantity), '7.5');
  });
  test('an earlier arrival in a warehouse that is not web-enabled is ignored', () => {
    const result = availability({ incoming: [incoming('WX', '2026-12-01', '50'), incoming('W1', '2026-12-09', '4')] });
    assert.equal(result.nextArrival?.date, '2026-12-09');
    assert.equal(value(result.nextArrival?.quantity), '4');
  });
  test('the same date in a warehouse that is not web-enabled is not summed', () => {
    const result = availability({ incoming: [incoming('WX', '2026-12-01', '50'), incoming('W1', '2026-12-01', '4')] });
    assert.equal(value(result.nextArrival?.quantity), '4');
  });
  test('anonymous callers get the date without the quantity', () => {
    const result = availability({ incoming: [incoming('W1', '2026-12-03', '5')], showQuantities: false });
    assert.equal(result.nextArrival?.date, '2026-12-03');
    assert.equal(result.nextArrival?.quantity, null);
  });
});

describe('warehouses: the web-enabled ones with code, name, onHand, committed, available', () => {
  test('each web-enabled warehouse with stock, with its own max(0, on_hand − committed)', () => {
    const result = availability({ stock: [stock('W1', '10', '3'), stock('W2', '2', '5'), stock('WX', '100', '0')] });
    const rows = result.warehouses
      .map((w) => ({ code: w.code, name: w.name, onHand: value(w.onHand), committed: value(w.committed), available: value(w.available) }))
      .sort((a, b) => a.code.localeCompare(b.code));
    assert.deepEqual(rows, [
      { code: 'W1', name: 'Milano', onHand: '10', committed: '3', available: '7' },
      { code: 'W2', name: 'Bologna', onHand: '2', committed: '5', available: '0' },
    ]);
  });
  test('anonymous callers: available is null and warehouses is empty', () => {
    const result = availability({ stock: [stock('W1', '10', '3')], showQuantities: false });
    assert.equal(result.available, null);
    assert.deepEqual(result.warehouses, []);
  });
});
