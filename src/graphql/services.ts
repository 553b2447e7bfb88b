/**
 * The process-wide services every request's context carries, made once in
 * src/app.ts (the demo importer by src/featureServices.ts). Settings reach
 * resolvers as the values they read (maxOrderLines), not as the whole
 * Config, so what a resolver depends on is visible here.
 */
import type { DemoImporter } from '../demo/demoImporter';
import type { FileLinks } from '../documents/fileLinks';
import type { WarehouseStatsCache } from '../cache/statsCache';

export interface Services {
  /** MAX_ORDER_LINES: the longest cart quote and placeOrder accept. */
  maxOrderLines: number;
  files: FileLinks;
  /** Warehouse statistics per scope, computed at most once per STATS_TTL_MS. */
  warehouseStats: WarehouseStatsCache;
  /** The embedded demo ERP's stand-in for the real ERP's order import; null elsewhere. */
  demoImporter: DemoImporter | null;
  /** Charges one order to an acting customer's rate limit (src/http/rateLimits.ts); absent when limits are off. */
  chargeOrder?: (customerCode: string) => Promise<void>;
}
