/**
 * Prometheus metrics of the remote subgraphs the gateway calls, labelled by
 * subgraph name. One instance per registry, shared by every RemoteSubgraph:
 * prom-client refuses a second metric of the same name in one registry.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * How a call ended: `ok` (a GraphQL answer, errors included), `error`
 * (refused connection, non-2xx without a GraphQL body, a body that is not
 * GraphQL JSON), `timeout` (aborted at the deadline), `open` (refused by the
 * open breaker, no network call made).
 */
export type SubgraphOutcome = 'ok' | 'error' | 'timeout' | 'open';

/** The breaker state as the gauge reports it: 0 closed, 1 half-open, 2 open. */
export type BreakerGaugeValue = 0 | 1 | 2;

export class SubgraphMetrics {
  readonly requests: Counter<'subgraph' | 'outcome'>;
  readonly duration: Histogram<'subgraph'>;
  readonly breakerState: Gauge<'subgraph'>;

  constructor(registry: Registry) {
    this.requests = new Counter({
      name: 'ponte_subgraph_requests_total',
      help: 'Fetches from a subgraph by outcome (ok, error, timeout, open: refused by the open breaker without a network call); ponte: Ponte\'s own, in process',
      labelNames: ['subgraph', 'outcome'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'ponte_subgraph_request_duration_seconds',
      help: 'Duration of the fetches that reached a subgraph (those refused by an open breaker are not observed); ponte: in process',
      labelNames: ['subgraph'],
      // Up to the default 1.5 s deadline and a little past it: a call never lasts much longer.
      buckets: [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2.5],
      registers: [registry],
    });
    this.breakerState = new Gauge({
      name: 'ponte_subgraph_breaker_state',
      help: 'Circuit breaker of a remote subgraph: 0 closed, 1 half-open (one trial call), 2 open (calls fail fast)',
      labelNames: ['subgraph'],
      registers: [registry],
    });
  }

  /** Called once per call, when it settles; `seconds` only when the call reached the network. */
  record(subgraph: string, outcome: SubgraphOutcome, seconds?: number): void {
    this.requests.inc({ subgraph, outcome });
    if (seconds !== undefined) this.duration.observe({ subgraph }, seconds);
  }

  setBreakerState(subgraph: string, value: BreakerGaugeValue): void {
    this.breakerState.set({ subgraph }, value);
  }
}
