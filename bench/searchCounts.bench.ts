/**
 * What a catalog search with totalCount and families costs on the bench's
 * demo ERP (100 000 articles by default): the grouped count in SQL alone,
 * next to what counting by reading every match would cost, then whole
 * GraphQL requests for anonymous visitors, a customer with its own rules, a
 * customer of a group with hundreds of sku rules, and an agent, cold (empty
 * caches) and warm.
 *
 *   npm run build && node dist/bench/searchCounts.bench.js [--articles 100000]
 */
import Database from 'better-sqlite3';
import pino from 'pino';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPonteApp } from '../src/app';
import { mintToken } from '../src/auth/mintToken';
import { searchTerms } from '../src/catalog/searchTerms';
import { loadConfig } from '../src/config/config';
import { FAMILIES } from '../src/demo/data/catalogue';
import { openErp } from '../src/erp/openErp';
import { SqliteErp } from '../src/erp/sqlite';
import { buildFeatureServices } from '../src/featureServices';
import { SQLITE_DDL_PATH } from '../src/projectRoot';
import { benchErpPath, copyForRun, ensureBenchErp } from './lib/fixtures';

const SECRET = 'bench-secret-that-is-at-least-32-bytes-long!!';
const SEARCHES = ['', 'interruttore', 'interruttore 25A', 'cavo nero 2,5', 'perche', 'zzz'];
/** The page with its counts, the page alone, and the counts alone (first: 0). */
const QUERIES = {
  'page + counts': `query($s: String) { catalog(first: 24, search: $s) { edges { node { sku } } totalCount families { code name count } } }`,
  page: `query($s: String) { catalog(first: 24, search: $s) { edges { node { sku } } } }`,
  counts: `query($s: String) { catalog(first: 0, search: $s) { totalCount families { code name count } } }`,
} as const;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const articles = Number(process.argv[process.argv.indexOf('--articles') + 1] || 100_000) || 100_000;
  const cached = ensureBenchErp(benchErpPath(process.cwd(), articles), articles, articles >= 100_000 ? 5000 : 500, false);
  const dir = mkdtempSync(join(tmpdir(), 'ponte-search-bench-'));
  const copy = copyForRun(cached.path, dir, 'search');
  try {
    // A cached file may predate ecom_families: the DDL adds what is missing.
    const db = new Database(copy.path);
    db.exec(readFileSync(SQLITE_DDL_PATH(), 'utf8'));
    const family = db.prepare('INSERT OR REPLACE INTO ecom_families (family_code, description) VALUES (?, ?)');
    for (const f of FAMILIES) if (f.code !== null) family.run(f.code, f.name);
    const group = db.prepare(`SELECT c.customer_code AS code FROM ecom_customers c JOIN ecom_visibility v ON v.customer_group = c.customer_group
      GROUP BY c.customer_code ORDER BY COUNT(*) DESC, c.customer_code LIMIT 1`).get() as { code: string };
    const own = db.prepare(`SELECT customer_code AS code FROM ecom_visibility WHERE customer_code IS NOT NULL
      GROUP BY customer_code ORDER BY COUNT(*) DESC, customer_code LIMIT 1`).get() as { code: string };
    db.close();

    console.log(`# ${articles} articles`);
    console.log('\n## SQL (SQLite adapter, in process): grouped count vs reading every match');
    console.log('| search | counts: groups | counts ms | every match: rows | every match ms |');
    console.log('|---|---|---|---|---|');
    const erp = SqliteErp.open(copy.path);
    for (const s of SEARCHES) {
      const terms = searchTerms(s);
      let t = process.hrtime.bigint();
      const groups = await erp.catalogCounts(terms);
      const countMs = ms(t);
      t = process.hrtime.bigint();
      const rows = await erp.catalogPage({ after: null, family: null, terms, unrestrictedOnly: false, limit: 1_000_000 });
      console.log(`| ${JSON.stringify(s)} | ${groups.length} | ${countMs.toFixed(1)} | ${rows.length} | ${ms(t).toFixed(1)} |`);
    }
    await erp.close();

    const config = loadConfig({ ERP_URL: `sqlite:${copy.path}`, AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'silent', CHANGE_FEED_POLL_MS: '0', RATE_LIMITS: 'off' });
    const logger = pino({ level: 'silent' });
    const opened = await openErp(config.erp, config.erpLimits, config.demo, logger);
    const app = await createPonteApp({
      config,
      adapter: opened.adapter,
      logger,
      extendServices: (base) => buildFeatureServices({ ...base, demo: opened.demo !== null, sqlite: opened.sqlite }),
      onClose: async () => opened.sqlite?.close(),
    });
    const url = await app.listen('127.0.0.1', 0);
    const secret = new TextEncoder().encode(SECRET);
    const viewers: Array<[string, string | undefined]> = [
      ['anonymous', undefined],
      [`customer ${own.code} (own rules)`, await mintToken(secret, { role: 'customer', customer: own.code })],
      [`customer ${group.code} (group with the most rules)`, await mintToken(secret, { role: 'customer', customer: group.code })],
      ['agent acting for nobody', await mintToken(secret, { role: 'agent', agent: 'AG01' })],
    ];
    const ask = async (token: string | undefined, s: string, query: string) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const t = process.hrtime.bigint();
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables: { s } }) });
      const body = (await res.json()) as { errors?: unknown; data?: { catalog: { totalCount?: number } } };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return { ms: ms(t), total: body.data!.catalog.totalCount ?? '' };
    };
    console.log('\n## GraphQL, ms per request: first time (cold for the search; the viewers before may have warmed shared facts), then the median of 20 repeats');
    console.log('| viewer | search | query | totalCount | first | repeated |');
    console.log('|---|---|---|---|---|---|');
    for (const [name, token] of viewers) {
      for (const s of ['interruttore 25A', 'cavo', '']) {
        for (const [label, query] of Object.entries(QUERIES)) {
          const cold = await ask(token, s, query);
          const warm: number[] = [];
          for (let i = 0; i < 20; i++) warm.push((await ask(token, s, query)).ms);
          console.log(`| ${name} | ${JSON.stringify(s)} | ${label} | ${cold.total} | ${cold.ms.toFixed(1)} | ${median(warm).toFixed(2)} |`);
        }
      }
    }
    await app.close();
  } finally {
    copy.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
