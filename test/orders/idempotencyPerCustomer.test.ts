/**
 * Hardening, probe row 11: idempotency keys belong to the customer,
 * UNIQUE (customer_code, idempotency_key) as erp-contract.md now says. A
 * SQLite inbox laid out by contract version 1 (the key UNIQUE on its column,
 * an index SQLite cannot drop) is rebuilt with every row, inbox_id and the
 * AUTOINCREMENT sequence kept, and then behaves per customer.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { ensureStagingTables, withoutKeyUniqueness } from '../../src/erp/stagingTables';
import { openErp } from '../../src/erp/openErp';
import { loadConfig } from '../../src/config/config';
import { startTestServer, TEST_SECRET, type TestServer } from '../helpers/testServer';
import { inboxLines, inboxRows, ordersFixture, place, type PlaceInput } from '../orders/ordersHarness';

/** The inbox as contract version 1 defined it, plus a column and an index an installation added. */
const VERSION_1_INBOX = `
DROP TABLE ecom_order_inbox_lines;
DROP TABLE ecom_order_inbox;
CREATE TABLE ecom_order_inbox (
  inbox_id           INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key    TEXT NOT NULL UNIQUE,
  request_hash       TEXT NOT NULL,
  customer_code      TEXT NOT NULL,
  agent_code         TEXT,
  channel            TEXT NOT NULL,
  customer_reference TEXT,
  destination_id     TEXT,
  ship_to_name       TEXT,
  ship_to_street     TEXT,
  ship_to_postcode   TEXT,
  ship_to_city       TEXT,
  ship_to_province   TEXT,
  ship_to_country    TEXT,
  requested_delivery TEXT,
  notes              TEXT,
  currency           TEXT NOT NULL,
  total_net          TEXT NOT NULL,
  status             TEXT NOT NULL DEFAULT 'NEW',
  erp_order_number   TEXT,
  erp_message        TEXT,
  created_at         TEXT NOT NULL,
  import_batch       TEXT
);
CREATE INDEX ix_order_inbox_customer ON ecom_order_inbox (customer_code, inbox_id);
CREATE INDEX ix_order_inbox_status ON ecom_order_inbox (status, inbox_id);
CREATE INDEX ix_order_inbox_batch ON ecom_order_inbox (import_batch);
CREATE VIEW v_open_orders AS SELECT inbox_id, customer_code FROM ecom_order_inbox WHERE status = 'NEW';
CREATE TRIGGER tr_inbox_status AFTER UPDATE OF status ON ecom_order_inbox
  BEGIN INSERT INTO ecom_changes (entity, entity_key, changed_at) VALUES ('ORDER', NEW.inbox_id, '2026-06-01T00:00:00Z'); END;
CREATE TABLE ecom_order_inbox_lines (
  inbox_id   INTEGER NOT NULL REFERENCES ecom_order_inbox (inbox_id),
  line_no    INTEGER NOT NULL,
  sku        TEXT NOT NULL,
  quantity   TEXT NOT NULL,
  list_price TEXT,
  unit_price TEXT NOT NULL,
  discount_1 TEXT,
  discount_2 TEXT,
  discount_3 TEXT,
  line_total TEXT NOT NULL,
  vat_rate   TEXT NOT NULL,
  PRIMARY KEY (inbox_id, line_no)
);`;

function header(id: number, key: string, customer: string) {
  return {
    inbox_id: id, idempotency_key: key, request_hash: 'h'.repeat(64), customer_code: customer, agent_code: null, channel: 'STOREFRONT',
    customer_reference: `PO-${id}`, destination_id: null, ship_to_name: null, ship_to_street: null, ship_to_postcode: null, ship_to_city: null,
    ship_to_province: null, ship_to_country: null, requested_delivery: null, notes: null, currency: 'EUR', total_net: '9.99',
    status: id === 1 ? 'IMPORTED' : 'NEW', erp_order_number: id === 1 ? 'ORD-1' : null, erp_message: null, created_at: '2026-06-01T10:00:00.000Z',
    import_batch: `B${id}`,
  };
}

