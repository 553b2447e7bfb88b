/**
 * The gateway's data source for a remote subgraph (issue 10, items 3 and 4):
 * what @apollo/gateway calls for every fetch of a query plan that a remote
 * subgraph (the shop's content service) answers.
 *
 * It differs from @apollo/gateway's RemoteGraphQLDataSource in three ways:
 * - HTTP goes through an undici keep-alive pool, not node-fetch;
 * - only allow-listed headers of the caller reach the subgraph
 *   (./forwardHeaders.ts), never Ponte's credentials by default;
 * - a subgraph that is slow or down costs at most `timeoutMs` per call and,
 *   once its breaker opens, nothing at all: `process()` never throws, it
 *   answers SUBGRAPH_UNAVAILABLE so that the gateway nulls that subgraph's
 *   fields and the rest of the response (Ponte's prices, stock) still arrives.
 *
 * What @apollo/gateway does with that answer (executeQueryPlan.js,
 * sendOperation): `data` absent, so nothing is merged and the subgraph's
 * fields resolve to null; each of `errors` becomes a GraphQLError whose
 * extensions keep `code` (not one of federation's own codes, so it is not
 * rewritten to DOWNSTREAM_SERVICE_ERROR) and `subgraph`, plus `serviceName`,
 * and whose `originalError` is the error given here. A throw would instead
 * reach the client as an uncoded error, naming no subgraph. The error given
 * is the PonteError instance itself, not its JSON: Ponte's formatError finds
 * it as `originalError` and lets it through, where it masks any other error
 * as INTERNAL_SERVER_ERROR. Its JSON is `{message, extensions: {code, subgraph}}`.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  IsolatedCircuitError,
  circuitBreaker,
  handleAll,
  type CircuitBreakerPolicy,
  type IBreaker,
} from 'cockatiel';
import type { Logger } from 'pino';
import { Pool, type Dispatcher } from 'undici';
import { subgraphUnavailable } from '../errors';
import { forwardedNames, pickForwarded, type HeaderSource } from './forwardHeaders';
import type { BreakerGaugeValue, SubgraphMetrics, SubgraphOutcome } from './subgraphMetrics';

export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 1_500;
export const DEFAULT_SUBGRAPH_CONNECTIONS = 16;
export const DEFAULT_KEEP_ALIVE_MS = 4_000;
export const DEFAULT_CONSECUTIVE_FAILURES = 5;
export const DEFAULT_HALF_OPEN_AFTER_MS = 5_000;

export interface SubgraphBreakerOptions {
  /** Consecutive failed calls that open the breaker. Default 5. */
  consecutiveFailures?: number;
  /** How long the breaker stays open before one trial call may pass (half-open), in ms. Default 5000. */
  halfOpenAfterMs?: number;
  /**
   * A cockatiel breaker to use instead of ConsecutiveBreaker (e.g. a
   * SamplingBreaker for a busy, flaky subgraph); `consecutiveFailures` is
   * then ignored. One instance per RemoteSubgraph: breakers hold state.
   */
  breaker?: IBreaker;
}

export interface RemoteSubgraphOptions<TContext> {
  /** The subgraph's name in the supergraph; labels metrics, logs and the SUBGRAPH_UNAVAILABLE error. */
  name: string;
  /** The subgraph's GraphQL endpoint, e.g. http://content:4001/graphql. */
  url: string;
  /**
   * A dispatcher to send through (an undici Agent or Pool shared with other
   * clients); its lifetime is the caller's, close() leaves it open. Without
   * it, a keep-alive Pool to the subgraph's origin is created and owned.
   */
  agent?: Dispatcher;
  /** Sockets the owned pool keeps to the subgraph. Default 16. Ignored with `agent`. */
  connections?: number;
  /**
   * How long the owned pool keeps an idle socket, in ms. Default 4000: below
   * Node's 5 s server default, so Ponte drops an idle socket before the
   * subgraph does and never writes to one being closed. Ignored with `agent`.
   */
  keepAliveTimeoutMs?: number;
  /** Deadline of one call (connect, headers and body), in ms; the call is aborted then. Default 1500. */
  timeoutMs?: number;
  /**
   * GATEWAY_FORWARD_HEADERS: caller headers the subgraph also receives
   * (case-insensitive). `accept-language` is always forwarded; `authorization`
   * and `x-acting-customer` only when listed here.
   */
  forwardHeaders: readonly string[];
  /**
   * Where the caller's headers are read from. By default, from the request
   * Apollo Server received (`incomingRequestContext.request.http.headers`);
   * pass this when the gateway holds them in its context instead.
   */
  headersOf?: (context: TContext) => HeaderSource | undefined;
  breaker?: SubgraphBreakerOptions;
  metrics: SubgraphMetrics;
  logger: Pick<Logger, 'warn' | 'info' | 'debug'>;
}

