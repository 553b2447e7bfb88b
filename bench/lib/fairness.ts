/**
 * The fairness scenario: does one client sending the most expensive request
 * the limits allow, as fast as it can, take the server away from everybody
 * else? Ordinary category-page traffic from other customers is measured
 * alone, then with the abuser running beside it on its own connections,
 * then alone again (the reference is the mean of the two runs alone: the
 * machine drifts). The goal is ≥ 80 % of the throughput and a p99 within 2×
 * of the runs alone.
 *
 * It runs on a Ponte child of its own with the rate and cost limits at their
 * defaults (the main run switches them off), and once more with
 * RATE_LIMITS=off to show what the limits buy. The ordinary traffic rotates
 * over 100 customers, a couple of requests per second each, under every
 * per-customer limit; the abuser is one more customer.
 */
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { type OperationDefinitionNode, parse } from 'graphql';
import { buildPonteSchema } from '../../src/graphql/buildSchema';
import { operationCost } from '../../src/graphql/costLimit';
import { Pool } from 'undici';
import { mintToken } from '../../src/auth/mintToken';
import { freeLoopbackPort, startChildServer } from './childServer';
import { waitForWarmUp } from './freshness';
import { type RunLimits, runScenario, type Scenario, type ScenarioResult } from './loadRunner';
import { catalogScenario, type Viewer, viewerHeaders } from './scenarios';

/** Customers sharing the ordinary traffic: a couple of pages a second each, under every per-customer limit. */
const SHOPPERS = 100;

const PAGE_FIELDS = `sku erpDescription price(quantity: 12) { unitPrice listPrice discounts explanation { kind description } }
  priceBreaks { minQuantity unitPrice } availability { status available warehouses { code available } nextArrival { date quantity } }`;

const page = (i: number, family: string, first: number) => `p${i}: catalog(first: ${first}, family: ${JSON.stringify(family)}) { edges { node { ${PAGE_FIELDS} } } }`;

/**
 * Aliased catalog pages with every priced field, as many as fit under
 * `maxCost` by Ponte's own cost model (the last page shortened to fill it):
 * the most expensive request the limits allow.
 */
export async function abuserQuery(families: string[], maxCost: number): Promise<{ query: string; cost: number }> {
  const schema = await buildPonteSchema();
  const costOf = (query: string) => {
    const document = parse(query);
    return operationCost(schema, document.definitions[0] as OperationDefinitionNode, new Map(), {});
  };
  const pages: string[] = [];
  for (let i = 0; i < 50; i += 1) {
    const family = families[i % families.length]!;
    let first = 100;
    while (first > 0 && costOf(`{ ${[...pages, page(i, family, first)].join(' ')} }`) > maxCost) first -= 1;
    if (first === 0) break;
    pages.push(page(i, family, first));
    if (first < 100) break;
  }
  const query = `{ ${pages.join(' ')} }`;
  return { query, cost: costOf(query) };
}

/**
 * The abuser's requests vary (every alias renamed with a counter), so no
 * response cache can answer them for free: each costs the server the work
 * the cost model priced.
 */
export function abuserScenario(viewer: Viewer, query: string): Scenario {
  let n = 0;
  return {
    name: 'abuser',
    title: 'the most expensive request the limits allow, as fast as it can, a different document each time',
    next: () => {
      const tag = (n++).toString(36);
      return { body: JSON.stringify({ query: query.replace(/\bp(\d+): catalog/g, `a${tag}_$1: catalog`) }), headers: viewer.headers };
    },
  };
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
  /** Category pages alone, before and after the contended run: the machine drifts, so the reference is their mean. */
  alone: ScenarioResult;
  aloneAfter: ScenarioResult;
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
  /** The server's MAX_QUERY_COST: the abuser's request is built to reach it. */
  maxCost: number;
  warmupSeconds: number;
  log(message: string): void;
  onChild(pid: number | null): void;
}

