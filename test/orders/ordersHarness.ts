/**
 * Shared fixture for the order tests: one small ERP (customers, agents,
 * destinations, articles, prices, conditions, visibility), the GraphQL
 * documents, and direct reads of the staging tables so tests check what was
 * (and was not) written.
 */
import type Database from 'better-sqlite3';
import pino from 'pino';
import { request } from 'undici';
import { createPonteApp } from '../../src/app';
import { mintToken } from '../../src/auth/mintToken';
import { loadConfig } from '../../src/config/config';
import { Decimal } from '../../src/decimal/decimal';
import type { ErpPort } from '../../src/erp/port';
import { SqliteErp, type SqliteErpOptions } from '../../src/erp/sqlite';
import { buildFeatureServices } from '../../src/featureServices';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { TEST_SECRET, type GqlResponse, type TestServer } from '../helpers/testServer';

/** A fixed clock: 2026-06-15 in Europe/Rome. */
export const NOW = () => new Date('2026-06-15T10:00:00Z');

/**
 * Customers: C1 (group G1, followed by agent AG1, destination D1),
 * C2 (followed by AG2, destination D2), CB (blocked, followed by AG1).
 *
 * Articles (all VAT 22 unless said, all on the BASE list unless said):
 *   A-DISC   9.9900, DISCOUNT C1/A-DISC 10 + 5 → 8.5415 for C1
 *   A-PLAIN  9.9900, no condition
 *   A-VAT10  3.3300, VAT 10
 *   A-PACK   2.0000, pack 6
 *   A-MIN    1.0000, minimum 10
 *   A-NOPRICE  no price at all
 *   A-RESTR  5.0000, restricted with no ALLOW for anybody (invisible)
 *   A-ALLOWED 5.0000, restricted, ALLOW for C2 only
 *   Q-A, Q-B 1.0200 (VAT 22); Q-C 3.3300 (VAT 10): the VAT rounding case
 *   A-KG     4.1234, unit KG, pack 0.5
 */
export function ordersFixture(): Database.Database {
  const db = createFixtureDb();
  insertRows(db, 'ecom_agents', [
    { agent_code: 'AG1', name: 'Agente Uno', email: null },
    { agent_code: 'AG2', name: 'Agente Due', email: null },
  ]);
  insertRows(db, 'ecom_customers', [
    customer('C1', { customer_group: 'G1', agent_code: 'AG1' }),
    customer('C2', { agent_code: 'AG2' }),
    customer('CB', { agent_code: 'AG1', blocked: 1 }),
  ]);
  insertRows(db, 'ecom_destinations', [
    { destination_id: 'D1', customer_code: 'C1', name: 'Magazzino C1', street: 'Via Roma 1', postcode: '20100', city: 'Milano', province: 'MI', country: 'IT', is_default: 1 },
    { destination_id: 'D2', customer_code: 'C2', name: 'Magazzino C2', street: 'Via Po 2', postcode: '10100', city: 'Torino', province: 'TO', country: 'IT', is_default: 1 },
  ]);
  insertRows(db, 'ecom_articles', [
    article('A-DISC'),
    article('A-PLAIN'),
    article('A-VAT10', { vat_rate: '10.00' }),
    article('A-PACK', { pack_qty: '6' }),
    article('A-MIN', { min_order_qty: '10' }),
    article('A-NOPRICE'),
    article('A-RESTR', { restricted: 1 }),
    article('A-ALLOWED', { restricted: 1 }),
    article('Q-A'),
    article('Q-B'),
    article('Q-C', { vat_rate: '10.00' }),
    article('A-KG', { unit: 'KG', pack_qty: '0.5' }),
  ]);
  const prices: Array<[string, string]> = [
    ['A-DISC', '9.9900'],
    ['A-PLAIN', '9.9900'],
    ['A-VAT10', '3.3300'],
    ['A-PACK', '2.0000'],
    ['A-MIN', '1.0000'],
    ['A-RESTR', '5.0000'],
    ['A-ALLOWED', '5.0000'],
    ['Q-A', '1.0200'],
    ['Q-B', '1.0200'],
    ['Q-C', '3.3300'],
    ['A-KG', '4.1234'],
  ];
  insertRows(
    db,
    'ecom_price_list_items',
    prices.map(([sku, price]) => ({ price_list_code: 'BASE', sku, min_qty: '0', price, valid_from: null, valid_to: null })),
  );
  insertRows(db, 'ecom_conditions', [
    { condition_id: 1, customer_code: 'C1', sku: 'A-DISC', min_qty: '0', priority: 0, kind: 'DISCOUNT', discount_1: '10', discount_2: '5' },
  ]);
  insertRows(db, 'ecom_visibility', [{ rule_id: 1, mode: 'ALLOW', sku: 'A-ALLOWED', customer_code: 'C2' }]);
  return db;
}

export const ORDER_FIELDS = `
  id status erpOrderNumber erpMessage customerCode agentCode channel customerReference destinationId
  shipTo { name street postcode city province country }
  requestedDelivery notes currency totalNet totalVat totalGross
  vatSummary { rate taxable vat }
  createdAt
  lines { lineNo sku quantity listPrice unitPrice discounts lineTotal vatRate }`;

export const PLACE_ORDER = `mutation Place($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    order { ${ORDER_FIELDS} }
    errors { code message lineIndex }
  }
}`;

export const QUOTE = `query Quote($lines: [QuoteLineInput!]!) {
  quote(lines: $lines) {
    currency
    lines {
      lineIndex sku quantity vatRate lineTotal
      product { sku erpDescription vatRate packQuantity minOrderQuantity }
      price { quantity currency listPrice basePrice discounts unitPrice unitPriceWithVat lineTotal source }
    }
    vatSummary { rate taxable vat }
    totalNet totalVat totalGross
    problems { code message lineIndex }
  }
}`;

