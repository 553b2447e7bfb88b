/**
 * The SQLite adapter (better-sqlite3): the embedded demo ERP, and any ERP an
 * integrator exports to SQLite laid out as the contract says.
 *
 * better-sqlite3 is synchronous; the port is still promise-based so both
 * adapters share it, and a method that runs two or three statements is
 * still one counted round trip (SQL Server runs them as one batch).
 */
import Database from 'better-sqlite3';
import { foldText } from '../catalog/searchTerms';
import { sqliteDialect } from './dialect';
import { PROBE_ORDER_HEADER, type InsertOrderResult, type OrderHeaderInsert, type OrderLineInsert } from './port';
import { mapOrderHeader } from './sql';
import { type Params, type Raw, SqlErp } from './sqlErp';

export interface SqliteErpOptions {
  /**
   * Test-only fault injection: called inside the order transaction after the
   * header is written and before the lines, so a test can prove that a
   * failure there leaves nothing behind.
   */
  beforeOrderLines?: () => void;
  /**
   * How long a statement waits for another connection's lock, in ms.
   * Default 0: on the main thread waiting would freeze the event loop, so a
   * locked database fails at once (SQLITE_BUSY) and the caller decides.
   * The worker threads set it per call, up to the caller's deadline.
   */
  busyTimeoutMs?: number;
}

/** PRAGMA cache_size during a scan (SqliteErp.each): −2000 is 2,000 KiB, SQLite's compiled-in default. */
const SCAN_CACHE_SIZE = -2000;

export class SqliteErp extends SqlErp {
  readonly dialect = 'sqlite' as const;
  private readonly prepared = new Map<string, Database.Statement>();

  constructor(
    readonly db: Database.Database,
    private readonly options: SqliteErpOptions = {},
  ) {
    super(sqliteDialect);
    this.setBusyTimeout(options.busyTimeoutMs ?? 0);
    // Case and accent folding for searches (see Dialect.fold), the very
    // function search terms are folded with, so SQL and Node agree on what
    // matches; registered on this connection only, nothing is written.
    db.function('ponte_fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldText(value) : value));
  }

  /** Opens a database file that must already exist (Ponte never creates someone else's ERP). */
  static open(path: string, options?: SqliteErpOptions): SqliteErp {
    return new SqliteErp(new Database(path, { fileMustExist: true }), options);
  }

  /** See SqliteErpOptions.busyTimeoutMs. */
  setBusyTimeout(ms: number): void {
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
  }

  private stmt(sql: string): Database.Statement {
    let s = this.prepared.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.prepared.set(sql, s);
    }
    return s;
  }

  private rows(sql: string, params: Params = {}): Raw[] {
    return this.stmt(sql).all(params) as Raw[];
  }

  protected async all(sql: string, params: Params = {}): Promise<Raw[]> {
    return this.rows(sql, params);
  }

  /**
   * A statement whose rows are handed over one at a time reads much of the
   * file once (the statistics scan millions of movements): its pages would
   * only push the other statements' pages out of the page cache while
   * growing it to its full size (16 MB per connection). It runs with
   * SQLite's small default cache instead, restored afterwards.
   */
  protected async each(sql: string, params: Params, onRow: (row: Raw) => void): Promise<void> {
    const cacheSize = Number(this.db.pragma('cache_size', { simple: true }));
    this.db.pragma(`cache_size = ${SCAN_CACHE_SIZE}`);
    try {
      for (const row of this.stmt(sql).iterate(params)) onRow(row as Raw);
    } finally {
      this.db.pragma(`cache_size = ${cacheSize}`);
    }
  }

  protected async batch(sqls: string[], params: Params): Promise<Raw[][]> {
    // One read transaction, so the row sets are consistent with each other.
    return this.db.transaction(() => sqls.map((sql) => this.rows(sql, params)))();
  }

  async insertOrder(header: OrderHeaderInsert, lines: readonly OrderLineInsert[]): Promise<InsertOrderResult> {
    const s = this.statements;
    const run = this.db.transaction((): InsertOrderResult => {
      let inboxId: string;
      try {
        const row = this.stmt(s.insertOrderHeader).get({ ...header }) as Raw;
        inboxId = String(row.id);
      } catch (error) {
        if (isUniqueViolation(error)) {
          // The key is taken (an earlier or concurrent request): report the row that holds it.
          const existing = this.rows(s.orderByIdempotencyKey, { customerCode: header.customerCode, key: header.idempotencyKey })[0];
          if (existing) return { inserted: false, existing: mapOrderHeader(existing) };
        }
        throw error;
      }
      this.options.beforeOrderLines?.();
      const insertLine = this.stmt(s.insertOrderLine);
      for (const line of lines) insertLine.run({ ...line, inboxId });
      return { inserted: true, inboxId };
    });
    // IMMEDIATE takes the write lock up front, so two Ponte processes on one
    // file serialise here instead of failing at commit.
    return run.immediate();
  }

  async probeWrite(): Promise<void> {
    const rollback = new Error('readiness probe: rolled back');
    try {
      // IMMEDIATE takes the write lock, the insert proves the staging table
      // accepts a row, and the rollback leaves nothing (the AUTOINCREMENT
      // sequence included).
      this.db.transaction(() => {
        this.stmt(this.statements.insertOrderHeader).get({ ...PROBE_ORDER_HEADER });
        throw rollback;
      }).immediate();
    } catch (error) {
      if (error !== rollback) throw error;
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
