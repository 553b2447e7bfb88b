/**
 * Process-wide services handed to every request. Grows with the features
 * (pricing, orders, documents); built once in src/app.ts.
 */
import type { Config } from '../config/config';

export interface Services {
  config: Config;
}
