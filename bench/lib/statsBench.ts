/**
 * The warehouse statistics scenario (issue 11, "Performance"): on the run's
 * demo ERP (100k articles and ≥ 2 million movements at the default size),
 *
 *   1. cold: the first warehouseStatsSummary of a fresh Ponte, i.e. every
 *      figure of every article computed (the ERP's grouped aggregates, the
 *      classification, ABC), timed from the client, with the growth of the
 *      server's resident memory at its peak during the computation (VmHWM,
 *      reset just before through /proc/<pid>/clear_refs; sampled every 5 ms
 *      as well, in case the reset is not allowed); then the first to-clear
 *      page, which sorts the figures by days of cover;
 *   2. warm: `warehouseStats(first: 50, filter: {toClear: true}, orderBy:
 *      DAYS_OF_COVER_DESC)` as a warehouse manager (service token), the
 *      figures held (STATS_TTL_MS at its default);
 *   3. naive, measured in the same run: the same request against a Ponte
 *      with STATS_TTL_MS=1, so every request computes every figure again,
 *      as a server without the statistics cache would.
 *
 * Rate limits and the customers' warm-up are off, as in the other scenarios.
 * Goals (reported, never asserted): cold ≤ 3 s with peak RSS growth ≤
 * 150 MB; warm ≥ 1,000 req/s.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Pool, request } from 'undici';
import { mintToken } from '../../src/auth/mintToken';
import { type ChildServer, startChildServer } from './childServer';
import { type RunLimits, runScenario, type Scenario, type ScenarioResult } from './loadRunner';
import { mib } from './report';
import { ratio } from './stats';

export const TO_CLEAR_QUERY = '{ warehouseStats(first: 50, filter: {toClear: true}, orderBy: DAYS_OF_COVER_DESC) { totalCount edges { node { sku onHand daysOfCover class abc lastSale } } } }';
const SUMMARY_QUERY = '{ warehouseStatsSummary { computedAt articles toClear byClass { class articles onHand } } }';

export interface StatsRun {
  articles: number;
  movements: number;
  coldMs: number | null;
  coldPageMs: number | null;
  rssBeforeBytes: number | null;
  /** Peak resident memory during the cold computation (VmHWM after a reset, or the highest sample). */
  rssPeakBytes: number | null;
  peakFrom: 'VmHWM' | 'samples' | null;
  summary: { articles: number; toClear: number; byClass: Array<{ class: string; articles: number }> } | null;
  warm: ScenarioResult | null;
  naive: ScenarioResult | null;
  connections: number;
}

export interface StatsOptions {
  mainJs: string;
  root: string;
  env: Record<string, string>;
  secret: string;
  erpPath: string;
  limits: RunLimits;
  /** The naive server's measured time, in ms (each of its requests takes seconds). */
  naiveDurationMs: number;
  warmupSeconds: number;
  log(message: string): void;
  onChild(pid: number, alive: boolean): void;
}

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

