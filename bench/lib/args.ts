/**
 * Command-line flags of the benchmark harness. The defaults are the issue's
 * sizes (100 000 articles × 5 000 customers) and finish within about ten
 * minutes on a 2-core machine; --quick is for every day (about two minutes).
 * Every bound (time, requests, orders, pages) is a number, so a run always
 * stops by itself.
 */
import { type ParseArgsConfig, parseArgs as parseCommandLine } from 'node:util';

export interface HarnessOptions {
  /** Articles in the generated demo ERP (cached per size under .data/). */
  articles: number;
  /** Customers in the generated demo ERP. */
  customers: number;
  /** Measured seconds per scenario. */
  durationSeconds: number;
  /** Concurrent HTTP connections (each has one request in flight). */
  connections: number;
  /** Hard cap on recorded requests per scenario, whatever the duration. */
  maxRequests: number;
  /** Hard cap on orders placed by the order scenario. */
  maxOrders: number;
  /** Unrecorded seconds of baseline traffic first, so the JIT is warm before anything is measured. */
  warmupSeconds: number;
  /** Runs only these scenarios (the baselines always run). */
  only: string[] | null;
  /** Writes the results here as JSON. */
  json: string | null;
  /** Regenerates the cached demo ERP even if it exists. */
  regenerate: boolean;
  /** Writes a V8 CPU profile of the server (node --cpu-prof) into this folder. */
  profileDir: string | null;
  /** Connections of the one abusive client in the fairness scenario. */
  abuserConnections: number;
  /** --quick: small sizes and short durations (about 2 minutes in all). */
  quick: boolean;
  /** Connections of the category-page comparison (ceiling, naive, Ponte warm and cold). */
  pageConnections: number;
  /** Unrecorded seconds of mixed traffic before the measured part (the ERP calls per request are read after it). */
  mixedWarmupSeconds: number;
  /** Measured seconds of mixed traffic (per server). */
  mixedSeconds: number;
  /** Seconds of uniform traffic over every customer, per memory server. */
  memorySeconds: number;
  /** --max-old-space-size of the second memory server, in MB. */
  memoryHeapMb: number;
  /** Share of anonymous visitors in the mixed traffic. */
  anonymousShare: number;
  /** Zipf exponent of customers and pages in the mixed traffic. */
  zipf: number;
  /** Stock changes timed by the freshness scenario. */
  freshnessChanges: number;
}

/** The scenarios --only may name (the baselines always run). */
export const SCENARIOS = ['page', 'page-cold', 'catalog', 'catalog-cold', 'product', 'quote', 'order', 'mixed', 'memory', 'freshness', 'fairness', 'gateway', 'stats'] as const;

export const USAGE = `Usage: npm run bench -- [flags]
  --quick            day-to-day mode: 5000 articles, 500 customers, 2 s per scenario (about 2 minutes in all)
  --articles N       articles in the demo ERP (default 100000, quick 5000; cached in .data/bench-erp-<N>.sqlite)
  --customers N      customers in the demo ERP (default 5000, quick 500)
  --duration S       measured seconds per scenario (default 8, quick 2)
  --page-connections C  connections of the category-page comparison and of the gateway scenario (default 50)
  --mixed-warmup S   unrecorded seconds of mixed traffic first (default 10, quick 2)
  --mixed-duration S measured seconds of mixed traffic per server (default 15, quick 3)
  --memory-duration S  seconds of uniform traffic per memory server (default 20, quick 3)
  --memory-heap MB   --max-old-space-size of the second memory server (default 256)
  --anonymous P      share of anonymous visitors in the mixed traffic, 0..1 (default 0.6)
  --zipf S           Zipf exponent of customers and pages (default 1.1)
  --freshness-changes N  stock changes timed (default 5, quick 3)
  --connections C    concurrent connections (default 16)
  --max-requests N   at most N recorded requests per scenario (default 200000)
  --max-orders N     at most N orders placed (default 2000)
  --warmup S         unrecorded warm-up seconds before the baseline (default 2, quick 1)
  --only a,b         only these scenarios (baselines always run): page, page-cold, catalog, catalog-cold, product, quote, order, mixed, memory, freshness, fairness, gateway
  --abuser-connections C  connections of the abusive client in the fairness scenario (default 4)
  --json FILE        also write the results as JSON
  --regenerate       rebuild the cached demo ERP
  --profile DIR      write a CPU profile of the server (and of the gateway-mode Ponte) into DIR (open it in Chrome DevTools)`;

