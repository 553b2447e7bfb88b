/**
 * Every environment variable Ponte reads: its range, its default and what it
 * means, each written here only. loadConfig.ts turns the parsed values into
 * a Config; configTable.ts prints this file as README's table, and a test
 * (test/config/readmeDefaults.test.ts) fails when README has drifted.
 */
import { z } from 'zod';

declare module 'zod' {
  interface GlobalMeta {
    /** What an unset variable means, when no single value says it (it depends on another one). */
    unset?: string;
  }
}

/**
 * A whole number in [min, max]. Set but blank counts as unset: an `.env`
 * line `PORT=` should not stop the service.
 */
function whole(def: number, min: number, max: number) {
  return z
    .string()
    .transform((v, ctx) => {
      const text = v.trim();
      if (text === '') return def;
      if (!/^\d+$/.test(text)) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number, got ${JSON.stringify(v)}` });
        return z.NEVER;
      }
      const n = Number(text);
      if (n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be between ${min} and ${max}, got ${n}` });
        return z.NEVER;
      }
      return n;
    })
    .default(def);
}

/** Trimmed text; blank counts as unset. */
function text(def: string) {
  return z
    .string()
    .transform((v) => (v.trim() === '' ? def : v.trim()))
    .default(def);
}

/** Trimmed text with no default value: null when unset or blank. */
function optionalText(unset?: string) {
  const schema = z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? null : v.trim()));
  return unset === undefined ? schema : schema.meta({ unset });
}

