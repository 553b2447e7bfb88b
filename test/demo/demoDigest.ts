/**
 * A fingerprint of everything a demo ERP holds, table by table, so a golden
 * test can say which table drifted rather than just "the hash changed".
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { generateDemoErp, type DemoErpOptions } from '../../src/demo/generateDemoErp';
import { SQLITE_DDL_PATH } from '../../src/projectRoot';

/** Generates a demo ERP in memory; the caller closes it. */
export function demoErpInMemory(options: DemoErpOptions): Database.Database {
  const db = new Database(':memory:');
  db.exec(readFileSync(SQLITE_DDL_PATH(), 'utf8'));
  generateDemoErp(db, options);
  return db;
}

export interface DigestOptions {
  /**
   * Whether file contents count. Rendered files change whenever the PDF or
   * XML builders change; the rows around them must not, so a golden digest
   * of the data leaves the bytes out and a reproducibility check keeps them.
   */
  fileContents: boolean;
}

/** sha256 per table of every row, in the order of all its columns, so insertion order does not matter. */
export function digestTables(db: Database.Database, options: DigestOptions): Record<string, string> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ecom\\_%' ESCAPE '\\' ORDER BY name`)
    .all() as Array<{ name: string }>;
  const digests: Record<string, string> = {};
  for (const { name } of tables) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(name) as Array<{ name: string }>)
      .map((c) => c.name)
      .filter((c) => options.fileContents || !(name === 'ecom_document_files' && c === 'content'));
    const list = columns.map((c) => `"${c}"`).join(', ');
    const hash = createHash('sha256');
    for (const row of db.prepare(`SELECT ${list} FROM "${name}" ORDER BY ${list}`).raw().iterate() as Iterable<unknown[]>) {
      hash.update(JSON.stringify(row.map((v) => (Buffer.isBuffer(v) ? `0x${v.toString('hex')}` : v))));
      hash.update('\n');
    }
    digests[name] = hash.digest('hex');
  }
  return digests;
}
