/**
 * The fairness scenario: does one client sending the most expensive request
 * the limits allow, as fast as it can, take the server away from everybody
 * else? Ordinary category-page traffic from other customers is measured
 * alone, then with the abuser running beside it on its own connections; the
 * goal is ≥ 80 % of the throughput and a p99 within 2× of the run alone.
 *
 * It runs on a Ponte child of its own with the rate and cost limits at their
 * defaults (the main run switches them off), and once more with
 * RATE_LIMITS=off to show what the limits buy. The ordinary traffic rotates
 * over 40 customers, a few requests per second each, as real shoppers would
 * be; the abuser is one more customer.
 */
import Database from 'better-sqlite3';
import { Pool } from 'undici';
import { mintToken } from '../../src/auth/mintToken';
import { startChildServer } from './childServer';
import { type RunLimits, runScenario, type Scenario, type ScenarioResult } from './loadRunner';
import { catalogScenario, type Viewer, viewerHeaders } from './scenarios';

const PAGE_FIELDS = `sku description price(quantity: 12) { unitPrice listPrice discounts explanation { kind description } }
  priceBreaks { minQuantity unitPrice } availability { status available warehouses { code available } nextArrival { date quantity } }`;

/** Four catalog pages of 100 with every priced field: cost 10 000, the default limit. */
export function abuserQuery(families: string[]): string {
  const pages = families
    .slice(0, 4)
    .map((family, i) => `p${i}: catalog(first: 100, family: ${JSON.stringify(family)}) { edges { node { ${PAGE_FIELDS} } } }`);
  return `{ ${pages.join(' ')} }`;
}

export function abuserScenario(viewer: Viewer, families: string[]): Scenario {
  const body = JSON.stringify({ query: abuserQuery(families) });
  return { name: 'abuser', title: 'the most expensive request the limits allow, as fast as it can', next: () => ({ body, headers: viewer.headers }) };
}

/** Customers for the ordinary traffic and one for the abuser, straight from the ERP file. */
export function fairnessCustomers(erpPath: string, count: number): { shoppers: string[]; abuser: string } {
  const db = new Database(erpPath, { readonly: true, fileMustExist: true });
  try {
    const codes = (db.prepare(`SELECT customer_code AS code FROM ecom_customers WHERE blocked = 0 ORDER BY customer_code LIMIT ?`).all(count + 1) as Array<{ code: string }>).map(
      (r) => r.code,
    );
    return { shoppers: codes.slice(0, count), abuser: codes[count]! };
  } finally {
    db.close();
  }
}

export interface FairnessRun {
  label: string;
  alone: ScenarioResult;
  contended: ScenarioResult;
  abuser: ScenarioResult;
}

export interface FairnessOptions {
  mainJs: string;
  cwd: string;
  env: Record<string, string>;
  secret: string;
  erpPath: string;
  families: string[];
  limits: RunLimits;
  abuserConnections: number;
  warmupSeconds: number;
  log(message: string): void;
  onChild(pid: number | null): void;
}

async function oneRun(options: FairnessOptions, label: string, extraEnv: Record<string, string>): Promise<FairnessRun> {
  const server = await startChildServer({ mainJs: options.mainJs, cwd: options.cwd, env: { ...options.env, ...extraEnv } });
  options.onChild(server.pid);
  const shoppersPool = new Pool(server.url, { connections: options.limits.connections, pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 });
  const abuserPool = new Pool(server.url, { connections: options.abuserConnections, pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 });
  try {
    const secret = new TextEncoder().encode(options.secret);
    const { shoppers, abuser } = fairnessCustomers(options.erpPath, 40);
    const viewers: Viewer[] = [];
    for (const customer of shoppers) {
      viewers.push({ spec: { label: customer, role: 'customer', customer }, headers: viewerHeaders(await mintToken(secret, { role: 'customer', customer })) });
    }
    const abuserViewer: Viewer = {
      spec: { label: abuser, role: 'customer', customer: abuser },
      headers: viewerHeaders(await mintToken(secret, { role: 'customer', customer: abuser })),
    };
    options.log(`fairness (${label}): warming the caches for ${options.warmupSeconds} s…`);
    await runScenario(shoppersPool, catalogScenario(viewers, options.families), { ...options.limits, durationMs: options.warmupSeconds * 1000 }, null);
    await runScenario(abuserPool, abuserScenario(abuserViewer, options.families), { ...options.limits, connections: 1, maxRequests: 1 }, null);
    options.log(`fairness (${label}): category pages alone…`);
    const alone = await runScenario(shoppersPool, catalogScenario(viewers, options.families), options.limits, server);
    options.log(`fairness (${label}): category pages with the abuser…`);
    const [contended, abuserResult] = await Promise.all([
      runScenario(shoppersPool, catalogScenario(viewers, options.families), options.limits, server),
      runScenario(abuserPool, abuserScenario(abuserViewer, options.families), { ...options.limits, connections: options.abuserConnections }, null),
    ]);
    return { label, alone, contended: { ...contended, name: 'with abuser' }, abuser: abuserResult };
  } finally {
    await shoppersPool.close();
    await abuserPool.close();
    await server.stop();
    options.onChild(null);
  }
}

export async function runFairness(options: FairnessOptions): Promise<FairnessRun[]> {
  const runs = [await oneRun(options, 'limits on (defaults)', { RATE_LIMITS: 'on' })];
  if (!options.limits.aborted()) runs.push(await oneRun(options, 'limits off', { RATE_LIMITS: 'off' }));
  return runs;
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(0)} %` : 'n/a';
}

/** The fairness figures as a Markdown table, with the goal's verdict per run. */
export function formatFairness(runs: FairnessRun[]): string {
  const lines = [
    '| run | category req/s alone | with abuser | kept (goal ≥ 80 %) | p99 alone ms | p99 with abuser ms | p99 ratio (goal ≤ 2×) | abuser ok req/s | abuser refused | abuser refusals |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of runs) {
    const kept = r.contended.throughput / r.alone.throughput;
    const p99 = r.contended.latency.p99Ms / r.alone.latency.p99Ms;
    const refusals = r.abuser.errorSamples.map((e) => `${e.count}× ${e.error.slice(0, 60)}`).join('; ') || 'none';
    lines.push(
      `| ${r.label} | ${r.alone.throughput.toFixed(1)} | ${r.contended.throughput.toFixed(1)} | ${pct(kept)} | ${r.alone.latency.p99Ms.toFixed(1)} | ${r.contended.latency.p99Ms.toFixed(1)} | ${p99.toFixed(2)}× | ${r.abuser.throughput.toFixed(2)} | ${r.abuser.errors} | ${refusals} |`,
    );
  }
  const errors = runs.flatMap((r) => [r.alone, r.contended]).reduce((n, s) => n + s.errors, 0);
  lines.push('', `category-page errors over all fairness runs: ${errors}`);
  return lines.join('\n');
}
