/**
 * The gateway scenario (issue 10, "Performance"): a 48-product category page
 * with content (title, slug, images from the example content subgraph) and
 * Ponte's price and availability, measured in the same run through
 *
 *   1. Ponte's gateway mode: one Ponte child with GATEWAY_SUBGRAPHS=content=…,
 *      its own subgraph executed in process, the content subgraph over undici;
 *   2. the stock deployment: Ponte as a plain subgraph, the same content
 *      subgraph, and a stock @apollo/gateway in its own process in front of
 *      both (bench/stockGateway/main.ts);
 *   3. Ponte's own page without content, Ponte alone (the plain subgraph of 2);
 *      and, as a diagnostic with no goal, the same with a new operation name
 *      per request, so Ponte's response cache never answers it.
 *
 * The content subgraph (examples/content-subgraph, its own process) reads
 * the run's demo ERP. Before anything is measured, the page is asked once of
 * both gateways: the two answers must be the same JSON, with every product's
 * title and price present. Goals (reported, never asserted): gateway mode
 * ≥ 2× the stock gateway's req/s and ≤ 0.5× its p99; the gateway page
 * ≥ 0.5× Ponte's own page.
 */
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { Pool, request } from 'undici';
import { mintToken } from '../../src/auth/mintToken';
import { answersGraphql, type ChildServer, freeLoopbackPort, startChildServer } from './childServer';
import { waitForWarmUp } from './freshness';
import { type GqlResult, type RunLimits, runScenario, type Scenario, type ScenarioResult } from './loadRunner';
import { ratio } from './stats';

/** Ponte's fields of the page (the same as the `page` scenario's, less erpDescription). */
const PONTE_FIELDS = 'sku price(quantity: 1) { unitPrice } availability { status available }';
/** The content subgraph's fields of the page. */
const CONTENT_FIELDS = 'title slug images { url }';

/** The gateway page: content + price + availability (withContent), or Ponte's own fields only. */
export function gatewayPageQuery(skus: readonly string[], withContent: boolean): string {
  return `{ products(skus: ${JSON.stringify(skus)}) { ${withContent ? `sku ${CONTENT_FIELDS} ${PONTE_FIELDS.slice('sku '.length)}` : PONTE_FIELDS} } }`;
}

/**
 * A page answered in full: every sku asked for, in order, each with a price
 * and availability, with content a non-empty title, and at least one price
 * (a null price is "price on request"). Returns what is wrong, or null.
 */
export function checkGatewayPage(skus: readonly string[], withContent: boolean): (r: GqlResult) => string | null {
  return (r) => {
    const list = r.data?.products;
    if (!Array.isArray(list)) return 'page: no products';
    if (list.length !== skus.length) return `page: ${list.length} of ${skus.length} products`;
    let priced = 0;
    for (let i = 0; i < skus.length; i += 1) {
      const p = list[i];
      if (!p || p.sku !== skus[i]) return `page: product ${i} is not ${skus[i]}`;
      // A null price is "price on request" (the schema's meaning); a price given has its unit price.
      if (p.price !== null && typeof p.price?.unitPrice !== 'string' && typeof p.price?.unitPrice !== 'number') return `page: ${skus[i]} has a price without unitPrice`;
      if (p.price !== null) priced += 1;
      if (!p.availability?.status) return `page: ${skus[i]} has no availability`;
      if (withContent && !(typeof p.title === 'string' && p.title.trim() !== '')) return `page: ${skus[i]} has no title`;
    }
    return priced > 0 ? null : 'page: no product has a price';
  };
}

/**
 * The page, the same document every time; or (uncached) named anew on every
 * request (`query P1 {…}`, `query P2 {…}` …), so Ponte's response cache
 * never answers it: what resolving the page costs Ponte, the work its
 * gateway mode does in process for every page.
 */
export function gatewayPageScenario(name: string, headers: Record<string, string>, skus: readonly string[], withContent: boolean, uncached = false): Scenario {
  const query = gatewayPageQuery(skus, withContent);
  const check = checkGatewayPage(skus, withContent);
  const call = { body: JSON.stringify({ query }), headers, check };
  let n = 0;
  return {
    name,
    title: `category page: products(skus: ${skus.length}) with ${withContent ? 'content (title, slug, images), ' : ''}price and availability, ${uncached ? 'a new operation name every time (no response cache)' : 'the same page every time'}`,
    next: () => (uncached ? { body: JSON.stringify({ query: `query P${(n++).toString(36)} ${query}` }), headers, check } : call),
  };
}

