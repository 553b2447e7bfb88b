/**
 * CORS (CORS_ORIGINS), so a storefront's or sales app's page can call Ponte
 * from the browser (Apollo Client, urql) without a proxy.
 *
 * A listed origin's preflight is answered here, in a global onRequest hook,
 * before the /graphql route's own hooks run: a browser sends a preflight
 * without the Authorization header, so it must be neither authenticated nor
 * counted by the rate limits. Any other origin gets no CORS header at all,
 * and its preflight goes on to the route like any OPTIONS request, which
 * Apollo refuses; the browser then blocks the call.
 *
 * Apollo's CSRF prevention stays on: CORS decides which pages may read an
 * answer, not which requests run, and a simple cross-origin GET (no
 * preflight, no apollo-require-preflight header) is still refused.
 */
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/** What Ponte's clients send: JSON, the bearer token, the acting customer, Apollo's CSRF and client headers, the language. */
export const CORS_ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-acting-customer',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'accept-language',
];

/** Response headers a page's script may read beyond the safelisted ones (Cache-Control, Content-Language, …). */
const EXPOSED_HEADERS = ['etag', 'retry-after'];

/**
 * How long a browser may reuse a preflight's answer: 10 minutes, so a
 * page's repeated calls cost one preflight, and a changed CORS_ORIGINS
 * reaches open pages soon.
 */
export const CORS_MAX_AGE_SECONDS = 600;

export interface CorsOptions {
  origins: '*' | readonly string[];
  /** Extra headers pages may send (the ones forwarded to content subgraphs). */
  allowHeaders?: readonly string[];
  /** Extra headers pages may read (the debug header, outside production). */
  exposeHeaders?: readonly string[];
}

/** Registers CORS on the whole server; does nothing without origins, so no response carries a CORS header. */
export async function registerCors(http: FastifyInstance, options: CorsOptions): Promise<void> {
  const { origins } = options;
  if (origins !== '*' && origins.length === 0) return;
  const listed = new Set(origins === '*' ? [] : origins);
  await http.register(cors, {
    // A function, not the list: the plugin would add its other headers for
    // an unlisted origin too; `false` leaves that response without any.
    origin: origins === '*' ? '*' : (origin, callback) => callback(null, origin !== undefined && listed.has(origin) ? origin : false),
    methods: ['GET', 'POST'],
    allowedHeaders: [...new Set([...CORS_ALLOWED_HEADERS, ...(options.allowHeaders ?? [])])],
    exposedHeaders: [...EXPOSED_HEADERS, ...(options.exposeHeaders ?? [])],
    maxAge: CORS_MAX_AGE_SECONDS,
    // Bearer tokens, never cookies: credentialed requests stay refused.
    credentials: false,
    // An OPTIONS from a listed origin without Access-Control-Request-Method
    // is answered like a preflight rather than with the plugin's text/plain 400.
    strictPreflight: false,
  });
}
