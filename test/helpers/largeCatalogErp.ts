/**
 * A fixture ERP large enough for the documented maximum requests: 600
 * priced articles (H-0001 …) with two price breaks and stock each, customers
 * C1 and C2 (C1 followed by agent AG1, with destination D1), and helpers for
 * the large requests the limits must admit or refuse.
 */
import type Database from 'better-sqlite3';
import { article, createFixtureDb, customer, insertRows } from './fixtureErp';
import { startTestServer, type TestServer } from './testServer';

export const SKUS = Array.from({ length: 600 }, (_, i) => `H-${String(i + 1).padStart(4, '0')}`);

export function largeCatalogDb(): Database.Database {
  const db = createFixtureDb();
  insertRows(db, 'ecom_agents', [{ agent_code: 'AG1', name: 'Agente Uno', email: null }]);
  insertRows(db, 'ecom_customers', [customer('C1', { agent_code: 'AG1' }), customer('C2')]);
  insertRows(db, 'ecom_destinations', [
    { destination_id: 'D1', customer_code: 'C1', name: 'Sede C1', street: 'Via Roma 1', postcode: '20100', city: 'Milano', province: 'MI', country: 'IT', is_default: 1 },
  ]);
  insertRows(db, 'ecom_articles', SKUS.map((sku) => article(sku, { family_code: 'FAM' })));
  insertRows(
    db,
    'ecom_price_list_items',
    SKUS.flatMap((sku) => [
      { price_list_code: 'BASE', sku, min_qty: '0', price: '10.0000', valid_from: null, valid_to: null },
      { price_list_code: 'BASE', sku, min_qty: '10', price: '9.0000', valid_from: null, valid_to: null },
    ]),
  );
  insertRows(db, 'ecom_stock', SKUS.map((sku) => ({ sku, warehouse_code: 'MAG1', on_hand: '100', committed: '0' })));
  return db;
}

export async function startLargeCatalogServer(env: Record<string, string> = {}): Promise<TestServer> {
  return startTestServer(largeCatalogDb(), { env });
}

/** ERP round trips made by the whole server so far (every request, every loader). */
export function erpCallsSoFar(server: TestServer): number {
  return server.app.erpCalls.total;
}

export const PRODUCT_FIELDS = `sku erpDescription price(quantity: 12) { unitPrice listPrice discounts explanation { kind } }
  priceBreaks { minQuantity unitPrice } availability { status available warehouses { code available } nextArrival { date quantity } }`;

export const CATALOG_PAGE_100 = `catalog(first: 100) { edges { cursor node { ${PRODUCT_FIELDS} } } pageInfo { hasNextPage endCursor } }`;

export const QUOTE_LINES = `query Quote($lines: [QuoteLineInput!]!) {
  quote(lines: $lines) {
    lines { lineIndex sku quantity lineTotal product { sku erpDescription } price { unitPrice listPrice discounts lineTotal } }
    vatSummary { rate taxable vat } totalNet totalVat totalGross problems { code lineIndex }
  }
}`;

export const PLACE_ORDER = `mutation Place($input: PlaceOrderInput!) {
  placeOrder(input: $input) { order { id totalNet lines { lineNo sku quantity unitPrice lineTotal } } errors { code message lineIndex } }
}`;

export function lines(count: number): Array<{ sku: string; quantity: string }> {
  return SKUS.slice(0, count).map((sku) => ({ sku, quantity: '2' }));
}

export function orderInput(key: string, count = 1) {
  return { idempotencyKey: key, destinationId: 'D1', lines: lines(count) };
}