const onOff = () => z.enum(['on', 'off']).default('on');
const outsideProduction = () => z.enum(['true', 'false']).optional().meta({ unset: 'true outside production' });
/** `on` or `off`; unset or blank: on outside production, off in it. */
const onOutsideProduction = () =>
  z
    .string()
    .optional()
    .transform((v, ctx): 'on' | 'off' | undefined => {
      const value = v?.trim() ?? '';
      if (value === '') return undefined;
      if (value === 'on' || value === 'off') return value;
      ctx.addIssue({ code: 'custom', message: `must be on or off, got ${JSON.stringify(v)}` });
      return z.NEVER;
    })
    .meta({ unset: 'on outside production' });

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The service: where it listens, which ERP, who may call, how much it caches. */
export const SERVICE_VARIABLES = {
  ERP_URL: optionalText('demo ERP').describe('see above'),
  PORT: whole(4000, 0, 65535).describe('HTTP port'),
  HOST: text('::').describe('listen address (`::`: all addresses, IPv4 too)'),
  NODE_ENV: optionalText().describe(
    '`production` requires a configured auth key and closes introspection, suggestions and debug headers; only `production`, `development`, `test` or unset are accepted (anything else is a configuration error)',
  ),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info').describe('pino level (`silent` … `trace`)'),
  AUTH_JWT_SECRET: optionalText().describe('HS256 shared secret, at least 32 bytes'),
  AUTH_JWKS_URL: optionalText().describe('JWKS URL for RS256 / ES256 tokens (set one of the two)'),
  AUTH_ISSUER: optionalText().describe('required `iss` when set'),
  AUTH_AUDIENCE: optionalText().describe('required `aud` when set'),
  AUTH_MAX_TOKEN_AGE: whole(86_400, 60, 31_536_000).describe('seconds: a token whose `exp` is further than this from now is refused'),
  ERP_TIMEOUT_MS: whole(5000, 1, 600_000).describe('deadline of one ERP call (then `ERP_TIMEOUT`)'),
  ERP_MAX_CONCURRENCY: whole(16, 1, 1000).describe('ERP calls in flight at once (bulkhead)'),
  CACHE_MAX_ENTRIES: whole(50_000, 100, 10_000_000).describe('entries per cache (a second bound; the byte budget is the one that matters)'),
  CACHE_MAX_MB: whole(96, 1, 65_536).describe(
    'memory budget of the ERP fact caches, shared out among them; the least recently used facts are evicted past it (`ponte_cache_bytes` in the metrics)',
  ),
  CACHE_WARM_UP: onOff().describe("`off` skips reading every customer's facts into the cache after start-up"),
  CACHE_TTL_MS: whole(300_000, 1, 86_400_000).describe('lifetime of catalog, price, customer facts'),
  STOCK_CACHE_TTL_MS: whole(30_000, 1, 86_400_000).describe('lifetime of stock facts'),
  CHANGE_FEED_POLL_MS: whole(500, 0, 3_600_000).describe(
    'how often `ecom_changes` is polled (0 = never): a change is served within a second; each poll is one indexed read',
  ),
  STALE_IF_ERROR_MS: whole(1_800_000, 0, 86_400_000).describe(
    'how long a fact is still served after its lifetime (stale-while-revalidate, and through an ERP outage)',
  ),
  STATS_TTL_MS: whole(600_000, 1, 86_400_000).describe(
    'how long computed warehouse statistics are answered before the ERP is asked again (`computedAt` tells when)',
  ),
  STATS_TIMEOUT_MS: whole(60_000, 1, 600_000).describe(
    'deadline of the warehouse statistics aggregate query, which reads every stock movement (the other ERP calls keep `ERP_TIMEOUT_MS`)',
  ),
  STATS_CACHE_MAX_MB: whole(192, 1, 65_536).describe(
    'memory budget of the held warehouse statistics, every scope together (about 55 MB per 100k articles and scope, as counted)',
  ),
  HTTP_CACHE_MAX_AGE_S: whole(60, 0, 86_400).describe(
    'seconds browsers and CDNs may keep an anonymous product answer (catalog, prices and visibility for visitors): its `max-age` and `s-maxage` (README "HTTP caching and CDNs")',
  ),
  HTTP_CACHE_STOCK_MAX_AGE_S: whole(15, 0, 86_400).describe('the same for an anonymous answer that shows stock (`availability`); the shorter of the two wins'),
  APQ_CACHE_MAX_MB: whole(8, 1, 4_096).describe('memory budget of the automatic persisted queries (query texts by hash); the least recently used are evicted past it'),
  MAX_ORDER_LINES: whole(500, 1, 10_000).describe('lines per order / quote (`TOO_MANY_LINES` above)'),
  FILE_URL_SECRET: optionalText('random per process').describe('HMAC key of signed file links (≥ 32 bytes; set it when running several instances)'),
  FILE_URL_TTL_SECONDS: whole(900, 5, 86_400).describe('lifetime of a signed file link (`DocumentFile.expiresAt`): long enough for a server-rendered documents page to stay usable while it is read'),
  PUBLIC_BASE_URL: optionalText('relative links').describe(
    'the public origin clients reach Ponte at (behind a proxy or CDN, e.g. `https://api.example.it`): file links are then absolute (`https://api.example.it/files/…`), usable from a page on another host or an e-mail; relative to the API otherwise',
  ),
  DEMO_ERP_PATH: text('.data/demo-erp.sqlite').describe('where the demo ERP is generated'),
  DEMO_ARTICLES: whole(10_000, 10, 2_000_000).describe('articles in a generated demo ERP'),
  DEMO_CUSTOMERS: whole(1_000, 5, 1_000_000).describe('customers in a generated demo ERP'),
  DEMO_SEED: whole(20261126, 0, 2 ** 31 - 1).describe('seed of the demo generator: the same seed and sizes give the same rows'),
  DEMO_IMPORT_DELAY_MS: whole(3000, 0, 3_600_000).describe('delay before the demo ERP imports a new order'),
};

