/**
 * `npm run bench`: Ponte's load benchmark.
 *
 * Performance is measured, not asserted: this reports throughput, latency
 * percentiles and ERP round trips per request for each scenario, and the
 * ratios of each against a baseline (`{ __typename }` through the same HTTP,
 * auth and GraphQL stack) measured in the same run on the same machine.
 * Absolute numbers say something about this machine; the ratios and the
 * ERP calls per request say something about Ponte.
 *
 * It generates (once per size, cached in .data/) the demo ERP, copies it for
 * the run, starts Ponte as a child process on a free loopback port, mints
 * tokens with the secret it gave the child, and drives each scenario with
 * an undici Pool for a bounded time and request count. Only loopback is
 * ever targeted; for a staging server use the k6 scripts in bench/k6/.
 *
 * Issue 8's figures are measured beside yardsticks of the same run: the
 * ceiling (node:http sending the page's bytes) and the naive server
 * (bench/naive/), each a child process of its own, run one at a time. Then
 * Ponte's scenarios, the storefront mix, memory (its metrics, and a server
 * with a 256 MB heap), freshness (the change feed at its default) and
 * fairness, each extra server started and stopped by pid in turn.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { mintToken } from '../src/auth/mintToken';
import { projectRoot } from '../src/projectRoot';
import { type HarnessOptions, parseArgs, USAGE } from './lib/args';
import { startChildServer } from './lib/childServer';
import { formatFairness, type FairnessRun, runFairness } from './lib/fairness';
import { benchErpPath, chooseBenchData, copyForRun, ensureBenchErp } from './lib/fixtures';
import { runScenario, type Scenario, type ScenarioResult } from './lib/loadRunner';
import { formatErrors, formatResources, formatTable, machineInfo, ratiosAgainst } from './lib/report';
import {
  baselineScenario,
  catalogColdScenario,
  catalogScenario,
  orderScenario,
  productScenario,
  quoteScenario,
  type Viewer,
  viewerHeaders,
} from './lib/scenarios';
import { ratio } from './lib/stats';
import { buildNaiveDb } from './naive/buildNaiveDb';
import { loadConfig } from '../src/config/config';
import { erpCallsBetween, erpCallsByOperation, freshnessSkus, waitForWarmUp, type FreshnessResult, measureFreshness, metricSum, scrapeMetrics } from './lib/freshness';
import { freeLoopbackPort, type ChildServer } from './lib/childServer';
import { formatStorefront, mib, type StorefrontRow } from './lib/report';
import {
  chooseStorefrontData,
  mixedScenario,
  pageColdScenario,
  pageQuery,
  pageScenario,
  productDetailScenario,
  quoteCartsScenario,
  type Target,
  uniformScenario,
} from './lib/storefront';
import { carts as cartsOf } from './lib/scenarios';
import { formatGateway, type GatewayRun, runGateway } from './lib/gateway';
import { formatStats, runStats, type StatsRun } from './lib/statsBench';

/** A memory run: uniform load over every customer, then the server's own figures. */
interface MemoryRun {
  label: string;
  /** Customers that made a request in the first pass (one each). */
  covered: number;
  result: ScenarioResult | null;
  completed: boolean;
  exit: string | null;
  rssEnd: number | null;
  rssPeak: number | null;
  cacheBytes: number | null;
  residentFromMetrics: number | null;
  heapUsed: number | null;
  /** V8 heap reserved (used + free + garbage not yet collected). */
  heapTotal: number | null;
  /** Memory outside the V8 heap that V8 knows of (Buffers, ArrayBuffers). */
  external: number | null;
}

/** The memory scenario's first pass (one request per customer) stops after this long at most. */
const MEMORY_PASS_MAX_MS = 120_000;

/** Cold pages measured at most (each page once). */
const COLD_PAGES = 400;

/** Server settings a caller may pass through the environment to see their effect; shown in the report. */
const SERVER_KNOBS = [
  'ERP_TIMEOUT_MS',
  'ERP_MAX_CONCURRENCY',
  'CACHE_MAX_ENTRIES',
  'CACHE_MAX_MB',
  'CACHE_TTL_MS',
  'STOCK_CACHE_TTL_MS',
  'MAX_ORDER_LINES',
  'UV_THREADPOOL_SIZE',
  'NODE_OPTIONS',
  'MAX_QUERY_COST',
  'RATE_LIMIT_MAX',
  'RATE_LIMIT_COST_MAX',
];

const log = (message: string) => process.stderr.write(`${message}\n`);

let aborted = false;
let childPid: number | null = null;
let fairnessPid: number | null = null;
let auxPid: number | null = null;
/** The gateway scenario's children (content subgraph, two Ponte, stock gateway). */
const gatewayPids = new Set<number>();
let cleanups: Array<() => Promise<void> | void> = [];

