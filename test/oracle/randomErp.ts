/**
 * A seeded generator of random, contract-conformant SQLite ERP databases, the
 * way an independent checker would make them: its own DDL written from
 * /work/shared/spec/erp-contract.md (not Ponte's schema/erp/sqlite.sql),
 * decimals as TEXT in plain notation (with varied spellings: "5", "5.000"),
 * dates as YYYY-MM-DD, bits as 0/1, an extra column here and there ("an
 * installation may add columns"), and rows in a random insertion order.
 *
 * Everything the oracle needs to compute the expected answers is returned
 * alongside, in the row shapes of test/pricing/referencePricing.ts.
 */
import { Random } from '../../src/demo/random';
import Database from 'better-sqlite3';
import type { ConditionKind, ConditionRow, PriceListItemRow } from '../../src/erp/port';

// ---------------------------------------------------------------------------
// PRNG

/** A seeded PRNG for test data. */
export function mulberry32(seed: number): () => number {
  // The demo generator's seeded PRNG (sfc32), not a second one.
  const random = new Random(seed);
  return () => random.next();
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from nothing');
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Weighted pick: [[weight, value], …]. */
  weighted<T>(choices: ReadonlyArray<readonly [number, T]>): T {
    const total = choices.reduce((s, [w]) => s + w, 0);
    let x = this.next() * total;
    for (const [w, v] of choices) {
      if ((x -= w) < 0) return v;
    }
    return choices[choices.length - 1]![1];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  subset<T>(items: readonly T[], p: number): T[] {
    return items.filter(() => this.chance(p));
  }
}

// ---------------------------------------------------------------------------
// Dates

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Window {
  validFrom: string | null;
  validTo: string | null;
}

/** Validity windows around today: past, current, future, open, and the boundaries. */
function randomWindow(rng: Rng, today: string): Window {
  const d = (n: number) => addDays(today, n);
  return rng.weighted<Window>([
    [6, { validFrom: null, validTo: null }], // open
    [2, { validFrom: d(-60), validTo: d(-1) }], // past, ended yesterday
    [1, { validFrom: null, validTo: d(-1) }], // past, open start
    [3, { validFrom: d(-30), validTo: d(30) }], // current
    [2, { validFrom: d(-10), validTo: null }], // current, open end
    [2, { validFrom: d(1), validTo: d(30) }], // future, from tomorrow
    [1, { validFrom: d(1), validTo: null }], // future, open end
    [2, { validFrom: d(-20), validTo: today }], // boundary: ends today
    [2, { validFrom: today, validTo: d(20) }], // boundary: starts today
    [1, { validFrom: today, validTo: today }], // today only
    [1, { validFrom: null, validTo: today }],
    [1, { validFrom: today, validTo: null }],
    [1, { validFrom: d(-5), validTo: d(5) }],
  ]);
}

// ---------------------------------------------------------------------------
// The model

export interface ArticleSpec {
  sku: string;
  description: string;
  unit: string;
  familyCode: string | null;
  vatRate: string;
  packQty: string;
  minOrderQty: string;
  restricted: boolean;
  active: boolean;
  webEnabled: boolean;
}

export interface CustomerSpec {
  code: string;
  companyName: string;
  priceListCode: string | null;
  group: string | null;
  agentCode: string | null;
  blocked: boolean;
}

export interface VisibilityRule {
  ruleId: number;
  mode: 'ALLOW' | 'DENY';
  sku: string | null;
  familyCode: string | null;
  customerCode: string | null;
  customerGroup: string | null;
}

export interface WarehouseSpec {
  code: string;
  name: string;
  webEnabled: boolean;
}

export interface StockSpec {
  sku: string;
  warehouseCode: string;
  onHand: string;
  committed: string;
}

export interface IncomingSpec {
  sku: string;
  warehouseCode: string;
  expectedDate: string;
  quantity: string;
}

export interface RandomErp {
  seed: number;
  /** "today" in the ERP's time zone for the clock the test uses. */
  today: string;
  /** The rows of ecom_settings (optional keys may be missing: defaults apply). */
  settings: Record<string, string>;
  /** Effective values, defaults applied. */
  defaultPriceList: string;
  currency: string;
  lowStockThreshold: string;
  articles: ArticleSpec[];
  families: string[];
  customers: CustomerSpec[];
  agents: { code: string; name: string }[];
  priceLists: { code: string; currency: string }[];
  priceListItems: PriceListItemRow[];
  conditions: ConditionRow[];
  visibility: VisibilityRule[];
  warehouses: WarehouseSpec[];
  stock: StockSpec[];
  incoming: IncomingSpec[];
}

export interface GenerateOptions {
  /** YYYY-MM-DD: today in the ERP's zone. */
  today: string;
  /** Set as time_zone; omitted = no time_zone row (default Europe/Rome), unless forced. */
  timeZone?: string;
  /** Give a few conditions condition_id above 2^53 (bigint precision). */
  hugeConditionIds?: boolean;
}

/** Skus that are never articles (the first one has price, stock and rule rows all the same). */
export const MISSING_SKUS = ['ZZ-MISSING-1', 'nope-404'];

const MIN_QTYS: ReadonlyArray<readonly [string, string[]]> = [
  ['0', ['0', '0.000']],
  ['1', ['1', '1.000']],
  ['5', ['5', '5.000']],
  ['10', ['10', '10.0']],
  ['12.5', ['12.5', '12.500']],
  ['50', ['50', '50.000']],
];

/** A price with up to 4 decimals, in plain notation, sometimes with trailing zeros. */
function randomPrice(rng: Rng): string {
  const units = rng.int(1, 2_000_000); // 0.0001 .. 200.0000
  const style = rng.int(0, 3);
  if (style === 0) return (Math.round(units / 10000) || 1).toString(); // "12"
  if (style === 1) return `${Math.floor(units / 10000)}.${String(Math.floor((units % 10000) / 100)).padStart(2, '0')}`; // "12.34"
  return `${Math.floor(units / 10000)}.${String(units % 10000).padStart(4, '0')}`; // "12.3456"
}

export function generateRandomErp(seed: number, options: GenerateOptions): RandomErp {
  const rng = new Rng(seed);
  const today = options.today;

  // Settings: optional keys sometimes left out so the defaults are exercised.
  const defaultList = rng.chance(0.3) ? 'STD-01' : 'BASE';
  const settings: Record<string, string> = { default_price_list: defaultList };
  let currency = 'EUR';
  if (rng.chance(0.7)) settings.currency = 'EUR';
  if (options.timeZone) settings.time_zone = options.timeZone;
  else if (rng.chance(0.5)) settings.time_zone = 'Europe/Rome';
  let lowStockThreshold = '5';
  if (rng.chance(0.85)) {
    lowStockThreshold = rng.pick(['5', '0.5', '10', '5.000']);
    settings.low_stock_threshold = lowStockThreshold;
  }
  currency = settings.currency ?? 'EUR';

  const families = ['F1', 'F2', 'F3', 'F4'];
  // Mixed case, non-ASCII, spaces, slashes and quotes: all valid nvarchar skus.
  const prefixes = ['ART-', 'BOLT-', 'CAVO-', 'X', 'VITE-', 'ART-', 'BOLT-', 'vite-m', 'Ä-', 'A/B ', "O'K-"];

  // Articles.
  const articleCount = rng.int(30, 60);
  const skuSet = new Set<string>();
  while (skuSet.size < articleCount) {
    const prefix = rng.pick(prefixes);
    const number = rng.int(1, prefix === 'X' ? 99 : 999);
    skuSet.add(`${prefix}${rng.chance(0.5) ? String(number).padStart(3, '0') : number}`);
  }
  const articles: ArticleSpec[] = [...skuSet].map((sku) => {
    // ~10 % invisible to everyone: active = 0, web_enabled = 0, or both.
    const hidden = rng.chance(0.1) ? rng.pick(['inactive', 'not-web', 'both'] as const) : null;
    return {
      sku,
      description: rng.chance(0.2) ? `Articolo ${sku} – perno inox «è» 10×20` : `Articolo ${sku}`,
      unit: rng.pick(['PZ', 'PZ', 'KG', 'MT', 'CF']),
      familyCode: rng.chance(0.15) ? null : rng.pick(families),
      vatRate: rng.weighted([
        [6, '22.00'],
        [2, '22'],
        [2, '10.00'],
        [1, '4.00'],
        [1, '0.00'],
        [1, '5.5'],
      ]),
      packQty: rng.weighted([
        [8, '1'],
        [2, '1.000'],
        [1, '0.5'],
        [1, '5'],
        [1, '0.125'],
      ]),
      minOrderQty: rng.weighted([
        [8, '0'],
        [1, '1'],
        [1, '10.000'],
        [1, '0.5'],
      ]),
      restricted: rng.chance(0.25),
      active: hidden !== 'inactive' && hidden !== 'both',
      webEnabled: hidden !== 'not-web' && hidden !== 'both',
    };
  });

  // Price lists.
  const priceLists = [
    { code: defaultList, currency: 'EUR' },
    { code: 'L1', currency: 'EUR' },
    { code: 'L2', currency: 'EUR' },
    { code: 'L3', currency: 'EUR' },
  ];

  // Customers and agents.
  const agents = [
    { code: 'AG1', name: 'Agente Uno' },
    { code: 'AG2', name: 'Agente Due' },
  ];
  const groups = ['G1', 'G2', 'G3'];
  const blockedIndex = rng.int(0, 7);
  const customers: CustomerSpec[] = [];
  for (let i = 1; i <= 8; i++) {
    customers.push({
      code: `C${i}`,
      companyName: `Cliente ${i} S.r.l.`,
      priceListCode: i <= 2 ? rng.pick(['L1', 'L2', 'L3']) : rng.weighted([
        [3, null],
        [1, 'L1'],
        [1, 'L2'],
        [1, 'L3'],
        [1, defaultList],
      ]),
      group: i === 3 ? 'G1' : rng.chance(0.35) ? null : rng.pick(groups),
      agentCode: i <= 4 ? 'AG1' : i <= 7 ? 'AG2' : rng.pick([null, 'AG2']),
      blocked: i - 1 === blockedIndex,
    });
  }

  // Price list items: unique on (list, sku, numeric min_qty, valid_from).
  const priceListItems: PriceListItemRow[] = [];
  const itemKeys = new Set<string>();
  for (const a of articles) {
    const onRequest = rng.chance(0.08); // nothing at all in any list
    if (onRequest) continue;
    for (const list of priceLists) {
      const p = list.code === defaultList ? 0.85 : 0.45;
      if (!rng.chance(p)) continue;
      const n = rng.int(1, 5);
      for (let k = 0; k < n; k++) {
        const [minKey, spellings] = rng.weighted<readonly [string, string[]]>([
          [4, MIN_QTYS[0]!],
          [3, MIN_QTYS[1]!],
          [2, MIN_QTYS[2]!],
          [2, MIN_QTYS[3]!],
          [1, MIN_QTYS[4]!],
          [1, MIN_QTYS[5]!],
        ]);
        const w = randomWindow(rng, today);
        const key = `${list.code}|${a.sku}|${minKey}|${w.validFrom ?? ''}`;
        if (itemKeys.has(key)) continue;
        itemKeys.add(key);
        priceListItems.push({
          priceListCode: list.code,
          sku: a.sku,
          minQty: rng.pick(spellings),
          price: randomPrice(rng),
          validFrom: w.validFrom,
          validTo: w.validTo,
        });
      }
    }
  }

  // Conditions.
  const conditionCount = rng.int(100, 300);
  const conditions: ConditionRow[] = [];
  const usedIds = new Set<string>();
  let nextId = rng.int(1, 50);
  const customerCodes = [...customers.map((c) => c.code), 'C99'];
  const groupCodes = [...groups, 'G9'];
  const skus = articles.map((a) => a.sku);
  for (let i = 0; i < conditionCount; i++) {
    nextId += rng.int(1, 7);
    let id = String(nextId);
    if (options.hugeConditionIds && rng.chance(0.2)) id = (9007199254740993n + BigInt(rng.int(0, 1000)) * 2n).toString();
    if (usedIds.has(id)) continue;
    usedIds.add(id);
    const who = rng.weighted<'none' | 'customer' | 'group'>([
      [4, 'none'],
      [3, 'customer'],
      [3, 'group'],
    ]);
    const what = rng.weighted<'none' | 'sku' | 'family'>([
      [3, 'none'],
      [4, 'sku'],
      [3, 'family'],
    ]);
    let kind = rng.weighted<ConditionKind>([
      [35, 'PRICE'],
      [15, 'NET_PRICE'],
      [50, 'DISCOUNT'],
    ]);
    // A price condition for every article (or a whole family) would hide the
    // price lists almost everywhere: keep those rare so list prices are tested.
    if (kind !== 'DISCOUNT' && (what === 'none' ? rng.chance(0.95) : what === 'family' ? rng.chance(0.7) : false)) kind = 'DISCOUNT';
    const w = randomWindow(rng, today);
    const discount = (): string | null =>
      rng.weighted<string | null>([
        [3, null],
        [1, '0'],
        [2, '10'],
        [2, '5'],
        [1, '20.00'],
        [1, '2.5'],
        [1, '33.33'],
        [1, '7.25'],
      ]);
    const d1 = kind === 'DISCOUNT' ? (rng.chance(0.02) ? '100' : rng.pick(['10', '5', '20.00', '2.5', '33.33', '50', '0', '15'])) : null;
    conditions.push({
      conditionId: id,
      customerCode: who === 'customer' ? rng.pick(customerCodes) : null,
      customerGroup: who === 'group' ? rng.pick(groupCodes) : null,
      sku: what === 'sku' ? rng.pick(skus) : null,
      familyCode: what === 'family' ? rng.pick([...families, 'F9']) : null,
      minQty: rng.weighted([
        [5, '0'],
        [3, '1'],
        [2, '5.000'],
        [2, '10'],
        [1, '12.5'],
        [1, '50'],
        [1, '2.25'],
        [1, '12.125'],
        [1, '0.5'],
        [1, '100'],
      ]),
      validFrom: w.validFrom,
      validTo: w.validTo,
      priority: rng.weighted([
        [8, 0],
        [2, 1],
        [1, 5],
        [1, -1],
      ]),
      kind,
      price: kind === 'DISCOUNT' ? (rng.chance(0.1) ? randomPrice(rng) : null) : rng.chance(0.03) ? '0' : randomPrice(rng),
      discount1: d1,
      discount2: kind === 'DISCOUNT' ? discount() : rng.chance(0.1) ? '10' : null,
      discount3: kind === 'DISCOUNT' && rng.chance(0.3) ? discount() : null,
    });
  }

  // Visibility rules.
  const visibility: VisibilityRule[] = [];
  const ruleCount = rng.int(10, 25);
  const restrictedSkus = articles.filter((a) => a.restricted).map((a) => a.sku);
  let nextRuleId = 1000;
  for (let i = 0; i < ruleCount; i++) {
    nextRuleId += rng.int(1, 5);
    const mode = rng.chance(0.6) ? 'ALLOW' : 'DENY';
    const bySku = rng.chance(0.6);
    const byCustomer = rng.chance(0.55);
    visibility.push({
      ruleId: nextRuleId,
      mode,
      sku: bySku ? (mode === 'ALLOW' && restrictedSkus.length > 0 && rng.chance(0.8) ? rng.pick(restrictedSkus) : rng.pick(skus)) : null,
      familyCode: bySku ? null : rng.pick([...families, 'F9']),
      customerCode: byCustomer ? rng.pick(customerCodes) : null,
      customerGroup: byCustomer ? null : rng.pick(groupCodes),
    });
  }

  // Stock.
  const warehouses: WarehouseSpec[] = [
    { code: 'MAG1', name: 'Sede', webEnabled: true },
    { code: 'MAG2', name: 'Deposito', webEnabled: true },
    { code: 'MAG3', name: 'Resi', webEnabled: false },
  ];
  // Sometimes a fourth warehouse, web-enabled or not, whose code sorts first.
  if (rng.chance(0.5)) warehouses.push({ code: '00-HUB', name: 'Hub logistico', webEnabled: rng.chance(0.5) });
  const stock: StockSpec[] = [];
  const incoming: IncomingSpec[] = [];
  const onHands = ['-2', '0', '0.5', '4.999', '3', '12.500', '100', '2', '5', '0.1', '10.000', '1', '7.25'];
  const committeds = ['0', '0', '0', '0.5', '1', '3', '4.999', '10', '0.000', '2.5'];
  for (const a of articles) {
    for (const w of warehouses) {
      if (!rng.chance(0.55)) continue;
      stock.push({ sku: a.sku, warehouseCode: w.code, onHand: rng.pick(onHands), committed: rng.pick(committeds) });
    }
    if (rng.chance(0.45)) {
      const n = rng.int(1, 3);
      const dates = [addDays(today, -3), addDays(today, 1), addDays(today, 7), addDays(today, 7), addDays(today, 20), today];
      const sameDate = rng.pick(dates);
      for (let k = 0; k < n; k++) {
        incoming.push({
          sku: a.sku,
          warehouseCode: rng.pick(warehouses).code,
          expectedDate: rng.chance(0.4) ? sameDate : rng.pick(dates),
          quantity: rng.pick(['1', '2.5', '0.5', '10', '3.333', '10.000']),
        });
      }
    }
  }

  // Rows for a sku that is not an article: it must stay unknown everywhere.
  const ghost = MISSING_SKUS[0]!;
  priceListItems.push({ priceListCode: defaultList, sku: ghost, minQty: '0', price: '1.0000', validFrom: null, validTo: null });
  conditions.push({
    conditionId: String(nextId + 1000),
    customerCode: null,
    customerGroup: null,
    sku: ghost,
    familyCode: null,
    minQty: '0',
    validFrom: null,
    validTo: null,
    priority: 0,
    kind: 'PRICE',
    price: '2.0000',
    discount1: null,
    discount2: null,
    discount3: null,
  });
  for (const g of groupCodes) {
    nextRuleId += 1;
    visibility.push({ ruleId: nextRuleId, mode: 'ALLOW', sku: ghost, familyCode: null, customerCode: null, customerGroup: g });
  }
  stock.push({ sku: ghost, warehouseCode: 'MAG1', onHand: '50', committed: '0' });
  incoming.push({ sku: ghost, warehouseCode: 'MAG2', expectedDate: addDays(today, 2), quantity: '5' });

  return {
    seed,
    today,
    settings,
    defaultPriceList: defaultList,
    currency,
    lowStockThreshold,
    articles,
    families,
    customers,
    agents,
    priceLists,
    priceListItems,
    conditions,
    visibility,
    warehouses,
    stock,
    incoming,
  };
}

// ---------------------------------------------------------------------------
// Writing the database

/**
 * The contract relations, written from erp-contract.md with the SQLite
 * storage rules: TEXT decimals and dates, INTEGER bits, no indexes beyond the
 * keys, a few extra columns an installation might add.
 */
const CONTRACT_DDL = `
CREATE TABLE ecom_settings (setting_key TEXT PRIMARY KEY, setting_value TEXT);
CREATE TABLE ecom_agents (agent_code TEXT PRIMARY KEY, name TEXT, email TEXT, region TEXT);
CREATE TABLE ecom_customers (
  customer_code TEXT PRIMARY KEY, company_name TEXT, vat_number TEXT, tax_code TEXT, sdi_code TEXT, pec TEXT,
  email TEXT, phone TEXT, street TEXT, postcode TEXT, city TEXT, province TEXT, country TEXT,
  price_list_code TEXT, customer_group TEXT, agent_code TEXT, payment_terms TEXT, blocked INTEGER,
  erp_internal_note TEXT
);
CREATE TABLE ecom_destinations (
  destination_id TEXT PRIMARY KEY, customer_code TEXT, name TEXT, street TEXT, postcode TEXT, city TEXT,
  province TEXT, country TEXT, is_default INTEGER
);
CREATE TABLE ecom_articles (
  sku TEXT PRIMARY KEY, description TEXT, unit TEXT, family_code TEXT, vat_rate TEXT, pack_qty TEXT,
  min_order_qty TEXT, restricted INTEGER, active INTEGER, web_enabled INTEGER, brand TEXT
);
CREATE TABLE ecom_price_lists (price_list_code TEXT PRIMARY KEY, description TEXT, currency TEXT);
CREATE TABLE ecom_price_list_items (
  price_list_code TEXT, sku TEXT, min_qty TEXT, price TEXT, valid_from TEXT, valid_to TEXT
);
CREATE TABLE ecom_conditions (
  condition_id INTEGER PRIMARY KEY, customer_code TEXT, customer_group TEXT, sku TEXT, family_code TEXT,
  min_qty TEXT, valid_from TEXT, valid_to TEXT, priority INTEGER, kind TEXT, price TEXT,
  discount_1 TEXT, discount_2 TEXT, discount_3 TEXT, note TEXT
);
CREATE TABLE ecom_visibility (
  rule_id INTEGER PRIMARY KEY, mode TEXT, sku TEXT, family_code TEXT, customer_code TEXT, customer_group TEXT
);
CREATE TABLE ecom_warehouses (warehouse_code TEXT PRIMARY KEY, name TEXT, web_enabled INTEGER);
CREATE TABLE ecom_stock (sku TEXT, warehouse_code TEXT, on_hand TEXT, committed TEXT, PRIMARY KEY (sku, warehouse_code));
CREATE TABLE ecom_incoming (sku TEXT, warehouse_code TEXT, expected_date TEXT, quantity TEXT);
CREATE TABLE ecom_documents (
  document_id TEXT PRIMARY KEY, customer_code TEXT, doc_type TEXT, number TEXT, doc_date TEXT, currency TEXT,
  total_net TEXT, total_vat TEXT, total_gross TEXT, due_date TEXT, paid INTEGER, destination_id TEXT,
  carrier TEXT, tracking_number TEXT, shipped_at TEXT, expected_delivery TEXT, order_reference TEXT
);
CREATE TABLE ecom_document_lines (
  document_id TEXT, line_no INTEGER, sku TEXT, description TEXT, quantity TEXT, unit TEXT, unit_price TEXT,
  discount_1 TEXT, discount_2 TEXT, discount_3 TEXT, line_total TEXT, vat_rate TEXT
);
CREATE TABLE ecom_document_files (
  file_id TEXT PRIMARY KEY, document_id TEXT, kind TEXT, file_name TEXT, content_type TEXT, content BLOB
);
CREATE TABLE ecom_stock_movements (
  movement_id INTEGER PRIMARY KEY, sku TEXT, warehouse_code TEXT, moved_at TEXT, quantity TEXT, reason TEXT
);
CREATE TABLE ecom_changes (change_id INTEGER PRIMARY KEY, entity TEXT, entity_key TEXT, changed_at TEXT);
CREATE TABLE ecom_order_inbox (
  inbox_id INTEGER PRIMARY KEY AUTOINCREMENT, idempotency_key TEXT UNIQUE, request_hash TEXT, customer_code TEXT,
  agent_code TEXT, channel TEXT, customer_reference TEXT, destination_id TEXT, ship_to_name TEXT,
  ship_to_street TEXT, ship_to_postcode TEXT, ship_to_city TEXT, ship_to_province TEXT, ship_to_country TEXT,
  requested_delivery TEXT, notes TEXT, currency TEXT, total_net TEXT, status TEXT, erp_order_number TEXT,
  erp_message TEXT, created_at TEXT
);
CREATE TABLE ecom_order_inbox_lines (
  inbox_id INTEGER, line_no INTEGER, sku TEXT, quantity TEXT, list_price TEXT, unit_price TEXT,
  discount_1 TEXT, discount_2 TEXT, discount_3 TEXT, line_total TEXT, vat_rate TEXT,
  PRIMARY KEY (inbox_id, line_no)
);
`;

type SqlValue = string | number | bigint | null;

function insert(db: Database.Database, table: string, rows: Record<string, SqlValue>[]): void {
  for (const row of rows) {
    const columns = Object.keys(row);
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
  }
}

/** Writes the ERP to a new SQLite file at `path` (rows shuffled, so no insertion order helps). */
export function writeErpDatabase(erp: RandomErp, path: string): void {
  const rng = new Rng(erp.seed ^ 0x5eed);
  const db = new Database(path);
  try {
    db.exec(CONTRACT_DDL);
    const tx = db.transaction(() => {
      insert(
        db,
        'ecom_settings',
        Object.entries(erp.settings).map(([setting_key, setting_value]) => ({ setting_key, setting_value })),
      );
      insert(db, 'ecom_agents', erp.agents.map((a) => ({ agent_code: a.code, name: a.name, email: null, region: 'Nord' })));
      insert(
        db,
        'ecom_customers',
        rng.shuffle(erp.customers).map((c) => ({
          customer_code: c.code,
          company_name: c.companyName,
          vat_number: null,
          tax_code: null,
          sdi_code: null,
          pec: null,
          email: null,
          phone: null,
          street: 'Via Roma 1',
          postcode: '20100',
          city: 'Milano',
          province: 'MI',
          country: 'IT',
          price_list_code: c.priceListCode,
          customer_group: c.group,
          agent_code: c.agentCode,
          payment_terms: null,
          blocked: c.blocked ? 1 : 0,
          erp_internal_note: 'x',
        })),
      );
      insert(
        db,
        'ecom_articles',
        rng.shuffle(erp.articles).map((a) => ({
          sku: a.sku,
          description: a.description,
          unit: a.unit,
          family_code: a.familyCode,
          vat_rate: a.vatRate,
          pack_qty: a.packQty,
          min_order_qty: a.minOrderQty,
          restricted: a.restricted ? 1 : 0,
          active: a.active ? 1 : 0,
          web_enabled: a.webEnabled ? 1 : 0,
          brand: 'ACME',
        })),
      );
      insert(
        db,
        'ecom_price_lists',
        erp.priceLists.map((l) => ({ price_list_code: l.code, description: `Listino ${l.code}`, currency: l.currency })),
      );
      insert(
        db,
        'ecom_price_list_items',
        rng.shuffle(erp.priceListItems).map((i) => ({
          price_list_code: i.priceListCode,
          sku: i.sku,
          min_qty: i.minQty,
          price: i.price,
          valid_from: i.validFrom,
          valid_to: i.validTo,
        })),
      );
      insert(
        db,
        'ecom_conditions',
        rng.shuffle(erp.conditions).map((c) => ({
          condition_id: BigInt(c.conditionId),
          customer_code: c.customerCode,
          customer_group: c.customerGroup,
          sku: c.sku,
          family_code: c.familyCode,
          min_qty: c.minQty,
          valid_from: c.validFrom,
          valid_to: c.validTo,
          priority: c.priority,
          kind: c.kind,
          price: c.price,
          discount_1: c.discount1,
          discount_2: c.discount2,
          discount_3: c.discount3,
          note: null,
        })),
      );
      insert(
        db,
        'ecom_visibility',
        rng.shuffle(erp.visibility).map((r) => ({
          rule_id: r.ruleId,
          mode: r.mode,
          sku: r.sku,
          family_code: r.familyCode,
          customer_code: r.customerCode,
          customer_group: r.customerGroup,
        })),
      );
      insert(
        db,
        'ecom_warehouses',
        erp.warehouses.map((w) => ({ warehouse_code: w.code, name: w.name, web_enabled: w.webEnabled ? 1 : 0 })),
      );
      insert(
        db,
        'ecom_stock',
        rng.shuffle(erp.stock).map((s) => ({ sku: s.sku, warehouse_code: s.warehouseCode, on_hand: s.onHand, committed: s.committed })),
      );
      insert(
        db,
        'ecom_incoming',
        rng.shuffle(erp.incoming).map((i) => ({
          sku: i.sku,
          warehouse_code: i.warehouseCode,
          expected_date: i.expectedDate,
          quantity: i.quantity,
        })),
      );
    });
    tx();
  } finally {
    db.close();
  }
}