/** The orders fixture with a version 1 inbox holding orders 1, 2 and 4 (3 was deleted: the sequence is at 4, past the rows). */
function version1Erp(): Database.Database {
  const db = ordersFixture();
  db.exec(VERSION_1_INBOX);
  const insert = db.prepare(`INSERT INTO ecom_order_inbox VALUES (${Array.from({ length: 23 }, () => '?').join(', ')})`);
  const line = db.prepare(`INSERT INTO ecom_order_inbox_lines VALUES (?, 1, 'A-PLAIN', '1', '9.9900', '9.9900', NULL, NULL, NULL, '9.99', '22')`);
  for (const [id, key, customer] of [[1, 'cart-41', 'C1'], [2, 'cart-42', 'C1'], [3, 'cart-43', 'C2'], [4, 'cart-44', 'C2']] as const) {
    insert.run(...Object.values(header(id, key, customer)));
    line.run(id);
  }
  db.prepare('DELETE FROM ecom_order_inbox_lines WHERE inbox_id = 3').run();
  db.prepare('DELETE FROM ecom_order_inbox WHERE inbox_id = 3').run();
  return db;
}

const snapshot = (db: Database.Database) => ({
  rows: db.prepare('SELECT * FROM ecom_order_inbox ORDER BY inbox_id').all(),
  lines: db.prepare('SELECT * FROM ecom_order_inbox_lines ORDER BY inbox_id, line_no').all(),
});

const indexNames = (db: Database.Database) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ecom_order_inbox' AND sql IS NOT NULL ORDER BY name`).pluck().all() as string[]);

