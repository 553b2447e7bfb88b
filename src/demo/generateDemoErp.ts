/**
 * The deterministic demo ERP: fills an empty SQLite database laid out as in
 * schema/erp/sqlite.sql with a realistic Italian B2B distributor of
 * electrical, plumbing and hardware supplies.
 *
 * Why it looks the way it does:
 * - It is the database Ponte runs against when no ERP is configured, and the
 *   one tests and benchmarks use, so every case the contract describes must
 *   occur in it: restricted and denied articles, price breaks, dated list
 *   rows, conditions of every kind and scope, stock in every status, blocked
 *   customers, documents with files.
 * - It must be reproducible: everything is drawn from a seeded PRNG
 *   (./random.ts), each section from its own derived stream, and "today" is
 *   an input, never the clock.
 * - Decimals are written as the contract stores them (TEXT, plain notation).
 *   They are built from integers counted in 10^-4 (prices) or 10^-3
 *   (quantities) and formatted as strings (fixedPoint.ts), and document
 *   totals use the project's Decimal and VAT summary (documentTotals.ts), so
 *   no binary floating point value is ever stored.
 * - Its files are real: a PDF for every document and valid FatturaPA XML
 *   for some invoices (demoDocuments.ts).
 * - It must be fast (100k articles in well under a minute): one transaction,
 *   prepared statements, and per-article work that is O(1).
 *
 * This file only orchestrates: the tables are under ./data, each section of
 * rows has its own module (masterRows, priceRows, stockRows, movementHistory,
 * conditionRows, visibilityRows, documentRows), in the order the draws were always made.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { buildArticles, chooseDemoFamily, ensureRestrictedSupply, inDemoSkuFamilies } from './articles';
import { parseDay } from './calendar';
import { insertConditions } from './conditionRows';
import type { Context } from './context';
import { buildCustomers, ensureDemoAgentPortfolio, shapeDemoCustomer } from './customers';
import { AGENTS, DEMO_AGENT } from './data/company';
import { draftDocuments } from './documentDrafts';
import { insertDocuments } from './documentRows';
import { insertArticles, insertCustomers, insertFamilies, insertReferenceData } from './masterRows';
import { insertMovementHistory } from './movementHistory';
import { insertPriceListItems } from './priceRows';
import { Random } from './random';
import { insertStock } from './stockRows';
import { insertVisibility } from './visibilityRows';

export interface DemoErpOptions {
  /** PRNG seed; the same seed and sizes give the same database. Default 20261126. */
  seed?: number;
  /** Number of articles (default 10_000; benchmarks use 100_000). */
  articles?: number;
  /** Number of customers (default 1_000). */
  customers?: number;
  /** "Today" as YYYY-MM-DD, used to place validity windows around it (past, current, future). */
  today: string;
}

export interface DemoErpSummary {
  articles: number;
  customers: number;
  agents: number;
  /** A customer that has restricted articles allowed to it (by sku or family or group) and conditions: used for the demo token. */
  demoCustomer: string;
  /** An agent that follows demoCustomer and a few others. */
  demoAgent: string;
}

const DEFAULT_SEED = 20261126;
const DEFAULT_ARTICLES = 10_000;
const DEFAULT_CUSTOMERS = 1_000;
/** Below these sizes the guaranteed demo cases (restricted families, agent portfolio …) cannot all be built. */
const MIN_ARTICLES = 50;
const MIN_CUSTOMERS = 10;

function checkSize(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
}

export function generateDemoErp(db: BetterSqlite3.Database, options: DemoErpOptions): DemoErpSummary {
  const seed = options.seed ?? DEFAULT_SEED;
  const articleCount = options.articles ?? DEFAULT_ARTICLES;
  const customerCount = options.customers ?? DEFAULT_CUSTOMERS;
  checkSize('articles', articleCount, MIN_ARTICLES);
  checkSize('customers', customerCount, MIN_CUSTOMERS);
  const today = parseDay(options.today);
  const root = new Random(seed);

  const existing = db.prepare('SELECT (SELECT COUNT(*) FROM ecom_articles) + (SELECT COUNT(*) FROM ecom_customers) AS n').get() as { n: number };
  if (existing.n !== 0) throw new Error('generateDemoErp needs empty ERP tables');

  // Build the master data in memory first: later sections (conditions,
  // visibility, documents) pick from it, and the demo guarantees adjust it.
  const articles = buildArticles(root.derive('articles'), articleCount);
  const demoRnd = root.derive('demo');
  const demoFamily = chooseDemoFamily(articles);
  // One restricted article of the family is denied to the demo customer, the others stay visible.
  ensureRestrictedSupply(articles, demoFamily, 3, (a) => a.familyCode === demoFamily);
  ensureRestrictedSupply(articles, 'other families', 6, inDemoSkuFamilies(demoFamily));
  const customers = buildCustomers(root.derive('customers'), customerCount);
  const demo = customers[0];
  shapeDemoCustomer(demoRnd, demo);
  ensureDemoAgentPortfolio(customers, demo);

  const ctx: Context = { today, articles, customers, demo, demoFamily, db };

  db.transaction(() => {
    insertReferenceData(ctx);
    insertCustomers(ctx);
    insertFamilies(ctx);
    insertArticles(ctx);
    insertPriceListItems(ctx, root.derive('prices'));
    insertStock(ctx, root.derive('stock'));
    // Read back the stock just inserted: the movements lead up to it.
    insertMovementHistory(ctx, root.derive('movements'));
    // Visibility first: the demo customer's conditions and documents are about articles it can see.
    const demoSees = insertVisibility(ctx, root.derive('visibility'));
    const discounts = insertConditions(ctx, root.derive('conditions'), demoSees);
    const documentsRnd = root.derive('documents');
    insertDocuments(ctx, documentsRnd, draftDocuments(ctx, documentsRnd, discounts, demoSees));
  })();

  return {
    articles: articles.length,
    customers: customers.length,
    agents: AGENTS.length,
    demoCustomer: demo.code,
    demoAgent: DEMO_AGENT,
  };
}
