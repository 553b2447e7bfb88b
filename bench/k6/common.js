// Shared helpers of the k6 scripts (k6 JavaScript, not Node: not compiled by tsc).
//
// Environment:
//   BASE_URL          Ponte's base URL, e.g. https://ponte-staging.example.it (required)
//   TOKEN             a bearer token for the caller (customer, agent or service)
//   TOKENS            several tokens, comma-separated: one per virtual user (VU n uses token n mod count)
//   TOKENS_FILE       a file of tokens, one a line (read at init; blank lines and # comments skipped)
//                     One of TOKEN, TOKENS, TOKENS_FILE is required by scripts that need a customer;
//                     catalog.js runs anonymous visitors only without any.
//   ANON_VUS          catalog.js: peak anonymous virtual users (default: 60 % of VUS, as storefront traffic is)
//   ACTING_CUSTOMER   sent as X-Acting-Customer (agent and service tokens)
//   VUS               peak virtual users (default 10)
//   RAMP, HOLD        ramp-up and hold durations (default 30s, 2m)
//   P95_MS            optional: fail the run when p95 latency exceeds this (no default:
//                     performance is measured, not asserted)
import http from 'k6/http';
import { check } from 'k6';
import { Rate, Trend } from 'k6/metrics';

export const BASE_URL = (__ENV.BASE_URL || '').replace(/\/$/, '');
export const TOKEN = __ENV.TOKEN || '';

function readTokens() {
  const list = [];
  if (__ENV.TOKENS) list.push(...__ENV.TOKENS.split(','));
  // open() works in the init context only, which is where this module is evaluated.
  if (__ENV.TOKENS_FILE) list.push(...open(__ENV.TOKENS_FILE).split('\n'));
  if (TOKEN) list.push(TOKEN);
  return list.map((t) => t.trim()).filter((t) => t !== '' && !t.startsWith('#'));
}

/** Every token given; each virtual user takes one (see token()). */
export const TOKEN_LIST = readTokens();

if (!BASE_URL) throw new Error('set BASE_URL, e.g. -e BASE_URL=https://ponte-staging.example.it');

/** Scripts that act as a customer call this at init. */
export function requireTokens() {
  if (TOKEN_LIST.length === 0) throw new Error('set TOKEN, TOKENS or TOKENS_FILE, e.g. -e TOKEN=$PONTE_CUSTOMER_TOKEN');
}

/** This virtual user's token: one per VU from the list, in turn. */
export function token() {
  return TOKEN_LIST.length === 0 ? '' : TOKEN_LIST[(__VU - 1 + TOKEN_LIST.length) % TOKEN_LIST.length];
}

/** ERP round trips per request, from Ponte's x-ponte-erp-calls header. */
export const erpCalls = new Trend('ponte_erp_calls');
/** Responses that carried GraphQL `errors` (or failed the script's own check). */
export const graphqlErrors = new Rate('graphql_errors');

/** Request headers; an anonymous visitor sends no Authorization at all. */
export function headers(anonymous) {
  const h = { 'content-type': 'application/json' };
  if (anonymous) return h;
  h.authorization = `Bearer ${token()}`;
  if (__ENV.ACTING_CUSTOMER) h['x-acting-customer'] = __ENV.ACTING_CUSTOMER;
  return h;
}

/** The ramping-vus scenario every script uses: ramp up, hold, ramp down. */
export function rampingScenario(exec, peakVus) {
  const vus = peakVus === undefined ? Number(__ENV.VUS || 10) : peakVus;
  return {
    executor: 'ramping-vus',
    exec,
    startVUs: 0,
    stages: [
      { duration: __ENV.RAMP || '30s', target: vus },
      { duration: __ENV.HOLD || '2m', target: vus },
      { duration: '15s', target: 0 },
    ],
    gracefulRampDown: '10s',
  };
}

/** Correctness thresholds only; a latency threshold only when P95_MS is given. */
export function thresholds(extra) {
  const t = {
    http_req_failed: ['rate<0.01'],
    graphql_errors: ['rate<0.01'],
    checks: ['rate>0.99'],
  };
  if (__ENV.P95_MS) t.http_req_duration = [`p(95)<${Number(__ENV.P95_MS)}`];
  return Object.assign(t, extra || {});
}

/**
 * POSTs a GraphQL document; records the ERP calls and whether the answer had
 * `errors`; returns the parsed body (or null).
 */
export function gql(name, query, variables, validate, anonymous) {
  const res = http.post(`${BASE_URL}/graphql`, JSON.stringify({ query, variables: variables || {} }), {
    headers: headers(anonymous),
    tags: { name },
  });
  const erp = Number(res.headers['X-Ponte-Erp-Calls'] || res.headers['x-ponte-erp-calls']);
  if (!Number.isNaN(erp)) erpCalls.add(erp, { name });
  let body = null;
  try {
    body = res.json();
  } catch (e) {
    body = null;
  }
  const ok = check(res, {
    [`${name}: status 200`]: (r) => r.status === 200,
    [`${name}: no errors`]: () => body !== null && !body.errors,
    [`${name}: expected data`]: () => body !== null && !body.errors && (!validate || validate(body.data)),
  });
  graphqlErrors.add(!ok, { name });
  return body;
}

/** Up to `max` skus of the visible catalog, read page by page (setup only). */
export function collectSkus(max, family) {
  const skus = [];
  let after = null;
  while (skus.length < max) {
    const body = gql(
      'setup-catalog',
      `query($after: String, $family: String) { catalog(first: 100, after: $after, family: $family) { edges { node { sku minimumQuantity } } pageInfo { hasNextPage endCursor } } }`,
      { after, family: family || null },
    );
    const page = body && body.data && body.data.catalog;
    if (!page) break;
    for (const e of page.edges) skus.push(e.node);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return skus.slice(0, max);
}

/** Think time between iterations, in seconds (THINK_S, default 1). */
export function thinkSeconds() {
  const s = Number(__ENV.THINK_S === undefined ? 1 : __ENV.THINK_S);
  return Number.isFinite(s) && s >= 0 ? s : 1;
}
