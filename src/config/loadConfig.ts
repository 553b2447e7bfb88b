/**
 * The environment, parsed by envSchema.ts, turned into a Config: the checks
 * that involve more than one variable, or a value's shape beyond a number
 * range, live here. Called once, by main.ts; everything else is handed
 * the part of Config it needs.
 */
import { randomBytes } from 'node:crypto';
import { ConfigError } from '../errors';
import { type Env, EnvSchema } from './envSchema';
import type { Config, ErpLocation, SurfaceConfig } from './types';

/**
 * The NODE_ENV values Ponte knows. Anything else ("prod") would silently
 * run as development, with a generated secret, so it is refused.
 */
const NODE_ENVS = ['production', 'development', 'test'];

function parseMetrics(host: string, port: string, problems: string[]): SurfaceConfig['metrics'] {
  if (port === 'off') return null;
  const n = /^\d+$/.test(port) ? Number(port) : NaN;
  if (!(n >= 0 && n <= 65535)) problems.push('METRICS_PORT: a port number (0 = any free port) or off');
  return { host, port: n };
}

function parseTrustProxy(value: string): SurfaceConfig['trustProxy'] {
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

/**
 * CORS_ORIGINS: each an origin as a browser sends it in `Origin` (scheme,
 * host, port when not the default; no path, no trailing slash), since
 * anything else would silently never match. `*` lets any page read answers
 * made with its visitors' tokens: outside production only.
 */
function parseCorsOrigins(value: string, production: boolean, problems: string[]): SurfaceConfig['corsOrigins'] {
  const entries = value.split(',').map((v) => v.trim()).filter((v) => v !== '');
  if (entries.includes('*')) {
    if (production) problems.push('CORS_ORIGINS: `*` (any origin) is refused in production; list the origins, e.g. https://shop.example.it');
    else if (entries.length > 1) problems.push('CORS_ORIGINS: `*` stands alone, without other origins');
    return '*';
  }
  for (const entry of entries) {
    let origin: string | null = null;
    try {
      origin = new URL(entry).origin;
    } catch {
      origin = null;
    }
    if (origin !== entry || !/^https?:/.test(entry)) {
      problems.push(`CORS_ORIGINS: ${JSON.stringify(entry.slice(0, 80))} is not an origin like https://shop.example.it (scheme and host in lower case, a port when not the default, no path or trailing slash)`);
    }
  }
  return entries;
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

function parseAuthKey(e: Env, production: boolean, devSecret: (() => Uint8Array) | undefined, problems: string[]) {
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
  return { secret, generatedSecret };
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
  const erp = parseErpUrl(e.ERP_URL, e.DEMO_ERP_PATH, problems);
  const { secret, generatedSecret } = parseAuthKey(e, production, devSecret, problems);

  let linkKey: Uint8Array = randomBytes(32);
  if (e.FILE_URL_SECRET !== null) {
    linkKey = new TextEncoder().encode(e.FILE_URL_SECRET);
    if (linkKey.byteLength < 32) problems.push('FILE_URL_SECRET: must be at least 32 bytes long');
  }
  if (e.PUBLIC_BASE_URL !== null && !/^https?:\/\/[^/]+(\/.*)?$/.test(e.PUBLIC_BASE_URL)) {
    problems.push('PUBLIC_BASE_URL: must be an http(s) URL, e.g. https://api.example.it');
  }
  const metrics = parseMetrics(e.METRICS_HOST, e.METRICS_PORT, problems);
  const corsOrigins = parseCorsOrigins(e.CORS_ORIGINS, production, problems);
  const subgraphs = parseSubgraphs(e.GATEWAY_SUBGRAPHS, problems);
  if (subgraphs.length > 0 && e.SUPERGRAPH_FILE !== null) problems.push('GATEWAY_SUBGRAPHS and SUPERGRAPH_FILE: set one of the two');

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    production,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    erp,
    erpLimits: { timeoutMs: e.ERP_TIMEOUT_MS, maxConcurrency: e.ERP_MAX_CONCURRENCY, statsTimeoutMs: e.STATS_TIMEOUT_MS },
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
      warmUp: e.CACHE_WARM_UP === 'on',
      changeFeedPollMs: e.CHANGE_FEED_POLL_MS,
      staleIfErrorMs: e.STALE_IF_ERROR_MS,
    },
    stats: {
      ttlMs: e.STATS_TTL_MS,
      maxBytes: e.STATS_CACHE_MAX_MB * 1024 * 1024,
    },
    httpCache: {
      maxAgeSeconds: e.HTTP_CACHE_MAX_AGE_S,
      stockMaxAgeSeconds: e.HTTP_CACHE_STOCK_MAX_AGE_S,
      persistedQueryBytes: e.APQ_CACHE_MAX_MB * 1024 * 1024,
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
      enabled: e.RATE_LIMITS === 'on',
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
      graphiql: e.GRAPHIQL === undefined ? !production : e.GRAPHIQL === 'on',
      metrics,
      trustProxy: parseTrustProxy(e.TRUST_PROXY),
      statsPage: e.STATS_PAGE === 'on',
      corsOrigins,
    },
    gateway: {
      enabled: e.GATEWAY === 'on',
      subgraphs,
      supergraphFile: e.SUPERGRAPH_FILE,
      pollMs: e.GATEWAY_POLL_MS,
      forwardHeaders: e.GATEWAY_FORWARD_HEADERS.split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== ''),
      timeoutMs: e.GATEWAY_TIMEOUT_MS,
      connections: e.GATEWAY_CONNECTIONS,
    },
  };
}

/** `name=url,name=url`: names as GraphQL names (not `ponte`, Ponte's own), http(s) URLs, each name once. */
function parseSubgraphs(value: string | null, problems: string[]): Array<{ name: string; url: string }> {
  if (value === null) return [];
  const out: Array<{ name: string; url: string }> = [];
  for (const part of value.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const at = part.indexOf('=');
    const name = at > 0 ? part.slice(0, at).trim() : '';
    const url = at > 0 ? part.slice(at + 1).trim() : '';
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) || !/^https?:\/\/[^/]+/.test(url)) {
      problems.push(`GATEWAY_SUBGRAPHS: each entry must be name=http(s)://host…, got ${JSON.stringify(part.slice(0, 80))}`);
    } else if (name === 'ponte') {
      problems.push('GATEWAY_SUBGRAPHS: "ponte" is the name of Ponte\'s own subgraph');
    } else if (out.some((s) => s.name === name)) {
      problems.push(`GATEWAY_SUBGRAPHS: ${name} is listed twice`);
    } else {
      out.push({ name, url });
    }
  }
  return out;
}
