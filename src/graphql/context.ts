/**
 * What every resolver receives: the caller, its lazily resolved viewer, the
 * request's loaders and the services. Built once per request in
 * src/http/createContext.ts.
 */
import type { Principal } from '../auth/principal';
import type { Viewer } from '../auth/resolveViewer';
import type { ErpPort } from '../erp/port';
import type { ErpSettings } from '../settings/erpSettings';
import type { ErpLoaders } from '../../loaders/erpLoaders';
import type { Services } from './services';

export interface PonteContext {
  principal: Principal;
  /** Resolves the acting customer and visibility once; throws FORBIDDEN / UNAUTHENTICATED. */
  viewer(): Promise<Viewer>;
  loaders: ErpLoaders;
  /** The guarded port, for reads that are not cached (pages of customers, orders, documents). */
  erp: ErpPort;
  settings(): Promise<ErpSettings>;
  /** The request's clock: one instant for the whole request. */
  now: Date;
  services: Services;
  /** Whose rate and cost budgets this request draws on (src/http/rateLimits.ts); absent when limits are off. */
  rateKey?: string;
}
