/**
 * Builds the per-request context: verifies the token (a bad one is refused
 * here, with HTTP 401, before any resolver runs), creates the request's
 * loaders, and defers the acting-customer lookup to the first field that
 * needs it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { resolveViewer, type Viewer } from '../auth/resolveViewer';
import type { TokenVerifier } from '../auth/verifyToken';
import type { ErpCache } from '../cache/erpCache';
import { RequestFreshness } from '../cache/requestFreshness';
import type { ErpPort } from '../erp/port';
import { unauthenticated } from '../errors';
import type { PonteContext } from '../graphql/context';
import type { Services } from '../graphql/services';
import { readErpSettings, type ErpSettings } from '../settings/erpSettings';
import { createErpLoaders } from '../../loaders/erpLoaders';

export interface ContextDeps {
  verify: TokenVerifier;
  erp: ErpPort;
  cache: ErpCache;
  now: () => Date;
  services: Services;
}

function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  // Two Authorization headers are an attack or a bug; never guess which one counts.
  if (Array.isArray(value)) throw unauthenticated(`Send one ${name} header.`);
  return value;
}

export function createContextFactory(deps: ContextDeps) {
  return async (headers: IncomingHttpHeaders): Promise<PonteContext> => {
    const principal = await deps.verify(singleHeader(headers, 'authorization'));
    const acting = singleHeader(headers, 'x-acting-customer');
    const freshness = new RequestFreshness();
    const loaders = createErpLoaders(deps.erp, deps.cache, freshness);
    let viewer: Promise<Viewer> | null = null;
    let settings: Promise<ErpSettings> | null = null;
    const resolved: PonteContext['resolved'] = { viewer: null, settings: null };
    return {
      principal,
      resolved,
      loaders,
      freshness,
      acting,
      accept: typeof headers.accept === 'string' ? headers.accept : undefined,
      responseGeneration: deps.cache.responses.generation(),
      responseCache: { entry: null },
      erp: deps.erp,
      now: deps.now(),
      services: deps.services,
      viewer: () =>
        (viewer ??= resolveViewer(principal, acting, (code) => loaders.customerContext.load(code)).then((v) => (resolved.viewer = v))),
      settings: () => (settings ??= loaders.reference().then((r) => (resolved.settings = readErpSettings(r.settings)))),
    };
  };
}