async function ask(url: string, token: string, query: string): Promise<{ ms: number; body: any }> {
  const started = performance.now();
  const res = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
    headersTimeout: 120_000,
    bodyTimeout: 120_000,
  });
  const body = (await res.body.json()) as any;
  const ms = performance.now() - started;
  if (res.statusCode !== 200 || body.errors) throw new Error(`statistics query failed: HTTP ${res.statusCode} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  return { ms, body };
}

function toClearScenario(token: string): Scenario {
  const call = {
    body: JSON.stringify({ query: TO_CLEAR_QUERY }),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    check: (r: { data?: any }) => (Array.isArray(r.data?.warehouseStats?.edges) ? null : 'no to-clear page'),
  };
  return { name: 'stats-to-clear', title: 'warehouseStats(first: 50, filter: {toClear: true}, orderBy: DAYS_OF_COVER_DESC) as the service role', next: () => call };
}

async function withServer<T>(options: StatsOptions, env: Record<string, string>, run: (server: ChildServer) => Promise<T>): Promise<T> {
  const server = await startChildServer({ mainJs: options.mainJs, cwd: options.root, env: { ...options.env, ...env }, readyTimeoutMs: 120_000 });
  options.onChild(server.pid, true);
  try {
    return await run(server);
  } finally {
    await server.stop();
    options.onChild(server.pid, false);
  }
}

export async function runStats(options: StatsOptions): Promise<StatsRun> {
  const db = new Database(options.erpPath, { readonly: true });
  const counts = db.prepare('SELECT (SELECT COUNT(*) FROM ecom_articles) AS articles, (SELECT COUNT(*) FROM ecom_stock_movements) AS movements').get() as { articles: number; movements: number };
  db.close();
  const token = await mintToken(new TextEncoder().encode(options.secret), { role: 'service' });
  const run: StatsRun = {
    ...counts, coldMs: null, coldPageMs: null, rssBeforeBytes: null, rssPeakBytes: null, peakFrom: null, summary: null, warm: null, naive: null,
    connections: options.limits.connections,
  };
  // The background warm-up of customers' facts would grow the heap during the cold measurement, and one
  // service token at a thousand requests a second is what the limits exist to stop: both off, as in the other scenarios.
  const quiet = { CACHE_WARM_UP: 'off', RATE_LIMITS: 'off' };

  await withServer(options, quiet, async (server) => {
    await new Promise((r) => setTimeout(r, 500));
    run.rssBeforeBytes = procStatus(server.pid, 'VmRSS');
    const reset = resetPeak(server.pid);
    let sampledPeak = run.rssBeforeBytes ?? 0;
    const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, procStatus(server.pid, 'VmRSS') ?? 0)), 5);
    try {
      options.log('  stats: cold computation of every figure…');
      const cold = await ask(server.url, token, SUMMARY_QUERY);
      run.coldMs = cold.ms;
      run.summary = cold.body.data.warehouseStatsSummary;
    } finally {
      clearInterval(sampler);
    }
    const hwm = reset ? procStatus(server.pid, 'VmHWM') : null;
    run.rssPeakBytes = hwm ?? (sampledPeak || null);
    run.peakFrom = hwm !== null ? 'VmHWM' : sampledPeak ? 'samples' : null;
    run.coldPageMs = (await ask(server.url, token, TO_CLEAR_QUERY)).ms;

    const pool = new Pool(server.url, { connections: options.limits.connections, pipelining: 1 });
    try {
      const warmup = { ...options.limits, durationMs: options.warmupSeconds * 1000 };
      await runScenario(pool, toClearScenario(token), warmup, server);
      options.log('  stats: warm to-clear page…');
      run.warm = await runScenario(pool, toClearScenario(token), options.limits, server);
    } finally {
      await pool.close();
    }
  });

  if (!options.limits.aborted()) {
    await withServer(options, { ...quiet, STATS_TTL_MS: '1' }, async (server) => {
      options.log('  stats: naive (every request computes every figure)…');
      const pool = new Pool(server.url, { connections: options.limits.connections, pipelining: 1 });
      try {
        run.naive = await runScenario(pool, toClearScenario(token), { ...options.limits, durationMs: options.naiveDurationMs }, server);
      } finally {
        await pool.close();
      }
    });
  }
  return run;
}

export function formatStats(run: StatsRun): string {
  const growth = run.rssPeakBytes !== null && run.rssBeforeBytes !== null ? run.rssPeakBytes - run.rssBeforeBytes : null;
  const lines = [
    `| figure | measured | goal |`,
    `|---|---|---|`,
    `| demo ERP | ${run.articles.toLocaleString('en')} articles, ${run.movements.toLocaleString('en')} movements | ≥ 2,000,000 movements |`,
    `| cold: every figure computed (first warehouseStatsSummary) | ${run.coldMs === null ? '-' : `${(run.coldMs / 1000).toFixed(2)} s`} | ≤ 3 s |`,
    `| peak RSS growth during it (${run.peakFrom ?? 'n/a'}) | ${growth === null ? '-' : mib(growth)} (${mib(run.rssBeforeBytes)} → ${mib(run.rssPeakBytes)}) | ≤ 150 MB |`,
    `| first to-clear page after it (sorts by days of cover) | ${run.coldPageMs === null ? '-' : `${run.coldPageMs.toFixed(0)} ms`} | |`,
  ];
  if (run.warm) {
    const w = run.warm;
    lines.push(`| warm to-clear page | ${w.throughput.toFixed(0)} req/s, p50 ${w.latency.p50Ms.toFixed(1)} ms, p99 ${w.latency.p99Ms.toFixed(1)} ms, ERP calls/req ${w.erp.mean.toFixed(2)}, ${w.errors} errors | ≥ 1,000 req/s |`);
  }
  if (run.naive) {
    const n = run.naive;
    lines.push(`| naive (STATS_TTL_MS=1: every request computes) | ${n.throughput.toFixed(2)} req/s, p50 ${n.latency.p50Ms.toFixed(0)} ms, ${n.errors} errors | |`);
    if (run.warm) lines.push(`| warm / naive | ${ratio(run.warm.throughput, n.throughput).toFixed(0)}× throughput | |`);
  }
  for (const r of [run.warm, run.naive]) {
    if (r && r.errors > 0) lines.push('', `${r.name} errors: ${r.errorSamples.map((e) => `${e.count}× ${e.error}`).join('; ')}`);
  }
  if (run.summary) lines.push('', `classes (every warehouse): ${run.summary.byClass.map((c) => `${c.class} ${c.articles}`).join(', ')}; to clear ${run.summary.toClear} of ${run.summary.articles}`);
  return lines.join('\n');
}
