/**
 * What HTTP caches (browsers, a CDN in front of Ponte) may do with a
 * /graphql answer. Only answers the response cache would keep (queries of
 * product fields, no error, fresh facts: src/graphql/responseCachePlugin.ts)
 * are cacheable at all, for as long as their fields' hints allow
 * (src/graphql/cacheHints.ts):
 *
 * - anonymous: `public, max-age=N, s-maxage=N` and an ETag, so a CDN can
 *   serve a category page to every visitor;
 * - authenticated (a token or X-Acting-Customer): `private, no-cache` and an
 *   ETag: the caller's own cache keeps it but asks each time, and a 304
 *   spares the body; never a shared cache;
 * - everything else (mutations, errors, customer data, orders, documents):
 *   `no-store` (`private, no-store` when authenticated).
 *
 * A GET whose If-None-Match names the answer's ETag gets 304 without a body.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** What every /graphql answer depends on besides the URL or body. */
export const GRAPHQL_VARY: readonly string[] = ['Accept', 'Accept-Language', 'Authorization', 'X-Acting-Customer'];

/** Whether the request names a caller: such answers are never shared. */
export function isAuthenticated(headers: FastifyRequest['headers']): boolean {
  return headers.authorization !== undefined || headers['x-acting-customer'] !== undefined;
}

/** @param maxAge seconds the answer's hints allow, or null when it is not cacheable. */
export function cacheControlFor(authenticated: boolean, maxAge: number | null): string {
  if (maxAge === null) return authenticated ? 'private, no-store' : 'no-store';
  return authenticated ? 'private, no-cache' : `public, max-age=${maxAge}, s-maxage=${maxAge}`;
}

/** A strong entity tag of the bytes sent and their media type. */
export function entityTag(contentType: string, body: string): string {
  return `"${createHash('sha256').update(contentType).update('\n').update(body).digest('base64url')}"`;
}

/** If-None-Match's weak comparison (RFC 9110 13.1.2): `*`, or any listed tag equal to ours, W/ or not. */
export function noneMatchHits(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** The Vary header with `names` added to what it already holds (CORS adds Origin), each name once. */
export function appendVary(existing: unknown, names: readonly string[]): string {
  const current = (Array.isArray(existing) ? existing.join(',') : typeof existing === 'string' ? existing : '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (current.includes('*')) return '*';
  const seen = new Set(current.map((n) => n.toLowerCase()));
  for (const name of names) {
    if (!seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      current.push(name);
    }
  }
  return current.join(', ');
}

/**
 * Sets Cache-Control, ETag and Vary on a /graphql reply, in fastify's
 * onSend; returns the payload to send (none for a 304).
 *
 * @param maxAge seconds the answer may be kept (see cacheControlFor), or null
 * @param vary headers the answer varies with besides GRAPHQL_VARY (gateway mode: the forwarded ones)
 */
export function applyHttpCaching(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  maxAge: number | null,
  vary: readonly string[] = [],
): unknown {
  reply.header('vary', appendVary(reply.getHeader('vary'), [...GRAPHQL_VARY, ...vary]));
  const cacheable = maxAge !== null && reply.statusCode === 200 && typeof payload === 'string';
  reply.header('cache-control', cacheControlFor(isAuthenticated(request.headers), cacheable ? maxAge : null));
  if (!cacheable) return payload;
  const etag = entityTag(String(reply.getHeader('content-type') ?? ''), payload);
  reply.header('etag', etag);
  const conditional = request.headers['if-none-match'];
  if (request.method === 'GET' && noneMatchHits(Array.isArray(conditional) ? conditional.join(',') : conditional, etag)) {
    reply.code(304);
    reply.removeHeader('content-length');
    return null;
  }
  return payload;
}
