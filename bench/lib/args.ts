/**
 * Command-line flags of the benchmark harness. The defaults are the issue's
 * sizes (100 000 articles × 5 000 customers) and finish within about ten
 * minutes on a 2-core machine; --quick is for every day (about two minutes).
 * Every bound (time, requests, orders, pages) is a number, so a run always
 * stops by itself.
 */

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
export const SCENARIOS = ['page', 'page-cold', 'catalog', 'catalog-cold', 'product', 'quote', 'order', 'mixed', 'memory', 'freshness', 'fairness'] as const;

export const USAGE = `Usage: npm run bench -- [flags]
  --quick            day-to-day mode: 5000 articles, 500 customers, 2 s per scenario (about 2 minutes in all)
  --articles N       articles in the demo ERP (default 100000, quick 5000; cached in .data/bench-erp-<N>.sqlite)
  --customers N      customers in the demo ERP (default 5000, quick 500)
  --duration S       measured seconds per scenario (default 8, quick 2)
  --page-connections C  connections of the category-page comparison (default 50)
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
  --warmup S         unrecorded warm-up seconds before the baseline (default 2)
  --only a,b         only these scenarios (baselines always run): page, page-cold, catalog, catalog-cold, product, quote, order, mixed, memory, freshness, fairness
  --abuser-connections C  connections of the abusive client in the fairness scenario (default 4)
  --json FILE        also write the results as JSON
  --regenerate       rebuild the cached demo ERP
  --profile DIR      write a CPU profile of the server into DIR (open it in Chrome DevTools)`;

function integer(name: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined || !/^\d+$/.test(raw)) throw new Error(`${name}: expected a whole number, got ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < min || n > max) throw new Error(`${name}: must be between ${min} and ${max}, got ${n}`);
  return n;
}

function seconds(name: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw)) throw new Error(`${name}: expected a number of seconds, got ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < min || n > max) throw new Error(`${name}: must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function parseArgs(argv: readonly string[]): HarnessOptions | 'help' {
  const quick = argv.includes('--quick');
  const options: HarnessOptions = {
    articles: quick ? 5_000 : 100_000,
    customers: quick ? 500 : 5_000,
    durationSeconds: quick ? 2 : 8,
    connections: 16,
    maxRequests: 200_000,
    maxOrders: 2_000,
    warmupSeconds: quick ? 1 : 2,
    only: null,
    json: null,
    regenerate: false,
    profileDir: null,
    abuserConnections: 4,
    quick,
    pageConnections: 50,
    mixedWarmupSeconds: quick ? 2 : 10,
    mixedSeconds: quick ? 3 : 15,
    memorySeconds: quick ? 3 : 20,
    memoryHeapMb: 256,
    anonymousShare: 0.6,
    zipf: 1.1,
    freshnessChanges: quick ? 3 : 5,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    // Accept --flag=value as well as --flag value.
    const eq = flag.indexOf('=');
    const name = eq > 0 ? flag.slice(0, eq) : flag;
    const value = (): string | undefined => (eq > 0 ? flag.slice(eq + 1) : argv[++i]);
    switch (name) {
      case '-h':
      case '--help':
        return 'help';
      case '--articles':
        options.articles = integer(name, value(), 50, 2_000_000);
        break;
      case '--customers':
        options.customers = integer(name, value(), 10, 1_000_000);
        break;
      case '--duration':
        options.durationSeconds = seconds(name, value(), 0.5, 3600);
        break;
      case '--connections':
        options.connections = integer(name, value(), 1, 1024);
        break;
      case '--max-requests':
        options.maxRequests = integer(name, value(), 1, 10_000_000);
        break;
      case '--max-orders':
        options.maxOrders = integer(name, value(), 0, 1_000_000);
        break;
      case '--warmup':
        options.warmupSeconds = seconds(name, value(), 0, 600);
        break;
      case '--only': {
        const list = value();
        if (!list) throw new Error('--only: expected a comma-separated list of scenarios');
        options.only = list.split(',').map((s) => s.trim()).filter(Boolean);
        const unknown = options.only.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
        if (unknown.length > 0) throw new Error(`--only: unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.join(', ')})`);
        break;
      }
      case '--json': {
        const file = value();
        if (!file) throw new Error('--json: expected a file name');
        options.json = file;
        break;
      }
      case '--profile': {
        const dir = value();
        if (!dir) throw new Error('--profile: expected a folder');
        options.profileDir = dir;
        break;
      }
      case '--abuser-connections':
        options.abuserConnections = integer(name, value(), 1, 256);
        break;
      case '--quick':
        break;
      case '--page-connections':
        options.pageConnections = integer(name, value(), 1, 1024);
        break;
      case '--mixed-warmup':
        options.mixedWarmupSeconds = seconds(name, value(), 0, 600);
        break;
      case '--mixed-duration':
        options.mixedSeconds = seconds(name, value(), 0.5, 3600);
        break;
      case '--memory-duration':
        options.memorySeconds = seconds(name, value(), 0.5, 3600);
        break;
      case '--memory-heap':
        options.memoryHeapMb = integer(name, value(), 64, 65_536);
        break;
      case '--anonymous':
        options.anonymousShare = seconds(name, value(), 0, 1);
        break;
      case '--zipf':
        options.zipf = seconds(name, value(), 0, 5);
        break;
      case '--freshness-changes':
        options.freshnessChanges = integer(name, value(), 0, 100);
        break;
      case '--regenerate':
        options.regenerate = true;
        break;
      default:
        throw new Error(`unknown flag ${flag}\n${USAGE}`);
    }
  }
  return options;
}
