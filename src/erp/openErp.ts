/**
 * Opens the configured ERP: the embedded demo (generated on first start), a
 * SQLite file laid out as the contract says, or SQL Server.
 */
import type { Logger } from 'pino';
import type { ErpLocation, DemoConfig, ErpLimits } from '../config/config';
import { ensureDemoErpFile, type DemoErpInfo } from '../demo/openDemoErp';
import { DEFAULTS } from '../settings/defaults';
import { dateInZone } from '../settings/erpSettings';
import { MssqlErp } from './mssql';
import type { ErpPort } from './port';
import { SqliteErp } from './sqlite';
import { openSqliteWorkerErp } from './sqliteWorkerErp';
import { ensureStagingTables } from './stagingTables';

export interface OpenedErp {
  adapter: ErpPort;
  /** Set for the embedded demo ERP only. */
  demo: DemoErpInfo | null;
  /**
   * A main-thread connection to the demo ERP, for the demo importer (which
   * plays the ERP's part); null otherwise. The caller closes it.
   */
  sqlite: SqliteErp | null;
}

export async function openErp(location: ErpLocation, limits: ErpLimits, demo: DemoConfig, logger: Logger): Promise<OpenedErp> {
  switch (location.kind) {
    case 'demo': {
      const info = ensureDemoErpFile(location.path, {
        seed: demo.seed,
        articles: demo.articles,
        customers: demo.customers,
        // The demo ERP's time_zone is the contract's default.
        today: dateInZone(new Date(), DEFAULTS.timeZone),
      });
      if (info.generatedNow) logger.info({ path: location.path, ms: info.millis }, 'demo ERP generated');
      const sqlite = SqliteErp.open(location.path);
      ensureStagingTables(sqlite.db); // a demo file generated before idempotency keys were per customer
      // Ponte's own file, so its journal is Ponte's to choose: WAL lets
      // readers run while an order commits, and commits in ~0.1 ms instead
      // of several (better-sqlite3 commits on the event loop).
      sqlite.db.pragma('journal_mode = WAL');
      sqlite.db.pragma('synchronous = NORMAL');
      const adapter = await openSqliteWorkerErp(location.path, { callTimeoutMs: limits.timeoutMs, slowCalls: slowErpCalls(limits) });
      return { adapter, demo: info, sqlite };
    }
    case 'sqlite': {
      // Start-up may wait for a lock: nothing is being served yet.
      const setup = SqliteErp.open(location.path, { busyTimeoutMs: limits.timeoutMs });
      try {
        const { created, rescopedIdempotencyKey } = ensureStagingTables(setup.db);
        if (created.length > 0) logger.warn({ tables: created }, 'created the missing order staging tables');
        if (rescopedIdempotencyKey) logger.warn({ how: rescopedIdempotencyKey }, 'ecom_order_inbox: idempotency keys are now unique per customer');
      } finally {
        await setup.close();
      }
      const adapter = await openSqliteWorkerErp(location.path, { callTimeoutMs: limits.timeoutMs, slowCalls: slowErpCalls(limits) });
      return { adapter, demo: null, sqlite: null };
    }
    case 'mssql':
      // The driver's own deadline must let the slowest call finish; the guard holds every other call to ERP_TIMEOUT_MS.
      return { adapter: await MssqlErp.connect(location.url, Math.max(limits.timeoutMs, limits.statsTimeoutMs), { logger }), demo: null, sqlite: null };
  }
}

/** The port calls allowed more than ERP_TIMEOUT_MS, with their deadlines (the guard and the SQLite workers read the same map). */
export function slowErpCalls(limits: ErpLimits): ReadonlyMap<string, number> {
  return new Map([['articleStatsAggregates', limits.statsTimeoutMs]]);
}
