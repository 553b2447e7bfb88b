/**
 * Configuration: read once from the environment at start-up, validated, and
 * passed down. No other module reads process.env.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConfigError } from '../errors';

/** Where the ERP lives. */
export type ErpLocation =
  | { kind: 'demo'; path: string }
  | { kind: 'sqlite'; path: string }
  | { kind: 'mssql'; url: string };

export interface AuthConfig {
  /** HS256 shared secret (at least 32 bytes). Exactly one of secret / jwksUrl is set. */
  secret: Uint8Array | null;
  /** JWKS endpoint for RS256 / ES256 tokens. */
  jwksUrl: string | null;
  /** Required `iss`, when set. */
  issuer: string | null;
  /** Required `aud`, when set. */
  audience: string | null;
  /**
   * True when no key was configured and a development secret was made up
   * (never in production): the start-up banner says so.
   */
  generatedSecret: boolean;
  /** Longest remaining life (exp − now) a token may have, in seconds (AUTH_MAX_TOKEN_AGE). Default 86 400. */
  maxTokenAgeSeconds: number;
}

export interface CacheConfig {
  /** Upper bound on entries per cache (lru-cache `max`). Default 50 000. */
  maxEntries: number;
  /**
   * Memory budget of the ERP fact caches, in bytes (CACHE_MAX_MB, default
   * 96 MB: with the process's own ~50 MB of heap it fits a 256 MB heap), shared out among them; past it the least recently used facts
   * are evicted. Estimated per fact (src/cache/approximateBytes.ts).
   */
  maxBytes: number;
  /** Lifetime of catalog, price and customer facts, in ms (lru-cache `ttl`). Default 300 000. */
  ttlMs: number;
  /** Lifetime of stock facts, in ms: stock moves faster than prices. Default 30 000. */
  stockTtlMs: number;
  /**
   * How often the ERP change feed is polled, in ms; 0 disables polling.
   * Default 500: a change is served within a second, for two indexed
   * one-row reads a second.
   */
  changeFeedPollMs: number;
  /**
   * How long a fact is still served after its lifetime ends, in ms
   * (STALE_IF_ERROR_MS). Within it an expired fact is answered at once while
   * one background refresh runs, and an unreachable ERP costs no page that
   * Ponte can answer from what it holds. Default 1 800 000 (30 min).
   */
  staleIfErrorMs: number;
  /**
   * CACHE_WARM_UP (on | off, default on): once listening, read every
   * customer's facts in batches of 500 in the background, within the
   * customers' share of the budget (loaders/warmUp.ts).
   */
  warmUp: boolean;
}

export interface ErpLimits {
  /** Deadline for one ERP call, in ms; past it the call fails with ERP_TIMEOUT. Default 5 000. */
  timeoutMs: number;
  /** At most this many ERP calls in flight at once (bulkhead). Default 16. */
  maxConcurrency: number;
}

export interface DemoConfig {
  /** Articles in a generated demo ERP. Default 10 000. */
  articles: number;
  /** Customers in a generated demo ERP. Default 1 000. */
  customers: number;
  /** PRNG seed of the generator. */
  seed: number;
  /** Delay before the demo importer picks up a NEW order, in ms. Default 3 000. */
  importDelayMs: number;
}

export interface FilesConfig {
  /** HMAC key for signed file links (FILE_URL_SECRET, >= 32 bytes); random per process when unset. */
  linkKey: Uint8Array;
  /** Lifetime of a signed file link, in seconds. Default 300. */
  linkTtlSeconds: number;
  /** Public base URL for absolute file links (PUBLIC_BASE_URL); '' = relative links. */
  baseUrl: string;
}

// --- Hardening (limits, rate limits, production surface) ---
export interface QueryLimits {
  /** Most aliases in one operation (graphql-armor). Default 30. */
  maxAliases: number;
  /** Most directives in one operation (graphql-armor). Default 20. */
  maxDirectives: number;
  /** Most tokens in one document, counted before parsing (documentGuard.ts) and bounded again while parsing. Default 10 000. */
  maxTokens: number;
  /** Deepest field nesting (graphql-armor). Default 15. */
  maxDepth: number;
  /** Highest estimated cost of one operation, variables included (src/graphql/costLimit.ts). Default 10 000. */
  maxCost: number;
  /** Most ERP round trips one request may make; checked before each call. Default 40. */
  maxErpCalls: number;
  /** Most priced lines (a price, a set of price breaks, a quote or order line) per request. Default 1 200. */
  maxPricedLines: number;
}