/** Hardening: what one request, one client and the public surface may do (README "Limits"). */
export const LIMIT_VARIABLES = {
  MAX_QUERY_COST: whole(10_000, 10, 100_000_000).describe('highest estimated cost of one operation, variables included (`QUERY_TOO_COMPLEX` above)'),
  MAX_ALIASES: whole(30, 1, 10_000).describe('aliases per operation'),
  MAX_DIRECTIVES: whole(20, 1, 10_000).describe('directives per operation'),
  MAX_DEPTH: whole(15, 2, 200).describe('field nesting (introspection exempt); brackets may nest twice as deep (at least 32), checked before parsing'),
  MAX_TOKENS: whole(10_000, 100, 1_000_000).describe('tokens per document, counted before parsing'),
  MAX_ERP_CALLS_PER_REQUEST: whole(40, 1, 100_000).describe('ERP round trips one request may make, checked before each call'),
  MAX_PRICED_LINES_PER_REQUEST: whole(1_200, 1, 10_000_000).describe('prices, price-break sets, quote and order lines per request'),
  RATE_LIMITS: onOff().describe('`off` disables every rate limit (benchmarks, load tests)'),
  RATE_LIMIT_WINDOW_MS: whole(60_000, 1_000, 86_400_000).describe('the window the limits below count in'),
  RATE_LIMIT_MAX: whole(1_200, 1, 100_000_000).describe('requests per window per customer, agent or anonymous address'),
  RATE_LIMIT_SERVICE_MAX: whole(30_000, 1, 100_000_000).describe('requests per window per service token and acting customer (or client address)'),
  RATE_LIMIT_AUTH_FAILURES_MAX: whole(30, 1, 100_000_000).describe('failed authentications per window per client address (then 429)'),
  RATE_LIMIT_ORDERS_MAX: whole(60, 1, 100_000_000).describe('orders per window per acting customer (idempotent replays free)'),
  RATE_LIMIT_COST_MAX: whole(120_000, 1, 2_000_000_000).describe(
    "query cost a principal's budget regains per window (a category page of 48 with prices and stock costs about 480)",
  ),
  RATE_LIMIT_SERVICE_COST_MAX: whole(15_000_000, 1, 2_000_000_000).describe('the same for a service key (about 500 such pages a second)'),
  RATE_LIMIT_COST_BURST: whole(10_000, 1, 2_000_000_000).describe('query cost a principal may spend at once (service keys: scaled by the ratio of the two above)'),
  TRUST_PROXY: text('false').describe(
    '`true`, a hop count, or proxy addresses/CIDRs (comma-separated): the client address is then read from `X-Forwarded-For`',
  ),
  CORS_ORIGINS: text('').describe(
    'origins whose browser pages may call Ponte (comma-separated, e.g. `https://shop.example.it,http://localhost:3000`); `*` any origin, refused in production; empty: no CORS headers',
  ),
  INTROSPECTION: outsideProduction().describe('`true` opens introspection and "Did you mean" suggestions in production'),
  DEBUG_HEADERS: outsideProduction().describe('the `x-ponte-erp-calls` response header'),
  GRAPHIQL: onOutsideProduction().describe(
    'GraphiQL for a browser opening `GET /graphql`, served from Ponte itself (no CDN); in production it also needs `INTROSPECTION=true` for completion and docs',
  ),
  METRICS_HOST: text('127.0.0.1').describe('address of the `/metrics` listener'),
  METRICS_PORT: text('9464').describe('port of the `/metrics` listener: `0` any free port, `off` none'),
  STATS_PAGE: onOff().describe('`off` stops serving the warehouse statistics page at `/stats` (the GraphQL figures stay; the page only reads them with a token)'),
};

/** Gateway mode (README "Gateway"): the subgraphs Ponte composes with its own. */
export const GATEWAY_VARIABLES = {
  GATEWAY: onOff().describe(
    '`off` serves Ponte alone as a plain subgraph, even with the settings below or on the zero-configuration demo (which otherwise starts the example content subgraph and composes it)',
  ),
  GATEWAY_SUBGRAPHS: optionalText('Ponte alone (a plain subgraph)').describe(
    'remote subgraphs to compose with Ponte, `name=url` comma-separated (`content=http://cms:4001/graphql`); each is read from its `_service { sdl }` at start',
  ),
  SUPERGRAPH_FILE: optionalText().describe('a supergraph composed ahead of time (rover) instead; its Ponte subgraph must be named `ponte`'),
  GATEWAY_POLL_MS: whole(0, 0, 86_400_000).describe('re-compose from the subgraphs this often and swap the schema without dropping requests (0 = never)'),
  GATEWAY_FORWARD_HEADERS: text('').describe(
    "request headers forwarded to remote subgraphs besides `Accept-Language` (comma-separated); `Authorization` and `X-Acting-Customer` are Ponte's and leave only when listed",
  ),
  GATEWAY_TIMEOUT_MS: whole(1_500, 10, 120_000).describe('deadline of one remote subgraph call; past it, or while its breaker is open, its fields are null with `SUBGRAPH_UNAVAILABLE`'),
  GATEWAY_CONNECTIONS: whole(16, 1, 1_024).describe('keep-alive connections per remote subgraph'),
};

export const EnvSchema = z.object({ ...SERVICE_VARIABLES, ...LIMIT_VARIABLES, ...GATEWAY_VARIABLES });

export type Env = z.output<typeof EnvSchema>;
