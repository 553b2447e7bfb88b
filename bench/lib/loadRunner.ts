/**
 * The closed-loop load generator: C workers over one undici Pool of C
 * connections, each with one request in flight, each sending its next
 * request as soon as the previous answer has been read in full. A scenario
 * stops at its time limit, at its request cap, when it runs out of work (a
 * bounded scenario such as "place at most 2000 orders") or on Ctrl-C,
 * whichever comes first.
 *
 * Per request it records: latency (send to last body byte), whether it
 * succeeded (HTTP 200, no GraphQL `errors`, and the scenario's own check),
 * the x-ponte-erp-calls header, the body size, and, when the scenario gives
 * the request a cache key, whether that key was asked for the first time.
 */
import { performance } from 'node:perf_hooks';
import type { Pool } from 'undici';
import type { ChildServer } from './childServer';
import { type ErpSummary, type LatencySummary, summariseErp, summariseLatency } from './stats';

export interface GqlResult {
  data?: any;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export interface Call {
  body: string;
  headers: Record<string, string>;
  /**
   * What the server could have cached for this request (viewer + page, viewer
   * + sku …). The first call with a key is a "first hit", later ones
   * "repeats"; calls without a key are not split.
   */
  key?: string;
  /** false: sent (for its side effects, e.g. a cursor) but not recorded. */
  record?: boolean;
  /** Beyond HTTP 200 and no GraphQL errors: the scenario's own check; returns what is wrong, or null. */
  check?(result: GqlResult): string | null;
  /** Sees every parsed response (walkers read their next cursor here). */
  then?(result: GqlResult | null): void;
}

export interface Scenario {
  name: string;
  title: string;
  /** The worker's next call, or null when the scenario has no work left. */
  next(worker: number): Call | null;
}

export interface SplitResult {
  latency: LatencySummary;
  erp: ErpSummary;
}

export interface ScenarioResult {
  name: string;
  title: string;
  requests: number;
  ok: number;
  errors: number;
  /** The most frequent error descriptions, with counts. */
  errorSamples: Array<{ error: string; count: number }>;
  elapsedSeconds: number;
  /** Successful requests per second of wall time. */
  throughput: number;
  /** Over successful requests. */
  latency: LatencySummary;
  /** x-ponte-erp-calls over successful requests. */
  erp: ErpSummary;
  /** Present when the scenario keys its calls. */
  firstHit: SplitResult | null;
  repeat: SplitResult | null;
  meanResponseBytes: number;
  /** CPU of this (client) process, in % of one core, over the scenario. */
  clientCpuPercent: number;
  /** CPU of the Ponte child, in % of one core; null when unknown. */
  serverCpuPercent: number | null;
  /** Resident memory of the Ponte child when the scenario ended; null when unknown. */
  serverRssBytes: number | null;
  stoppedBy: 'time' | 'max-requests' | 'exhausted' | 'aborted';
}

export interface RunLimits {
  durationMs: number;
  maxRequests: number;
  connections: number;
  aborted(): boolean;
}

function describeErrors(result: GqlResult): string | null {
  if (!result.errors || result.errors.length === 0) return null;
  const e = result.errors[0]!;
  return `graphql ${e.extensions?.code ?? 'ERROR'}: ${e.message}`.slice(0, 160);
}

export async function runScenario(pool: Pool, scenario: Scenario, limits: RunLimits, server: ChildServer | null): Promise<ScenarioResult> {
  const latOk: number[] = [];
  const erpAll: number[] = [];
  const first = { lat: [] as number[], erp: [] as number[] };
  const repeat = { lat: [] as number[], erp: [] as number[] };
  const seenKeys = new Set<string>();
  const errorCounts = new Map<string, number>();
  let keyed = false;
  let requests = 0;
  let ok = 0;
  let bytes = 0;
  let issued = 0;

  const clientCpu0 = process.cpuUsage();
  const serverCpu0 = server?.cpuSeconds() ?? null;
  const started = performance.now();
  const deadline = started + limits.durationMs;
  let lastDone = started;

  const fail = (error: string) => errorCounts.set(error, (errorCounts.get(error) ?? 0) + 1);

  const worker = async (w: number): Promise<ScenarioResult['stoppedBy']> => {
    for (;;) {
      if (limits.aborted()) return 'aborted';
      if (performance.now() >= deadline) return 'time';
      if (issued >= limits.maxRequests) return 'max-requests';
      const call = scenario.next(w);
      if (!call) return 'exhausted';
      const record = call.record !== false;
      if (record) issued += 1;
      let firstHit: boolean | null = null;
      if (record && call.key !== undefined) {
        keyed = true;
        firstHit = !seenKeys.has(call.key);
        seenKeys.add(call.key);
      }

      const t0 = performance.now();
      let status = 0;
      let text = '';
      let erpCalls = NaN;
      let transportError: string | null = null;
      try {
        const res = await pool.request({ path: '/graphql', method: 'POST', headers: call.headers, body: call.body });
        status = res.statusCode;
        text = await res.body.text();
        const header = res.headers['x-ponte-erp-calls'];
        erpCalls = Number(Array.isArray(header) ? header[0] : header ?? NaN);
      } catch (error) {
        transportError = `transport: ${error instanceof Error ? `${(error as { code?: string }).code ?? error.name} ${error.message}` : String(error)}`.slice(0, 160);
      }
      const t1 = performance.now();
      lastDone = t1;

      let result: GqlResult | null = null;
      let error = transportError;
      if (!error) {
        try {
          result = JSON.parse(text) as GqlResult;
        } catch {
          error = `HTTP ${status}: body is not JSON`;
        }
      }
      if (!error && result) error = describeErrors(result);
      if (!error && status !== 200) error = `HTTP ${status}`;
      if (!error && result && call.check) error = call.check(result);
      call.then?.(error ? null : result);
      if (!record) {
        if (error) fail(`(setup) ${error}`);
        continue;
      }

      requests += 1;
      bytes += text.length;
      if (error) {
        fail(error);
        continue;
      }
      ok += 1;
      erpAll.push(erpCalls);
      const ms = t1 - t0;
      latOk.push(ms);
      if (firstHit !== null) {
        const bucket = firstHit ? first : repeat;
        bucket.lat.push(ms);
        bucket.erp.push(erpCalls);
      }
    }
  };

  const reasons = await Promise.all(Array.from({ length: limits.connections }, (_, w) => worker(w)));
  // Workers out of work stop early while others run on: the scenario ended the way the last one did.
  const stoppedBy = (['aborted', 'max-requests', 'time', 'exhausted'] as const).find((r) => reasons.includes(r)) ?? 'time';

  const elapsedSeconds = Math.max(lastDone - started, 1) / 1000;
  const clientCpu = process.cpuUsage(clientCpu0);
  const serverCpu1 = server?.cpuSeconds() ?? null;
  const errorSamples = [...errorCounts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([error, count]) => ({ error, count }));
  const split = (b: { lat: number[]; erp: number[] }): SplitResult => ({ latency: summariseLatency(b.lat), erp: summariseErp(b.erp) });
  return {
    name: scenario.name,
    title: scenario.title,
    requests,
    ok,
    errors: requests - ok,
    errorSamples,
    elapsedSeconds,
    throughput: ok / elapsedSeconds,
    latency: summariseLatency(latOk),
    erp: summariseErp(erpAll),
    firstHit: keyed ? split(first) : null,
    repeat: keyed ? split(repeat) : null,
    meanResponseBytes: requests ? bytes / requests : NaN,
    clientCpuPercent: ((clientCpu.user + clientCpu.system) / 1e6 / elapsedSeconds) * 100,
    serverCpuPercent: serverCpu0 !== null && serverCpu1 !== null ? ((serverCpu1 - serverCpu0) / elapsedSeconds) * 100 : null,
    serverRssBytes: server?.rssBytes() ?? null,
    stoppedBy,
  };
}