async function oneRun(options: FairnessOptions, label: string, extraEnv: Record<string, string>): Promise<FairnessRun> {
  const metricsPort = await freeLoopbackPort();
  const server = await startChildServer({
    mainJs: options.mainJs,
    cwd: options.cwd,
    env: { ...options.env, ...extraEnv, METRICS_PORT: String(metricsPort), METRICS_HOST: '127.0.0.1' },
  });
  options.onChild(server.pid);
  // Measured once the start-up warm-up is over, as a deployed server would be.
  await waitForWarmUp(`http://127.0.0.1:${metricsPort}/metrics`);
  const shoppersPool = new Pool(server.url, { connections: options.limits.connections, pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 });
  const abuserPool = new Pool(server.url, { connections: options.abuserConnections, pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 });
  try {
    const secret = new TextEncoder().encode(options.secret);
    const { shoppers, abuser } = fairnessCustomers(options.erpPath, SHOPPERS);
    const viewers: Viewer[] = [];
    for (const customer of shoppers) {
      viewers.push({ spec: { label: customer, role: 'customer', customer }, headers: viewerHeaders(await mintToken(secret, { role: 'customer', customer })) });
    }
    const abuserViewer: Viewer = {
      spec: { label: abuser, role: 'customer', customer: abuser },
      headers: viewerHeaders(await mintToken(secret, { role: 'customer', customer: abuser })),
    };
    const abuse = await abuserQuery(options.families, options.maxCost);
    options.log(`fairness (${label}): the abuser's request costs ${abuse.cost} (limit ${options.maxCost}); warming the caches for ${options.warmupSeconds} s…`);
    await runScenario(shoppersPool, catalogScenario(viewers, options.families), { ...options.limits, durationMs: options.warmupSeconds * 1000 }, null);
    await runScenario(abuserPool, abuserScenario(abuserViewer, abuse.query), { ...options.limits, connections: 1, maxRequests: 1 }, null);
    options.log(`fairness (${label}): category pages alone…`);
    const alone = await runScenario(shoppersPool, catalogScenario(viewers, options.families), options.limits, server);
    options.log(`fairness (${label}): category pages with the abuser…`);
    const [contended, abuserResult] = await Promise.all([
      runScenario(shoppersPool, catalogScenario(viewers, options.families), options.limits, server),
      runScenario(abuserPool, abuserScenario(abuserViewer, abuse.query), { ...options.limits, connections: options.abuserConnections }, null),
    ]);
    options.log(`fairness (${label}): category pages alone again…`);
    const aloneAfter = await runScenario(shoppersPool, catalogScenario(viewers, options.families), options.limits, server);
    return { label, alone, aloneAfter, contended: { ...contended, name: 'with abuser' }, abuser: abuserResult };
  } finally {
    const printed = server.logLines();
    if (printed.length > 0) options.log(`fairness (${label}): the server printed ${printed.length} lines, last ones:\n${printed.slice(-5).map((l) => `  ${l.slice(0, 300)}`).join('\n')}`);
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
    '| run | category req/s alone (before / after) | with abuser | kept (goal ≥ 80 %) | p99 alone ms (before / after) | p99 with abuser ms | p99 ratio (goal ≤ 2×) | abuser ok req/s | abuser refused | abuser refusals |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of runs) {
    const aloneThroughput = (r.alone.throughput + r.aloneAfter.throughput) / 2;
    const aloneP99 = (r.alone.latency.p99Ms + r.aloneAfter.latency.p99Ms) / 2;
    const kept = r.contended.throughput / aloneThroughput;
    const p99 = r.contended.latency.p99Ms / aloneP99;
    const refusals = r.abuser.errorSamples.map((e) => `${e.count}× ${e.error.slice(0, 60)}`).join('; ') || 'none';
    lines.push(
      `| ${r.label} | ${aloneThroughput.toFixed(1)} (${r.alone.throughput.toFixed(1)} / ${r.aloneAfter.throughput.toFixed(1)}) | ${r.contended.throughput.toFixed(1)} | ${pct(kept)} | ${aloneP99.toFixed(1)} (${r.alone.latency.p99Ms.toFixed(1)} / ${r.aloneAfter.latency.p99Ms.toFixed(1)}) | ${r.contended.latency.p99Ms.toFixed(1)} | ${p99.toFixed(2)}× | ${r.abuser.throughput.toFixed(2)} | ${r.abuser.errors} | ${refusals} |`,
    );
  }
  const pageRuns = runs.flatMap((r) => [r.alone, r.aloneAfter, r.contended]);
  const errors = pageRuns.reduce((n, s) => n + s.errors, 0);
  const kinds = new Map<string, number>();
  for (const run of pageRuns) for (const e of run.errorSamples) kinds.set(e.error, (kinds.get(e.error) ?? 0) + e.count);
  const described = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([e, n]) => `${n}× ${e.slice(0, 120)}`).join('; ');
  lines.push('', `category-page errors over all fairness runs: ${errors}${described ? ` (${described})` : ''}`);
  return lines.join('\n');
}