export interface RateLimitConfig {
  /** False with RATE_LIMITS=off: no limiter at all (benchmarks, load tests). */
  enabled: boolean;
  /** The window every limit counts in, in ms. Default 60 000. */
  windowMs: number;
  /** Requests per window per customer, agent or anonymous address. Default 1 200. */
  perPrincipal: number;
  /** Requests per window per service token and acting customer (or client address). Default 30 000. */
  perService: number;
  /** Failed authentications per window per client address; then 429. Default 30. */
  authFailures: number;
  /** Orders (not replays) per window per acting customer. Default 60. */
  orders: number;
  /** Cost units (see costLimit.ts) a principal's bucket regains per window. Default 120 000 (2 000 a second). */
  costPerPrincipal: number;
  /** The same for a service key (one storefront renders for all its visitors). Default 15 000 000 (250 000 a second). */
  costPerService: number;
  /** Most cost units a principal's bucket holds: the burst allowed. Default 10 000 (one maximal request). */
  costBurst: number;
}

export interface SurfaceConfig {
  /** Introspection and "Did you mean" suggestions; off by default in production (INTROSPECTION=true). */
  introspection: boolean;
  /** The x-ponte-erp-calls response header: outside production, or with DEBUG_HEADERS=true. */
  debugHeaders: boolean;
  /** Where /metrics is served; null = nowhere (METRICS_PORT=off). Port 0 = ephemeral. */
  metrics: { host: string; port: number } | null;
  /** fastify trustProxy: false, true, a hop count, or addresses / CIDRs (TRUST_PROXY). */
  trustProxy: boolean | number | string[];
}
// --- end hardening ---

export interface Config {
  production: boolean;
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  erp: ErpLocation;
  erpLimits: ErpLimits;
  auth: AuthConfig;
  cache: CacheConfig;
  demo: DemoConfig;
  /** Most lines one order may have (TOO_MANY_LINES above it). Default 500. */
  maxOrderLines: number;
  files: FilesConfig;
  queryLimits: QueryLimits;
  rateLimits: RateLimitConfig;
  surface: SurfaceConfig;
}

const intFrom = (def: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return def;
      if (!/^\d+$/.test(v.trim())) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number, got ${JSON.stringify(v)}` });
        return z.NEVER;
      }
      const n = Number(v.trim());
      if (n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be between ${min} and ${max}, got ${n}` });
        return z.NEVER;
      }
      return n;
    });

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? null : v.trim()));

const EnvSchema = z.object({
  NODE_ENV: optionalText,
  HOST: optionalText,
  PORT: intFrom(4000, 0, 65535),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  ERP_URL: optionalText,
  ERP_TIMEOUT_MS: intFrom(5000, 1, 600_000),
  ERP_MAX_CONCURRENCY: intFrom(16, 1, 1000),
  DEMO_ERP_PATH: optionalText,
  DEMO_ARTICLES: intFrom(10_000, 10, 2_000_000),
  DEMO_CUSTOMERS: intFrom(1_000, 5, 1_000_000),
  DEMO_SEED: intFrom(20261126, 0, 2 ** 31 - 1),
  DEMO_IMPORT_DELAY_MS: intFrom(3000, 0, 3_600_000),
  AUTH_JWT_SECRET: optionalText,
  AUTH_JWKS_URL: optionalText,
  AUTH_ISSUER: optionalText,
  AUTH_AUDIENCE: optionalText,
  CACHE_MAX_ENTRIES: intFrom(50_000, 100, 10_000_000),
  CACHE_MAX_MB: intFrom(96, 1, 65_536),
  CACHE_WARM_UP: z.enum(['on', 'off']).optional(),
  CACHE_TTL_MS: intFrom(300_000, 1, 86_400_000),
  STOCK_CACHE_TTL_MS: intFrom(30_000, 1, 86_400_000),
  CHANGE_FEED_POLL_MS: intFrom(500, 0, 3_600_000),
  STALE_IF_ERROR_MS: intFrom(1_800_000, 0, 86_400_000),
  MAX_ORDER_LINES: intFrom(500, 1, 10_000),
  FILE_URL_SECRET: optionalText,
  FILE_URL_TTL_SECONDS: intFrom(300, 5, 86_400),
  PUBLIC_BASE_URL: optionalText,
  // Hardening
  MAX_ALIASES: intFrom(30, 1, 10_000),
  MAX_DIRECTIVES: intFrom(20, 1, 10_000),
  MAX_TOKENS: intFrom(10_000, 100, 1_000_000),
  MAX_DEPTH: intFrom(15, 2, 200),
  MAX_QUERY_COST: intFrom(10_000, 10, 100_000_000),
  MAX_ERP_CALLS_PER_REQUEST: intFrom(40, 1, 100_000),
  MAX_PRICED_LINES_PER_REQUEST: intFrom(1_200, 1, 10_000_000),
  RATE_LIMITS: z.enum(['on', 'off']).optional(),
  RATE_LIMIT_WINDOW_MS: intFrom(60_000, 1_000, 86_400_000),
  RATE_LIMIT_MAX: intFrom(1_200, 1, 100_000_000),
  RATE_LIMIT_SERVICE_MAX: intFrom(30_000, 1, 100_000_000),
  RATE_LIMIT_AUTH_FAILURES_MAX: intFrom(30, 1, 100_000_000),
  RATE_LIMIT_ORDERS_MAX: intFrom(60, 1, 100_000_000),
  RATE_LIMIT_COST_MAX: intFrom(120_000, 1, 2_000_000_000),
  RATE_LIMIT_SERVICE_COST_MAX: intFrom(15_000_000, 1, 2_000_000_000),
  RATE_LIMIT_COST_BURST: intFrom(10_000, 1, 2_000_000_000),
  INTROSPECTION: z.enum(['true', 'false']).optional(),
  DEBUG_HEADERS: z.enum(['true', 'false']).optional(),
  METRICS_HOST: optionalText,
  METRICS_PORT: optionalText,
  TRUST_PROXY: optionalText,
  // Hardening: token lifetime and NODE_ENV values (see loadConfig).
  AUTH_MAX_TOKEN_AGE: intFrom(86_400, 60, 31_536_000),
});

