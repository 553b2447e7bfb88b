/**
 * The benchmark's data: the demo ERP (generated once per size and cached in
 * .data/, then copied per run so the orders a run places never leak into
 * the next one) and the viewers, families and articles the scenarios use.
 *
 * The choices are read straight from the SQLite file, never through Ponte,
 * so that preparing a run warms none of Ponte's caches: the first request
 * of each kind the server sees is the one the benchmark measures as cold.
 */
import { Random } from '../../src/demo/random';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoErpFile, DEMO_GENERATOR_VERSION, readDemoGeneratorVersion, readDemoSummary } from '../../src/demo/openDemoErp';
import type { DemoErpSummary } from '../../src/demo/generateDemoErp';
import { DEFAULTS } from '../../src/settings/defaults';
import { formatPlain } from '../../src/decimal/decimal';
import { minimumQuantity, orderRulesOf } from '../../src/orders/orderableQuantity';
import { dateInZone } from '../../src/settings/erpSettings';

/** The generator's default seed: the same database as `npm start` would build at this size. */
export const BENCH_SEED = 20261126;

export interface CachedErp {
  path: string;
  summary: DemoErpSummary;
  generatedNow: boolean;
  millis: number;
}

export function benchErpPath(root: string, articles: number): string {
  return join(root, '.data', `bench-erp-${articles}.sqlite`);
}

/** Returns the cached demo ERP for this size, generating it first if needed. */
export function ensureBenchErp(path: string, articles: number, customers: number, regenerate: boolean): CachedErp {
  const started = Date.now();
  if (existsSync(path) && !regenerate) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const summary = readDemoSummary(db);
      if (summary && summary.customers === customers && readDemoGeneratorVersion(db) === DEMO_GENERATOR_VERSION) {
        return { path, summary, generatedNow: false, millis: Date.now() - started };
      }
    } finally {
      db.close();
    }
  }
  rmSync(path, { force: true });
  const summary = createDemoErpFile(path, {
    seed: BENCH_SEED,
    articles,
    customers,
    today: dateInZone(new Date(), DEFAULTS.timeZone),
  });
  return { path, summary, generatedNow: true, millis: Date.now() - started };
}

/** Copies the cached database for one run; returns the copy's path and a remover. */
export function copyForRun(cached: string, dir: string, runId: string): { path: string; remove(): void } {
  const path = join(dir, `ponte-bench-${runId}.sqlite`);
  copyFileSync(cached, path);
  return {
    path,
    remove() {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
    },
  };
}

/** Who a request runs as: a customer with its own token, or an agent acting for a customer it follows. */
export interface ViewerSpec {
  label: string;
  role: 'customer' | 'agent';
  customer: string;
  agent?: string;
}

export interface CartLine {
  sku: string;
  quantity: string;
}

export interface BenchData {
  viewers: ViewerSpec[];
  families: string[];
  /** Articles every viewer sees (for product detail). */
  productSkus: string[];
  /** Lines every viewer may order as they are (visible, priced, pack and minimum respected). */
  orderLines: CartLine[];
  today: string;
}

/**
 * The project's seeded PRNG (src/demo/random.ts), so every run picks the same
 * articles and sends the same traffic, to Ponte and the naive server alike.
 */
export function seeded(seed: number): Random {
  return new Random(seed);
}

/** The smallest quantity that respects both the pack and the minimum: the rule placeOrder checks. */
export function orderableQuantity(packQty: string, minOrderQty: string): string {
  return formatPlain(minimumQuantity(orderRulesOf({ packQty, minOrderQty }))!);
}