async function cleanup(): Promise<void> {
  const list = cleanups.reverse();
  cleanups = [];
  for (const fn of list) {
    try {
      await fn();
    } catch (error) {
      log(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function installSignalHandlers(): void {
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts += 1;
    if (interrupts === 1) {
      aborted = true;
      log(`\n${signal}: stopping the current scenario; the report covers what ran. ${signal} again to quit at once.`);
      return;
    }
    void cleanup().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Last resort: never leave the server running behind us.
  process.on('exit', () => {
    for (const pid of [childPid, fairnessPid, auxPid, ...gatewayPids]) {
      if (pid === null) continue;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
}

async function main(options: HarnessOptions): Promise<void> {
  const root = projectRoot();
  const mainJs = join(root, 'dist', 'src', 'main.js');
  if (!existsSync(mainJs)) throw new Error(`${mainJs} not found: build first (npm run bench does).`);

  const machine = machineInfo();
  log(`machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, ${machine.platform}, load ${machine.loadAverage1m}`);

  // 1. The demo ERP, cached per size; a copy per run takes the orders.
  const cachedPath = benchErpPath(root, options.articles);
  log(`demo ERP: ${cachedPath} (${options.articles} articles, ${options.customers} customers)…`);
  const erp = ensureBenchErp(cachedPath, options.articles, options.customers, options.regenerate);
  log(erp.generatedNow ? `  generated in ${(erp.millis / 1000).toFixed(1)} s` : '  reused');
  const data = chooseBenchData(cachedPath, erp.summary);
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const copy = copyForRun(cachedPath, tmpdir(), runId);
  cleanups.push(() => copy.remove());

  // 2. Ponte in a child process, loopback only, with a secret only this run knows.
  const secret = randomBytes(48).toString('base64url');
  const knobs = SERVER_KNOBS.filter((k) => process.env[k] !== undefined).map((k) => `${k}=${process.env[k]}`);
  log(`starting Ponte (node dist/src/main.js, ERP_URL=sqlite:${copy.path})${knobs.length ? ` with ${knobs.join(' ')}` : ''}…`);
  const started = performance.now();
  const profileDir = options.profileDir ? resolve(process.cwd(), options.profileDir) : null;
  const childEnv = {
    // The caller's environment passes through (server knobs), except auth
    // settings: the run's tokens are signed with its own secret only.
    ...Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !e[0].startsWith('AUTH_'))),
    NODE_ENV: 'production',
    ERP_URL: `sqlite:${copy.path}`,
    AUTH_JWT_SECRET: secret,
    LOG_LEVEL: 'warn',
    CHANGE_FEED_POLL_MS: '0',
    // The erp/req columns read x-ponte-erp-calls, off in production by default.
    DEBUG_HEADERS: 'true',
    METRICS_PORT: 'off',
  };
  // What the children will run with, read as they read it: no default is
  // restated here.
  const childConfig = loadConfig(childEnv);
  const metricsPort = await freeLoopbackPort();
  const server = await startChildServer({
    mainJs,
    cwd: root,
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    // The load scenarios measure speed, not the rate limits (8 viewers send far more than shoppers would).
    // Metrics on a loopback port of their own: the memory figures come from there.
    env: { ...childEnv, RATE_LIMITS: 'off', METRICS_PORT: String(metricsPort), METRICS_HOST: '127.0.0.1' },
  });
  const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  // Steady-state figures: the start-up cache warm-up (every customer read in batches) is over first.
  log(`  cache warm-up over after ${await waitForWarmUp(metricsUrl)} ms`);
  childPid = server.pid;
  cleanups.push(async () => {
    await server.stop();
    childPid = null;
  });
  log(`  ready at ${server.url} (pid ${server.pid}) in ${Math.round(performance.now() - started)} ms`);

  // 3. Tokens: each customer its own, the agent one for all it acts for.
  const secretBytes = new TextEncoder().encode(secret);
  const agentTokens = new Map<string, string>();
  const viewers: Viewer[] = [];
  for (const spec of data.viewers) {
    if (spec.role === 'customer') {
      viewers.push({ spec, headers: viewerHeaders(await mintToken(secretBytes, { role: 'customer', customer: spec.customer })) });
    } else {
      let token = agentTokens.get(spec.agent!);
      if (!token) {
        token = await mintToken(secretBytes, { role: 'agent', agent: spec.agent! });
        agentTokens.set(spec.agent!, token);
      }
      viewers.push({ spec, headers: viewerHeaders(token, spec.customer) });
    }
  }
  log(`viewers: ${viewers.map((v) => v.spec.label).join(', ')}; families: ${data.families.length}; products: ${data.productSkus.length}; orderable lines: ${data.orderLines.length}`);

  const pool = new Pool(server.url, {
    connections: options.connections,
    pipelining: 1,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  cleanups.push(() => pool.close());

  const limits = {
    durationMs: options.durationSeconds * 1000,
    maxRequests: options.maxRequests,
    connections: options.connections,
    aborted: () => aborted,
  };
  const run = async (scenario: Scenario): Promise<ScenarioResult> => {
    log(`running ${scenario.name}: ${scenario.title}…`);
    const result = await runScenario(pool, scenario, limits, server);
    log(`  ${result.requests} requests, ${result.errors} errors, ${result.throughput.toFixed(1)} ok req/s, p50 ${result.latency.p50Ms.toFixed(2)} ms, stopped by ${result.stoppedBy}`);
    return result;
  };

  // 4. Storefront data (straight from the file) and a token per customer.
  const wanted = (name: string) => !options.only || options.only.includes(name);
  const demoViewer = viewers[0]!;
  const sf = chooseStorefrontData(cachedPath);
  const warmPage = sf.pages[0]!;
  const coldPages = sf.pages.slice(1).reverse().slice(0, COLD_PAGES);
  const cartList = cartsOf(data.orderLines);
  const customerTokens = new Map<string, Record<string, string>>();
  for (const code of sf.customers) customerTokens.set(code, viewerHeaders(await mintToken(secretBytes, { role: 'customer', customer: code })));
  const customerHeaders = (code: string) => customerTokens.get(code)!;
  const anonymousHeaders = { 'content-type': 'application/json' };
  const mixSeed = 8_2026;
  const mixFor = (target: Target) =>
    mixedScenario(`mixed (${target})`, {
      target,
      data: sf,
      carts: cartList,
      customerHeaders,
      anonymousHeaders,
      anonymousShare: options.anonymousShare,
      zipfS: options.zipf,
      seed: mixSeed,
    });
  log(`storefront: ${sf.pages.length} pages of 48 visible to everybody, ${sf.skus.length} skus, ${sf.customers.length} customers, ${cartList.length} carts`);

  const measure = async (
    url: string,
    connections: number,
    scenario: Scenario,
    child: ChildServer | null,
    durationMs = limits.durationMs,
    /** Unrecorded seconds of the same requests first (JIT, connections): for warm figures only. */
    warm = false,
  ): Promise<ScenarioResult> => {
    const p = new Pool(url, { connections, pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 });
    try {
      if (warm && options.warmupSeconds > 0) await runScenario(p, scenario, { ...limits, connections, durationMs: options.warmupSeconds * 1000 }, null);
      log(`running ${scenario.name}: ${scenario.title} (${connections} connections)…`);
      const result = await runScenario(p, scenario, { ...limits, connections, durationMs }, child);
      log(`  ${result.requests} requests, ${result.errors} errors, ${result.throughput.toFixed(1)} ok req/s, p99 ${result.latency.p99Ms.toFixed(2)} ms${result.erp.counted ? `, erp/req ${result.erp.mean.toFixed(3)}` : ''}`);
      return result;
    } finally {
      await p.close();
    }
  };
  const startAux = async (script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<ChildServer> => {
    const child = await startChildServer({ mainJs: script, cwd: root, env, nodeArgs });
    auxPid = child.pid;
    return child;
  };
  const stopAux = async (child: ChildServer) => {
    await child.stop();
    auxPid = null;
  };

  const storefront: StorefrontRow[] = [];
  const naiveResults = new Map<string, ScenarioResult>();
  const pushNaive = (label: string, key: string) => {
    const result = naiveResults.get(key);
    if (result) storefront.push({ label, target: 'naive', result });
  };
  let pageBytes = 0;

  // 4a. The ceiling: node:http answering the exact bytes Ponte answers for the page.
  if (wanted('page') && !aborted) {
    const res = await pool.request({ path: '/graphql', method: 'POST', headers: demoViewer.headers, body: JSON.stringify({ query: pageQuery(warmPage) }) });
    const bytes = Buffer.from(await res.body.arrayBuffer());
    pageBytes = bytes.length;
    const file = join(tmpdir(), `ponte-bench-ceiling-${runId}.json`);
    writeFileSync(file, bytes);
    cleanups.push(() => rmSync(file, { force: true }));
    const ceiling = await startAux(join(root, 'dist', 'bench', 'naive', 'ceilingServer.js'), { PATH: process.env.PATH ?? '', CEILING_BODY: file });
    try {
      storefront.push({ label: 'category page (warm)', target: 'ceiling', result: await measure(ceiling.url, options.pageConnections, pageScenario('page (ceiling)', demoViewer.headers, warmPage), ceiling, limits.durationMs, true) });
    } finally {
      await stopAux(ceiling);
    }
  }

  // 4b. The naive server, on its own small database built from the ERP file.
  if (!aborted && ['page', 'page-cold', 'product', 'quote', 'mixed'].some(wanted)) {
    const naiveDb = join(tmpdir(), `ponte-bench-naive-${runId}.sqlite`);
    cleanups.push(() => rmSync(naiveDb, { force: true }));
    const built = buildNaiveDb(cachedPath, naiveDb, data.today);
    log(`naive server database: ${built.products} products in ${built.millis} ms`);
    const naive = await startAux(join(root, 'dist', 'bench', 'naive', 'naiveServer.js'), { PATH: process.env.PATH ?? '', NAIVE_DB: naiveDb, NODE_ENV: 'production' });
    try {
      if (wanted('page')) naiveResults.set('page', await measure(naive.url, options.pageConnections, pageScenario('page (naive)', demoViewer.headers, warmPage), naive, limits.durationMs, true));
      if (wanted('page-cold') && !aborted) naiveResults.set('page-cold', await measure(naive.url, options.pageConnections, pageColdScenario('page-cold (naive)', demoViewer.headers, coldPages), naive));
      if (wanted('product') && !aborted) naiveResults.set('detail', await measure(naive.url, options.connections, productDetailScenario('detail (naive)', 'naive', demoViewer.headers, data.productSkus), naive, limits.durationMs, true));
      if (wanted('quote') && !aborted) naiveResults.set('quote10', await measure(naive.url, options.connections, quoteCartsScenario('quote (naive)', 'naive', demoViewer.headers, cartList), naive, limits.durationMs, true));
      if (wanted('mixed') && !aborted) {
        const mix = mixFor('naive');
        if (options.mixedWarmupSeconds > 0) {
          const warmPool = new Pool(naive.url, { connections: options.pageConnections });
          await runScenario(warmPool, mix, { ...limits, connections: options.pageConnections, durationMs: options.mixedWarmupSeconds * 1000 }, null);
          await warmPool.close();
        }
        naiveResults.set('mixed', await measure(naive.url, options.pageConnections, mix, naive, options.mixedSeconds * 1000));
      }
    } finally {
      await stopAux(naive);
    }
  }

  // 4c. Ponte. The baseline goes first (after an unrecorded warm-up) and
  //     once more at the end: the two must agree for the ratios to mean much.
  if (options.warmupSeconds > 0) {
    log(`warming up for ${options.warmupSeconds} s (not recorded)…`);
    await runScenario(pool, baselineScenario(demoViewer, 'warm-up'), { ...limits, durationMs: options.warmupSeconds * 1000 }, null);
  }
  const results: ScenarioResult[] = [];
  const baseline = await run(baselineScenario(demoViewer));
  results.push(baseline);
  if (wanted('page') && !aborted) {
    const r = await measure(server.url, options.pageConnections, pageScenario('page', demoViewer.headers, warmPage), server, limits.durationMs, true);
    results.push(r);
    pushNaive('category page (warm)', 'page');
    storefront.push({ label: 'category page (warm)', target: 'Ponte', result: r, naive: naiveResults.get('page') });
  }
  if (wanted('page-cold') && !aborted) {
    const r = await measure(server.url, options.pageConnections, pageColdScenario('page-cold', demoViewer.headers, coldPages), server);
    results.push(r);
    pushNaive('category page (cold, each page once)', 'page-cold');
    storefront.push({ label: 'category page (cold, each page once)', target: 'Ponte', result: r, naive: naiveResults.get('page-cold') });
  }
  const plan: Scenario[] = [];
  if (wanted('catalog')) plan.push(catalogScenario(viewers, data.families));
  if (wanted('catalog-cold')) plan.push(catalogColdScenario(viewers, data.families));
  if (wanted('product')) plan.push(productScenario(viewers, data.productSkus));
  if (wanted('quote')) plan.push(quoteScenario(viewers, data));
  for (const scenario of plan) {
    if (aborted) break;
    results.push(await run(scenario));
  }
  if (wanted('product') && !aborted) {
    const r = await measure(server.url, options.connections, productDetailScenario('detail', 'ponte', demoViewer.headers, data.productSkus), server, limits.durationMs, true);
    results.push(r);
    pushNaive('product detail', 'detail');
    storefront.push({ label: 'product detail', target: 'Ponte', result: r, naive: naiveResults.get('detail') });
  }
  if (wanted('quote') && !aborted) {
    const r = await measure(server.url, options.connections, quoteCartsScenario('quote10', 'ponte', demoViewer.headers, cartList), server, limits.durationMs, true);
    results.push(r);
    pushNaive('quote (10 lines)', 'quote10');
    storefront.push({ label: 'quote (10 lines)', target: 'Ponte', result: r, naive: naiveResults.get('quote10') });
  }
  if (wanted('order') && options.maxOrders > 0 && !aborted) {
    const r = await run(orderScenario(viewers, data, runId, options.maxOrders));
    results.push(r);
    storefront.push({ label: 'placeOrder (10 lines)', target: 'Ponte', result: r });
  }
  /** The mixed window's ERP calls by operation, for the report. */
  let mixedErpCalls = 'not measured';
  let mixedResponseHits = 'not measured';
  if (wanted('mixed') && !aborted) {
    const mix = mixFor('ponte');
    if (options.mixedWarmupSeconds > 0) {
      log(`mixed traffic warm-up for ${options.mixedWarmupSeconds} s (not recorded)…`);
      const warmPool = new Pool(server.url, { connections: options.pageConnections });
      await runScenario(warmPool, mix, { ...limits, connections: options.pageConnections, durationMs: options.mixedWarmupSeconds * 1000 }, null);
      await warmPool.close();
    }
    const textBefore = (await scrapeMetrics(metricsUrl)) ?? '';
    const r = await measure(server.url, options.pageConnections, mix, server, options.mixedSeconds * 1000);
    const textAfter = (await scrapeMetrics(metricsUrl)) ?? '';
    mixedErpCalls = erpCallsBetween(erpCallsByOperation(textBefore), erpCallsByOperation(textAfter));
    const delta = (name: string) => (metricSum(textAfter, name) ?? 0) - (metricSum(textBefore, name) ?? 0);
    const hits = delta('ponte_response_cache_hits');
    const lookups = hits + delta('ponte_response_cache_misses');
    mixedResponseHits = lookups > 0 ? `${((100 * hits) / lookups).toFixed(1)} % of ${lookups} lookups` : 'no lookups';
    log(`  ERP calls in the measured window, by operation (background refreshes included): ${mixedErpCalls}; response cache hits ${mixedResponseHits}`);
    results.push(r);
    pushNaive('mixed storefront traffic (after warm-up)', 'mixed');
    storefront.push({ label: 'mixed storefront traffic (after warm-up)', target: 'Ponte', result: r, naive: naiveResults.get('mixed') });
  }

  // 4d. Memory: uniform traffic over every customer, then the server's own figures.
  const memoryRuns: MemoryRun[] = [];
  const memoryRun = async (label: string, child: ChildServer, url: string, metrics: string): Promise<MemoryRun> => {
    let peak = 0;
    const sampler = setInterval(() => {
      const rss = child.rssBytes();
      if (rss !== null && rss > peak) peak = rss;
    }, 250);
    let result: ScenarioResult | null = null;
    let covered = 0;
    try {
      // First every customer once (so every context is built; bounded in time), then the measured load.
      const pass = await measure(url, options.connections, uniformScenario(`memory pass (${label})`, sf, customerHeaders, 76, true), child, MEMORY_PASS_MAX_MS);
      covered = pass.requests;
      result = await measure(url, options.connections, uniformScenario(`memory (${label})`, sf, customerHeaders, 77), child, options.memorySeconds * 1000);
    } catch (error) {
      log(`memory (${label}): ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearInterval(sampler);
    }
    const text = child.alive() ? await scrapeMetrics(metrics) : null;
    const exit = child.exitInfo();
    return {
      label,
      covered,
      result,
      completed: child.alive() && result !== null,
      exit: exit ? `exited (code ${exit.code}, signal ${exit.signal})` : null,
      rssEnd: child.rssBytes(),
      rssPeak: Math.max(peak, child.rssBytes() ?? 0) || null,
      cacheBytes: text ? metricSum(text, 'ponte_cache_bytes') : null,
      residentFromMetrics: text ? metricSum(text, 'process_resident_memory_bytes') : null,
      heapUsed: text ? metricSum(text, 'nodejs_heap_size_used_bytes') : null,
      heapTotal: text ? metricSum(text, 'nodejs_heap_size_total_bytes') : null,
      external: text ? metricSum(text, 'nodejs_external_memory_bytes') : null,
    };
  };
  if (wanted('memory') && !aborted) memoryRuns.push(await memoryRun('default heap, after the scenarios above', server, server.url, metricsUrl));
  if (!aborted) results.push(await run(baselineScenario(demoViewer, 'baseline-end')));
  const rss = server.rssBytes();
  const serverLog = server.logLines();
  await server.stop();
  childPid = null;

  if (wanted('memory') && !aborted) {
    const port = await freeLoopbackPort();
    const heapFlag = `--max-old-space-size=${options.memoryHeapMb}`;
    const small = await startAux(mainJs, { ...childEnv, RATE_LIMITS: 'off', METRICS_PORT: String(port), METRICS_HOST: '127.0.0.1' }, [heapFlag]);
    await waitForWarmUp(`http://127.0.0.1:${port}/metrics`);
    try {
      memoryRuns.push(await memoryRun(`node ${heapFlag}, fresh server`, small, small.url, `http://127.0.0.1:${port}/metrics`));
    } finally {
      await stopAux(small);
    }
  }

  // 4e. Freshness: a server with the change feed at its default interval.
  let freshness: FreshnessResult | null = null;
  const defaultPollMs = loadConfig({ ...childEnv, CHANGE_FEED_POLL_MS: undefined }).cache.changeFeedPollMs;
  if (wanted('freshness') && !aborted && options.freshnessChanges > 0) {
    const port = await freeLoopbackPort();
    const env: Record<string, string> = { ...childEnv, RATE_LIMITS: 'off', METRICS_PORT: String(port), METRICS_HOST: '127.0.0.1' };
    delete env.CHANGE_FEED_POLL_MS;
    const fresh = await startAux(mainJs, env);
    await waitForWarmUp(`http://127.0.0.1:${port}/metrics`);
    try {
      log(`freshness: ${options.freshnessChanges} stock changes, change feed at its default (${defaultPollMs} ms)…`);
      freshness = await measureFreshness({
        url: fresh.url,
        metricsUrl: `http://127.0.0.1:${port}/metrics`,
        erpPath: copy.path,
        headers: demoViewer.headers,
        targets: freshnessSkus(copy.path, data.productSkus, options.freshnessChanges),
        timeoutMs: Math.max(5000, defaultPollMs * 4),
        idleSeconds: options.quick ? 2 : 5,
        aborted: () => aborted,
      });
    } finally {
      await stopAux(fresh);
    }
  }

  // The fairness scenario runs on Ponte children of its own, limits on then off.
  let fairness: FairnessRun[] = [];
  if (wanted('fairness') && !aborted) {
    fairness = await runFairness({
      mainJs,
      cwd: root,
      env: childEnv,
      secret,
      erpPath: copy.path,
      families: data.families,
      limits,
      abuserConnections: options.abuserConnections,
      maxCost: childConfig.queryLimits.maxCost,
      warmupSeconds: Math.max(options.warmupSeconds, 1),
      log,
      onChild: (pid) => {
        fairnessPid = pid;
      },
    });
  }

  // 4f. Gateway (issue 10): Ponte's gateway mode against a stock @apollo/gateway in front of Ponte and the content subgraph.
  let gateway: GatewayRun | null = null;
  if (wanted('gateway') && !aborted) {
    gateway = await runGateway({
      root,
      mainJs,
      env: childEnv,
      secret,
      erpPath: copy.path,
      skus: warmPage,
      customer: demoViewer.spec.customer,
      connections: options.pageConnections,
      limits,
      warmupSeconds: Math.max(options.warmupSeconds, 1),
      profileDir,
      log,
      onChild: (pid, alive) => {
        if (alive) gatewayPids.add(pid);
        else gatewayPids.delete(pid);
      },
    });
  }

  // 4g. Warehouse statistics (issue 11): cold computation, warm to-clear page, and a server that computes every time.
  let stats: StatsRun | null = null;
  if (wanted('stats') && !aborted) {
    stats = await runStats({
      root,
      mainJs,
      env: childEnv,
      secret,
      erpPath: copy.path,
      limits,
      naiveDurationMs: Math.max(options.durationSeconds * 1000, 10_000),
      warmupSeconds: Math.max(options.warmupSeconds, 1),
      log,
      onChild: (pid, alive) => {
        if (alive) gatewayPids.add(pid);
        else gatewayPids.delete(pid);
      },
    });
  }

  // 5. Report.
  const end = results.find((r) => r.name === 'baseline-end');
  const drift = end ? ratio(end.throughput, baseline.throughput) : NaN;
  const lines = [
    '',
    `Ponte benchmark — ${new Date().toISOString()}`,
    `machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, node ${machine.node}, ${machine.platform}, load average ${machine.loadAverage1m} at start`,
    `run: ${options.articles} articles, ${options.customers} customers, ${options.connections} connections, ${options.durationSeconds} s per scenario, at most ${options.maxRequests} requests per scenario; client and server share this machine`,
    `server: NODE_ENV=production, SQLite ERP (in-process, no network), CHANGE_FEED_POLL_MS=0, RATE_LIMITS=off and DEBUG_HEADERS=true (fairness: its own servers, limits on then off)${knobs.length ? `, ${knobs.join(', ')}` : ''}`,
    '',
    formatTable(results, baseline),
    '',
    'ok req/s: successful requests per second; latency: send to last body byte, successful requests only;',
    'erp/req: mean x-ponte-erp-calls (ERP round trips) per request, erp=0: share of requests with none;',
    'x/base: ratio to the baseline of this run (throughput: higher is better; latency: lower is better).',
    '',
    formatResources(results),
  ];
  const find = (label: string, target: string) => storefront.find((r) => r.label === label && r.target === target)?.result ?? null;
  const goal = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'met' : 'NOT met');
  const sfText: string[] = [];
  if (storefront.length > 0) {
    const ponteWarm = find('category page (warm)', 'Ponte');
    const naiveWarm = find('category page (warm)', 'naive');
    const ceilingWarm = find('category page (warm)', 'ceiling');
    const ponteMixed = find('mixed storefront traffic (after warm-up)', 'Ponte');
    const naiveMixed = find('mixed storefront traffic (after warm-up)', 'naive');
    const warmX = ponteWarm && naiveWarm ? ratio(ponteWarm.throughput, naiveWarm.throughput) : NaN;
    const mixedX = ponteMixed && naiveMixed ? ratio(ponteMixed.throughput, naiveMixed.throughput) : NaN;
    sfText.push(
      `Storefront (issue 8): the same requests to Ponte, the naive server (bench/naive/: Apollo + type-graphql + DataLoader + better-sqlite3, one price and one stock row per sku) and, for the page, the ceiling (node:http sending Ponte's ${pageBytes} bytes); pages and mixed traffic on ${options.pageConnections} connections, product and quote on ${options.connections}; page = products(skus: 48) as ${demoViewer.spec.label}.`,
      '',
      formatStorefront(storefront),
      '',
      'Goals (reported, never asserted):',
      ponteWarm && naiveWarm
        ? `- warm category page ≥ 5× naive and p99 ≤ 10 ms: ${warmX.toFixed(2)}× naive, p99 ${ponteWarm.latency.p99Ms.toFixed(2)} ms → ${goal(warmX >= 5)} / ${goal(ponteWarm.latency.p99Ms <= 10)}${ceilingWarm ? `; ceiling ${ceilingWarm.throughput.toFixed(0)} req/s, Ponte at ${((ponteWarm.throughput / ceilingWarm.throughput) * 100).toFixed(0)} % of it` : ''}`
        : '- warm category page: not run',
      ponteMixed && naiveMixed
        ? `- mixed traffic (${options.articles} articles × ${options.customers} customers, ${Math.round(options.anonymousShare * 100)} % anonymous, Zipf s=${options.zipf}) ≥ 3× naive: ${mixedX.toFixed(2)}× → ${goal(mixedX >= 3)}; ERP calls per request after ${options.mixedWarmupSeconds} s of warm-up ${(ponteMixed.erp.mean * 100).toFixed(2)} % (goal ≤ 2 %) → ${goal(ponteMixed.erp.mean <= 0.02)}; by operation, background refreshes included: ${mixedErpCalls}; response cache hits: ${mixedResponseHits}`
        : '- mixed traffic: not run',
    );
  }
  if (memoryRuns.length > 0) {
    sfText.push(
      '',
      `Memory: ${options.articles} articles × ${options.customers} customers, first one request per customer (every customer's context built), then ${options.memorySeconds} s of uniform traffic over every customer in turn (products, and pages 1 in 4, drawn uniformly) on ${options.connections} connections; CACHE_MAX_MB ${childConfig.cache.maxBytes / 2 ** 20}${process.env.CACHE_MAX_MB === undefined ? ' (default)' : ''}. Figures from the server's /metrics at the end, RSS also sampled every 250 ms from /proc.`,
      '',
      '| server | completed | customers seen | ok req/s | errors | p99 ms | RSS end | RSS peak | process_resident_memory_bytes | nodejs_heap_size_used_bytes | nodejs_heap_size_total_bytes | nodejs_external_memory_bytes | ponte_cache_bytes |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...memoryRuns.map(
        (m) =>
          `| ${m.label} | ${m.completed ? 'yes, no crash' : `NO${m.exit ? `: ${m.exit}` : ''}`} | ${m.covered} of ${sf.customers.length} | ${m.result ? m.result.throughput.toFixed(1) : '-'} | ${m.result ? m.result.errors : '-'} | ${m.result ? m.result.latency.p99Ms.toFixed(1) : '-'} | ${mib(m.rssEnd)} | ${mib(m.rssPeak)} | ${mib(m.residentFromMetrics)} | ${mib(m.heapUsed)} | ${mib(m.heapTotal)} | ${mib(m.external)} | ${mib(m.cacheBytes)} |`,
      ),
    );
  }
  if (freshness) {
    const served = freshness.latenciesMs.filter((v): v is number => v !== null).sort((a, b) => a - b);
    const within = served.filter((v) => v <= defaultPollMs).length;
    sfText.push(
      '',
      `Freshness: ${freshness.latenciesMs.length} stock changes (UPDATE ecom_stock + INSERT INTO ecom_changes, one transaction), CHANGE_FEED_POLL_MS unset (default ${defaultPollMs} ms); change→served, probing every 10 ms:`,
      `- latencies ms: ${freshness.latenciesMs.map((v) => (v === null ? 'not served' : v.toFixed(0))).join(', ')}; max ${served.length ? served[served.length - 1]!.toFixed(0) : '-'}; within the poll interval: ${within} of ${freshness.latenciesMs.length}`,
      `- change-feed cost: ${(1000 / defaultPollMs).toFixed(1)} polls/s by the interval, each one ERP round trip (changesSince); measured idle: ${freshness.pollsPerSecond === null ? 'n/a (no changesSince samples in the metrics)' : `${freshness.pollsPerSecond.toFixed(2)} round trips/s`}`,
    );
  }
  if (gateway) {
    sfText.push(
      '',
      `Gateway (issue 10): a category page of ${warmPage.length} products with content (title, slug, images from the example content subgraph) + price + availability, as ${demoViewer.spec.label}, on ${gateway.connections} connections, ${options.durationSeconds} s each after ${Math.max(options.warmupSeconds, 1)} s of the same requests unrecorded; every server its own child process, the content subgraph (examples/content-subgraph) shared by both gateways. Stock: @apollo/gateway 2 + @apollo/server standalone, defaults, supergraph composed at start (bench/stockGateway/main.ts).`,
      '',
      formatGateway(gateway),
    );
  }
  if (stats) {
    sfText.push(
      '',
      `Warehouse statistics (issue 11): a fresh Ponte child (CACHE_WARM_UP=off, RATE_LIMITS=off) on the run's demo ERP; the warm page on ${stats.connections} connections for ${options.durationSeconds} s after ${Math.max(options.warmupSeconds, 1)} s unrecorded; the naive server is the same Ponte with STATS_TTL_MS=1.`,
      '',
      formatStats(stats),
    );
  }
  const storefrontText = sfText.join('\n').trim();
  const fairnessText =
    fairness.length === 0
      ? ''
      : [
          `Fairness: ordinary category pages (first 48, 100 customers, ${options.connections} connections) alone, then while one customer sends the most expensive request the limits allow on ${options.abuserConnections} connections, ${options.durationSeconds} s each:`,
          '',
          formatFairness(fairness),
        ].join('\n');

  if (end) {
    const flag = Math.abs(1 - drift) > 0.1 ? '  <- more than 10% apart: the machine was not quiet, treat the ratios with care' : '';
    lines.push('', `baseline drift: end/start throughput ${drift.toFixed(2)}x${flag}`);
  }
  const errors = formatErrors(results);
  if (errors) lines.push('', 'errors:', errors);
  if (serverLog.length > 0) lines.push('', `server printed ${serverLog.length}${serverLog.length >= 500 ? '+' : ''} lines on stdout/stderr (LOG_LEVEL=warn), first ones:`, ...serverLog.slice(0, 5).map((l) => `  ${l.slice(0, 300)}`));
  if (rss !== null) lines.push('', `server resident memory at the end: ${(rss / 2 ** 20).toFixed(0)} MiB`);
  if (profileDir) lines.push('', `server CPU profile: written into ${profileDir} when the server exits (open the .cpuprofile in Chrome DevTools)`);
  if (aborted) lines.push('', 'interrupted: the report covers the scenarios that ran.');
  process.stdout.write(`${lines.join('\n')}\n${storefrontText ? `\n${storefrontText}\n` : ''}${fairnessText ? `\n${fairnessText}\n` : ''}`);
  const resultsDir = join(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  // A run of some scenarios (--only) has a report of its own: it must not
  // replace the last full run's, which it would leave with two scenarios.
  const reportFile = join(resultsDir, options.only ? 'partial.md' : 'latest.md');
  const markdown = [
    options.only ? '# Partial benchmark run' : '# Latest benchmark run',
    '',
    `\`npm run bench -- ${process.argv.slice(2).join(' ')}\` — machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}.`,
    '',
    '```',
    lines.join('\n').trim(),
    '```',
    ...(storefrontText ? ['', storefrontText] : []),
    ...(fairnessText ? ['', fairnessText] : []),
    '',
  ];
  writeFileSync(reportFile, markdown.join('\n'));
  log(`report written to ${reportFile}`);

  if (options.json) {
    const file = resolve(process.cwd(), options.json);
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          startedAt: new Date().toISOString(),
          machine,
          options,
          erp: { articles: erp.summary.articles, customers: erp.summary.customers, cachedPath, generatedNow: erp.generatedNow },
          server: { env: knobs, residentBytes: rss, logLines: serverLog.length },
          viewers: viewers.map((v) => v.spec),
          baselineDrift: drift,
          aborted,
          scenarios: results.map((r) => ({ ...r, ratios: ratiosAgainst(r, baseline) })),
          storefront: storefront.map((r) => ({ label: r.label, target: r.target, result: r.result, timesNaive: r.naive ? ratio(r.result.throughput, r.naive.throughput) : null })),
          memory: memoryRuns,
          freshness: freshness ? { ...freshness, defaultPollMs } : null,
          fairness,
        },
        (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value),
        2,
      )}\n`,
    );
    log(`results written to ${file}`);
  }
}

const parsed = (() => {
  try {
    return parseArgs(process.argv.slice(2));
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
})();
if (parsed === 'help') {
  process.stdout.write(`${USAGE}\n`);
} else {
  installSignalHandlers();
  main(parsed)
    .then(cleanup)
    .then(
      () => process.exit(aborted ? 130 : 0),
      async (error: unknown) => {
        log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        await cleanup();
        process.exit(1);
      },
    );
}
