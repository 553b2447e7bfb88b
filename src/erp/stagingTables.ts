/**
 * The order staging tables are the one part of an ERP database Ponte writes.
 * A SQLite export that lacks them gets them, exactly as the contract DDL
 * defines them; nothing else in a database Ponte did not create is touched.
 *
 * An inbox laid out by contract version 1 (idempotency key unique across
 * customers) gets the current uniqueness, UNIQUE (customer_code,
 * idempotency_key): otherwise a customer reusing another customer's key
 * would hit the old index and fail.
 */
import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { SQLITE_DDL_PATH } from '../projectRoot';

const INBOX = 'ecom_order_inbox';
const STAGING = [INBOX, 'ecom_order_inbox_lines'];
const CUSTOMER_KEY_INDEX = `CREATE UNIQUE INDEX IF NOT EXISTS ux_order_inbox_customer_key ON ${INBOX} (customer_code, idempotency_key)`;

export interface StagingReport {
  /** The staging tables that were missing and were created. */
  created: string[];
  /**
   * How the inbox's version 1 key uniqueness was replaced: null when there
   * was nothing to do, 'index dropped' when it was a plain index, 'table
   * rebuilt' when it was part of the table's definition.
   */
  rescopedIdempotencyKey: null | 'index dropped' | 'table rebuilt';
}

export function ensureStagingTables(db: Database.Database): StagingReport {
  const has = (name: string) => Boolean(db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name));
  const missing = STAGING.filter((t) => !has(t));
  if (missing.length > 0) {
    const ddl = readFileSync(SQLITE_DDL_PATH(), 'utf8');
    // The staging part of the DDL is everything from the inbox table on.
    const start = ddl.indexOf(`CREATE TABLE IF NOT EXISTS ${INBOX} (`);
    db.exec(ddl.slice(start));
  }
  return { created: missing, rescopedIdempotencyKey: rescopeIdempotencyKey(db) };
}

interface IndexListRow {
  name: string;
  unique: number;
  /** 'c' = CREATE INDEX, 'u' = UNIQUE in the table definition, 'pk'. */
  origin: string;
}

/** The unique indexes on the key alone: version 1's uniqueness. */
function keyOnlyUniqueIndexes(db: Database.Database): IndexListRow[] {
  const indexes = db.prepare(`PRAGMA index_list(${INBOX})`).all() as IndexListRow[];
  return indexes.filter((index) => {
    if (index.unique !== 1) return false;
    const columns = (db.prepare(`PRAGMA index_info(${JSON.stringify(index.name)})`).all() as Array<{ name: string | null }>).map((c) => c.name);
    return columns.length === 1 && columns[0] === 'idempotency_key';
  });
}

function rescopeIdempotencyKey(db: Database.Database): StagingReport['rescopedIdempotencyKey'] {
  if (keyOnlyUniqueIndexes(db).length === 0) {
    db.exec(CUSTOMER_KEY_INDEX);
    return null;
  }
  // Foreign keys cannot be switched inside a transaction, and with them on,
  // dropping the old inbox would delete (or refuse to delete) the lines'
  // parents. They are checked explicitly before the commit instead.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  const legacyAlter = db.pragma('legacy_alter_table', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  // The rename at the end must not re-check views or triggers that name the
  // inbox while it is briefly missing.
  db.pragma('legacy_alter_table = ON');
  try {
    return db.transaction(() => {
      // Read again under the write lock: another process may have done it.
      const old = keyOnlyUniqueIndexes(db);
      if (old.length === 0) {
        db.exec(CUSTOMER_KEY_INDEX);
        return null;
      }
      const inTable = old.some((index) => index.origin !== 'c');
      if (inTable) rebuildInbox(db);
      else for (const index of old) db.exec(`DROP INDEX ${JSON.stringify(index.name)}`);
      db.exec(CUSTOMER_KEY_INDEX);
      if (keyOnlyUniqueIndexes(db).length > 0) throw new Error(`${INBOX}: the idempotency key is still unique across customers`);
      if ((db.prepare('PRAGMA foreign_key_check').all() as unknown[]).length > 0) {
        throw new Error(`${INBOX}: rescoping the idempotency key would break the inbox lines' references`);
      }
      return inTable ? 'table rebuilt' : 'index dropped';
    }).immediate();
  } finally {
    db.pragma(`legacy_alter_table = ${legacyAlter ? 'ON' : 'OFF'}`);
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}

/**
 * SQLite cannot drop a UNIQUE written in a table's definition, so the inbox
 * is rebuilt (sqlite.org "Making Other Kinds Of Table Schema Changes"): the
 * same definition without that UNIQUE, under a new name; every row copied
 * with its inbox_id; the old table dropped; the new one renamed; its other
 * indexes and triggers re-created; the AUTOINCREMENT sequence kept, so an
 * id once handed out is never handed out again. Columns an installation
 * added stay. Runs inside the caller's transaction.
 */
function rebuildInbox(db: Database.Database): void {
  const definition = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(INBOX) as string;
  const rebuilt = withoutKeyUniqueness(definition);
  const temporary = `${INBOX}_rescoping`;
  const companions = db
    .prepare(`SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL`)
    .pluck()
    .all(INBOX) as string[];
  const sequence = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = ?`).pluck().get(INBOX) as number | undefined;
  const columns = (db.prepare(`PRAGMA table_info(${INBOX})`).all() as Array<{ name: string }>).map((c) => JSON.stringify(c.name)).join(', ');
  const rowsBefore = db.prepare(`SELECT COUNT(*) FROM ${INBOX}`).pluck().get() as number;

  db.exec(rebuilt.replace(/^CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?("?)ecom_order_inbox\1/i, `CREATE TABLE ${temporary}`));
  db.exec(`INSERT INTO ${temporary} (${columns}) SELECT ${columns} FROM ${INBOX}`);
  const copied = db.prepare(`SELECT COUNT(*) FROM ${temporary}`).pluck().get() as number;
  if (copied !== rowsBefore) throw new Error(`${INBOX}: copied ${copied} of ${rowsBefore} rows`);
  db.exec(`DROP TABLE ${INBOX}`);
  db.exec(`ALTER TABLE ${temporary} RENAME TO ${INBOX}`);
  for (const sql of companions) db.exec(sql);
  if (sequence !== undefined) {
    const updated = db.prepare(`UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?`).run(sequence, INBOX);
    if (updated.changes === 0) db.prepare(`INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)`).run(INBOX, sequence);
  }
}

/**
 * The inbox definition without a UNIQUE on the key alone, written either on
 * the column (`idempotency_key TEXT NOT NULL UNIQUE`) or as a table
 * constraint (`UNIQUE (idempotency_key)`). Anything else is left for a
 * person to upgrade by hand.
 */
export function withoutKeyUniqueness(definition: string): string {
  const conflict = String.raw`(?:\s+ON\s+CONFLICT\s+\w+)?`;
  const column = new RegExp(String.raw`(\bidempotency_key\b[^,]*?)\s+(?:CONSTRAINT\s+\S+\s+)?UNIQUE${conflict}(?=\s*[,)\s])`, 'i');
  const table = new RegExp(String.raw`,\s*(?:CONSTRAINT\s+\S+\s+)?UNIQUE\s*\(\s*"?idempotency_key"?\s*\)${conflict}`, 'i');
  const rewritten = definition.replace(column, '$1').replace(table, '');
  if (rewritten === definition) {
    throw new Error(`${INBOX}: cannot find the UNIQUE on idempotency_key in its definition; replace it by UNIQUE (customer_code, idempotency_key) by hand`);
  }
  return rewritten;
}
