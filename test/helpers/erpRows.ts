/**
 * Rows of the ERP contract's relations (erp-contract.md), written once for
 * every test that builds an ERP database: the adapter contract fixture
 * (test/erp/contractFixture.ts, SQLite and SQL Server) and the small
 * hand-made SQLite ERPs (test/helpers/fixtureErp.ts).
 *
 * Rows use the contract's column names. Builders fill every column with the
 * contract's default or NULL, so a test states only the facts it is about:
 *  - decimals are strings in plain notation ("9.9900");
 *  - dates "YYYY-MM-DD", datetimes ISO 8601 UTC strings;
 *  - bits are booleans (or 0/1), bigint ids JS bigints (or numbers).
 * `sqliteRow` turns a row into what better-sqlite3 binds.
 */

export type Value = string | number | bigint | boolean | Buffer | null;
export type Row = Record<string, Value>;

/** `INSERT INTO table (…) VALUES (@…)` for the columns of `row`. */
export function insertStatement(table: string, row: Row): string {
  const columns = Object.keys(row);
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
}

export type SqliteValue = string | number | bigint | Buffer | null;

/** A row as better-sqlite3 binds it: bits as 0/1. */
export function sqliteRow(row: Row): Record<string, SqliteValue> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 1 : 0) : v]));
}

/** ecom_customers: a customer on the default price list, in no group, followed by no agent, not blocked. */
export const customer = (code: string, overrides: Row = {}): Row => ({
  customer_code: code,
  company_name: `Cliente ${code} S.r.l.`,
  vat_number: null,
  tax_code: null,
  sdi_code: null,
  pec: null,
  email: null,
  phone: null,
  street: null,
  postcode: null,
  city: null,
  province: null,
  country: null,
  price_list_code: null,
  customer_group: null,
  agent_code: null,
  payment_terms: null,
  blocked: false,
  ...overrides,
});

/** ecom_articles: an active, web-enabled, unrestricted article without a family, VAT 22, pack 1, no minimum. */
export const article = (sku: string, overrides: Row = {}): Row => ({
  sku,
  description: `Articolo ${sku}`,
  unit: 'PZ',
  family_code: null,
  vat_rate: '22.00',
  pack_qty: '1',
  min_order_qty: '0',
  restricted: false,
  active: true,
  web_enabled: true,
  ...overrides,
});

/** ecom_conditions: a DISCOUNT for everybody on everything, any quantity, always valid, priority 0, no discount set. */
export const condition = (id: number | bigint, overrides: Row = {}): Row => ({
  condition_id: typeof id === 'bigint' ? id : BigInt(id),
  customer_code: null,
  customer_group: null,
  sku: null,
  family_code: null,
  min_qty: '0',
  valid_from: null,
  valid_to: null,
  priority: 0,
  kind: 'DISCOUNT',
  price: null,
  discount_1: null,
  discount_2: null,
  discount_3: null,
  ...overrides,
});

/** ecom_visibility: `target` is { sku } or { family_code }, `addressee` { customer_code } or { customer_group }. */
export const visibilityRule = (id: number | bigint, mode: 'ALLOW' | 'DENY', target: Row, addressee: Row): Row => ({
  rule_id: typeof id === 'bigint' ? id : BigInt(id),
  mode,
  sku: null,
  family_code: null,
  customer_code: null,
  customer_group: null,
  ...target,
  ...addressee,
});

/** ecom_documents: a document in EUR with no totals, dates or shipment. */
export const document = (id: string, customerCode: string, type: string, number: string, date: string, overrides: Row = {}): Row => ({
  document_id: id,
  customer_code: customerCode,
  doc_type: type,
  number,
  doc_date: date,
  currency: 'EUR',
  total_net: null,
  total_vat: null,
  total_gross: null,
  due_date: null,
  paid: null,
  destination_id: null,
  carrier: null,
  tracking_number: null,
  shipped_at: null,
  expected_delivery: null,
  order_reference: null,
  ...overrides,
});