describe('a version 1 SQLite inbox', () => {
  test('is rebuilt with every row, inbox_id, line and added column intact', () => {
    const db = version1Erp();
    const before = snapshot(db);
    const report = ensureStagingTables(db);
    assert.deepEqual(report, { created: [], rescopedIdempotencyKey: 'table rebuilt' });
    assert.deepEqual(snapshot(db), before);
  });

  test('keeps its AUTOINCREMENT sequence: the next order is 5, not a reused 3 or 5 after a reset', () => {
    const db = version1Erp();
    ensureStagingTables(db);
    assert.equal(db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'ecom_order_inbox'`).pluck().get(), 4);
    const { lastInsertRowid } = db.prepare(`INSERT INTO ecom_order_inbox (idempotency_key, request_hash, customer_code, channel, currency, total_net, created_at)
      VALUES ('cart-45', 'h', 'C1', 'STOREFRONT', 'EUR', '1.00', '2026-06-02T10:00:00.000Z')`).run();
    assert.equal(Number(lastInsertRowid), 5);
  });

  test('keeps its other indexes, gains UNIQUE (customer_code, idempotency_key), and its lines still reference it', () => {
    const db = version1Erp();
    ensureStagingTables(db);
    assert.deepEqual(indexNames(db), ['ix_order_inbox_batch', 'ix_order_inbox_customer', 'ix_order_inbox_status', 'ux_order_inbox_customer_key']);
    const automatic = (db.prepare('PRAGMA index_list(ecom_order_inbox)').all() as Array<{ name: string }>).filter((i) => i.name.startsWith('sqlite_autoindex'));
    assert.deepEqual(automatic, []);
    assert.deepEqual(db.prepare('PRAGMA foreign_key_check').all(), []);
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1, 'foreign keys are back on');
    assert.match(db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'ecom_order_inbox_lines'`).pluck().get() as string, /REFERENCES ecom_order_inbox \(/);
  });

  test("keeps the installation's view and trigger working", () => {
    const db = version1Erp();
    ensureStagingTables(db);
    assert.deepEqual(db.prepare('SELECT inbox_id FROM v_open_orders ORDER BY inbox_id').pluck().all(), [2, 4]);
    const changes = () => db.prepare(`SELECT COUNT(*) FROM ecom_changes WHERE entity = 'ORDER'`).pluck().get();
    const before = changes() as number;
    db.prepare(`UPDATE ecom_order_inbox SET status = 'IMPORTED' WHERE inbox_id = 2`).run();
    assert.equal(changes(), before + 1);
  });

  test('is left alone the second time', () => {
    const db = version1Erp();
    ensureStagingTables(db);
    const before = snapshot(db);
    assert.deepEqual(ensureStagingTables(db), { created: [], rescopedIdempotencyKey: null });
    assert.deepEqual(snapshot(db), before);
  });

  test('with the key UNIQUE as a plain index only loses that index', () => {
    const db = ordersFixture();
    db.exec('DROP INDEX ux_order_inbox_customer_key; CREATE UNIQUE INDEX ux_old_key ON ecom_order_inbox (idempotency_key);');
    assert.deepEqual(ensureStagingTables(db), { created: [], rescopedIdempotencyKey: 'index dropped' });
    assert.ok(!indexNames(db).includes('ux_old_key'));
    assert.ok(indexNames(db).includes('ux_order_inbox_customer_key'));
  });

  test('the key UNIQUE is found on the column and as a table constraint, and nowhere else is touched', () => {
    assert.equal(withoutKeyUniqueness('CREATE TABLE t (a INTEGER, idempotency_key TEXT NOT NULL UNIQUE, b TEXT)'), 'CREATE TABLE t (a INTEGER, idempotency_key TEXT NOT NULL, b TEXT)');
    assert.equal(withoutKeyUniqueness('CREATE TABLE t (a INTEGER, idempotency_key TEXT, CONSTRAINT k UNIQUE (idempotency_key))'), 'CREATE TABLE t (a INTEGER, idempotency_key TEXT)');
    assert.throws(() => withoutKeyUniqueness('CREATE TABLE t (a INTEGER, idempotency_key TEXT)'), /by hand/);
  });

  test('opened as ERP_URL=sqlite: is rebuilt and the rebuild is logged as a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ponte-inbox-'));
    try {
      const path = join(dir, 'erp.sqlite');
      const db = version1Erp();
      await db.backup(path);
      db.close();
      const warnings: string[] = [];
      const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
      const config = loadConfig({ AUTH_JWT_SECRET: TEST_SECRET, ERP_URL: `sqlite:${path}` });
      const opened = await openErp(config.erp, config.erpLimits, config.demo, logger);
      await opened.adapter.close();
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0]!, /idempotency keys are now unique per customer/);
      assert.match(warnings[0]!, /table rebuilt/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('idempotency keys per customer, over a rebuilt version 1 inbox', () => {
  let db: Database.Database;
  let server: TestServer;
  let c1: string;
  let c2: string;

  before(async () => {
    db = version1Erp();
    ensureStagingTables(db);
    server = await startTestServer(db, { now: () => new Date('2026-06-15T10:00:00Z') });
    c1 = await server.token({ role: 'customer', customer: 'C1' });
    c2 = await server.token({ role: 'customer', customer: 'C2' });
  });
  after(async () => {
    await server.close();
  });

  const order = (key: string, quantity = '1'): PlaceInput => ({ idempotencyKey: key, lines: [{ sku: 'A-PLAIN', quantity }] });

  test("customer C2 using C1's key cart-42 gets its own order", async () => {
    const res = await place(server, order('cart-42'), { token: c2 });
    const { order: placed, errors } = res.body.data.placeOrder;
    assert.deepEqual(errors, []);
    assert.equal(placed.customerCode, 'C2');
    assert.equal(placed.id, '5');
    assert.deepEqual(
      inboxRows(db).filter((r) => r.idempotency_key === 'cart-42').map((r) => [r.inbox_id, r.customer_code]),
      [[2, 'C1'], [5, 'C2']],
    );
    assert.equal(inboxLines(db, 5).length, 1);
  });

  test('the same customer with the same key and another payload is still IDEMPOTENCY_KEY_REUSED and learns nothing', async () => {
    const rowsBefore = inboxRows(db).length;
    const res = await place(server, order('cart-42', '7'), { token: c2 });
    const { order: placed, errors } = res.body.data.placeOrder;
    assert.equal(placed, null);
    assert.deepEqual(errors.map((e: { code: string; lineIndex: number | null }) => [e.code, e.lineIndex]), [['IDEMPOTENCY_KEY_REUSED', null]]);
    const text = JSON.stringify(res.body);
    for (const secret of ['"5"', 'A-PLAIN', '9.99']) assert.ok(!text.includes(secret), `reveals ${secret}: ${text}`);
    assert.equal(inboxRows(db).length, rowsBefore);
  });

  test("the first customer's retry of its own key still returns its own order", async () => {
    await place(server, order('cart-77'), { token: c1 });
    const retry = await place(server, order('cart-77'), { token: c1 });
    const other = await place(server, order('cart-77'), { token: c2 });
    assert.equal(retry.body.data.placeOrder.order.customerCode, 'C1');
    assert.equal(other.body.data.placeOrder.order.customerCode, 'C2');
    assert.notEqual(retry.body.data.placeOrder.order.id, other.body.data.placeOrder.order.id);
  });
});
