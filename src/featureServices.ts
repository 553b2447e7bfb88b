/**
 * The services that depend on which ERP Ponte runs against, passed to
 * createPonteApp as `extendServices`: today the demo importer, which only
 * the embedded demo ERP has (a real ERP imports its own orders). Kept out of
 * the composition root so tests build the same services the server runs.
 */
import type { Logger } from 'pino';
import type { Config } from './config/config';
import { DemoImporter } from './demo/demoImporter';
import type { ErpPort } from './erp/port';
import type { SqliteErp } from './erp/sqlite';
import type { Services } from './graphql/services';

export interface FeatureServiceDeps {
  erp: ErpPort;
  config: Config;
  now: () => Date;
  logger: Logger;
  /** True for the embedded demo ERP: enables the demo importer. */
  demo: boolean;
  sqlite: SqliteErp | null;
}

/** How often the demo importer looks for NEW orders. */
const DEMO_IMPORT_POLL_MS = 1000;

export function buildFeatureServices(deps: FeatureServiceDeps): Partial<Services> {
  if (!deps.demo || !deps.sqlite) return { demoImporter: null };
  const demoImporter = new DemoImporter(deps.sqlite.db, {
    delayMs: deps.config.demo.importDelayMs,
    now: deps.now,
    logger: deps.logger,
  });
  demoImporter.start(DEMO_IMPORT_POLL_MS);
  return { demoImporter };
}
