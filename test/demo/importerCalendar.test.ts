/**
 * The demo ERP keeps its books in Italian time: an order imported just after
 * midnight in Rome (still the previous day in UTC) is confirmed on the new
 * day, and its number carries the new year.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pino from 'pino';
import { DemoImporter } from '../../src/demo/demoImporter';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';

test('an order imported at 00:40 in Rome on New Year is numbered and dated in the new year', () => {
  const db = createFixtureDb();
  db.exec(`CREATE TABLE ponte_demo_meta (meta_key TEXT PRIMARY KEY, meta_value TEXT NOT NULL);
    INSERT INTO ponte_demo_meta VALUES ('summary', '{"demoCustomer":"C1","demoAgent":"AG1","articles":1,"customers":1,"agents":1}');`);
  insertRows(db, 'ecom_customers', [customer('C1')]);
  insertRows(db, 'ecom_articles', [article('A1')]);
  insertRows(db, 'ecom_order_inbox', [
    {
      idempotency_key: 'k1',
      request_hash: 'f'.repeat(64),
      customer_code: 'C1',
      channel: 'STOREFRONT',
      currency: 'EUR',
      total_net: '10.00',
      status: 'NEW',
      created_at: '2026-12-31T23:30:00.000Z',
    },
  ]);
  insertRows(db, 'ecom_order_inbox_lines', [
    { inbox_id: 1, line_no: 1, sku: 'A1', quantity: '1', list_price: '10.0000', unit_price: '10.0000', line_total: '10.00', vat_rate: '22' },
  ]);
  const importer = new DemoImporter(db, {
    delayMs: 0,
    now: () => new Date('2026-12-31T23:40:00.000Z'),
    logger: pino({ level: 'silent' }),
  });

  const [outcome] = importer.runOnce();

  assert.equal(outcome?.erpOrderNumber, 'OV/2027/000001');
  const doc = db.prepare(`SELECT number, doc_date AS date FROM ecom_documents WHERE document_id = 'OC-1'`).get();
  assert.deepEqual(doc, { number: 'OV/2027/000001', date: '2027-01-01' });
});
