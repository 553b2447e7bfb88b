/**
 * Small hand-made ERP databases for tests: the contract DDL in memory, plus
 * row builders with the contract's defaults, so each test states only the
 * facts it is about.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { SQLITE_DDL_PATH } from '../../src/projectRoot';

export type Row = Record<string, string | number | null | Buffer>;

export function insertRows(db: Database.Database, table: string, rows: Row[]): void {
  for (const row of rows) {
    const columns = Object.keys(row);
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
  }
}

export const article = (sku: string, overrides: Row = {}): Row => ({
  sku,
  description: `Articolo ${sku}`,
  unit: 'PZ',
  family_code: null,
  vat_rate: '22.00',
  pack_qty: '1',
  min_order_qty: '0',
  restricted: 0,
  active: 1,
  web_enabled: 1,
  ...overrides,
});

export const condition = (id: number, overrides: Row = {}): Row => ({
  condition_id: id,
  customer_code: null,
  customer_group: null,
  sku: null,
  family_code: null,
  min_qty: '0',
  valid_from: null,
  valid_to: null,
  priority: 0,
  kind: 'DISCOUNT',
  price: null,
  discount_1: null,
  discount_2: null,
  discount_3: null,
  ...overrides,
});

export const customer = (code: string, overrides: Row = {}): Row => ({
  customer_code: code,
  company_name: `Cliente ${code} S.r.l.`,
  vat_number: null,
  country: 'IT',
  price_list_code: null,
  customer_group: null,
  agent_code: null,
  blocked: 0,
  ...overrides,
});

export interface FixtureOptions {
  settings?: Record<string, string>;
  /** Warehouses; default MAG1 and MAG2 web-enabled, MAG3 not. */
  warehouses?: Row[];
}

/** An in-memory ERP with the contract tables, default settings and warehouses. */
export function createFixtureDb(options: FixtureOptions = {}): Database.Database {
  const db = new Database(':memory:');
  db.exec(readFileSync(SQLITE_DDL_PATH(), 'utf8'));
  const settings = { default_price_list: 'BASE', currency: 'EUR', time_zone: 'Europe/Rome', low_stock_threshold: '5', ...options.settings };
  insertRows(
    db,
    'ecom_settings',
    Object.entries(settings).map(([setting_key, setting_value]) => ({ setting_key, setting_value })),
  );
  insertRows(db, 'ecom_price_lists', [{ price_list_code: 'BASE', description: 'Listino base', currency: 'EUR' }]);
  insertRows(
    db,
    'ecom_warehouses',
    options.warehouses ?? [
      { warehouse_code: 'MAG1', name: 'Sede', web_enabled: 1 },
      { warehouse_code: 'MAG2', name: 'Deposito', web_enabled: 1 },
      { warehouse_code: 'MAG3', name: 'Resi', web_enabled: 0 },
    ],
  );
  return db;
}
