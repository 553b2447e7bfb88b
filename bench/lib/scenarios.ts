/**
 * The benchmark's scenarios: each is a deterministic stream of GraphQL
 * requests, rotating over viewers (customers with their own token, an agent
 * acting for customers it follows) and over the pages / articles / carts
 * the fixtures chose.
 *
 *   baseline      `{ __typename }`: the same HTTP, auth and GraphQL stack, no ERP.
 *   catalog       a category page (48 articles with price and availability); the
 *                 first request per (viewer, family) is reported apart as "first hit".
 *   catalog-cold  deep catalog pages nobody has asked for before: one walker per
 *                 family follows endCursor to the end, so every recorded page
 *                 misses the article, price and stock caches (the viewer is warm).
 *   product       product detail: price at a quantity, price breaks, warehouses.
 *   quote         a 10-line cart priced for the viewer.
 *   order         placeOrder with those carts, a fresh idempotency key each, capped.
 */
import type { BenchData, CartLine, ViewerSpec } from './fixtures';
import type { Call, GqlResult, Scenario } from './loadRunner';

export interface Viewer {
  spec: ViewerSpec;
  headers: Record<string, string>;
}

export function viewerHeaders(token: string, acting?: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  if (acting) headers['x-acting-customer'] = acting;
  return headers;
}

const body = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

export const PAGE_SIZE = 48;

