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
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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

/** Server settings a caller may pass through the environment to see their effect; shown in the report. */
const SERVER_KNOBS = [
  'ERP_TIMEOUT_MS',
  'ERP_MAX_CONCURRENCY',
  'CACHE_MAX_ENTRIES',
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
    for (const pid of [childPid, fairnessPid]) {
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
  const server = await startChildServer({
    mainJs,
    cwd: root,
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    // The load scenarios measure speed, not the rate limits (8 viewers send far more than shoppers would).
    env: { ...childEnv, RATE_LIMITS: 'off' },
  });
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

  // 4. Scenarios. The baseline goes first (after an unrecorded warm-up) and
  //    once more at the end: the two must agree for the ratios to mean much.
  const demoViewer = viewers[0]!;
  if (options.warmupSeconds > 0) {
    log(`warming up for ${options.warmupSeconds} s (not recorded)…`);
    await runScenario(pool, baselineScenario(demoViewer, 'warm-up'), { ...limits, durationMs: options.warmupSeconds * 1000 }, null);
  }
  const wanted = (name: string) => !options.only || options.only.includes(name);
  const results: ScenarioResult[] = [];
  const baseline = await run(baselineScenario(demoViewer));
  results.push(baseline);
  const plan: Scenario[] = [];
  if (wanted('catalog')) plan.push(catalogScenario(viewers, data.families));
  if (wanted('catalog-cold')) plan.push(catalogColdScenario(viewers, data.families));
  if (wanted('product')) plan.push(productScenario(viewers, data.productSkus));
  if (wanted('quote')) plan.push(quoteScenario(viewers, data));
  if (wanted('order') && options.maxOrders > 0) plan.push(orderScenario(viewers, data, runId, options.maxOrders));
  for (const scenario of plan) {
    if (aborted) break;
    results.push(await run(scenario));
  }
  if (!aborted) results.push(await run(baselineScenario(demoViewer, 'baseline-end')));

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
      maxCost: Number(process.env.MAX_QUERY_COST ?? 10_000),
      warmupSeconds: Math.max(options.warmupSeconds, 1),
      log,
      onChild: (pid) => {
        fairnessPid = pid;
      },
    });
  }

  // 5. Report.
  const end = results.find((r) => r.name === 'baseline-end');
  const drift = end ? ratio(end.throughput, baseline.throughput) : NaN;
  const serverLog = server.logLines();
  const rss = server.rssBytes();
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
  process.stdout.write(`${lines.join('\n')}\n${fairnessText ? `\n${fairnessText}\n` : ''}`);
  const resultsDir = join(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const markdown = [
    '# Latest benchmark run',
    '',
    `\`npm run bench -- ${process.argv.slice(2).join(' ')}\` — machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}.`,
    '',
    '```',
    lines.join('\n').trim(),
    '```',
    ...(fairnessText ? ['', fairnessText] : []),
    '',
  ];
  writeFileSync(join(resultsDir, 'latest.md'), markdown.join('\n'));
  log(`report written to ${join(resultsDir, 'latest.md')}`);

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
