/**
 * The demo importer dates an order in the ERP's own time zone, read from
 * ecom_settings like every other setting, not in a zone written into the code.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pino from 'pino';
import { DemoImporter } from '../../src/demo/demoImporter';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';

function importAt(instant: string, timeZone: string | null): { number: string; date: string } {
  const db = createFixtureDb();
  db.exec(`CREATE TABLE ponte_demo_meta (meta_key TEXT PRIMARY KEY, meta_value TEXT NOT NULL);
    INSERT INTO ponte_demo_meta VALUES ('summary', '{"demoCustomer":"C1","demoAgent":"AG1","articles":1,"customers":1,"agents":1}');`);
  db.prepare(`DELETE FROM ecom_settings WHERE setting_key = 'time_zone'`).run();
  if (timeZone !== null) db.prepare(`INSERT INTO ecom_settings (setting_key, setting_value) VALUES ('time_zone', ?)`).run(timeZone);
  insertRows(db, 'ecom_customers', [customer('C1')]);
  insertRows(db, 'ecom_articles', [article('A1')]);
  insertRows(db, 'ecom_order_inbox', [
    { idempotency_key: 'k1', request_hash: 'f'.repeat(64), customer_code: 'C1', channel: 'STOREFRONT', currency: 'EUR', total_net: '10.00', status: 'NEW', created_at: instant },
  ]);
  insertRows(db, 'ecom_order_inbox_lines', [
    { inbox_id: 1, line_no: 1, sku: 'A1', quantity: '1', list_price: '10.0000', unit_price: '10.0000', line_total: '10.00', vat_rate: '22' },
  ]);
  new DemoImporter(db, { delayMs: 0, now: () => new Date(instant), logger: pino({ level: 'silent' }) }).runOnce();
  const doc = db.prepare(`SELECT number, doc_date AS date FROM ecom_documents WHERE document_id = 'OC-1'`).get() as { number: string; date: string };
  db.close();
  return doc;
}

test('an ERP in New York dates an order of 23:40 UTC on New Year\'s Eve in the old year', () => {
  assert.deepEqual(importAt('2026-12-31T23:40:00.000Z', 'America/New_York'), { number: 'OV/2026/000001', date: '2026-12-31' });
});

test('an ERP in Tokyo dates an order of 16:00 UTC the next day', () => {
  assert.deepEqual(importAt('2026-06-30T16:00:00.000Z', 'Asia/Tokyo'), { number: 'OV/2026/000001', date: '2026-07-01' });
});

test('an ERP without a time zone setting keeps the contract default, Europe/Rome', () => {
  assert.deepEqual(importAt('2026-12-31T23:40:00.000Z', null), { number: 'OV/2027/000001', date: '2027-01-01' });
});