export interface OrderLineIn {
  sku: string;
  quantity: string | number;
  expectedUnitPrice?: string | number | null;
}

export interface PlaceInput {
  idempotencyKey: string;
  lines: OrderLineIn[];
  destinationId?: string | null;
  shipTo?: Record<string, string | null> | null;
  customerReference?: string | null;
  requestedDelivery?: string | null;
  notes?: string | null;
}

export interface OrderErrorOut {
  code: string;
  message: string;
  lineIndex: number | null;
}

/** Anything with the gql() of TestServer. */
export interface Gql {
  gql<T = any>(query: string, options?: { token?: string; acting?: string; variables?: Record<string, unknown> }): Promise<GqlResponse<T>>;
}

export async function place(server: Gql, input: PlaceInput, auth: { token?: string; acting?: string } = {}) {
  return server.gql(PLACE_ORDER, { ...auth, variables: { input } });
}

export interface InboxRow {
  inbox_id: number;
  idempotency_key: string;
  request_hash: string;
  customer_code: string;
  agent_code: string | null;
  channel: string;
  customer_reference: string | null;
  destination_id: string | null;
  ship_to_name: string | null;
  ship_to_street: string | null;
  ship_to_postcode: string | null;
  ship_to_city: string | null;
  ship_to_province: string | null;
  ship_to_country: string | null;
  requested_delivery: string | null;
  notes: string | null;
  currency: string;
  total_net: string;
  status: string;
  erp_order_number: string | null;
  erp_message: string | null;
  created_at: string;
}

export interface InboxLineRow {
  inbox_id: number;
  line_no: number;
  sku: string;
  quantity: string;
  list_price: string | null;
  unit_price: string;
  discount_1: string | null;
  discount_2: string | null;
  discount_3: string | null;
  line_total: string;
  vat_rate: string;
}

export function inboxRows(db: Database.Database): InboxRow[] {
  return db.prepare('SELECT * FROM ecom_order_inbox ORDER BY inbox_id').all() as InboxRow[];
}

export function inboxLines(db: Database.Database, inboxId?: number | string): InboxLineRow[] {
  if (inboxId === undefined) return db.prepare('SELECT * FROM ecom_order_inbox_lines ORDER BY inbox_id, line_no').all() as InboxLineRow[];
  return db.prepare('SELECT * FROM ecom_order_inbox_lines WHERE inbox_id = ? ORDER BY line_no').all(Number(inboxId)) as InboxLineRow[];
}

/** Empties the staging tables (the fixture's own, in-memory). */
export function clearInbox(db: Database.Database): void {
  db.exec('DELETE FROM ecom_order_inbox_lines; DELETE FROM ecom_order_inbox;');
}

export function assertNothingWritten(db: Database.Database, assertEqual: (a: unknown, b: unknown, m?: string) => void): void {
  assertEqual(inboxRows(db).length, 0, 'no inbox header');
  assertEqual(inboxLines(db).length, 0, 'no inbox lines');
}

/** A decimal's value as a canonical string ("10.00" → "10"), for columns whose text form the contract leaves open. */
export function num(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : new Decimal(value).toString();
}

/** An error's message with the given value replaced, to compare two errors about different ids. */
export function normalised(errors: OrderErrorOut[], value: string): OrderErrorOut[] {
  return errors.map((e) => ({ ...e, message: e.message.split(value).join('<X>') }));
}

/**
 * Ponte over HTTP around the fixture's SqliteErp wrapped by `wrap` (so a test
 * can make the ERP fail), with the same services startTestServer builds.
 */
export async function startWrappedServer(
  db: Database.Database,
  wrap: (sqlite: SqliteErp) => ErpPort,
  options: { env?: Record<string, string>; sqlite?: SqliteErpOptions; logLevel?: string } = {},
): Promise<Pick<TestServer, 'url' | 'gql' | 'token' | 'close'>> {
  const config = loadConfig({ AUTH_JWT_SECRET: TEST_SECRET, CHANGE_FEED_POLL_MS: '0', LOG_LEVEL: 'silent', ...options.env });
  const sqlite = new SqliteErp(db, options.sqlite);
  const app = await createPonteApp({
    config,
    adapter: wrap(sqlite),
    logger: pino({ level: options.logLevel ?? 'silent' }),
    now: NOW,
    extendServices: (base) => buildFeatureServices({ ...base, demo: false, sqlite }),
  });
  const url = await app.listen('127.0.0.1', 0);
  const secret = new TextEncoder().encode(TEST_SECRET);
  return {
    url,
    token: (claims, ttl) => mintToken(secret, claims, ttl),
    async gql(query, o = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...o.headers };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      if (o.acting) headers['x-acting-customer'] = o.acting;
      const res = await request(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables: o.variables ?? {} }) });
      const body = (await res.body.json()) as GqlResponse['body'];
      return { status: res.statusCode, headers: res.headers, body, erpCalls: Number(res.headers['x-ponte-erp-calls'] ?? NaN) };
    },
    close: () => app.close(),
  };
}

/**
 * An adapter whose calls fail while `failing(operation)` says so, as an
 * unreachable ERP would (a connection error, not a bug).
 */
export function flakyAdapter(sqlite: SqliteErp, failing: (operation: string) => boolean): ErpPort {
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (typeof property !== 'string' || property === 'close' || property === 'constructor') return value.bind(target);
      return (...args: unknown[]) => {
        if (failing(property)) {
          const error = new Error('connect ECONNREFUSED 10.0.0.5:1433 (password=hunter2)');
          (error as { code?: string }).code = 'ECONNREFUSED';
          return Promise.reject(error);
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as unknown as ErpPort;
}
