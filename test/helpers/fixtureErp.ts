/**
 * Small hand-made ERP databases for tests: the contract DDL in memory, with
 * default settings and warehouses. The row builders (contract defaults, so
 * each test states only the facts it is about) are in erpRows.ts, shared
 * with the adapter contract fixture, and re-exported here.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { SQLITE_DDL_PATH } from '../../src/projectRoot';
import { insertStatement, sqliteRow, type Row } from './erpRows';

export { article, condition, customer, type Row } from './erpRows';

export function insertRows(db: Database.Database, table: string, rows: Row[]): void {
  for (const row of rows) db.prepare(insertStatement(table, row)).run(sqliteRow(row));
}

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