// `price` without arguments: the storefront's form, priced at the schema's default quantity (1).
const CATALOG_QUERY = `query CategoryPage($family: String!, $first: Int!, $after: String) {
  catalog(first: $first, family: $family, after: $after) {
    edges { node { sku erpDescription price { unitPrice listPrice discounts } availability { status available } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const PRODUCT_QUERY = `query ProductDetail($sku: ID!, $quantity: Decimal!) {
  product(sku: $sku) {
    sku erpDescription unit family vatRate packQuantity minOrderQuantity
    price(quantity: $quantity) { quantity currency listPrice basePrice discounts unitPrice unitPriceWithVat lineTotal source }
    priceBreaks { minQuantity unitPrice }
    availability { status available warehouses { code name onHand committed available } nextArrival { date quantity } }
  }
}`;

const QUOTE_QUERY = `query Quote($lines: [QuoteLineInput!]!) {
  quote(lines: $lines) {
    currency totalNet totalVat totalGross
    vatSummary { rate taxable vat }
    lines { lineIndex sku quantity price { unitPrice listPrice discounts } vatRate lineTotal }
    problems { code message lineIndex }
  }
}`;

const PLACE_ORDER = `mutation PlaceOrder($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    order { id status totalNet totalVat totalGross lines { lineNo sku quantity unitPrice lineTotal } }
    errors { code message lineIndex }
  }
}`;

function checkCatalog(result: GqlResult): string | null {
  return Array.isArray(result.data?.catalog?.edges) ? null : 'catalog: no edges';
}

export function baselineScenario(viewer: Viewer, name = 'baseline'): Scenario {
  const call: Call = {
    body: body('{ __typename }'),
    headers: viewer.headers,
    check: (r) => (r.data?.__typename === 'Query' ? null : 'baseline: unexpected answer'),
  };
  return { name, title: '{ __typename } (HTTP + auth + GraphQL, no ERP)', next: () => call };
}

export function catalogScenario(viewers: Viewer[], families: string[]): Scenario {
  let n = 0;
  return {
    name: 'catalog',
    title: `category page, first ${PAGE_SIZE}, ${viewers.length} viewers x ${families.length} families`,
    next() {
      const i = n++;
      const viewer = viewers[i % viewers.length]!;
      const family = families[Math.floor(i / viewers.length) % families.length]!;
      return {
        body: body(CATALOG_QUERY, { family, first: PAGE_SIZE }),
        headers: viewer.headers,
        key: `${viewer.spec.label}|${family}`,
        check: checkCatalog,
      };
    },
  };
}

interface Walker {
  viewer: Viewer;
  family: string;
  /** null before the first (unrecorded) page has answered. */
  after: string | null;
  done: boolean;
}

export function catalogColdScenario(viewers: Viewer[], families: string[]): Scenario {
  const queue = families.map((family, j) => ({ family, viewer: viewers[j % viewers.length]! }));
  const walkers = new Map<number, Walker>();
  return {
    name: 'catalog-cold',
    title: `never-seen catalog pages (one walker per family, endCursor to the end)`,
    next(worker) {
      let walker = walkers.get(worker);
      if (!walker || walker.done) {
        const job = queue.shift();
        if (!job) return null;
        walker = { ...job, after: null, done: false };
        walkers.set(worker, walker);
      }
      const w = walker;
      const firstPage = w.after === null;
      return {
        body: body(CATALOG_QUERY, { family: w.family, first: PAGE_SIZE, after: w.after }),
        headers: w.viewer.headers,
        // Page 1 was served by the catalog scenario already: it only provides the cursor.
        record: !firstPage,
        check: checkCatalog,
        then(result) {
          const info = result?.data?.catalog?.pageInfo;
          if (!info || !info.hasNextPage || !info.endCursor) w.done = true;
          else w.after = info.endCursor as string;
        },
      };
    },
  };
}

export function productScenario(viewers: Viewer[], skus: string[]): Scenario {
  let n = 0;
  return {
    name: 'product',
    title: `product detail (price at 12, price breaks, warehouses), ${skus.length} skus`,
    next() {
      const i = n++;
      const viewer = viewers[i % viewers.length]!;
      const sku = skus[Math.floor(i / viewers.length) % skus.length]!;
      return {
        body: body(PRODUCT_QUERY, { sku, quantity: '12' }),
        headers: viewer.headers,
        key: `${viewer.spec.label}|${sku}`,
        check: (r) => (r.data?.product?.sku === sku ? null : `product ${sku}: null for ${viewer.spec.label}`),
      };
    },
  };
}

export const CART_LINES = 10;

/** Carts of CART_LINES distinct orderable lines: consecutive windows over the chosen lines. */
export function carts(lines: CartLine[]): CartLine[][] {
  const count = Math.max(1, Math.floor(lines.length / CART_LINES));
  return Array.from({ length: count }, (_, k) => Array.from({ length: CART_LINES }, (_, j) => lines[(k * CART_LINES + j) % lines.length]!));
}

export function quoteScenario(viewers: Viewer[], data: BenchData): Scenario {
  const all = carts(data.orderLines);
  let n = 0;
  return {
    name: 'quote',
    title: `quote, ${CART_LINES} lines, ${all.length} carts per viewer`,
    next() {
      const i = n++;
      const viewer = viewers[i % viewers.length]!;
      const k = Math.floor(i / viewers.length) % all.length;
      return {
        body: body(QUOTE_QUERY, { lines: all[k] }),
        headers: viewer.headers,
        key: `${viewer.spec.label}|cart${k}`,
        check(r) {
          const quote = r.data?.quote;
          if (!quote) return 'quote: null';
          if (quote.problems.length > 0) return `quote problem ${quote.problems[0].code} (${viewer.spec.label}, line ${quote.problems[0].lineIndex})`;
          return quote.lines.length === CART_LINES ? null : 'quote: wrong number of lines';
        },
      };
    },
  };
}

export function orderScenario(viewers: Viewer[], data: BenchData, runId: string, maxOrders: number): Scenario {
  const all = carts(data.orderLines);
  let n = 0;
  return {
    name: 'order',
    title: `placeOrder, ${CART_LINES} lines, unique idempotency keys, at most ${maxOrders}`,
    next() {
      if (n >= maxOrders) return null;
      const i = n++;
      const viewer = viewers[i % viewers.length]!;
      const cart = all[Math.floor(i / viewers.length) % all.length]!;
      return {
        body: body(PLACE_ORDER, {
          input: { idempotencyKey: `bench-${runId}-${i}`, lines: cart, customerReference: `bench ${i}`.slice(0, 50) },
        }),
        headers: viewer.headers,
        check(r) {
          const result = r.data?.placeOrder;
          if (!result) return 'placeOrder: null';
          if (result.errors.length > 0) return `placeOrder ${result.errors[0].code} (${viewer.spec.label})`;
          return result.order?.id ? null : 'placeOrder: no order';
        },
      };
    },
  };
}
