/**
 * Opens the configured ERP: the embedded demo (generated on first start), a
 * SQLite file laid out as the contract says, or SQL Server.
 */
import type { Logger } from 'pino';
import type { ErpLocation, DemoConfig, ErpLimits } from '../config/config';
import { ensureDemoErpFile, type DemoErpInfo } from '../demo/openDemoErp';
import { dateInZone } from '../settings/erpSettings';
import { MssqlErp } from './mssql';
import type { ErpPort } from './port';
import { SqliteErp } from './sqlite';
import { ensureStagingTables } from './stagingTables';

export interface OpenedErp {
  adapter: ErpPort;
  /** Set for the embedded demo ERP only. */
  demo: DemoErpInfo | null;
  /** The SQLite handle, when the ERP is SQLite (the demo importer needs it). */
  sqlite: SqliteErp | null;
}

export async function openErp(location: ErpLocation, limits: ErpLimits, demo: DemoConfig, logger: Logger): Promise<OpenedErp> {
  switch (location.kind) {
    case 'demo': {
      const info = ensureDemoErpFile(location.path, {
        seed: demo.seed,
        articles: demo.articles,
        customers: demo.customers,
        today: dateInZone(new Date(), 'Europe/Rome'),
      });
      if (info.generatedNow) logger.info({ path: location.path, ms: info.millis }, 'demo ERP generated');
      const sqlite = SqliteErp.open(location.path);
      ensureStagingTables(sqlite.db); // a demo file generated before idempotency keys were per customer
      // Ponte's own file, so its journal is Ponte's to choose: WAL lets
      // readers run while an order commits, and commits in ~0.1 ms instead
      // of several (better-sqlite3 commits on the event loop).
      sqlite.db.pragma('journal_mode = WAL');
      sqlite.db.pragma('synchronous = NORMAL');
      return { adapter: sqlite, demo: info, sqlite };
    }
    case 'sqlite': {
      const sqlite = SqliteErp.open(location.path);
      const { created, rescopedIdempotencyKey } = ensureStagingTables(sqlite.db);
      if (created.length > 0) logger.warn({ tables: created }, 'created the missing order staging tables');
      if (rescopedIdempotencyKey) logger.warn({ how: rescopedIdempotencyKey }, 'ecom_order_inbox: idempotency keys are now unique per customer');
      return { adapter: sqlite, demo: null, sqlite };
    }
    case 'mssql':
      return { adapter: await MssqlErp.connect(location.url, limits.timeoutMs), demo: null, sqlite: null };
  }
}
