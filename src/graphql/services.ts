/**
 * Process-wide services handed to every request. Grows with the features
 * (pricing, orders, documents); built once in src/app.ts.
 */
import type { Config } from '../config/config';
import type { DemoImporter } from '../demo/demoImporter';
import type { FileLinks } from '../documents/fileLinks';

export interface Services {
  config: Config;
  files: FileLinks;
  /** The embedded demo ERP's stand-in for the real ERP's order import; null elsewhere. */
  demoImporter: DemoImporter | null;
  /** Charges one order to an acting customer's rate limit (src/http/rateLimits.ts); absent when limits are off. */
  chargeOrder?: (customerCode: string) => Promise<void>;
}