/** A call that reached its deadline; told apart from other failures for the `timeout` outcome. */
class SubgraphTimeout extends Error {
  constructor(subgraph: string, timeoutMs: number) {
    super(`subgraph ${subgraph} did not answer within ${timeoutMs} ms`);
    this.name = 'SubgraphTimeout';
  }
}

/** A failure of the subgraph itself (bad status, not a GraphQL body): counts against the breaker. */
class SubgraphFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubgraphFailure';
  }
}

/** undici's own deadlines, set to the same bound as ours: whichever fires first, it is a timeout. */
const UNDICI_TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

const GAUGE: Record<CircuitState, BreakerGaugeValue> = {
  [CircuitState.Closed]: 0,
  [CircuitState.HalfOpen]: 1,
  [CircuitState.Open]: 2,
  [CircuitState.Isolated]: 2,
};

export class RemoteSubgraph<TContext extends Record<string, any> = Record<string, any>> implements GraphQLDataSource<TContext> {
  readonly name: string;
  private readonly origin: string;
  private readonly path: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly timeoutMs: number;
  private readonly forwarded: readonly string[];
  private readonly headersOf?: (context: TContext) => HeaderSource | undefined;
  private readonly policy: CircuitBreakerPolicy;
  private readonly metrics: SubgraphMetrics;
  private readonly logger: Pick<Logger, 'warn' | 'info' | 'debug'>;

  constructor(options: RemoteSubgraphOptions<TContext>) {
    this.name = options.name;
    const url = new URL(options.url);
    this.origin = url.origin;
    this.path = `${url.pathname}${url.search}`;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
    this.forwarded = forwardedNames(options.forwardHeaders);
    this.headersOf = options.headersOf;
    this.metrics = options.metrics;
    this.logger = options.logger;
    this.ownsDispatcher = options.agent === undefined;
    this.dispatcher =
      options.agent ??
      new Pool(this.origin, {
        connections: options.connections ?? DEFAULT_SUBGRAPH_CONNECTIONS,
        keepAliveTimeout: options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_MS,
        // Backstops to our own abort: no socket phase may outlive the call's deadline.
        connectTimeout: this.timeoutMs,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });

    // Consecutive failures rather than a sampled failure rate: a sampling
    // breaker needs a minimum throughput before it may open, so a subgraph
    // that is down at night (or in the demo) would keep costing every caller
    // its full timeout; five failures in a row trip at any traffic, and one
    // success in between shows the subgraph still answers. A flaky-but-busy
    // subgraph can get a SamplingBreaker through `breaker.breaker`.
    const breaker = options.breaker ?? {};
    this.policy = circuitBreaker(handleAll, {
      halfOpenAfter: breaker.halfOpenAfterMs ?? DEFAULT_HALF_OPEN_AFTER_MS,
      breaker: breaker.breaker ?? new ConsecutiveBreaker(breaker.consecutiveFailures ?? DEFAULT_CONSECUTIVE_FAILURES),
    });
    this.watchBreaker();
  }

  /** Resolves to the subgraph's answer, or to SUBGRAPH_UNAVAILABLE: never rejects (see the file comment). */
  async process(options: GraphQLDataSourceProcessOptions<TContext>): Promise<GatewayGraphQLResponse> {
    let started: number | undefined;
    try {
      const response = await this.policy.execute(() => {
        started = performance.now();
        return this.send(options);
      });
      this.settle('ok', started);
      return response;
    } catch (error) {
      const outcome = this.outcomeOf(error);
      this.settle(outcome, started);
      // Refusals by the open breaker are not logged: the warn line when it opened said it all.
      if (outcome !== 'open') this.logger.debug({ subgraph: this.name, outcome, err: error }, 'subgraph call failed');
      return { errors: [subgraphUnavailable(this.name)] };
    }
  }

  /** Closes the owned pool (waiting for calls in flight, each bounded by the deadline); a shared `agent` stays open. */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /** Current breaker state as the gauge reports it; for health pages and tests. */
  get breakerState(): BreakerGaugeValue {
    return GAUGE[this.policy.state];
  }