/** The first difference between two JSON values, as a path; null when equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i += 1) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return path;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return path;
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`;
}

/** The three figures; any may be missing when the run was interrupted. */
export interface GatewayFigures {
  gatewayMode: ScenarioResult | null;
  stock: ScenarioResult | null;
  ponteAlone: ScenarioResult | null;
  /** Diagnostic, no goal: Ponte's own page with its response cache missed. */
  ponteUncached?: ScenarioResult | null;
}

export interface GatewayGoal {
  label: string;
  /** The measured ratio (NaN when a figure is missing). */
  value: number;
  goal: string;
  met: boolean | null;
}

/** Issue 10's goals from the three figures: pure, for the report and its test. */
export function gatewayGoals(f: GatewayFigures): GatewayGoal[] {
  const both = f.gatewayMode && f.stock;
  const throughputX = both ? ratio(f.gatewayMode!.throughput, f.stock!.throughput) : NaN;
  const p99X = both ? ratio(f.gatewayMode!.latency.p99Ms, f.stock!.latency.p99Ms) : NaN;
  const ownX = f.gatewayMode && f.ponteAlone ? ratio(f.gatewayMode.throughput, f.ponteAlone.throughput) : NaN;
  const verdict = (v: number, ok: (v: number) => boolean) => (Number.isFinite(v) ? ok(v) : null);
  return [
    { label: 'gateway mode req/s vs the stock gateway', value: throughputX, goal: '≥ 2×', met: verdict(throughputX, (v) => v >= 2) },
    { label: 'gateway mode p99 vs the stock gateway', value: p99X, goal: '≤ 0.5×', met: verdict(p99X, (v) => v <= 0.5) },
    { label: "gateway mode req/s vs Ponte's own page without content", value: ownX, goal: '≥ 0.5×', met: verdict(ownX, (v) => v >= 0.5) },
  ];
}

const fixed = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : '-');

/** One goal as a report line: `- label: 2.41× (goal ≥ 2×) → met`. */
export function formatGoal(g: GatewayGoal): string {
  return `- ${g.label}: ${Number.isFinite(g.value) ? `${fixed(g.value, 2)}×` : 'n/a'} (goal ${g.goal}) → ${g.met === null ? 'n/a' : g.met ? 'met' : 'NOT met'}`;
}

export interface GatewayRun extends GatewayFigures {
  /** Outcome of the correctness check made before measuring. */
  check: string;
  pageBytes: { gatewayMode: number; stock: number; ponteAlone: number };
  /** Servers' CPU over each measurement, to read the stock figure against its three processes. */
  cpu: { gatewayMode: string; stock: string; ponteAlone: string; ponteUncached: string };
  connections: number;
  profile: string | null;
}

/** The gateway section of bench/results/latest.md. */
export function formatGateway(run: GatewayRun): string {
  const rows: Array<[string, string, ScenarioResult | null, number, string]> = [
    ['1. Ponte gateway mode (in-process Ponte + content over undici)', 'Ponte (gateway) + content', run.gatewayMode, run.pageBytes.gatewayMode, run.cpu.gatewayMode],
    ['2. stock @apollo/gateway → Ponte (plain subgraph) + content', 'stock gateway + Ponte + content', run.stock, run.pageBytes.stock, run.cpu.stock],
    ["3. Ponte's own page, no content", 'Ponte (plain subgraph)', run.ponteAlone, run.pageBytes.ponteAlone, run.cpu.ponteAlone],
    ["(diagnostic) 3 with a new operation name per request: Ponte's response cache missed", 'Ponte (plain subgraph)', run.ponteUncached ?? null, run.pageBytes.ponteAlone, run.cpu.ponteUncached],
  ];
  const lines = [
    '| setup | processes | ok req/s | p50 ms | p95 ms | p99 ms | errors | resp bytes | server cpu (% of a core, per process) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(([label, processes, r, bytes, cpu]) =>
      r
        ? `| ${label} | ${processes} | ${fixed(r.throughput, 1)} | ${fixed(r.latency.p50Ms, 2)} | ${fixed(r.latency.p95Ms, 2)} | ${fixed(r.latency.p99Ms, 2)} | ${r.errors} | ${bytes} | ${cpu} |`
        : `| ${label} | ${processes} | not run | | | | | | |`,
    ),
    '',
    `Correctness before measuring: ${run.check}`,
    '',
    'Goals (reported, never asserted):',
    ...gatewayGoals(run).map(formatGoal),
    '',
    "The diagnostic row has no goal: it is what resolving the page costs Ponte when its response cache does not answer (gateway mode executes Ponte's subgraph in process for every page; behind the stock gateway Ponte receives the same subgraph document every time, and its response cache answers it).",
  ];
  const errors = [run.gatewayMode, run.stock, run.ponteAlone, run.ponteUncached ?? null].flatMap((r) => (r ? r.errorSamples.map((e) => `  ${r.name}: ${e.count} x ${e.error}`) : []));
  if (errors.length > 0) lines.push('', 'errors:', ...errors);
  if (run.profile) lines.push('', run.profile);
  return lines.join('\n');
}

