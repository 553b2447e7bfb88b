/**
 * The embedded demo ERP: a SQLite file generated on first start (into a
 * temporary file, renamed into place when complete, so an interrupted
 * generation never leaves a half-filled database behind) and reused after.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { SQLITE_DDL_PATH } from '../projectRoot';
import { generateDemoErp, type DemoErpOptions, type DemoErpSummary } from './generateDemoErp';

/** Marks a database as Ponte's own demo, which the demo importer may write to. */
const META_TABLE = 'ponte_demo_meta';

/**
 * Bumped whenever the generator writes different data (2: two years of
 * stock movements consistent with on_hand; 3: ecom_families). A demo file written by another
 * version is generated again: it is Ponte's own file, and a demo that lacks
 * what the running version shows (the statistics page) is no demo.
 */
export const DEMO_GENERATOR_VERSION = 3;

export interface DemoErpInfo extends DemoErpSummary {
  generatedNow: boolean;
  millis: number;
}

/** Creates a demo ERP database file at `path` (must not exist). */
export function createDemoErpFile(path: string, options: DemoErpOptions): DemoErpSummary {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  rmSync(temp, { force: true });
  const db = new Database(temp);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(readFileSync(SQLITE_DDL_PATH(), 'utf8'));
    const summary = generateDemoErp(db, options);
    db.exec(`CREATE TABLE ${META_TABLE} (meta_key TEXT PRIMARY KEY, meta_value TEXT NOT NULL)`);
    db.prepare(`INSERT INTO ${META_TABLE} VALUES ('summary', ?)`).run(JSON.stringify(summary));
    db.prepare(`INSERT INTO ${META_TABLE} VALUES ('generator', ?)`).run(String(DEMO_GENERATOR_VERSION));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    renameSync(temp, path);
    return summary;
  } catch (error) {
    if (db.open) db.close();
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The generator version a demo database was written by (1 for files from before versions were recorded). */
export function readDemoGeneratorVersion(db: Database.Database): number {
  const row = db.prepare(`SELECT meta_value AS v FROM ${META_TABLE} WHERE meta_key = 'generator'`).get() as { v: string } | undefined;
  return row ? Number(row.v) : 1;
}

/** Reads the summary a demo database was generated with, or null if it is not Ponte's demo. */
export function readDemoSummary(db: Database.Database): DemoErpSummary | null {
  const table = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`).get(META_TABLE);
  if (!table) return null;
  const row = db.prepare(`SELECT meta_value AS v FROM ${META_TABLE} WHERE meta_key = 'summary'`).get() as { v: string } | undefined;
  return row ? (JSON.parse(row.v) as DemoErpSummary) : null;
}

export function ensureDemoErpFile(path: string, options: DemoErpOptions): DemoErpInfo {
  const started = Date.now();
  if (existsSync(path)) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    let current: DemoErpSummary | null;
    try {
      const summary = readDemoSummary(db);
      if (!summary) throw new Error(`${path} exists but is not a Ponte demo ERP; remove it or set ERP_URL`);
      current = readDemoGeneratorVersion(db) === DEMO_GENERATOR_VERSION ? summary : null;
    } finally {
      db.close();
    }
    if (current) return { ...current, generatedNow: false, millis: Date.now() - started };
    // Written by another version of the generator: replaced (demo orders placed in it go with it).
    rmSync(path, { force: true });
  }
  const summary = createDemoErpFile(path, options);
  return { ...summary, generatedNow: true, millis: Date.now() - started };
}