function integer(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw)) throw new Error(`${name}: expected a whole number, got ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < min || n > max) throw new Error(`${name}: must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** A non-negative decimal number (seconds, a share, an exponent). */
function decimal(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+(\.\d+)?$/.test(raw)) throw new Error(`${name}: expected a number, got ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < min || n > max) throw new Error(`${name}: must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** Every flag; `--flag value` and `--flag=value` both work (node:util parseArgs). */
const FLAGS = {
  help: { type: 'boolean', short: 'h' },
  quick: { type: 'boolean' },
  regenerate: { type: 'boolean' },
  articles: { type: 'string' },
  customers: { type: 'string' },
  duration: { type: 'string' },
  connections: { type: 'string' },
  'max-requests': { type: 'string' },
  'max-orders': { type: 'string' },
  warmup: { type: 'string' },
  only: { type: 'string' },
  json: { type: 'string' },
  profile: { type: 'string' },
  'abuser-connections': { type: 'string' },
  'page-connections': { type: 'string' },
  'mixed-warmup': { type: 'string' },
  'mixed-duration': { type: 'string' },
  'memory-duration': { type: 'string' },
  'memory-heap': { type: 'string' },
  anonymous: { type: 'string' },
  zipf: { type: 'string' },
  'freshness-changes': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

type ValueFlag = { [K in keyof typeof FLAGS]: (typeof FLAGS)[K]['type'] extends 'string' ? K : never }[keyof typeof FLAGS];

export function parseArgs(argv: readonly string[]): HarnessOptions | 'help' {
  const { values } = (() => {
    try {
      return parseCommandLine({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false });
    } catch (error) {
      // node's message names the flag; the usage says what would have worked.
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    }
  })();
  if (values.help) return 'help';
  const quick = values.quick === true;
  const whole = (flag: ValueFlag, fallback: number, min: number, max: number) => {
    const raw = values[flag];
    return raw === undefined ? fallback : integer(`--${flag}`, raw, min, max);
  };
  const number = (flag: ValueFlag, fallback: number, min: number, max: number) => {
    const raw = values[flag];
    return raw === undefined ? fallback : decimal(`--${flag}`, raw, min, max);
  };
  const text = (flag: ValueFlag, what: string): string | null => {
    const raw = values[flag];
    if (raw === undefined) return null;
    if (raw === '') throw new Error(`--${flag}: expected ${what}`);
    return raw;
  };

  let only: string[] | null = null;
  const list = text('only', 'a comma-separated list of scenarios');
  if (list !== null) {
    only = list.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = only.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
    if (unknown.length > 0) throw new Error(`--only: unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.join(', ')})`);
  }

  return {
    articles: whole('articles', quick ? 5_000 : 100_000, 50, 2_000_000),
    customers: whole('customers', quick ? 500 : 5_000, 10, 1_000_000),
    durationSeconds: number('duration', quick ? 2 : 8, 0.5, 3600),
    connections: whole('connections', 16, 1, 1024),
    maxRequests: whole('max-requests', 200_000, 1, 10_000_000),
    maxOrders: whole('max-orders', 2_000, 0, 1_000_000),
    warmupSeconds: number('warmup', quick ? 1 : 2, 0, 600),
    only,
    json: text('json', 'a file name'),
    regenerate: values.regenerate === true,
    profileDir: text('profile', 'a folder'),
    abuserConnections: whole('abuser-connections', 4, 1, 256),
    quick,
    pageConnections: whole('page-connections', 50, 1, 1024),
    mixedWarmupSeconds: number('mixed-warmup', quick ? 2 : 10, 0, 600),
    mixedSeconds: number('mixed-duration', quick ? 3 : 15, 0.5, 3600),
    memorySeconds: number('memory-duration', quick ? 3 : 20, 0.5, 3600),
    memoryHeapMb: whole('memory-heap', 256, 64, 65_536),
    anonymousShare: number('anonymous', 0.6, 0, 1),
    zipf: number('zipf', 1.1, 0, 5),
    freshnessChanges: whole('freshness-changes', quick ? 3 : 5, 0, 100),
  };
}
