/**
 * Pricing engine micro-benchmark (`npm run bench:pricing`).
 *
 * Loads the demo ERP's rules the way the server does (customer contexts,
 * global conditions, price list items), compiles them, then prices a
 * realistic mix on one core: many customers (own lists, groups, anonymous),
 * every kind of article, quantities 1–200 including fractional ones.
 * Reports unit prices per second, against a baseline measured in the same
 * run (the same loop doing only the candidate lookup, no pricing), so the
 * figure can be compared across machines.
 *
 * Flags: --articles N (default 10000), --customers N (default 1000),
 * --seconds S per task (default 3).
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { Bench } from 'tinybench';
import { generateDemoErp } from '../src/demo/generateDemoErp';
import { Decimal } from '../src/decimal/decimal';
import type { PriceListItemRow } from '../src/erp/port';
import { SqliteErp } from '../src/erp/sqlite';
import { Random } from '../src/demo/random';
import { compileConditionIndex, compileGlobalConditions } from '../src/pricing/conditionIndex';
import { computePrice, type PriceInputs } from '../src/pricing/computePrice';
import { compileListItems } from '../src/pricing/listPrice';
import { type PriceCaller, priceCaller, priceQueryFor } from '../src/pricing/priceQuery';
import { type Quantity, toQuantity } from '../src/pricing/quantity';
import { SQLITE_DDL_PATH } from '../src/projectRoot';
import { readErpSettings } from '../src/settings/erpSettings';

/** A positive whole number flag, or its default; anything else stops the run with a message. */
function count(values: Record<string, string | undefined>, name: string, def: number): number {
  const text = values[name];
  if (text === undefined) return def;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`--${name} must be a positive whole number, got ${JSON.stringify(text)}`);
  return n;
}

const TODAY = '2026-11-26';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { articles: { type: 'string' }, customers: { type: 'string' }, seconds: { type: 'string' } },
  });
  const articles = count(values, 'articles', 10_000);
  const customers = count(values, 'customers', 1_000);
  const seconds = count(values, 'seconds', 3);

  const db = new Database(':memory:');
  db.exec(readFileSync(SQLITE_DDL_PATH(), 'utf8'));
  generateDemoErp(db, { seed: 7, articles, customers, today: TODAY });
  const erp = new SqliteErp(db);

  const settings = readErpSettings((await erp.referenceData()).settings);
  const allSkus = (db.prepare('SELECT sku FROM ecom_articles WHERE active = 1').all() as Array<{ sku: string }>).map((r) => r.sku);
  const articleRows = new Map((await erp.articlesBySku(allSkus)).map((a) => [a.sku, a]));
  const customerCodes = (db.prepare('SELECT customer_code AS c FROM ecom_customers ORDER BY customer_code LIMIT 200').all() as Array<{
    c: string;
  }>).map((r) => r.c);
  const contexts = await erp.customerContexts(customerCodes);
  const globalRows = await erp.globalConditions();
  const lists = [...new Set([settings.defaultPriceList!, ...contexts.map((c) => c.customer.priceListCode).filter((l): l is string => !!l)])];
  const items = await erp.priceListItems(lists, allSkus);
  const byKey = new Map<string, PriceListItemRow[]>();
  for (const item of items) {
    const key = `${item.priceListCode}\u0000${item.sku}`;
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(item);
  }
  const listItems = (list: string, sku: string) => compileListItems(byKey.get(`${list}\u0000${sku}`) ?? []);

  // Each caller compiled once, over one global layer, as the server compiles
  // a customer's facts once and shares the global conditions.
  const global = compileGlobalConditions(globalRows);
  const anonymous = priceCaller(null, settings.defaultPriceList, compileConditionIndex(null, global, []), TODAY);
  const callers: PriceCaller[] = contexts.map(({ customer, conditions }) =>
    priceCaller(customer.priceListCode, settings.defaultPriceList, compileConditionIndex({ code: customer.code, group: customer.group }, global, conditions), TODAY),
  );

  // A fixed mix of 50,000 price requests: 90 % customers, 10 % anonymous.
  // Quantities arrive parsed, as in the server, where a field's quantity
  // argument is converted once per resolver call, not once per rule.
  const quantities = ['1', '1', '1', '2', '3', '5', '6', '10', '12', '24', '50', '100', '200', '0.5', '2.25', '12.125'].map((q) =>
    toQuantity(new Decimal(q)),
  );
  const random = new Random(42);
  const queries: Array<{ inputs: PriceInputs; quantity: Quantity }> = [];
  for (let i = 0; i < 50_000; i++) {
    const article = articleRows.get(random.pick(allSkus))!;
    const caller = random.int(0, 9) === 0 ? anonymous : random.pick(callers);
    queries.push({ inputs: priceQueryFor(caller, article, (list) => listItems(list, article.sku)), quantity: random.pick(quantities) });
  }
  // Warm the per-article candidate lists, as a running server's are.
  let priced = 0;
  for (const q of queries) if (computePrice(q.inputs, q.quantity)) priced += 1;

  const BATCH = 10_000;
  const ONE_PIECE = toQuantity(new Decimal(1));
  let cursor = 0;
  const bench = new Bench({ time: seconds * 1000, warmupTime: 500 });
  bench
    .add('baseline: price winner lookup only', () => {
      for (let i = 0; i < BATCH; i++) {
        const { inputs } = queries[cursor++ % queries.length]!;
        inputs.conditions.priceWinner(inputs.sku, inputs.familyCode, ONE_PIECE, TODAY);
      }
    })
    .add('computePrice (unit price, all steps)', () => {
      for (let i = 0; i < BATCH; i++) {
        const q = queries[cursor++ % queries.length]!;
        computePrice(q.inputs, q.quantity);
      }
    });
  await bench.run();

  const cpu = cpus()[0]?.model ?? 'unknown cpu';
  process.stdout.write(
    `Pricing micro-benchmark: ${articles} articles, ${customers} customers, ${globalRows.length} global conditions, ` +
      `${contexts.reduce((n, c) => n + c.conditions.length, 0)} customer/group conditions over ${contexts.length} customers; ` +
      `${priced} of ${queries.length} requests have a price.\n${cpu}, node ${process.version}, one core (single thread)\n\n`,
  );
  const rows = bench.tasks.map((task) => {
    const r = task.result as { latency?: { mean: number }; mean?: number } | undefined;
    const meanMs = r?.latency?.mean ?? r?.mean ?? NaN;
    return { name: task.name, perSecond: (BATCH / meanMs) * 1000 };
  });
  const baseline = rows[0]!.perSecond;
  for (const row of rows) {
    process.stdout.write(
      `${row.name.padEnd(40)} ${Math.round(row.perSecond).toLocaleString('en-US').padStart(14)} /s   ` +
        `(${(row.perSecond / baseline).toFixed(2)} × baseline)\n`,
    );
  }
  await erp.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
