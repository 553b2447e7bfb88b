/**
 * Command-line flags of the benchmark harness. Every flag has a default that
 * finishes in about a minute and a half on a 2-core machine; every bound
 * (time, requests, orders) is a number, so a run always stops by itself.
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
}

/** The scenarios --only may name (the baselines always run). */
export const SCENARIOS = ['catalog', 'catalog-cold', 'product', 'quote', 'order', 'fairness'] as const;

export const USAGE = `Usage: npm run bench -- [flags]
  --articles N       articles in the demo ERP (default 20000; cached in .data/bench-erp-<N>.sqlite)
  --customers N      customers in the demo ERP (default 1000)
  --duration S       measured seconds per scenario (default 10)
  --connections C    concurrent connections (default 16)
  --max-requests N   at most N recorded requests per scenario (default 200000)
  --max-orders N     at most N orders placed (default 2000)
  --warmup S         unrecorded warm-up seconds before the baseline (default 2)
  --only a,b         only these scenarios (baselines always run): catalog, catalog-cold, product, quote, order, fairness
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
  const options: HarnessOptions = {
    articles: 20_000,
    customers: 1_000,
    durationSeconds: 10,
    connections: 16,
    maxRequests: 200_000,
    maxOrders: 2_000,
    warmupSeconds: 2,
    only: null,
    json: null,
    regenerate: false,
    profileDir: null,
    abuserConnections: 4,
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
      case '--regenerate':
        options.regenerate = true;
        break;
      default:
        throw new Error(`unknown flag ${flag}\n${USAGE}`);
    }
  }
  return options;
}
