/**
 * The order staging tables are the one part of an ERP database Ponte writes.
 * A SQLite export that lacks them gets them, exactly as the contract DDL
 * defines them; nothing else in a database Ponte did not create is touched.
 */
import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { SQLITE_DDL_PATH } from '../projectRoot';

const STAGING = ['ecom_order_inbox', 'ecom_order_inbox_lines'];

/** Returns the tables it had to create. */
export function ensureStagingTables(db: Database.Database): string[] {
  const has = (name: string) => Boolean(db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name));
  const missing = STAGING.filter((t) => !has(t));
  if (missing.length === 0) return [];
  const ddl = readFileSync(SQLITE_DDL_PATH(), 'utf8');
  // The staging part of the DDL is everything from the inbox table on.
  const start = ddl.indexOf('CREATE TABLE IF NOT EXISTS ecom_order_inbox (');
  db.exec(ddl.slice(start));
  return missing;
}