/**
 * The NODE_ENV values Ponte knows. Anything else ("prod") would silently
 * run as development, with a generated secret, so it is refused.
 */
const NODE_ENVS = ['production', 'development', 'test'];

function parseMetrics(host: string | null, port: string | null, problems: string[]): SurfaceConfig['metrics'] {
  if (port === 'off') return null;
  const n = port === null ? 9464 : /^\d+$/.test(port) ? Number(port) : NaN;
  if (!(n >= 0 && n <= 65535)) problems.push('METRICS_PORT: a port number (0 = any free port) or off');
  return { host: host ?? '127.0.0.1', port: n };
}

function parseTrustProxy(value: string | null): SurfaceConfig['trustProxy'] {
  if (value === null || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

function parseErpUrl(url: string | null, demoPath: string, problems: string[]): ErpLocation {
  if (url === null) return { kind: 'demo', path: demoPath };
  if (url.startsWith('sqlite:')) {
    let path = url.slice('sqlite:'.length);
    // Accept sqlite:///abs/path and sqlite://rel as well as sqlite:/abs/path.
    if (path.startsWith('//')) path = path.slice(2);
    if (path === '') problems.push('ERP_URL: sqlite: needs a file path, e.g. sqlite:/data/erp.sqlite');
    return { kind: 'sqlite', path };
  }
  if (url.startsWith('mssql://') || url.startsWith('sqlserver://')) {
    try {
      const parsed = new URL(url);
      if (!parsed.hostname) throw new Error('no host');
      if (parsed.pathname.replace(/^\//, '') === '' && !parsed.searchParams.get('database')) {
        problems.push('ERP_URL: mssql:// needs a database, e.g. mssql://user:password@host:1433/erp');
      }
    } catch {
      problems.push('ERP_URL: not a valid mssql:// URL (mssql://user:password@host:port/database)');
    }
    return { kind: 'mssql', url };
  }
  problems.push('ERP_URL: must start with sqlite: or mssql:// (unset = the embedded demo ERP)');
  return { kind: 'demo', path: demoPath };
}

/**
 * Builds the configuration from an environment map.
 * @param devSecret supplies a secret when none is configured outside production.
 * @throws ConfigError listing every problem found, not only the first.
 */
export function loadConfig(env: Record<string, string | undefined>, devSecret?: () => Uint8Array): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.NODE_ENV === 'production';
  if (e.NODE_ENV !== null && !NODE_ENVS.includes(e.NODE_ENV)) {
    problems.push(`NODE_ENV: must be production, development or test (or unset), got ${JSON.stringify(e.NODE_ENV.slice(0, 40))}`);
  }

  const erp = parseErpUrl(e.ERP_URL, e.DEMO_ERP_PATH ?? '.data/demo-erp.sqlite', problems);

  let secret: Uint8Array | null = null;
  let generatedSecret = false;
  if (e.AUTH_JWT_SECRET !== null && e.AUTH_JWKS_URL !== null) {
    problems.push('AUTH_JWT_SECRET and AUTH_JWKS_URL: set one, not both');
  }
  if (e.AUTH_JWT_SECRET !== null) {
    secret = new TextEncoder().encode(e.AUTH_JWT_SECRET);
    if (secret.byteLength < 32) problems.push('AUTH_JWT_SECRET: must be at least 32 bytes long (HS256)');
  }
  if (e.AUTH_JWKS_URL !== null) {
    try {
      const u = new URL(e.AUTH_JWKS_URL);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
    } catch {
      problems.push('AUTH_JWKS_URL: must be an http(s) URL');
    }
  }
  if (e.AUTH_JWT_SECRET === null && e.AUTH_JWKS_URL === null) {
    if (production || !devSecret) {
      problems.push('AUTH_JWT_SECRET or AUTH_JWKS_URL: one is required in production');
    } else {
      secret = devSecret();
      generatedSecret = true;
    }
  }

  let linkKey: Uint8Array = randomBytes(32);
  if (e.FILE_URL_SECRET !== null) {
    linkKey = new TextEncoder().encode(e.FILE_URL_SECRET);
    if (linkKey.byteLength < 32) problems.push('FILE_URL_SECRET: must be at least 32 bytes long');
  }
  if (e.PUBLIC_BASE_URL !== null && !/^https?:\/\/[^/]+(\/.*)?$/.test(e.PUBLIC_BASE_URL)) {
    problems.push('PUBLIC_BASE_URL: must be an http(s) URL, e.g. https://api.example.it');
  }

  const metrics = parseMetrics(e.METRICS_HOST, e.METRICS_PORT, problems);

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    production,
    host: e.HOST ?? '::',
    port: e.PORT,
    logLevel: e.LOG_LEVEL ?? (production ? 'info' : 'info'),
    erp,
    erpLimits: { timeoutMs: e.ERP_TIMEOUT_MS, maxConcurrency: e.ERP_MAX_CONCURRENCY },
    auth: {
      secret,
      jwksUrl: e.AUTH_JWKS_URL,
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      generatedSecret,
      maxTokenAgeSeconds: e.AUTH_MAX_TOKEN_AGE,
    },
    cache: {
      maxEntries: e.CACHE_MAX_ENTRIES,
      maxBytes: e.CACHE_MAX_MB * 1024 * 1024,
      ttlMs: e.CACHE_TTL_MS,
      stockTtlMs: e.STOCK_CACHE_TTL_MS,
      warmUp: e.CACHE_WARM_UP !== 'off',
      changeFeedPollMs: e.CHANGE_FEED_POLL_MS,
      staleIfErrorMs: e.STALE_IF_ERROR_MS,
    },
    demo: {
      articles: e.DEMO_ARTICLES,
      customers: e.DEMO_CUSTOMERS,
      seed: e.DEMO_SEED,
      importDelayMs: e.DEMO_IMPORT_DELAY_MS,
    },
    maxOrderLines: e.MAX_ORDER_LINES,
    files: {
      linkKey,
      linkTtlSeconds: e.FILE_URL_TTL_SECONDS,
      baseUrl: (e.PUBLIC_BASE_URL ?? '').replace(/\/$/, ''),
    },
    queryLimits: {
      maxAliases: e.MAX_ALIASES,
      maxDirectives: e.MAX_DIRECTIVES,
      maxTokens: e.MAX_TOKENS,
      maxDepth: e.MAX_DEPTH,
      maxCost: e.MAX_QUERY_COST,
      maxErpCalls: e.MAX_ERP_CALLS_PER_REQUEST,
      maxPricedLines: e.MAX_PRICED_LINES_PER_REQUEST,
    },
    rateLimits: {
      enabled: e.RATE_LIMITS !== 'off',
      windowMs: e.RATE_LIMIT_WINDOW_MS,
      perPrincipal: e.RATE_LIMIT_MAX,
      perService: e.RATE_LIMIT_SERVICE_MAX,
      authFailures: e.RATE_LIMIT_AUTH_FAILURES_MAX,
      orders: e.RATE_LIMIT_ORDERS_MAX,
      costPerPrincipal: e.RATE_LIMIT_COST_MAX,
      costPerService: e.RATE_LIMIT_SERVICE_COST_MAX,
      costBurst: e.RATE_LIMIT_COST_BURST,
    },
    surface: {
      introspection: e.INTROSPECTION === undefined ? !production : e.INTROSPECTION === 'true',
      debugHeaders: e.DEBUG_HEADERS === undefined ? !production : e.DEBUG_HEADERS === 'true',
      metrics,
      trustProxy: parseTrustProxy(e.TRUST_PROXY),
    },
  };
}
