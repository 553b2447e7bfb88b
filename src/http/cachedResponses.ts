/**
 * The response cache's fast path, before Apollo: for a plain POST whose
 * viewer is already known from held facts (verified token, cached customer
 * context, cached settings), the fingerprint is computed exactly as the
 * plugin computed it when storing, and a hit is answered with the stored
 * bytes. Anything not held, or any refusal (bad token, foreign customer),
 * falls through to the normal path, which answers it properly.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from '../auth/principal';
import { resolveViewer, type Viewer } from '../auth/resolveViewer';
import type { ErpCache } from '../cache/erpCache';
import type { CachedResponse } from '../cache/responseCache';
import { sharedFingerprint, viewerFingerprint } from '../cache/viewerFingerprint';
import type { OwnReach } from '../customers/ownReach';
import { requestDigest, responseCacheKey, withVary } from '../graphql/responseCachePlugin';
import { type Language, negotiateLanguage } from '../messages/language';
import { dateInZone, type ErpSettings } from '../settings/erpSettings';

const NOT_HELD = new Error('not held');

export interface CachedResponseDeps {
  cache: ErpCache;
  now: () => Date;
  /** What else answers vary with, from the request's headers (as responseCachePlugin was given). */
  vary?: (read: (name: string) => string | undefined) => string;
}

/** The viewer from held facts only (never an ERP call), or null when not held or refused. */
export async function heldViewer(cache: ErpCache, principal: Principal, acting: string | undefined): Promise<Viewer | null> {
  try {
    return await resolveViewer(principal, acting, async (code) => {
      const held = cache.customerContexts.get(code);
      if (!held?.fresh) throw NOT_HELD;
      return held.value;
    });
  } catch {
    return null;
  }
}

/** The installation's settings if held fresh. */
export function heldSettings(cache: ErpCache): ErpSettings | null {
  const reference = cache.reference.get('reference');
  return reference?.fresh ? reference.value.erpSettings : null;
}

export interface HeldFingerprints {
  own: string;
  /** The installation's language of messages, from the same held settings. */
  language: Language;
  /** For a customer with rows of its own: the fingerprint without them, and what they reach (ownReach.ts). */
  shared: { fingerprint: string; reach: OwnReach } | null;
}

/**
 * The viewer's fingerprints from held facts only, or null when something
 * they need is not held fresh or the viewer would be refused.
 */
export async function heldFingerprints(cache: ErpCache, principal: Principal, acting: string | undefined, now: Date): Promise<HeldFingerprints | null> {
  const settings = heldSettings(cache);
  const viewer = settings && (await heldViewer(cache, principal, acting));
  if (!viewer || !settings) return null;
  const today = dateInZone(now, settings.timeZone);
  const shared = sharedFingerprint(viewer, settings, today);
  return {
    own: viewerFingerprint(viewer, settings, today),
    language: settings.language,
    shared: shared === null ? null : { fingerprint: shared, reach: viewer.context!.reach },
  };
}

export function cachedResponseLookup(deps: CachedResponseDeps) {
  const { cache } = deps;
  /** @param principal the caller, as the authentication hook verified it. */
  return async (principal: Principal, headers: IncomingHttpHeaders, body: unknown): Promise<CachedResponse | null> => {
    if (cache.responses.size === 0 || body === null || typeof body !== 'object') return null;
    const asked = body as { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown };
    if (typeof asked.query !== 'string' || asked.extensions !== undefined) return null;
    const { accept } = headers;
    const acting = headers['x-acting-customer'];
    if (Array.isArray(acting)) return null;
    const fingerprints = await heldFingerprints(cache, principal, acting, deps.now());
    if (fingerprints === null) return null;
    const digest = requestDigest({
      query: asked.query,
      operationName: typeof asked.operationName === 'string' ? asked.operationName : null,
      variables: (asked.variables as Record<string, unknown> | null | undefined) ?? null,
      accept: withVary(accept, deps.vary, (name) => {
        const value = headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      }),
      // As the plugin keyed it: Accept-Language's language, else the installation's (held, or there would be no fingerprints).
      language: negotiateLanguage(headers['accept-language']) ?? fingerprints.language,
    });
    const { shared } = fingerprints;
    const found = cache.responses.lookup(
      responseCacheKey(fingerprints.own, digest),
      shared && { key: responseCacheKey(shared.fingerprint, digest), reach: shared.reach },
    );
    return found ?? null;
  };
}
