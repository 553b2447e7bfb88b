/**
 * Prometheus metrics (GET /metrics): HTTP requests, ERP round trips (per
 * operation, and per GraphQL request), cache size. One registry per server
 * so tests can run several servers in one process.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests: Histogram<'route' | 'status'>;
  readonly erpCalls: Histogram<'operation' | 'outcome'>;
  readonly erpCallsPerRequest: Histogram;
  readonly cacheEntries: Gauge;
  readonly cacheBytes: Gauge;
  readonly erpUp: Gauge;
  readonly staleServingAge: Gauge;
  readonly staleResponses: Counter;
  readonly responseCacheHits: Gauge;
  readonly warmUpRunning: Gauge;
  readonly responseCacheMisses: Gauge;

  constructor(options: {
    defaultMetrics: boolean;
    cacheSize: () => number;
    /** Estimated bytes held by the caches. */
    cacheBytes: () => number;
    /** 1 while the latest ERP call succeeded, else 0. */
    erpUp: () => number;
    /** Age of the oldest expired fact served in the last minute, in seconds (0 = none). */
    staleServingAgeSeconds: () => number;
    /** Response cache lookups answered and not answered since start. */
    responseCacheHits: () => number;
    responseCacheMisses: () => number;
    /** 1 while the cache warm-up runs (loaders/warmUp.ts). */
    warmUpRunning: () => number;
  }) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry });
    this.httpRequests = new Histogram({
      name: 'ponte_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.erpCalls = new Histogram({
      name: 'ponte_erp_call_duration_seconds',
      help: 'ERP adapter call duration (one round trip each)',
      labelNames: ['operation', 'outcome'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers: [this.registry],
    });
    this.erpCallsPerRequest = new Histogram({
      name: 'ponte_erp_calls_per_graphql_request',
      help: 'ERP round trips made while serving one GraphQL request',
      buckets: [0, 1, 2, 3, 4, 6, 8, 12, 20, 50],
      registers: [this.registry],
    });
    // Gauges read at scrape time from whoever holds the figure.
    const observed = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(read());
        },
      });
    this.cacheEntries = observed('ponte_cache_entries', 'Entries held in the shared ERP caches', options.cacheSize);
    this.cacheBytes = observed('ponte_cache_bytes', 'Estimated bytes held by the shared ERP caches (bounded by CACHE_MAX_MB)', options.cacheBytes);
    this.erpUp = observed('ponte_erp_up', '1 while the latest ERP call succeeded, 0 after a failed or timed-out one', options.erpUp);
    this.staleServingAge = observed(
      'ponte_stale_serving_age_seconds',
      'Age of the oldest expired ERP fact answered from in the last minute (0 = every answer fresh)',
      options.staleServingAgeSeconds,
    );
    this.responseCacheHits = observed('ponte_response_cache_hits', 'Product queries answered from the response cache since start', options.responseCacheHits);
    this.responseCacheMisses = observed(
      'ponte_response_cache_misses',
      'Product queries looked up in the response cache and executed since start',
      options.responseCacheMisses,
    );
    this.warmUpRunning = observed('ponte_cache_warm_up_running', '1 while the start-up cache warm-up reads customers, else 0', options.warmUpRunning);
    this.staleResponses = new Counter({
      name: 'ponte_stale_responses_total',
      help: 'GraphQL responses answered partly from expired facts (ERP unreachable or refreshing)',
      registers: [this.registry],
    });
  }
}