export interface GatewayOptions {
  root: string;
  mainJs: string;
  /** The Ponte children's environment (the harness's childEnv, secret included). */
  env: Record<string, string>;
  secret: string;
  erpPath: string;
  /** The page's 48 skus, visible to everybody. */
  skus: readonly string[];
  /** The customer the other scenarios use. */
  customer: string;
  connections: number;
  limits: RunLimits;
  warmupSeconds: number;
  /** Writes a CPU profile of the gateway-mode Ponte here (node --cpu-prof). */
  profileDir: string | null;
  log(message: string): void;
  /** Every child's pid as it starts (null as it stops), for the harness's last-resort kill. */
  onChild(pid: number, alive: boolean): void;
}

const PAGE_CHECK = 'the page asked once of each gateway';

const pricedCount = (r: GqlResult | null) => (Array.isArray(r?.data?.products) ? r!.data.products.filter((p: { price?: unknown } | null) => p?.price).length : 0);

async function ask(url: string, headers: Record<string, string>, query: string): Promise<{ status: number; text: string }> {
  const res = await request(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }), headersTimeout: 30_000, bodyTimeout: 30_000 });
  return { status: res.statusCode, text: await res.body.text() };
}

/** Runs the three setups; every child is stopped by its pid before this returns. */
export async function runGateway(options: GatewayOptions): Promise<GatewayRun> {
  const children: ChildServer[] = [];
  const start = async (what: string, spec: Parameters<typeof startChildServer>[0]): Promise<ChildServer> => {
    options.log(`gateway: starting ${what}…`);
    const child = await startChildServer(spec);
    children.push(child);
    options.onChild(child.pid, true);
    options.log(`  ${what} ready at ${child.url} (pid ${child.pid})`);
    return child;
  };
  const stopAll = async () => {
    for (const child of children.reverse()) {
      await child.stop();
      options.onChild(child.pid, false);
    }
  };
  const ponteEnv = async () => {
    const port = await freeLoopbackPort();
    return { env: { ...options.env, RATE_LIMITS: 'off', METRICS_PORT: String(port), METRICS_HOST: '127.0.0.1' }, metrics: `http://127.0.0.1:${port}/metrics` };
  };
  const cpuOf = (list: ChildServer[]) => {
    const before = list.map((c) => c.cpuSeconds());
    const t0 = performance.now();
    return () => {
      const seconds = (performance.now() - t0) / 1000;
      return list
        .map((c, i) => {
          const now = c.cpuSeconds();
          const was = before[i];
          return now === null || was === null || was === undefined ? '-' : `${Math.round(((now - was) / seconds) * 100)} %`;
        })
        .join(' + ');
    };
  };

  try {
    const secret = new TextEncoder().encode(options.secret);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await mintToken(secret, { role: 'customer', customer: options.customer })}` };
    const serviceToken = await mintToken(secret, { role: 'service' });

    const content = await start('the example content subgraph', {
      mainJs: join(options.root, 'dist', 'examples', 'content-subgraph', 'main.js'),
      cwd: options.root,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_LEVEL: 'warn' },
      args: (port) => ['--port', String(port), '--erp', options.erpPath],
      ready: answersGraphql,
    });
    const contentUrl = `${content.url}/graphql`;

    const gw = await ponteEnv();
    const gatewayMode = await start(`Ponte in gateway mode (GATEWAY_SUBGRAPHS=content=${contentUrl})`, {
      mainJs: options.mainJs,
      cwd: options.root,
      env: { ...gw.env, GATEWAY_SUBGRAPHS: `content=${contentUrl}` },
      nodeArgs: options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`, '--cpu-prof-name=ponte-gateway-mode.cpuprofile'] : [],
    });
    await waitForWarmUp(gw.metrics);

    const plain = await ponteEnv();
    const ponte = await start('Ponte as a plain subgraph', { mainJs: options.mainJs, cwd: options.root, env: plain.env });
    await waitForWarmUp(plain.metrics);

    const stock = await start('the stock @apollo/gateway (bench/stockGateway/main.js)', {
      mainJs: join(options.root, 'dist', 'bench', 'stockGateway', 'main.js'),
      cwd: options.root,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PONTE_URL: `${ponte.url}/graphql`, CONTENT_URL: contentUrl, PONTE_SERVICE_TOKEN: serviceToken },
      ready: answersGraphql,
    });

    // Correctness once, before anything is measured.
    const withContent = gatewayPageQuery(options.skus, true);
    const a = await ask(gatewayMode.url, headers, withContent);
    const b = await ask(stock.url, headers, withContent);
    const c = await ask(ponte.url, headers, gatewayPageQuery(options.skus, false));
    const problems: string[] = [];
    const parsed = [a, b, c].map((r, i) => {
      const who = ['gateway mode', 'stock gateway', 'Ponte alone'][i];
      try {
        const json = JSON.parse(r.text) as GqlResult;
        if (r.status !== 200) problems.push(`${who}: HTTP ${r.status}`);
        if (json.errors?.length) problems.push(`${who}: ${json.errors[0]!.message.slice(0, 160)}`);
        const wrong = checkGatewayPage(options.skus, i < 2)(json);
        if (wrong) problems.push(`${who}: ${wrong}`);
        return json;
      } catch {
        problems.push(`${who}: HTTP ${r.status}, not JSON: ${r.text.slice(0, 160)}`);
        return null;
      }
    });
    const diff = parsed[0] && parsed[1] ? firstDifference(parsed[0], parsed[1]) : 'not comparable';
    if (diff) problems.push(`the two gateways differ at ${diff}`);
    // Ponte's fields through the gateway equal Ponte alone's.
    if (parsed[0] && parsed[2]) {
      const strip = (list: Array<Record<string, unknown>>) => list.map((p) => ({ sku: p['sku'], price: p['price'], availability: p['availability'] }));
      const own = firstDifference(strip(parsed[0].data?.products ?? []), strip(parsed[2].data?.products ?? []));
      if (own) problems.push(`gateway mode's prices/availability differ from Ponte alone at ${own}`);
    }
    const check =
      problems.length === 0
        ? `${PAGE_CHECK}: the same JSON (${a.text.length} bytes) from both, ${options.skus.length} products each with a non-empty title and availability, ${pricedCount(parsed[0])} of them with a price (the others: price on request, null); prices and availability equal to Ponte alone's.`
        : `${PAGE_CHECK}: FAILED: ${problems.join('; ')}`;
    options.log(`gateway: ${check}`);

    const measure = async (name: string, target: ChildServer, cpuOver: ChildServer[], content: boolean, uncached = false): Promise<ScenarioResult | null> => {
      if (options.limits.aborted()) return null;
      const scenario = gatewayPageScenario(name, headers, options.skus, content, uncached);
      const pool = new Pool(target.url, { connections: options.connections, pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 });
      try {
        if (options.warmupSeconds > 0) await runScenario(pool, scenario, { ...options.limits, connections: options.connections, durationMs: options.warmupSeconds * 1000 }, null);
        options.log(`running ${name} (${options.connections} connections)…`);
        const cpu = cpuOf(cpuOver);
        const r = await runScenario(pool, scenario, { ...options.limits, connections: options.connections }, target);
        cpus.set(name, cpu());
        options.log(`  ${r.requests} requests, ${r.errors} errors, ${r.throughput.toFixed(1)} ok req/s, p99 ${r.latency.p99Ms.toFixed(2)} ms`);
        return r;
      } finally {
        await pool.close();
      }
    };
    const cpus = new Map<string, string>();
    const ponteAlone = await measure('gw: Ponte alone', ponte, [ponte], false);
    const modeResult = await measure('gw: gateway mode', gatewayMode, [gatewayMode, content], true);
    const stockResult = await measure('gw: stock', stock, [stock, ponte, content], true);
    const ponteUncached = await measure('gw: Ponte uncached', ponte, [ponte], false, true);
    return {
      gatewayMode: modeResult,
      stock: stockResult,
      ponteAlone,
      ponteUncached,
      check,
      pageBytes: { gatewayMode: a.text.length, stock: b.text.length, ponteAlone: c.text.length },
      cpu: {
        gatewayMode: `${cpus.get('gw: gateway mode') ?? '-'} (Ponte + content)`,
        stock: `${cpus.get('gw: stock') ?? '-'} (gateway + Ponte + content)`,
        ponteAlone: `${cpus.get('gw: Ponte alone') ?? '-'} (Ponte)`,
        ponteUncached: `${cpus.get('gw: Ponte uncached') ?? '-'} (Ponte)`,
      },
      connections: options.connections,
      profile: options.profileDir ? `CPU profile of the gateway-mode Ponte: ${join(options.profileDir, 'ponte-gateway-mode.cpuprofile')} (whole life of that child: start, correctness check, warm-up, measurement)` : null,
    };
  } finally {
    await stopAll();
  }
}