  private async send(options: GraphQLDataSourceProcessOptions<TContext>): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName } = options.request;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new SubgraphTimeout(this.name, this.timeoutMs)), this.timeoutMs);
    try {
      const { statusCode, body } = await this.dispatcher.request({
        origin: this.origin,
        path: this.path,
        method: 'POST',
        headers: this.headersFor(options),
        body: JSON.stringify({ query, variables, operationName }),
        signal: controller.signal,
      });
      // Read to the end even when the status is bad, so the socket goes back to the pool.
      const text = await body.text();
      // A 5xx is the subgraph saying it is not working (503 while it
      // restarts or is overloaded), whatever body it sends: a failure, for
      // the breaker too. Any other GraphQL answer, even with errors (a 400
      // for a query it refuses), is the subgraph working: passed on as is.
      if (statusCode >= 500) throw new SubgraphFailure(`subgraph ${this.name} answered ${statusCode}`);
      const parsed = graphQLBody(text);
      if (parsed) return parsed;
      throw new SubgraphFailure(`subgraph ${this.name} answered ${statusCode} without a GraphQL body`);
    } catch (error) {
      if (controller.signal.aborted) throw new SubgraphTimeout(this.name, this.timeoutMs);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private headersFor(options: GraphQLDataSourceProcessOptions<TContext>): Record<string, string> {
    // Schema loads and health checks are the gateway's own calls: no caller, nothing to forward.
    const source = isIncoming(options)
      ? (this.headersOf?.(options.context) ?? options.incomingRequestContext.request.http?.headers)
      : undefined;
    const headers = pickForwarded(source, this.forwarded);
    // The gateway asks for federated traces this way when usage reporting is on.
    const trace = options.request.http?.headers.get('apollo-federation-include-trace');
    if (trace) headers['apollo-federation-include-trace'] = trace;
    headers['content-type'] = 'application/json';
    headers.accept = 'application/graphql-response+json, application/json';
    return headers;
  }

  private outcomeOf(error: unknown): Exclude<SubgraphOutcome, 'ok'> {
    if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) return 'open';
    if (error instanceof SubgraphTimeout) return 'timeout';
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === 'string' && UNDICI_TIMEOUTS.has(code) ? 'timeout' : 'error';
  }

  private settle(outcome: SubgraphOutcome, started: number | undefined): void {
    this.metrics.record(this.name, outcome, started === undefined ? undefined : (performance.now() - started) / 1000);
  }

  private watchBreaker(): void {
    this.metrics.setBreakerState(this.name, 0);
    let previous = CircuitState.Closed;
    this.policy.onStateChange((state) => {
      this.metrics.setBreakerState(this.name, GAUGE[state]);
      // Warned once per outage: a failed half-open trial re-opens it without a new line.
      if (state === CircuitState.Open && previous === CircuitState.Closed) {
        const reason = this.policy.lastFailure;
        const cause = reason && 'error' in reason ? String((reason.error as Error)?.message ?? reason.error) : undefined;
        this.logger.warn({ subgraph: this.name, cause }, 'subgraph breaker open: its fields answer null with SUBGRAPH_UNAVAILABLE until it recovers');
      }
      if (state === CircuitState.Closed && previous !== CircuitState.Closed) {
        this.logger.info({ subgraph: this.name }, 'subgraph breaker closed: the subgraph answers again');
      }
      previous = state;
    });
  }
}

type IncomingOperation<TContext extends Record<string, any>> = Extract<GraphQLDataSourceProcessOptions<TContext>, { incomingRequestContext: unknown }>;

/** A fetch of a client's operation (not a schema load or health check); the kind enum is not exported by @apollo/gateway's index. */
function isIncoming<TContext extends Record<string, any>>(options: GraphQLDataSourceProcessOptions<TContext>): options is IncomingOperation<TContext> {
  return (options.kind as string) === 'incoming operation';
}

/**
 * The body as a GraphQL response (an object with `data` or an `errors`
 * list), or undefined when it is not one (HTML error page, empty, truncated).
 */
function graphQLBody(text: string): GatewayGraphQLResponse | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const body = value as Record<string, unknown>;
  const hasData = 'data' in body && (body.data === null || typeof body.data === 'object');
  const hasErrors = Array.isArray(body.errors);
  if (!hasData && !hasErrors) return undefined;
  const response: { -readonly [K in keyof GatewayGraphQLResponse]: GatewayGraphQLResponse[K] } = {};
  if (hasData) response.data = body.data as GatewayGraphQLResponse['data'];
  if (hasErrors) response.errors = body.errors as GatewayGraphQLResponse['errors'];
  if (typeof body.extensions === 'object' && body.extensions !== null) response.extensions = body.extensions as Record<string, unknown>;
  return response;
}
