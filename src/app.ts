/**
 * Composition root: from a validated configuration and an ERP adapter to a
 * running HTTP server. Everything process-wide (caches, the guarded port,
 * the change feed, metrics, the schema) is made here once and handed down.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createTokenVerifier } from './auth/verifyToken';
import { ChangeFeed } from './cache/changeFeed';
import { StaleServing } from './cache/staleServing';
import { ErpHealth } from './erp/erpHealth';
import { staleFactsPlugin } from './graphql/staleFactsPlugin';
import { checkReadiness } from './http/readiness';
import { cachedResponseLookup } from './http/cachedResponses';
import { responseCachePlugin } from './graphql/responseCachePlugin';
import { FileLinks } from './documents/fileLinks';
import { serveFile } from './http/serveFile';
import { registerStatsPage } from './http/statsPage';
import { applyHttpCaching } from './http/httpCaching';
import { persistedQueryCache } from './graphql/persistedQueryCache';
import { forwardedNames } from './gateway/forwardHeaders';
import { prefersHtml, registerGraphiql } from './http/graphiql';
import { clientErrorOf, sendError } from './http/errorReply';
import { ErpFailure, internalError, notFound } from './errors';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { SubgraphEndpoint } from './gateway/composeSupergraph';
import { gatewayFromConfig } from './gateway/gatewayFromConfig';
import { subgraphResponseCache } from './gateway/subgraphResponseCache';
import { varyHeaders } from './gateway/varyHeaders';
import { passSubgraphErrors } from './gateway/ponteGateway';
import { ErpCache } from './cache/erpCache';
import { type WarmUpReport, warmCustomerContexts } from '../loaders/warmUp';
import type { Config } from './config/config';
import { ErpCallCounter, guardErp } from './erp/guardedErp';
import type { ErpPort } from './erp/port';
import type { RequestErpScope } from './erp/requestScope';
import { buildPonteSchema } from './graphql/buildSchema';
import { complexityLimitRule } from './graphql/complexityLimit';
import type { PonteContext } from './graphql/context';
import type { Services } from './graphql/services';
import { warehouseStatsCache } from './cache/statsCache';
import { slowErpCalls } from './erp/openErp';
import { createContextFactory } from './http/createContext';
import { createFormatError } from './http/formatError';
import { MessageLanguages } from './http/messageLanguage';
import { messageLanguagePlugin } from './graphql/messageLanguagePlugin';
import { inputTextPlugin } from './graphql/inputTextPlugin';
import { Metrics } from './http/metrics';
// Hardening: limits, rate limits, production surface.
import { armorProtection } from './graphql/armor';
import { costLimitPlugin } from './graphql/costLimit';
import { documentGuardHook } from './graphql/documentGuard';
import { subgraphGuardPlugin } from './graphql/subgraphGuard';
import { authenticationHook } from './http/authenticate';
import { startMetricsServer, type MetricsServer } from './http/metricsServer';
import { registerRateLimits, type RateLimitStores } from './http/rateLimits';
import { registerCors } from './http/cors';

export interface PonteAppOptions {
  config: Config;
  /** The raw adapter; the app wraps it in the guard (counting, deadline, bulkhead). */
  adapter: ErpPort;
  logger: Logger;
  /** The clock; tests inject a fixed one. */
  now?: () => Date;
  /** The caches' clock (epoch ms), which ages facts; tests inject one to expire them. */
  cacheClock?: () => number;
  /** Extra services (pricing, orders, …) built by the caller around the guarded port. */
  extendServices?: (base: { erp: ErpPort; config: Config; now: () => Date; logger: Logger }) => Partial<Services>;
  /** Runs at close, after the server stopped and before the adapter closes. */
  onClose?: () => Promise<void>;
  /** Shared rate-limit stores (several instances); in-process when absent. */
  rateLimitStores?: RateLimitStores;
  /** Gateway mode: the data source of a remote subgraph (tests inject one); the undici one by default. */
  remoteSubgraph?: (endpoint: SubgraphEndpoint) => GraphQLDataSource;
}

export interface PonteApp {
  http: FastifyInstance;
  /** The guarded port: every call through it is counted. */
  erp: ErpPort;
  erpCalls: ErpCallCounter;
  cache: ErpCache;
  changeFeed: ChangeFeed;
  metrics: Metrics;
  services: Services;
  /** Starts listening; returns the base URL. */
  listen(host: string, port: number): Promise<string>;
  /** Serves /metrics on METRICS_HOST:METRICS_PORT; returns its base URL, or null when METRICS_PORT=off. */
  listenMetrics(): Promise<string | null>;
  /** Reads every customer's facts into the cache in the background (CACHE_WARM_UP); close() stops it. */
  warmUp(): Promise<WarmUpReport>;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    erpScope?: RequestErpScope;
    ponteContext?: PonteContext;
    /** Answered from the response cache: how long HTTP caches may keep the answer. */
    cachedMaxAge?: number | null;
  }
}

