/**
 * Storefront scenarios (issue 8, "Low latency for real"): the same requests
 * sent to Ponte, to the naive server and (the page) to the ceiling, so each
 * figure has a yardstick measured in the same run.
 *
 *   page         one category page, `products(skus: <48 skus>)` with
 *                `sku erpDescription price(quantity: 1) { unitPrice }
 *                availability { status available }`, as the demo customer,
 *                the very same document every time (warm).
 *   page-cold    the same shape over pages of 48 skus nobody has asked for,
 *                each page once.
 *   mixed        storefront traffic: customers and pages drawn Zipf (s ≈ 1.1),
 *                60 % anonymous, category pages, product details and quotes.
 *   uniform      the memory load: every customer in turn, uniform pages and
 *                product details, so every customer's context gets built.
 *
 * Every generator is seeded: Ponte and the naive server get the same
 * sequence of pages, skus and carts.
 */
import Database from 'better-sqlite3';
import type { CartLine } from './fixtures';
import type { Random } from '../../src/demo/random';
import { seeded } from './fixtures';
import type { Call, GqlResult, Scenario } from './loadRunner';

export const STOREFRONT_PAGE = 48;

export interface StorefrontData {
  /** Pages of 48 articles every viewer sees, in catalogue order (family, sku). */
  pages: string[][];
  /** Every article every viewer sees. */
  skus: string[];
  /** Every customer that is not blocked. */
  customers: string[];
}

/** Read straight from the ERP file (never through Ponte, so nothing is warmed). */
export function chooseStorefrontData(path: string): StorefrontData {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    // Visible to everybody: active, web-enabled, not restricted, named by no
    // visibility rule, in no family any rule denies. Read as sets: the same
    // question in SQL (NOT EXISTS over an unindexed column) takes tens of
    // seconds at 100 000 articles.
    const named = new Set((db.prepare(`SELECT DISTINCT sku FROM ecom_visibility WHERE sku IS NOT NULL`).all() as Array<{ sku: string }>).map((r) => r.sku));
    const denied = new Set(
      (db.prepare(`SELECT DISTINCT family_code AS f FROM ecom_visibility WHERE family_code IS NOT NULL AND mode = 'DENY'`).all() as Array<{ f: string }>).map((r) => r.f),
    );
    const skus = (
      db.prepare(`SELECT sku, family_code AS f FROM ecom_articles WHERE active = 1 AND web_enabled = 1 AND restricted = 0 ORDER BY family_code, sku`).all() as Array<{
        sku: string;
        f: string | null;
      }>
    )
      .filter((a) => !named.has(a.sku) && (a.f === null || !denied.has(a.f)))
      .map((r) => r.sku);
    const pages: string[][] = [];
    for (let i = 0; i + STOREFRONT_PAGE <= skus.length; i += STOREFRONT_PAGE) pages.push(skus.slice(i, i + STOREFRONT_PAGE));
    const customers = (db.prepare(`SELECT customer_code AS c FROM ecom_customers WHERE blocked = 0 ORDER BY customer_code`).all() as Array<{ c: string }>).map((r) => r.c);
    if (pages.length < 4) throw new Error(`the demo ERP at ${path} has too few articles visible to everybody for the storefront scenarios (${skus.length})`);
    return { pages, skus, customers };
  } finally {
    db.close();
  }
}

