/**
 * The configuration as the rest of Ponte sees it: typed, validated, already
 * defaulted. Which variable sets what, and its default, is in envSchema.ts.
 */

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
   * True when no key was configured and `secret` came from loadConfig's
   * devSecret (never in production). Only then may the start-up banner
   * print demo tokens: signed with a configured secret they would be real
   * credentials written to a terminal and its logs.
   */
  generatedSecret: boolean;
  /** Longest remaining life (exp − now) a token may have, in seconds. */
  maxTokenAgeSeconds: number;
}

export interface CacheConfig {
  /** Upper bound on entries per cache (lru-cache `max`). */
  maxEntries: number;
  /**
   * Memory budget of the ERP fact caches, in bytes, shared out among them;
   * past it the least recently used facts are evicted. Estimated per fact
   * (src/cache/approximateBytes.ts). The default leaves room for the
   * process's own ~50 MB of heap within a 256 MB heap.
   */
  maxBytes: number;
  /** Lifetime of catalog, price and customer facts, in ms (lru-cache `ttl`). */
  ttlMs: number;
  /** Lifetime of stock facts, in ms: stock moves faster than prices. */
  stockTtlMs: number;
  /** How often the ERP change feed is polled, in ms; 0 disables polling. */
  changeFeedPollMs: number;
  /**
   * How long a fact is still served after its lifetime ends, in ms. Within
   * it an expired fact is answered at once while one background refresh
   * runs, and an unreachable ERP costs no page that Ponte can answer from
   * what it holds.
   */
  staleIfErrorMs: number;
  /**
   * Once listening, read every customer's facts in batches of 500 in the
   * background, within the customers' share of the budget (loaders/warmUp.ts).
   */
  warmUp: boolean;
}

export interface StatsConfig {
  /** How long computed warehouse statistics are answered before they are computed again, in ms. */
  ttlMs: number;
  /** Memory budget of the held statistics (every scope), in bytes. */
  maxBytes: number;
}

export interface ErpLimits {
  /** Deadline for one ERP call, in ms; past it the call fails with ERP_TIMEOUT. */
  timeoutMs: number;
  /** At most this many ERP calls in flight at once (bulkhead). */
  maxConcurrency: number;
  /** Deadline of the warehouse statistics' aggregate query, in ms: it reads every movement, once per STATS_TTL_MS. */
  statsTimeoutMs: number;
}

export interface DemoConfig {
  /** Articles in a generated demo ERP. */
  articles: number;
  /** Customers in a generated demo ERP. */
  customers: number;
  /** PRNG seed of the generator. */
  seed: number;
  /** Delay before the demo importer picks up a NEW order, in ms. */
  importDelayMs: number;
}

export interface FilesConfig {
  /** HMAC key for signed file links; random per process when none is configured. */
  linkKey: Uint8Array;
  /** Lifetime of a signed file link, in seconds. */
  linkTtlSeconds: number;
  /** Public base URL for absolute file links, without a trailing slash; '' = relative links. */
  baseUrl: string;
}

export interface QueryLimits {
  /** Most aliases in one operation (graphql-armor). */
  maxAliases: number;
  /** Most directives in one operation (graphql-armor). */
  maxDirectives: number;
  /** Most tokens in one document, counted before parsing (documentGuard.ts) and bounded again while parsing. */
  maxTokens: number;
  /** Deepest field nesting (graphql-armor). */
  maxDepth: number;
  /** Highest estimated cost of one operation, variables included (src/graphql/costLimit.ts). */
  maxCost: number;
  /** Most ERP round trips one request may make; checked before each call. */
  maxErpCalls: number;
  /** Most priced lines (a price, a set of price breaks, a quote or order line) per request. */
  maxPricedLines: number;
}

export interface RateLimitConfig {
  /** False: no limiter at all (benchmarks, load tests). */
  enabled: boolean;
  /** The window every limit counts in, in ms. */
  windowMs: number;
  /** Requests per window per customer, agent or anonymous address. */
  perPrincipal: number;
  /** Requests per window per service token and acting customer (or client address). */
  perService: number;
  /** Failed authentications per window per client address; then 429. */
  authFailures: number;
  /** Orders (not replays) per window per acting customer. */
  orders: number;
  /** Cost units (see costLimit.ts) a principal's bucket regains per window. */
  costPerPrincipal: number;
  /** The same for a service key (one storefront renders for all its visitors). */
  costPerService: number;
  /** Most cost units a principal's bucket holds: the burst allowed. */
  costBurst: number;
}

export interface SurfaceConfig {
  /** Introspection and "Did you mean" suggestions. */
  introspection: boolean;
  /** The x-ponte-erp-calls response header. */
  debugHeaders: boolean;
  /** GraphiQL on GET /graphql for browsers (src/http/graphiql.ts). */
  graphiql: boolean;
  /** Where /metrics is served; null = nowhere. Port 0 = ephemeral. */
  metrics: { host: string; port: number } | null;
  /** fastify trustProxy: false, true, a hop count, or addresses / CIDRs. */
  trustProxy: boolean | number | string[];
  /** The warehouse statistics page at /stats (STATS_PAGE). */
  statsPage: boolean;
  /** Origins allowed by CORS, exactly as browsers send them; '*' any (never in production); empty: no CORS. */
  corsOrigins: '*' | string[];
}

/** Gateway mode: what Ponte composes with its own subgraph (src/gateway). */
export interface GatewayConfig {
  /** false: GATEWAY=off, Ponte serves its subgraph alone whatever else is set. */
  enabled: boolean;
  /** Remote subgraphs by name; empty without GATEWAY_SUBGRAPHS. */
  subgraphs: Array<{ name: string; url: string }>;
  /** A supergraph composed ahead of time, read instead of composing. */
  supergraphFile: string | null;
  /** Re-composition period in ms; 0 = compose once. */
  pollMs: number;
  /** Lower-case names of headers forwarded to remote subgraphs besides accept-language. */
  forwardHeaders: string[];
  /** Deadline of one remote subgraph call, in ms. */
  timeoutMs: number;
  /** Keep-alive connections per remote subgraph. */
  connections: number;
}

/** HTTP caching of anonymous answers (README "HTTP caching and CDNs"). */
export interface HttpCacheConfig {
  /** max-age (and s-maxage) of an anonymous product answer, in seconds. */
  maxAgeSeconds: number;
  /** The same for an answer that shows stock; the shorter age wins. */
  stockMaxAgeSeconds: number;
  /** Memory budget of the automatic persisted queries' texts, in bytes. */
  persistedQueryBytes: number;
}

export interface Config {
  production: boolean;
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  erp: ErpLocation;
  erpLimits: ErpLimits;
  auth: AuthConfig;
  cache: CacheConfig;
  stats: StatsConfig;
  httpCache: HttpCacheConfig;
  demo: DemoConfig;
  /** Most lines one order may have (TOO_MANY_LINES above it). */
  maxOrderLines: number;
  files: FilesConfig;
  queryLimits: QueryLimits;
  rateLimits: RateLimitConfig;
  surface: SurfaceConfig;
  gateway: GatewayConfig;
}