export async function createPonteApp(options: PonteAppOptions): Promise<PonteApp> {
  const { config, logger } = options;
  const now = options.now ?? (() => new Date());
  const cache = new ErpCache(config.cache, options.cacheClock);
  let warmingUp = false;
  const erpHealth = new ErpHealth();
  const staleServing = new StaleServing();
  const metrics = new Metrics({
    defaultMetrics: config.production,
    cacheSize: () => cache.size(),
    cacheBytes: () => cache.bytes(),
    erpUp: () => (erpHealth.up ? 1 : 0),
    staleServingAgeSeconds: () => staleServing.ageSeconds(),
    responseCacheHits: () => cache.responses.hits,
    responseCacheMisses: () => cache.responses.misses,
    warmUpRunning: () => (warmingUp ? 1 : 0),
  });
  const erpCalls = new ErpCallCounter();
  const guarded = guardErp(options.adapter, erpCalls, {
    timeoutMs: config.erpLimits.timeoutMs,
    maxConcurrency: config.erpLimits.maxConcurrency,
    slowOperations: slowErpCalls(config.erpLimits),
    observer: (operation, ms, outcome) => {
      erpHealth.record(outcome);
      metrics.erpCalls.observe({ operation, outcome }, ms / 1000);
    },
  });
  // Work no request asked for (change feed, readiness, warm-up) uses the port itself.
  const erp = guarded.port;
  const changeFeed = new ChangeFeed(erp, cache, logger);
  const services: Services = {
    maxOrderLines: config.maxOrderLines,
    warehouseStats: warehouseStatsCache(erp, config, now),
    files: new FileLinks({ key: config.files.linkKey, ttlSeconds: config.files.linkTtlSeconds, baseUrl: config.files.baseUrl }),
    demoImporter: null,
    ...options.extendServices?.({ erp, config, now, logger }),
  };

  const http: FastifyInstance = Fastify({
    loggerInstance: logger as unknown as FastifyBaseLogger,
    // Per-request log lines are off: metrics cover traffic, logs cover failures.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 2 * 1024 * 1024,
    // A hop count is valid at run time (proxy-addr) though the types omit it.
    trustProxy: config.surface.trustProxy as boolean | string | string[],
  });
  // Before any route and hook: a listed origin's preflight is answered here, never authenticated or counted.
  await registerCors(http, {
    origins: config.surface.corsOrigins,
    allowHeaders: config.gateway.forwardHeaders,
    exposeHeaders: config.surface.debugHeaders ? ['x-ponte-erp-calls'] : [],
  });
  // Every request's language is decided as it arrives, so refusals made before GraphQL (rate limits, 404) speak it too.
  const languages = new MessageLanguages(() => cache.reference.get('reference')?.value.erpSettings ?? null);
  http.addHook('onRequest', async (request) => {
    request.messageLanguage = languages.forHeaders(request.headers['accept-language']);
  });
  // --- hardening: limits and rate limits (see the modules for the why) ---
  const limits = config.queryLimits;
  const armor = armorProtection({ limits, blockSuggestions: !config.surface.introspection });
  const rateLimits = config.rateLimits.enabled ? await registerRateLimits(http, config.rateLimits, options.rateLimitStores) : null;
  if (rateLimits) services.chargeOrder = rateLimits.chargeOrder;
  const verify = createTokenVerifier(config.auth);
  let metricsServer: MetricsServer | null = null;
  // --- end hardening ---
  const schema = await buildPonteSchema();
  const formatError = createFormatError(
    (error) => logger.error({ err: error }, 'request failed'),
    (error) => logger.info({ err: error }, 'client mistake'),
    (error) => languages.of(error),
  );
  const served = await gatewayFromConfig<PonteContext>({
    config: config.gateway,
    schema,
    // Errors of the in-process subgraph never pass through didEncounterErrors: their language comes with them here.
    formatError: (formatted, error, context) => {
      languages.mark(error, context.messageLanguage());
      return formatError(formatted, error);
    },
    registry: metrics.registry,
    logger,
    answer: subgraphResponseCache(cache),
    ...(options.remoteSubgraph ? { remoteSubgraph: options.remoteSubgraph } : {}),
  });
  const gateway = served?.gateway ?? null;
  const vary = gateway ? varyHeaders(config.gateway.forwardHeaders) : undefined;
  const httpVary = gateway ? [...forwardedNames(config.gateway.forwardHeaders)] : [];
  const httpAges = { catalog: config.httpCache.maxAgeSeconds, stock: config.httpCache.stockMaxAgeSeconds };
  const apollo = new ApolloServer<PonteContext>({
    ...(gateway ? { gateway } : { schema }),
    // No inline (ftv1) traces: Ponte is not reporting to Apollo Studio, and
    // traces would expose resolver timings to any caller asking for them.
    plugins: [
      fastifyApolloDrainPlugin(http),
      ApolloServerPluginInlineTraceDisabled(),
      // Field cache hints are read from the document once (cacheHints.ts):
      // this plugin's per-field instrumentation cost ~8 % of a page.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing pages load from a CDN and show its version; GraphiQL is served locally instead.
      ApolloServerPluginLandingPageDisabled(),
      messageLanguagePlugin(languages),
      inputTextPlugin<PonteContext>(),
      ...armor.plugins,
      costLimitPlugin({ maxCost: limits.maxCost, ...(rateLimits ? { onAdmitted: rateLimits.chargeCost } : {}) }),
      // A subgraph guards its own surface (_service, _entities). Product
      // pages are cached in both modes; a gateway answer also varies with
      // the headers content subgraphs receive, and its content is as fresh
      // as the response cache's lifetime (the change feed drops its ERP part).
      ...(gateway ? [] : [subgraphGuardPlugin()]),
      responseCachePlugin(cache, vary, httpAges),
      staleFactsPlugin((since) => {
        staleServing.record(since);
        metrics.staleResponses.inc();
      }),
    ],
    formatError: gateway ? passSubgraphErrors(formatError, (error) => languages.of(error)) : formatError,
    parseOptions: { maxTokens: limits.maxTokens },
    includeStacktraceInErrorResponses: false,
    // Signals are main.ts's to handle (one orderly close); Apollo's own
    // handlers raced it, and a second stop waited forever.
    stopOnTerminationSignals: false,
    // Introspection helps integrators; in production it is opt-in (INTROSPECTION=true).
    introspection: config.surface.introspection,
    // On for GET too: a GET must carry `apollo-require-preflight` (or another
    // non-simple header), which storefront APQ GETs do (README "HTTP caching and CDNs").
    csrfPrevention: true,
    persistedQueries: { cache: persistedQueryCache(config.httpCache.persistedQueryBytes) },
    validationRules: [complexityLimitRule(), ...armor.validationRules],
  });
  await apollo.start();

  const createContext = createContextFactory({
    verify,
    erp: guarded,
    cache,
    now,
    services,
    defaultLanguage: () => languages.installationDefault(),
  });
  const graphqlHandler = fastifyApolloHandler(apollo, {
    context: async (request) => {
      let context: PonteContext;
      try {
        context = await createContext(request.headers, request.erpScope!, request.authentication, request.rateKey);
      } catch (error) {
        // A bad token is refused here, before the request has a context to say its language.
        languages.mark(error, request.messageLanguage ?? languages.forHeaders(request.headers['accept-language']));
        throw error;
      }
      // The onSend hook stores a cacheable answer: it needs the request's context.
      request.ponteContext = context;
      return context;
    },
  });
  const lookupCachedResponse = cachedResponseLookup({ cache, now: () => now(), ...(vary ? { vary } : {}) });

  // Whatever fails outside GraphQL (a route, a body parser) answers with a
  // coded error and no internals; an unexpected failure is logged and masked.
  http.setErrorHandler((error, request, reply) => {
    const client = clientErrorOf(error);
    // A client's mistake is its own business; an ERP failure or a bug is ours.
    if (!client || error instanceof ErpFailure) request.log.error({ err: error }, 'request failed');
    return sendError(reply, client ?? internalError());
  });

  http.setNotFoundHandler((_request, reply) => sendError(reply, notFound()));

  http.addHook('onRequest', async (request) => {
    request.erpScope = { erpCalls: 0, maxErpCalls: limits.maxErpCalls, pricedLines: 0, maxPricedLines: limits.maxPricedLines };
  });
  http.addHook('onSend', async (request, reply, payload) => {
    // Lets the benchmark and tests see the round trips a request cost; not in
    // production, where 0 against 1 tells which hidden articles exist.
    if (request.erpScope && config.surface.debugHeaders) reply.header('x-ponte-erp-calls', String(request.erpScope.erpCalls));
    const held = request.ponteContext?.responseCache;
    const entry = held?.entry;
    if (entry && reply.statusCode === 200 && typeof payload === 'string') {
      const response = { body: payload, contentType: String(reply.getHeader('content-type')), maxAge: held.maxAge };
      cache.responses.setIfCurrent(entry.key, response, entry.tags, entry.generation, entry.scope);
    }
    if (request.routeOptions.url === '/graphql' && request.method !== 'OPTIONS') {
      return applyHttpCaching(request, reply, payload, request.cachedMaxAge ?? held?.maxAge ?? null, httpVary);
    }
    return payload;
  });
  http.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.observe({ route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (route === '/graphql' && request.erpScope) metrics.erpCallsPerRequest.observe(request.erpScope.erpCalls);
  });

  const graphiql = config.surface.graphiql ? registerGraphiql(http) : null;
  http.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    onRequest: [authenticationHook(verify), ...(rateLimits ? [rateLimits.hook] : [])],
    preHandler: documentGuardHook({ maxTokens: limits.maxTokens, maxNesting: Math.max(limits.maxDepth * 2, 32) }),
    handler: async (request, reply) => {
      if (graphiql && request.method === 'GET' && prefersHtml(request.headers.accept)) return graphiql.sendPage(reply);
      const principal = request.authentication?.principal;
      if (request.method === 'POST' && principal) {
        const hit = await lookupCachedResponse(principal, request.headers, request.body);
        if (hit) {
          request.cachedMaxAge = hit.maxAge;
          return reply.header('content-type', hit.contentType).send(hit.body);
        }
      }
      return graphqlHandler.call(http, request as never, reply as never);
    },
  });
  http.get<{ Params: { id: string }; Querystring: Record<string, string> }>('/files/:id', (request, reply) =>
    serveFile(request, reply, { erp: guarded.forRequest(request.erpScope!), links: services.files, now }),
  );
  if (config.surface.statsPage) registerStatsPage(http);
  http.get('/healthz', async () => ({ status: 'ok' }));
  http.get('/readyz', async (_request, reply) => {
    const report = await checkReadiness({ erp, health: erpHealth, staleServing, cacheEntries: () => cache.size() });
    return reply.code(report.status === 'ready' ? 200 : 503).send(report);
  });

  await changeFeed.init().catch((error: unknown) => logger.warn({ err: error }, 'change feed: could not read its position'));
  changeFeed.start(config.cache.changeFeedPollMs);

  const closing = new AbortController();
  return {
    http,
    erp,
    erpCalls,
    cache,
    changeFeed,
    metrics,
    services,
    async listen(host, port) {
      try {
        await http.listen({ host, port });
      } catch (error) {
        // No IPv6 on this machine: fall back to every IPv4 address.
        if (host !== '::' || (error as { code?: string }).code !== 'EAFNOSUPPORT') throw error;
        await http.listen({ host: '0.0.0.0', port });
      }
      const address = http.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      return `http://localhost:${actualPort}`;
    },
    async listenMetrics() {
      if (!config.surface.metrics) return null;
      metricsServer ??= await startMetricsServer(metrics, config.surface.metrics.host, config.surface.metrics.port);
      return metricsServer.url;
    },
    async warmUp() {
      warmingUp = true;
      try {
        return await warmCustomerContexts(erp, cache, { signal: closing.signal });
      } finally {
        warmingUp = false;
      }
    },
    async close() {
      closing.abort();
      changeFeed.stop();
      services.demoImporter?.stop();
      await closeDraining(http);
      await metricsServer?.close();
      await apollo.stop().catch(() => undefined);
      await served?.close();
      await options.onClose?.();
      await options.adapter.close();
    },
  };
}

/** How long requests in flight may take to finish once Ponte is closing. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Stops taking requests and waits for those in flight. Keep-alive
 * connections are closed as soon as they fall idle (a client's pool would
 * otherwise hold the close open for the whole keep-alive timeout), and every
 * connection is cut after SHUTDOWN_GRACE_MS.
 */
async function closeDraining(http: FastifyInstance): Promise<void> {
  const sweep = setInterval(() => http.server.closeIdleConnections(), 50);
  const cut = setTimeout(() => http.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
  try {
    await http.close();
  } finally {
    clearInterval(sweep);
    clearTimeout(cut);
  }
}
