/**
 * Freshness: how long after a stock change lands in the ERP does Ponte serve
 * it? For a few articles: read the availability (so the stock fact is
 * cached), update `ecom_stock` and append a STOCK row to `ecom_changes` in
 * one transaction, then ask again every 10 ms until the new quantity comes
 * back. Change→served is measured from the commit. The server runs with
 * CHANGE_FEED_POLL_MS unset (its default), and the feed's cost is read from
 * its own metrics: `changesSince` round trips per second while idle.
 */
import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { BENCH_SEED, seeded } from './fixtures';

export interface FreshnessResult {
  /** Change→served latency per change, in ms; null when not served within the timeout. */
  latenciesMs: Array<number | null>;
  /** changesSince round trips per second over an idle window, from the server's metrics. */
  pollsPerSecond: number | null;
  /** Requests sent while waiting (each a read of one product). */
  probes: number;
}

const QUERY = `query Fresh($sku: ID!) { product(sku: $sku) { availability { available } } }`;

async function available(url: string, headers: Record<string, string>, sku: string): Promise<string | null> {
  const res = await request(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: QUERY, variables: { sku } }), headersTimeout: 5000, bodyTimeout: 5000 });
  const json = (await res.body.json()) as { data?: { product?: { availability?: { available?: string | null } | null } | null } };
  return json.data?.product?.availability?.available ?? null;
}

/** Sum of a Prometheus counter's samples whose labels contain `labelMatch`. */
export function metricSum(text: string, name: string, labelMatch = ''): number | null {
  let sum = 0;
  let found = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== ' ' && rest[0] !== '{') continue;
    if (labelMatch && !rest.includes(labelMatch)) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) {
      sum += value;
      found = true;
    }
  }
  return found ? sum : null;
}

/** ERP calls by operation since start, from ponte_erp_call_duration_seconds_count. */
export function erpCallsByOperation(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^ponte_erp_call_duration_seconds_count\{operation="([^"]+)",outcome="[^"]+"\} (\d+)/.exec(line);
    if (match) out.set(match[1]!, (out.get(match[1]!) ?? 0) + Number(match[2]));
  }
  return out;
}

/** The calls made between two readings of erpCallsByOperation, largest first, as "op n, op n". */
export function erpCallsBetween(before: Map<string, number>, after: Map<string, number>): string {
  const diff = [...after].map(([op, n]) => [op, n - (before.get(op) ?? 0)] as const).filter(([, n]) => n > 0);
  return diff.length === 0 ? 'none' : diff.sort((a, b) => b[1] - a[1]).map(([op, n]) => `${op} ${n}`).join(', ');
}

/**
 * Waits until the server's start-up cache warm-up is over (ponte_cache_warm_up_running 0),
 * so that steady-state figures are not measured against it; returns the ms waited.
 */
export async function waitForWarmUp(metricsUrl: string, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const text = await scrapeMetrics(metricsUrl);
    if (text !== null && metricSum(text, 'ponte_cache_warm_up_running') === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Math.round(performance.now() - started);
}

export async function scrapeMetrics(metricsUrl: string): Promise<string | null> {
  try {
    const res = await request(metricsUrl, { method: 'GET', headersTimeout: 5000, bodyTimeout: 5000 });
    return res.statusCode === 200 ? await res.body.text() : (await res.body.dump(), null);
  } catch {
    return null;
  }
}

/** Articles holding stock in a web-enabled warehouse with on_hand ≥ committed (so adding to on_hand adds to `available`). */
export function freshnessSkus(erpPath: string, candidates: readonly string[], count: number): Array<{ sku: string; warehouse: string }> {
  const db = new Database(erpPath, { readonly: true, fileMustExist: true });
  try {
    const pick = db.prepare(
      `SELECT s.warehouse_code AS w FROM ecom_stock s JOIN ecom_warehouses w ON w.warehouse_code = s.warehouse_code
        WHERE s.sku = ? AND w.web_enabled = 1 AND CAST(s.on_hand AS REAL) >= CAST(s.committed AS REAL) LIMIT 1`,
    );
    const out: Array<{ sku: string; warehouse: string }> = [];
    for (const sku of candidates) {
      if (out.length >= count) break;
      const row = pick.get(sku) as { w: string } | undefined;
      if (row) out.push({ sku, warehouse: row.w });
    }
    return out;
  } finally {
    db.close();
  }
}

export async function measureFreshness(options: {
  url: string;
  metricsUrl: string | null;
  erpPath: string;
  headers: Record<string, string>;
  targets: Array<{ sku: string; warehouse: string }>;
  timeoutMs: number;
  idleSeconds: number;
  aborted(): boolean;
}): Promise<FreshnessResult> {
  // The feed's own cost first, while nothing else happens.
  let pollsPerSecond: number | null = null;
  if (options.metricsUrl) {
    const name = 'ponte_erp_call_duration_seconds_count';
    const before = await scrapeMetrics(options.metricsUrl);
    const t0 = performance.now();
    await sleep(options.idleSeconds * 1000);
    const after = await scrapeMetrics(options.metricsUrl);
    const a = before ? metricSum(before, name, 'operation="changesSince"') : null;
    const b = after ? metricSum(after, name, 'operation="changesSince"') : null;
    if (b !== null) pollsPerSecond = (b - (a ?? 0)) / ((performance.now() - t0) / 1000);
  }
  const db = new Database(options.erpPath, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const update = db.prepare(`UPDATE ecom_stock SET on_hand = CAST(CAST(on_hand AS REAL) + 7 AS TEXT) WHERE sku = ? AND warehouse_code = ?`);
  const change = db.prepare(`INSERT INTO ecom_changes (entity, entity_key, changed_at) VALUES ('STOCK', ?, ?)`);
  const latenciesMs: Array<number | null> = [];
  // Seeded like the rest of the bench: every run waits the same delays.
  const jitter = seeded(BENCH_SEED);
  let probes = 0;
  try {
    for (const target of options.targets) {
      if (options.aborted()) break;
      const before = await available(options.url, options.headers, target.sku);
      // Let a poll or two pass so the change lands at a random point of the interval.
      await sleep(jitter.int(150, 649));
      db.transaction(() => {
        update.run(target.sku, target.warehouse);
        change.run(target.sku, new Date().toISOString());
      })();
      const committed = performance.now();
      let served: number | null = null;
      while (performance.now() - committed < options.timeoutMs && !options.aborted()) {
        probes += 1;
        const now = await available(options.url, options.headers, target.sku);
        if (now !== before) {
          served = performance.now() - committed;
          break;
        }
        await sleep(10);
      }
      latenciesMs.push(served);
    }
  } finally {
    db.close();
  }
  return { latenciesMs, pollsPerSecond, probes };
}
