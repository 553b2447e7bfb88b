/**
 * Builds the per-request context: takes the verified token (a bad one is
 * refused here, with HTTP 401 for the whole request, before any resolver runs), creates the request's
 * loaders (each made on first use), and defers the acting-customer lookup to the first field that
 * needs it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { resolveViewer, type Viewer } from '../auth/resolveViewer';
import type { TokenVerifier } from '../auth/verifyToken';
import type { ErpCache } from '../cache/erpCache';
import { RequestFreshness } from '../cache/requestFreshness';
import type { GuardedErp } from '../erp/guardedErp';
import type { RequestErpScope } from '../erp/requestScope';
import { authenticate, singleHeader, type Authentication } from './authenticate';
import { PonteError, refusingRequest } from '../errors';
import type { PonteContext } from '../graphql/context';
import type { Services } from '../graphql/services';
import { type Language, negotiateLanguage } from '../messages/language';
import { dateInZone, type ErpSettings } from '../settings/erpSettings';
import { createErpLoaders } from '../../loaders/erpLoaders';
import { createPriceBatch, type PriceBatch } from '../../loaders/priceBatch';
import { type AvailabilityBatch, createAvailabilityBatch } from '../../loaders/availabilityBatch';

export interface ContextDeps {
  verify: TokenVerifier;
  erp: GuardedErp;
  cache: ErpCache;
  now: () => Date;
  services: Services;
  /** The installation's language of messages as known without an ERP call. */
  defaultLanguage: () => Language;
}

/** Two X-Acting-Customer headers refuse the request, as two Authorization headers do. */
function actingHeader(headers: IncomingHttpHeaders): string | undefined {
  try {
    return singleHeader(headers, 'x-acting-customer');
  } catch (error) {
    throw error instanceof PonteError ? refusingRequest(error) : error;
  }
}

export function createContextFactory(deps: ContextDeps) {
  // `authentication` is the outcome of the fastify hook (src/http/authenticate.ts): never verified twice.
  return async (
    headers: IncomingHttpHeaders,
    scope: RequestErpScope,
    authentication?: Authentication,
    rateKey?: string,
  ): Promise<PonteContext> => {
    const outcome = authentication ?? (await authenticate(deps.verify, headers));
    // A bad token refuses the whole request (401, no data), never a fallback to anonymous.
    if (outcome.failure) throw refusingRequest(outcome.failure);
    const principal = outcome.principal;
    const acting = actingHeader(headers);
    const acceptLanguage = negotiateLanguage(headers['accept-language']);
    const freshness = new RequestFreshness();
    const erp = deps.erp.forRequest(scope);
    // Background refreshes use the port itself: no request asked for them.
    const loaders = createErpLoaders(erp, deps.cache, freshness, deps.erp.port);
    let viewer: Promise<Viewer> | null = null;
    let settings: Promise<ErpSettings> | null = null;
    const resolved: PonteContext['resolved'] = { viewer: null, settings: null };
    const now = deps.now();
    let today: string | null = null;
    const context: Omit<PonteContext, 'prices' | 'availability'> & { prices?: PriceBatch; availability?: AvailabilityBatch } = {
      principal,
      resolved,
      loaders,
      freshness,
      acting,
      accept: typeof headers.accept === 'string' ? headers.accept : undefined,
      acceptLanguage,
      language: async () => acceptLanguage ?? (await context.settings()).language,
      messageLanguage: () => acceptLanguage ?? resolved.settings?.language ?? deps.defaultLanguage(),
      responseGeneration: deps.cache.responses.generation(),
      responseCache: { entry: null, maxAge: null },
      erp,
      erpScope: scope,
      now,
      today: (s) => (today ??= dateInZone(now, s.timeZone)),
      services: deps.services,
      ...(rateKey !== undefined ? { rateKey } : {}),
      viewer: () =>
        (viewer ??= resolveViewer(principal, acting, (code) => loaders.customerContext.load(code)).then((v) => (resolved.viewer = v))),
      settings: () => (settings ??= loaders.reference().then((r) => (resolved.settings = r.erpSettings))),
    };
    context.prices = createPriceBatch(context as PonteContext);
    context.availability = createAvailabilityBatch(context as PonteContext);
    return context as PonteContext;
  };
}
