/**
 * The oracle's own reading of the spec, for what referencePricing.ts does not
 * cover: visibility (erp-contract.md, "Visibility rules"; graphql-api.md,
 * "Who is calling"), availability (graphql-api.md, "Availability") and the
 * quote's VAT summary (pricing rule 8). Written from the text; shares no code
 * with src/visibility or src/stock.
 *
 * Also: exact decimals on BigInt, and a way to start Ponte the way the
 * checker does (ERP_URL=sqlite:<file>, through openErp as `npm start` does).
 */
import pino from 'pino';
import { request } from 'undici';
import { createPonteApp, type PonteApp } from '../../src/app';
import { mintToken, type TokenClaims } from '../../src/auth/mintToken';
import { loadConfig } from '../../src/config/config';
import { openErp } from '../../src/erp/openErp';
import { buildFeatureServices } from '../../src/featureServices';
import { compareFixed, fixed, plain, type Fixed } from '../pricing/referencePricing';
import type { ArticleSpec, IncomingSpec, RandomErp, StockSpec, VisibilityRule } from './randomErp';

// ---------------------------------------------------------------------------
// Decimals

export { compareFixed, fixed, plain, type Fixed };

const pow10 = (k: number) => 10n ** BigInt(k);

function align(a: Fixed, b: Fixed): [bigint, bigint, number] {
  const s = Math.max(a.s, b.s);
  return [a.n * pow10(s - a.s), b.n * pow10(s - b.s), s];
}

export function addF(a: Fixed, b: Fixed): Fixed {
  const [x, y, s] = align(a, b);
  return { n: x + y, s };
}

export function subF(a: Fixed, b: Fixed): Fixed {
  const [x, y, s] = align(a, b);
  return { n: x - y, s };
}

export function mulF(a: Fixed, b: Fixed): Fixed {
  return { n: a.n * b.n, s: a.s + b.s };
}

export const ZERO: Fixed = { n: 0n, s: 0 };

export function maxZero(a: Fixed): Fixed {
  return a.n < 0n ? ZERO : a;
}

/** Half away from zero to `places` decimals. */
export function roundHalfUp(a: Fixed, places: number): Fixed {
  if (a.s <= places) return a;
  const den = pow10(a.s - places);
  const neg = a.n < 0n;
  const abs = neg ? -a.n : a.n;
  const q = (2n * abs + den) / (2n * den);
  return { n: neg ? -q : q, s: places };
}

/** Divides by 100 exactly. */
export function percentOf(a: Fixed): Fixed {
  return { n: a.n, s: a.s + 2 };
}

/** Numeric equality of two decimal strings (null only equals null). */
export function sameDecimal(a: unknown, b: string | null): boolean {
  if (a === null || a === undefined || b === null) return (a ?? null) === b;
  if (typeof a !== 'string') return false;
  try {
    return compareFixed(fixed(a), fixed(b)) === 0;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Viewers

export type VisibilityScope =
  | { kind: 'anonymous' }
  /** An agent without an acting customer: every active, web-enabled article. */
  | { kind: 'all' }
  | { kind: 'customer'; code: string; group: string | null };

/**
 * erp-contract.md: visible when active = 1 and web_enabled = 1; and no DENY
 * rule matches it (by sku or by its family) for the caller's customer code or
 * group; and either restricted = 0 or an ALLOW rule matches it the same way.
 * Anonymous callers match no rule. graphql-api.md: an agent without the
 * acting header sees every active, web-enabled article.
 */
export function isVisibleTo(scope: VisibilityScope, a: ArticleSpec, rules: readonly VisibilityRule[]): boolean {
  if (!a.active || !a.webEnabled) return false;
  if (scope.kind === 'all') return true;
  if (scope.kind === 'anonymous') return !a.restricted;
  const ruleMatches = (r: VisibilityRule) => {
    const forCaller =
      (r.customerCode !== null && r.customerCode === scope.code) ||
      (r.customerGroup !== null && scope.group !== null && r.customerGroup === scope.group);
    const forArticle = (r.sku !== null && r.sku === a.sku) || (r.familyCode !== null && a.familyCode !== null && r.familyCode === a.familyCode);
    return forCaller && forArticle;
  };
  if (rules.some((r) => r.mode === 'DENY' && ruleMatches(r))) return false;
  if (!a.restricted) return true;
  return rules.some((r) => r.mode === 'ALLOW' && ruleMatches(r));
}

// ---------------------------------------------------------------------------
// Availability

export interface ExpectedWarehouse {
  code: string;
  name: string;
  onHand: string;
  committed: string;
  available: string;
}

export interface ExpectedAvailability {
  status: 'IN_STOCK' | 'LOW_STOCK' | 'BACKORDER' | 'OUT_OF_STOCK';
  available: string | null;
  warehouses: ExpectedWarehouse[];
  nextArrival: { date: string; quantity: string | null } | null;
}

export function expectedAvailability(erp: RandomErp, sku: string, showQuantities: boolean): ExpectedAvailability {
  const web = new Map(erp.warehouses.filter((w) => w.webEnabled).map((w) => [w.code, w]));
  const rows: StockSpec[] = erp.stock.filter((s) => s.sku === sku && web.has(s.warehouseCode));
  let available = ZERO;
  const warehouses: ExpectedWarehouse[] = [];
  for (const r of rows) {
    const free = maxZero(subF(fixed(r.onHand), fixed(r.committed)));
    available = addF(available, free);
    warehouses.push({ code: r.warehouseCode, name: web.get(r.warehouseCode)!.name, onHand: r.onHand, committed: r.committed, available: plain(free) });
  }
  warehouses.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));

  const incoming: IncomingSpec[] = erp.incoming.filter((i) => i.sku === sku && web.has(i.warehouseCode));
  let next: { date: string; quantity: Fixed } | null = null;
  for (const i of incoming) {
    if (next === null || i.expectedDate < next.date) next = { date: i.expectedDate, quantity: fixed(i.quantity) };
    else if (i.expectedDate === next.date) next.quantity = addF(next.quantity, fixed(i.quantity));
  }

  const threshold = fixed(erp.lowStockThreshold);
  let status: ExpectedAvailability['status'];
  if (compareFixed(available, threshold) >= 0) status = 'IN_STOCK';
  else if (available.n > 0n) status = 'LOW_STOCK';
  else if (next !== null) status = 'BACKORDER';
  else status = 'OUT_OF_STOCK';

  return {
    status,
    available: showQuantities ? plain(available) : null,
    warehouses: showQuantities ? warehouses : [],
    nextArrival: next === null ? null : { date: next.date, quantity: showQuantities ? plain(next.quantity) : null },
  };
}

