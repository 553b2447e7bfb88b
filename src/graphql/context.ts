/**
 * What every resolver receives: the caller, its lazily resolved viewer, the
 * request's loaders and the services. Built once per request in
 * src/http/createContext.ts.
 */
import type { Principal } from '../auth/principal';
import type { Viewer } from '../auth/resolveViewer';
import type { RequestFreshness } from '../cache/requestFreshness';
import type { ResponseScope } from '../cache/responseCache';
import type { ErpPort } from '../erp/port';
import type { RequestErpScope } from '../erp/requestScope';
import type { Language } from '../messages/language';
import type { ErpSettings } from '../settings/erpSettings';
import type { ErpLoaders } from '../../loaders/erpLoaders';
import type { PriceBatch } from '../../loaders/priceBatch';
import type { AvailabilityBatch } from '../../loaders/availabilityBatch';
import type { Services } from './services';

export interface PonteContext {
  principal: Principal;
  /** Resolves the acting customer and visibility once; throws FORBIDDEN / UNAUTHENTICATED. */
  viewer(): Promise<Viewer>;
  loaders: ErpLoaders;
  /** Which facts answered this request, and whether any had expired (stale-while-revalidate, stale-if-error). */
  freshness: RequestFreshness;
  /** The viewer and settings once this request has resolved them (null before): what its answer was computed with. */
  resolved: { viewer: Viewer | null; settings: ErpSettings | null };
  /** The X-Acting-Customer header as sent (the viewer resolves it; the response cache's fingerprint needs it too). */
  acting: string | undefined;
  /** The language Accept-Language asks for, negotiated once; null when it names none Ponte speaks. */
  acceptLanguage: Language | null;
  /** The language of this request's sentences: Accept-Language's, else `ecom_settings.language` (read through the cache). */
  language(): Promise<Language>;
  /**
   * The language of this request's error messages, decided without an ERP
   * call: Accept-Language's, else the settings this request read, else the
   * installation's as held (src/http/messageLanguage.ts).
   */
  messageLanguage(): Language;
  /** The Accept header: part of a cached response's key (it picks the media type). */
  accept: string | undefined;
  /** The response cache's generation when the request started (see responseCache.ts). */
  responseGeneration: number;
  /**
   * Set when this response may be cached: under which key, with which tags;
   * and how long HTTP caches may keep it, by its fields' hints (null: not at all).
   * A holder, because Apollo hands plugins a shallow copy of the context.
   */
  responseCache: { entry: { key: string; tags: Iterable<string>; generation: number; scope: ResponseScope | null } | null; maxAge: number | null };
  /** The request's view of the guarded port (counted into erpScope), for reads that are not cached (pages of customers, orders, documents). */
  erp: ErpPort;
  /** What this request has spent, and its work budget (src/graphql/workBudget.ts); null outside HTTP. */
  erpScope: RequestErpScope | null;
  /** This request's price fields, computed in batches (loaders/priceBatch.ts). */
  prices: PriceBatch;
  /** This request's availability fields, computed in batches (loaders/availabilityBatch.ts). */
  availability: AvailabilityBatch;
  settings(): Promise<ErpSettings>;
  /** "Today" in the ERP's time zone for this request's instant: computed once per request. */
  today(settings: ErpSettings): string;
  /** The request's clock: one instant for the whole request. */
  now: Date;
  services: Services;
  /** Whose rate and cost budgets this request draws on (src/http/rateLimits.ts); absent when limits are off. */
  rateKey?: string;
}
