/**
 * Builds the feature services around the guarded ERP port. Kept apart from
 * the composition root so tests build the same services the server runs.
 */
import type { Logger } from 'pino';
import type { Config } from './config/config';
import type { ErpPort } from './erp/port';
import type { SqliteErp } from './erp/sqlite';
import type { Services } from './graphql/services';

export interface ServiceDeps {
  erp: ErpPort;
  config: Config;
  now: () => Date;
  logger: Logger;
  /** True for the embedded demo ERP: enables the demo importer. */
  demo: boolean;
  sqlite: SqliteErp | null;
}

export function buildServices(_deps: ServiceDeps): Partial<Services> {
  return {};
}