export function chooseBenchData(path: string, summary: DemoErpSummary): BenchData {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const random = seeded(BENCH_SEED);
    const settings = new Map(
      (db.prepare(`SELECT setting_key AS k, setting_value AS v FROM ecom_settings`).all() as Array<{ k: string; v: string }>).map((r) => [r.k, r.v]),
    );
    const today = dateInZone(new Date(), settings.get('time_zone') ?? DEFAULTS.timeZone);
    const defaultList = settings.get('default_price_list') ?? null;

    // Viewers: the demo customer, one customer per (price list, group) so
    // different price lists and conditions are exercised, and the demo agent
    // acting for two of the customers it follows.
    const customers = db
      .prepare(
        `SELECT customer_code AS code, price_list_code AS list, customer_group AS grp, agent_code AS agent
           FROM ecom_customers WHERE blocked = 0 ORDER BY customer_code`,
      )
      .all() as Array<{ code: string; list: string | null; grp: string | null; agent: string | null }>;
    const viewers: ViewerSpec[] = [{ label: summary.demoCustomer, role: 'customer', customer: summary.demoCustomer }];
    const kinds = new Set<string>();
    for (const c of customers) {
      if (viewers.length >= 6) break;
      const kind = `${c.list}|${c.grp}`;
      if (c.code === summary.demoCustomer || kinds.has(kind)) continue;
      kinds.add(kind);
      viewers.push({ label: c.code, role: 'customer', customer: c.code });
    }
    const followed = customers.filter((c) => c.agent === summary.demoAgent && c.code !== summary.demoCustomer).slice(0, 2);
    for (const c of followed) {
      viewers.push({ label: `${summary.demoAgent}>${c.code}`, role: 'agent', agent: summary.demoAgent, customer: c.code });
    }

    const families = (
      db.prepare(`SELECT DISTINCT family_code AS f FROM ecom_articles WHERE family_code IS NOT NULL ORDER BY 1`).all() as Array<{ f: string }>
    ).map((r) => r.f);

    // Articles every viewer sees: not restricted, named by no visibility rule,
    // in no family any rule denies.
    // Read as sets: the same question in SQL (NOT EXISTS over an unindexed
    // column) takes tens of seconds at 100 000 articles.
    const named = new Set((db.prepare(`SELECT DISTINCT sku FROM ecom_visibility WHERE sku IS NOT NULL`).all() as Array<{ sku: string }>).map((r) => r.sku));
    const denied = new Set(
      (db.prepare(`SELECT DISTINCT family_code AS f FROM ecom_visibility WHERE family_code IS NOT NULL AND mode = 'DENY'`).all() as Array<{ f: string }>).map((r) => r.f),
    );
    const visibleToAll = (
      db
        .prepare(
          `SELECT a.sku, a.pack_qty AS pack, a.min_order_qty AS min, a.family_code AS family
             FROM ecom_articles a
            WHERE a.active = 1 AND a.web_enabled = 1 AND a.restricted = 0
            ORDER BY a.sku`,
        )
        .all() as Array<{ sku: string; pack: string; min: string; family: string | null }>
    ).filter((a) => !named.has(a.sku) && (a.family === null || !denied.has(a.family)));
    const productSkus = random.sample(
      visibleToAll.map((a) => a.sku),
      100,
    ).sort();

    // Orderable by everyone: also an undated-or-current default-list price from quantity 0,
    // which is the price every customer falls back to.
    const hasBasePrice = db.prepare(
      `SELECT 1 FROM ecom_price_list_items
        WHERE price_list_code = @list AND sku = @sku AND CAST(min_qty AS REAL) = 0
          AND (valid_from IS NULL OR valid_from <= @today) AND (valid_to IS NULL OR valid_to >= @today)
        LIMIT 1`,
    );
    const priced = defaultList ? visibleToAll.filter((a) => hasBasePrice.get({ list: defaultList, sku: a.sku, today })) : [];
    const orderLines = random
      .sample(priced, 120)
      .sort((x, y) => (x.sku < y.sku ? -1 : 1))
      .map((a) => ({ sku: a.sku, quantity: orderableQuantity(a.pack, a.min) }));

    if (families.length === 0 || productSkus.length === 0 || orderLines.length < 10) {
      throw new Error(`the demo ERP at ${path} is too small for the benchmark (families ${families.length}, products ${productSkus.length}, orderable ${orderLines.length})`);
    }
    return { viewers, families, productSkus, orderLines, today };
  } finally {
    db.close();
  }
}