/** Zipf(s) over ranks 0..n-1 (rank 0 the most popular), by inverse CDF. */
export function zipfSampler(n: number, s: number, random: Random): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k += 1) {
    sum += 1 / Math.pow(k + 1, s);
    cdf[k] = sum;
  }
  return () => {
    const u = random.next() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** The page document, skus written inline: the same text for Ponte and the naive server. */
export function pageQuery(skus: readonly string[]): string {
  return `{ products(skus: ${JSON.stringify(skus)}) { sku erpDescription price(quantity: 1) { unitPrice } availability { status available } } }`;
}

const PONTE_PRODUCT = `query ProductDetail($sku: ID!) {
  product(sku: $sku) { sku erpDescription vatRate price(quantity: 12) { unitPrice lineTotal } availability { status available } }
}`;
/** The naive server's product detail: the same fields (its quantity is a Float). */
const NAIVE_PRODUCT = PONTE_PRODUCT;

const PONTE_QUOTE = `query Quote($lines: [QuoteLineInput!]!) {
  quote(lines: $lines) { totalNet lines { sku quantity price { unitPrice } lineTotal } problems { code lineIndex } }
}`;
const NAIVE_QUOTE = `query Quote($lines: [NaiveQuoteLineInput!]!) {
  quote(lines: $lines) { totalNet lines { sku quantity unitPrice lineTotal } }
}`;

export type Target = 'ponte' | 'naive' | 'ceiling';

const body = (query: string, variables?: Record<string, unknown>) => JSON.stringify(variables ? { query, variables } : { query });

/** A page answered in full: as many non-null products as skus asked for. */
export function checkPage(expected: number): (r: GqlResult) => string | null {
  return (r) => {
    const list = r.data?.products;
    if (!Array.isArray(list) || list.length === 0) return 'page: empty';
    const found = list.filter((p: unknown) => p !== null).length;
    return found === expected ? null : `page: ${found} of ${expected} products`;
  };
}

function checkProduct(sku: string): (r: GqlResult) => string | null {
  return (r) => (r.data?.product?.sku === sku ? null : `product ${sku}: null`);
}

function checkQuote(target: Target, lines: number): (r: GqlResult) => string | null {
  return (r) => {
    const q = r.data?.quote;
    if (!q) return 'quote: null';
    if (target === 'ponte' && q.problems.length > 0) return `quote problem ${q.problems[0].code}`;
    return q.lines.length === lines ? null : 'quote: wrong number of lines';
  };
}

/** The warm category page: one document, sent again and again. */
export function pageScenario(name: string, headers: Record<string, string>, skus: readonly string[]): Scenario {
  const call: Call = { body: body(pageQuery(skus)), headers, check: checkPage(skus.length) };
  return { name, title: `category page: products(skus: ${skus.length}) with price and availability, the same page every time`, next: () => call };
}

/** Cold pages: each page of the list once, then the scenario is exhausted. */
export function pageColdScenario(name: string, headers: Record<string, string>, pages: readonly string[][]): Scenario {
  let n = 0;
  return {
    name,
    title: `category pages nobody asked for: ${pages.length} pages of ${STOREFRONT_PAGE}, each once`,
    next() {
      const page = pages[n++];
      return page ? { body: body(pageQuery(page)), headers, check: checkPage(page.length) } : null;
    },
  };
}

export function productDetailScenario(name: string, target: Target, headers: Record<string, string>, skus: readonly string[]): Scenario {
  let n = 0;
  return {
    name,
    title: `product detail (price at 12, availability), ${skus.length} skus in turn`,
    next() {
      const sku = skus[n++ % skus.length]!;
      return { body: body(target === 'naive' ? NAIVE_PRODUCT : PONTE_PRODUCT, { sku }), headers, check: checkProduct(sku) };
    },
  };
}

export function quoteCartsScenario(name: string, target: Target, headers: Record<string, string>, carts: readonly CartLine[][]): Scenario {
  let n = 0;
  return {
    name,
    title: `quote of a ${carts[0]?.length ?? 0}-line cart, ${carts.length} carts in turn`,
    next() {
      const cart = carts[n++ % carts.length]!;
      return { body: body(target === 'naive' ? NAIVE_QUOTE : PONTE_QUOTE, { lines: cart }), headers, check: checkQuote(target, cart.length) };
    },
  };
}

export interface MixOptions {
  target: Target;
  data: StorefrontData;
  carts: readonly CartLine[][];
  /** Headers of a customer (minted on first use); the naive target ignores them. */
  customerHeaders(code: string): Record<string, string>;
  anonymousHeaders: Record<string, string>;
  /** Share of anonymous visitors (0..1). */
  anonymousShare: number;
  zipfS: number;
  seed: number;
}

/** The request mix of a storefront: 70 % category pages, 25 % product details, 5 % quotes (customers only: anonymous visitors browse, pages and products in the same proportion). */
export const MIX = { page: 0.7, product: 0.25, quote: 0.05 };

/**
 * Storefront traffic: each request picks a visitor (anonymous with the
 * given share, else a customer drawn Zipf), then a kind of request, then
 * its page, sku or cart drawn Zipf. Seeded: both targets see one sequence.
 */
export function mixedScenario(name: string, options: MixOptions): Scenario {
  const random = seeded(options.seed);
  const customer = zipfSampler(options.data.customers.length, options.zipfS, random);
  const page = zipfSampler(options.data.pages.length, options.zipfS, random);
  const sku = zipfSampler(options.data.skus.length, options.zipfS, random);
  const cart = zipfSampler(options.carts.length, options.zipfS, random);
  const naive = options.target === 'naive';
  return {
    name,
    title: `storefront mix: ${Math.round(options.anonymousShare * 100)} % anonymous, customers and pages Zipf s=${options.zipfS}, ${MIX.page * 100} % pages / ${MIX.product * 100} % product / ${MIX.quote * 100} % quotes`,
    next() {
      const anonymous = random.next() < options.anonymousShare;
      const code = anonymous ? null : options.data.customers[customer()]!;
      const headers = naive || code === null ? options.anonymousHeaders : options.customerHeaders(code);
      // Quotes need a customer (Ponte answers an anonymous quote UNAUTHENTICATED): visitors browse only.
      const kind = anonymous ? random.next() * (MIX.page + MIX.product) : random.next();
      if (kind < MIX.page) {
        const skus = options.data.pages[page()]!;
        return { body: body(pageQuery(skus)), headers, check: checkPage(skus.length) };
      }
      if (kind < MIX.page + MIX.product) {
        const s = options.data.skus[sku()]!;
        return { body: body(naive ? NAIVE_PRODUCT : PONTE_PRODUCT, { sku: s }), headers, check: checkProduct(s) };
      }
      const lines = options.carts[cart()]!;
      return { body: body(naive ? NAIVE_QUOTE : PONTE_QUOTE, { lines }), headers, check: checkQuote(options.target, lines.length) };
    },
  };
}

/**
 * The memory load: every customer in turn (so every customer's context is
 * built and held), each asking for a uniformly drawn page or product.
 */
export function uniformScenario(
  name: string,
  data: StorefrontData,
  customerHeaders: (code: string) => Record<string, string>,
  seed: number,
  /** Stop after one request per customer (the pass that builds every customer's context). */
  onePass = false,
): Scenario {
  const random = seeded(seed);
  let n = 0;
  return {
    name,
    title: `uniform over all ${data.customers.length} customers (in turn), pages (1 in 4) and products drawn uniformly${onePass ? ', one request per customer' : ''}`,
    next() {
      if (onePass && n >= data.customers.length) return null;
      const code = data.customers[n++ % data.customers.length]!;
      const headers = customerHeaders(code);
      if (random.chance(0.25)) {
        const skus = random.pick(data.pages);
        // Customers with restrictions may see fewer: only an empty page is a failure here.
        return { body: body(pageQuery(skus)), headers, check: (r) => (Array.isArray(r.data?.products) && r.data.products.length > 0 ? null : 'page: empty') };
      }
      const s = random.pick(data.skus);
      return { body: body(PONTE_PRODUCT, { sku: s }), headers };
    },
  };
}