// ---------------------------------------------------------------------------
// Quote helpers

/** unitPrice × (1 + vat/100), half-up to 2 decimals. */
export function withVat(unitPrice: string, vatRate: string): string {
  const u = fixed(unitPrice);
  const factor = addF({ n: 1n, s: 0 }, percentOf(fixed(vatRate)));
  return plain(roundHalfUp(mulF(u, factor), 2));
}

export interface ExpectedVatLine {
  rate: string;
  taxable: string;
  vat: string;
}

/** Rule 8: per rate, taxable = Σ line totals; vat = taxable × rate / 100 half-up 2. */
export function expectedVatSummary(lines: ReadonlyArray<{ vatRate: string; lineTotal: string }>): {
  vatSummary: ExpectedVatLine[];
  totalNet: string;
  totalVat: string;
  totalGross: string;
} {
  const byRate = new Map<string, { rate: Fixed; taxable: Fixed }>();
  for (const l of lines) {
    const rate = fixed(l.vatRate);
    const key = plain(rate);
    const e = byRate.get(key);
    if (e) e.taxable = addF(e.taxable, fixed(l.lineTotal));
    else byRate.set(key, { rate, taxable: fixed(l.lineTotal) });
  }
  let net = ZERO;
  let vat = ZERO;
  const vatSummary: ExpectedVatLine[] = [];
  for (const { rate, taxable } of byRate.values()) {
    const v = roundHalfUp(percentOf(mulF(taxable, rate)), 2);
    net = addF(net, taxable);
    vat = addF(vat, v);
    vatSummary.push({ rate: plain(rate), taxable: plain(taxable), vat: plain(v) });
  }
  vatSummary.sort((a, b) => compareFixed(fixed(b.rate), fixed(a.rate)));
  return { vatSummary, totalNet: plain(net), totalVat: plain(vat), totalGross: plain(addF(net, vat)) };
}

/** q is a whole multiple of pack (pack > 0). */
export function isMultipleOf(q: string, pack: string): boolean {
  const p = fixed(pack);
  if (p.n === 0n) return true;
  const [x, y] = align(fixed(q), p);
  return x % y === 0n;
}

/**
 * The first quantity ≥ q the contract lets one order (a multiple of pack,
 * at least min_order_qty, > 0, in thousandths as decimal(18,3) stores it;
 * a pack of 0 sets no multiple), in integer thousandths: written apart from
 * Ponte's decimal.js version. null beyond decimal(18,3).
 */
export function referenceOrderable(q: string, pack: string, min: string): string | null {
  const thousandths = (text: string) => {
    const [x, y] = align(fixed(text), fixed('0.001'));
    return { units: x, per: y };
  };
  const ceilThousandths = (text: string) => {
    const { units, per } = thousandths(text);
    return units >= 0n ? (units + per - 1n) / per : -((-units) / per);
  };
  const step = ceilThousandths(pack) > 0n ? ceilThousandths(pack) : 1n;
  let target = ceilThousandths(q);
  const minimum = ceilThousandths(min);
  if (target < minimum) target = minimum;
  if (target < 1n) target = 1n;
  const result = ((target + step - 1n) / step) * step;
  if (result > 999_999_999_999_999_999n) return null;
  return plain({ n: result, s: 3 });
}

// ---------------------------------------------------------------------------
// Ponte, started as the checker starts it

export const ORACLE_SECRET = 'oracle-secret-that-is-at-least-32-bytes-long!!';
const secretBytes = new TextEncoder().encode(ORACLE_SECRET);

export interface OracleServer {
  url: string;
  app: PonteApp;
  token(claims: TokenClaims): Promise<string>;
  gql(query: string, o?: { token?: string; acting?: string; variables?: Record<string, unknown> }): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export async function startOracleServer(erpPath: string, now: () => Date, env: Record<string, string> = {}): Promise<OracleServer> {
  const config = loadConfig({ ERP_URL: `sqlite:${erpPath}`, AUTH_JWT_SECRET: ORACLE_SECRET, LOG_LEVEL: 'silent', ...env });
  const logger = pino({ level: 'silent' });
  const erp = await openErp(config.erp, config.erpLimits, config.demo, logger);
  const app = await createPonteApp({
    config,
    adapter: erp.adapter,
    logger,
    now,
    extendServices: (base) => buildFeatureServices({ ...base, demo: erp.demo !== null, sqlite: erp.sqlite }),
    onClose: async () => erp.sqlite?.close(),
  });
  const url = await app.listen('127.0.0.1', 0);
  return {
    url,
    app,
    token: (claims) => mintToken(secretBytes, claims),
    async gql(query, o = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      if (o.acting) headers['x-acting-customer'] = o.acting;
      const res = await request(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables: o.variables ?? {} }) });
      return { status: res.statusCode, body: await res.body.json() };
    },
    close: () => app.close(),
  };
}
