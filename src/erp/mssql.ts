/**
 * The SQL Server adapter (mssql over tedious): the production ERP.
 *
 * One connection pool; every method is one request (one batch, possibly
 * returning several record sets), with all values bound as parameters and
 * key lists bound as one JSON parameter read with OPENJSON, so the
 * 2,100-parameter limit never bites.
 */
import sql from 'mssql';
import pino from 'pino';
import { mssqlDialect } from './dialect';
import { PROBE_ORDER_HEADER, type InsertOrderResult, type OrderHeaderInsert, type OrderLineInsert } from './port';
import { type Params, type Raw, SqlErp } from './sqlErp';

/** Error numbers SQL Server raises for a UNIQUE / PRIMARY KEY violation. */
const UNIQUE_VIOLATIONS = new Set([2627, 2601]);

/**
 * Turns mssql://user:password@host:port/database?encrypt=false&trustServerCertificate=true
 * into an mssql config. Query parameters: encrypt, trustServerCertificate,
 * instanceName, poolMax, requestTimeoutMs, connectionTimeoutMs.
 */
export function mssqlConfigFromUrl(url: string, requestTimeoutMs: number): sql.config {
  const u = new URL(url.replace(/^sqlserver:/, 'mssql:'));
  const q = u.searchParams;
  const flag = (name: string, def: boolean) => (q.has(name) ? q.get(name) === 'true' : def);
  return {
    server: u.hostname,
    port: u.port ? Number(u.port) : 1433,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || q.get('database') || undefined,
    requestTimeout: Number(q.get('requestTimeoutMs') ?? requestTimeoutMs),
    connectionTimeout: Number(q.get('connectionTimeoutMs') ?? 15_000),
    pool: { max: Number(q.get('poolMax') ?? 10), min: 0, idleTimeoutMillis: 30_000 },
    options: {
      encrypt: flag('encrypt', true),
      trustServerCertificate: flag('trustServerCertificate', false),
      instanceName: q.get('instanceName') ?? undefined,
      // Decimals and bigints are converted to text in SQL; this keeps any
      // remaining numeric column from being read as a lossy float.
      useUTC: true,
    },
  };
}

/** The part of a pino logger the adapter writes to. */
export interface AdapterLog {
  error(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface MssqlErpOptions {
  /** Where pool and rollback errors go; without one, to stderr (pino), never dropped. */
  logger?: AdapterLog;
  /** Test-only fault injection between the order header and its lines. */
  beforeOrderLines?: () => void;
}

/**
 * The pool's 'error' listener. Without a listener the event would crash the
 * process; a listener that drops it hides why the ERP is unreachable. While
 * SQL Server is down every connection attempt fails, so within a window only
 * the first error is logged and the rest are counted into the next line.
 */
export function poolErrorHandler(logger: Pick<AdapterLog, 'error'>, windowMs = 10_000, now: () => number = Date.now): (error: unknown) => void {
  let windowStart = -Infinity;
  let suppressed = 0;
  return (error) => {
    const t = now();
    if (t - windowStart < windowMs) {
      suppressed += 1;
      return;
    }
    logger.error({ err: error, suppressedSinceLast: suppressed }, 'SQL Server connection pool error');
    windowStart = t;
    suppressed = 0;
  };
}

export class MssqlErp extends SqlErp {
  readonly dialect = 'mssql' as const;

  private constructor(
    private readonly pool: sql.ConnectionPool,
    private readonly log: AdapterLog,
    private readonly options: MssqlErpOptions,
  ) {
    super(mssqlDialect);
  }

  static async connect(url: string, requestTimeoutMs: number, options: MssqlErpOptions = {}): Promise<MssqlErp> {
    const pool = new sql.ConnectionPool(mssqlConfigFromUrl(url, requestTimeoutMs));
    const log = options.logger ?? pino({ level: 'warn' }, process.stderr);
    pool.on('error', poolErrorHandler(log));
    await pool.connect();
    return new MssqlErp(pool, log, options);
  }

  private request(params: Params, tx?: sql.Transaction): sql.Request {
    const req = tx ? new sql.Request(tx) : this.pool.request();
    for (const [name, value] of Object.entries(params)) {
      if (typeof value === 'number') req.input(name, Number.isInteger(value) ? sql.BigInt : sql.Decimal(38, 10), value);
      else req.input(name, sql.NVarChar(sql.MAX), value);
    }
    return req;
  }

  protected async all(text: string, params: Params = {}): Promise<Raw[]> {
    const result = await this.request(params).query(text);
    return result.recordset as Raw[];
  }

  protected async each(text: string, params: Params, onRow: (row: Raw) => void): Promise<void> {
    // Read whole, then handed over: on SQL Server the rows are held once
    // (no thread boundary to cross) and briefly. A streamed request would
    // save even that, but cannot be exercised on machines without SQL Server.
    for (const row of await this.all(text, params)) onRow(row);
  }

  protected async batch(texts: string[], params: Params): Promise<Raw[][]> {
    const result = await this.request(params).query(texts.join(';\n'));
    return result.recordsets as unknown as Raw[][];
  }

  async insertOrder(header: OrderHeaderInsert, lines: readonly OrderLineInsert[]): Promise<InsertOrderResult> {
    const s = this.statements;
    const tx = new sql.Transaction(this.pool);
    await tx.begin(sql.ISOLATION_LEVEL.READ_COMMITTED);
    try {
      let inboxId: string;
      try {
        // datetime2 takes ISO 8601 without the zone designator; instants are UTC.
        const params = { ...header, createdAt: header.createdAt.replace(/Z$/, '') };
        const result = await this.request(params, tx).query(s.insertOrderHeader);
        inboxId = String((result.recordset[0] as Raw).id);
      } catch (error) {
        if (!UNIQUE_VIOLATIONS.has(Number((error as { number?: unknown }).number))) throw error;
        await tx.rollback();
        // The other request committed first (the UNIQUE index made us wait
        // for it); read what it wrote.
        const existing = await this.orderByIdempotencyKey(header.customerCode, header.idempotencyKey);
        if (!existing) throw error;
        return { inserted: false, existing };
      }
      this.options.beforeOrderLines?.();
      for (const line of lines) {
        await this.request({ ...line, inboxId }, tx).query(s.insertOrderLine);
      }
      await tx.commit();
      return { inserted: true, inboxId };
    } catch (error) {
      // The insert's own error is the one to report to the caller; a failed
      // rollback (the connection is gone, SQL Server rolls back itself) is
      // worth a line in the log all the same.
      await tx.rollback().catch((rollbackError: unknown) => {
        this.log.warn({ err: rollbackError }, 'rolling back a failed order insert failed');
      });
      throw error;
    }
  }

  async probeWrite(): Promise<void> {
    const tx = new sql.Transaction(this.pool);
    await tx.begin(sql.ISOLATION_LEVEL.READ_COMMITTED);
    try {
      const params = { ...PROBE_ORDER_HEADER, createdAt: PROBE_ORDER_HEADER.createdAt.replace(/Z$/, '') };
      await this.request(params, tx).query(this.statements.insertOrderHeader);
    } finally {
      // Always rolled back: the probe proves the insert is accepted, and
      // leaves no row (an identity value may be skipped, as with any rollback).
      await tx.rollback();
    }
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
