/**
 * src/demo/demoImporter.ts end to end over HTTP: an order placed through the
 * API is NEW; after DEMO_IMPORT_DELAY_MS the demo ERP imports it (IMPORTED
 * with an ERP number, committed stock raised, an ORDER_CONFIRMATION document
 * for the customer only, change-feed rows that make Ponte drop the stock it
 * cached), or REJECTS it with the documented reason (over the credit limit,
 * an article no longer active). The importer runs only on Ponte's own demo
 * database, only when asked for, and a second run imports nothing new.
 *
 * The importer's background timer is stopped right after start-up and every
 * run is driven with runOnce() and a controllable clock, so nothing here
 * depends on wall-clock timing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import pino from 'pino';
import { loadConfig } from '../../src/config/config';
import { DemoImporter } from '../../src/demo/demoImporter';
import { SqliteErp } from '../../src/erp/sqlite';
import { buildFeatureServices } from '../../src/featureServices';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { startTestServer, TEST_SECRET, type TestServer } from '../helpers/testServer';
import { ORDER_FIELDS, num, place, type OrderLineIn } from '../orders/ordersHarness';

const START = Date.parse('2026-06-15T10:00:00Z');
const DELAY_MS = 3000;

const ORDER = `query One($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;
const DOC_FIELDS = `id type number date currency totalNet totalVat totalGross orderReference
  lines { lineNo sku description quantity unit unitPrice discounts lineTotal vatRate }`;
const DOCUMENTS = `query Docs($type: DocumentType) { documents(type: $type) { edges { node { ${DOC_FIELDS} } } } }`;
const DOCUMENT = `query Doc($id: ID!) { document(id: $id) { ${DOC_FIELDS} } }`;
const AVAILABLE = `query Avail($sku: ID!) { product(sku: $sku) { availability { available } } }`;

const META_SQL = `CREATE TABLE ponte_demo_meta (meta_key TEXT PRIMARY KEY, meta_value TEXT NOT NULL);
  INSERT INTO ponte_demo_meta VALUES ('summary', '{"demoCustomer":"C1","demoAgent":"AG1","articles":1,"customers":1,"agents":1}');`;

/**
 * C1 (followed by AG1, destination D1), C2 (AG2).
 * Warehouses: MAG0 not web-enabled, MAG1 and MAG2 web-enabled.
 * Articles: A1 10.0000 (VAT 22; DISCOUNT C1/A1 10 → 9.0000 for C1),
 *           A2 2.5000 (VAT 10), BIG 1000.0000, GONE 3.0000, NOSTOCK 1.0000 (no stock rows).
 * Stock: A1 in MAG1 (100, committed 2.5) and MAG2 (20); A2 in MAG0 (50) and
 *        MAG2 (40, committed 1): MAG2 is the first web-enabled warehouse holding A2.
 */
function demoDb(withMeta = true): Database.Database {
  const db = createFixtureDb({
    warehouses: [
      { warehouse_code: 'MAG0', name: 'Resi', web_enabled: 0 },
      { warehouse_code: 'MAG1', name: 'Sede', web_enabled: 1 },
      { warehouse_code: 'MAG2', name: 'Deposito', web_enabled: 1 },
    ],
  });
  if (withMeta) db.exec(META_SQL);
  insertRows(db, 'ecom_agents', [
    { agent_code: 'AG1', name: 'Agente Uno', email: null },
    { agent_code: 'AG2', name: 'Agente Due', email: null },
  ]);
  insertRows(db, 'ecom_customers', [customer('C1', { customer_group: 'G1', agent_code: 'AG1' }), customer('C2', { agent_code: 'AG2' })]);
  insertRows(db, 'ecom_destinations', [
    { destination_id: 'D1', customer_code: 'C1', name: 'Magazzino C1', street: 'Via Roma 1', postcode: '20100', city: 'Milano', province: 'MI', country: 'IT', is_default: 1 },
  ]);
  insertRows(db, 'ecom_articles', [article('A1'), article('A2', { vat_rate: '10.00' }), article('BIG'), article('GONE'), article('NOSTOCK')]);
  insertRows(
    db,
    'ecom_price_list_items',
    [
      ['A1', '10.0000'],
      ['A2', '2.5000'],
      ['BIG', '1000.0000'],
      ['GONE', '3.0000'],
      ['NOSTOCK', '1.0000'],
    ].map(([sku, price]) => ({ price_list_code: 'BASE', sku: sku!, min_qty: '0', price: price!, valid_from: null, valid_to: null })),
  );
  insertRows(db, 'ecom_conditions', [{ condition_id: 1, customer_code: 'C1', sku: 'A1', min_qty: '0', priority: 0, kind: 'DISCOUNT', discount_1: '10' }]);
  insertRows(db, 'ecom_stock', [
    { sku: 'A1', warehouse_code: 'MAG1', on_hand: '100', committed: '2.5' },
    { sku: 'A1', warehouse_code: 'MAG2', on_hand: '20', committed: '0' },
    { sku: 'A2', warehouse_code: 'MAG0', on_hand: '50', committed: '0' },
    { sku: 'A2', warehouse_code: 'MAG2', on_hand: '40', committed: '1' },
    { sku: 'BIG', warehouse_code: 'MAG1', on_hand: '1000', committed: '0' },
    { sku: 'GONE', warehouse_code: 'MAG1', on_hand: '10', committed: '0' },
  ]);
  return db;
}

interface Demo {
  db: Database.Database;
  server: TestServer;
  importer: DemoImporter;
  c1: string;
  c2: string;
  /** Moves the server's clock forward. */
  advance(ms: number): void;
}

async function startDemo(): Promise<Demo> {
  const db = demoDb();
  let t = START;
  const server = await startTestServer(db, { now: () => new Date(t), demo: true, env: { DEMO_IMPORT_DELAY_MS: String(DELAY_MS) } });
  const importer = server.app.services.demoImporter;
  assert.ok(importer, 'demo: true builds the importer');
  // No background ticks: every run below is an explicit runOnce().
  importer.stop();
  return {
    db,
    server,
    importer,
    c1: await server.token({ role: 'customer', customer: 'C1' }),
    c2: await server.token({ role: 'customer', customer: 'C2' }),
    advance: (ms) => {
      t += ms;
    },
  };
}

async function placeOk(demo: Demo, key: string, lines: OrderLineIn[], extra: { customerReference?: string; destinationId?: string } = {}) {
  const res = await place(demo.server, { idempotencyKey: key, lines, ...extra }, { token: demo.c1 });
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  assert.deepEqual(res.body.data.placeOrder.errors, []);
  return res.body.data.placeOrder.order as { id: string; [k: string]: any };
}

async function readOrder(demo: Demo, id: string, token = demo.c1) {
  const res = await demo.server.gql(ORDER, { token, variables: { id } });
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  return res.body.data.order;
}

async function available(demo: Demo, sku: string): Promise<string> {
  const res = await demo.server.gql(AVAILABLE, { token: demo.c1, variables: { sku } });
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  return num(res.body.data.product.availability.available)!;
}

function committed(db: Database.Database, sku: string): Record<string, string> {
  const rows = db.prepare('SELECT warehouse_code AS w, committed AS c FROM ecom_stock WHERE sku = ? ORDER BY warehouse_code').all(sku) as Array<{ w: string; c: string }>;
  return Object.fromEntries(rows.map((r) => [r.w, num(r.c)!]));
}

function changesAfter(db: Database.Database, changeId: number) {
  return db
    .prepare('SELECT change_id, entity, entity_key, changed_at FROM ecom_changes WHERE change_id > ? ORDER BY change_id')
    .all(changeId) as Array<{ change_id: number; entity: string; entity_key: string | null; changed_at: string }>;
}

function latestChangeId(db: Database.Database): number {
  return (db.prepare('SELECT COALESCE(MAX(change_id), 0) AS id FROM ecom_changes').get() as { id: number }).id;
}

/** Everything the importer may write, for "nothing changed" checks. */
function snapshot(db: Database.Database) {
  return {
    inbox: db.prepare('SELECT inbox_id, status, erp_order_number, erp_message FROM ecom_order_inbox ORDER BY inbox_id').all(),
    stock: db.prepare('SELECT * FROM ecom_stock ORDER BY sku, warehouse_code').all(),
    documents: db.prepare('SELECT * FROM ecom_documents ORDER BY document_id').all(),
    lines: db.prepare('SELECT * FROM ecom_document_lines ORDER BY document_id, line_no').all(),
    changes: db.prepare('SELECT * FROM ecom_changes ORDER BY change_id').all(),
  };
}

const MAIN_LINES: OrderLineIn[] = [
  { sku: 'A1', quantity: '3' },
  { sku: 'A2', quantity: '4' },
];

describe('before the delay has passed', () => {
  let demo: Demo;
  let orderId: string;

  before(async () => {
    demo = await startDemo();
    orderId = (await placeOk(demo, 'early-1', MAIN_LINES)).id;
  });
  after(() => demo.server.close());

  test('a placed order reads back as NEW, without an ERP order number', async () => {
    const order = await readOrder(demo, orderId);
    assert.equal(order.status, 'NEW');
    assert.equal(order.erpOrderNumber, null);
    assert.equal(order.erpMessage, null);
  });

  test('runOnce before the delay imports nothing and writes nothing', async () => {
    const before = snapshot(demo.db);
    demo.advance(DELAY_MS - 1);
    assert.deepEqual(demo.importer.runOnce(), []);
    assert.deepEqual(snapshot(demo.db), before);
    assert.equal((await readOrder(demo, orderId)).status, 'NEW');
  });
});

describe('an order imported after the delay', () => {
  let demo: Demo;
  let orderId: string;
  let placed: any;
  let changesBefore: number;
  let outcomes: ReturnType<DemoImporter['runOnce']>;
  const availableBefore: Record<string, string> = {};
  const committedBefore: Record<string, Record<string, string>> = {};

  before(async () => {
    demo = await startDemo();
    // Warm the stock cache before the import, so only the change feed can make it fresh.
    for (const sku of ['A1', 'A2']) {
      availableBefore[sku] = await available(demo, sku);
      committedBefore[sku] = committed(demo.db, sku);
    }
    assert.deepEqual(availableBefore, { A1: '117.5', A2: '39' }, 'fixture availability');
    placed = await placeOk(demo, 'main-1', MAIN_LINES, { customerReference: 'PO-77', destinationId: 'D1' });
    orderId = placed.id;
    changesBefore = latestChangeId(demo.db);
    demo.advance(DELAY_MS);
    outcomes = demo.importer.runOnce();
  });
  after(() => demo.server.close());

  test('runOnce after the delay reports the order IMPORTED', () => {
    assert.equal(outcomes.length, 1);
    assert.equal(String(outcomes[0]!.inboxId), orderId);
    assert.equal(outcomes[0]!.status, 'IMPORTED');
    assert.ok(outcomes[0]!.erpOrderNumber);
    assert.equal(outcomes[0]!.erpMessage, null);
  });

  test('order(id) reads IMPORTED with the ERP order number and no message', async () => {
    const order = await readOrder(demo, orderId);
    assert.equal(order.status, 'IMPORTED');
    assert.equal(order.erpOrderNumber, outcomes[0]!.erpOrderNumber);
    assert.match(order.erpOrderNumber, /^OV\/2026\/\d{6}$/);
    assert.equal(order.erpMessage, null);
  });

  test('committed stock rose by the ordered quantity in the first web-enabled warehouse holding each sku', () => {
    assert.deepEqual(committedBefore, { A1: { MAG1: '2.5', MAG2: '0' }, A2: { MAG0: '0', MAG2: '1' } });
    // A1: MAG1 is the first web-enabled warehouse holding it; MAG2 untouched.
    assert.deepEqual(committed(demo.db, 'A1'), { MAG1: '5.5', MAG2: '0' });
    // A2: MAG0 holds it but is not web-enabled, so MAG2.
    assert.deepEqual(committed(demo.db, 'A2'), { MAG0: '0', MAG2: '5' });
  });

  test('the ORDER_CONFIRMATION document is visible to the customer with the order’s number, lines and totals', async () => {
    const res = await demo.server.gql(DOCUMENTS, { token: demo.c1, variables: { type: 'ORDER_CONFIRMATION' } });
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const docs = res.body.data.documents.edges.map((e: any) => e.node);
    assert.equal(docs.length, 1);
    const doc = docs[0];
    const order = await readOrder(demo, orderId);
    assert.equal(doc.type, 'ORDER_CONFIRMATION');
    assert.equal(doc.number, order.erpOrderNumber);
    assert.equal(doc.date, '2026-06-15');
    assert.equal(doc.currency, order.currency);
    assert.equal(doc.orderReference, 'PO-77');
    assert.deepEqual(
      [doc.totalNet, doc.totalVat, doc.totalGross].map(num),
      [order.totalNet, order.totalVat, order.totalGross].map(num),
    );
    assert.deepEqual([doc.totalNet, doc.totalVat, doc.totalGross].map(num), ['37', '6.94', '43.94']);
    const pick = (l: any) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      quantity: num(l.quantity),
      unitPrice: num(l.unitPrice),
      discounts: l.discounts.map(num),
      lineTotal: num(l.lineTotal),
      vatRate: num(l.vatRate),
    });
    assert.deepEqual(doc.lines.map(pick), order.lines.map(pick));
    assert.deepEqual(
      doc.lines.map((l: any) => [l.sku, l.description, l.unit]),
      [
        ['A1', 'Articolo A1', 'PZ'],
        ['A2', 'Articolo A2', 'PZ'],
      ],
    );
    assert.deepEqual(doc.lines[0].discounts.map(num), ['10']);
    // document(id) gives the same document.
    const one = await demo.server.gql(DOCUMENT, { token: demo.c1, variables: { id: doc.id } });
    assert.deepEqual(one.body.data.document, doc);
  });

  test('the ORDER_CONFIRMATION is not visible to another customer', async () => {
    const mine = await demo.server.gql(DOCUMENTS, { token: demo.c1, variables: { type: 'ORDER_CONFIRMATION' } });
    const id = mine.body.data.documents.edges[0].node.id;
    const single = await demo.server.gql(DOCUMENT, { token: demo.c2, variables: { id } });
    assert.equal(single.body.errors, undefined, JSON.stringify(single.body.errors));
    assert.equal(single.body.data.document, null);
    const list = await demo.server.gql(DOCUMENTS, { token: demo.c2, variables: { type: 'ORDER_CONFIRMATION' } });
    assert.equal(list.body.errors, undefined, JSON.stringify(list.body.errors));
    assert.deepEqual(list.body.data.documents.edges, []);
    // Nor the order itself.
    assert.equal(await readOrder(demo, orderId, demo.c2), null);
  });

  test('ecom_changes got one STOCK row per ordered sku and a DOCUMENT row for the customer', () => {
    const rows = changesAfter(demo.db, changesBefore);
    assert.deepEqual(
      rows.map((r) => [r.entity, r.entity_key]).sort(),
      [
        ['DOCUMENT', 'C1'],
        ['STOCK', 'A1'],
        ['STOCK', 'A2'],
      ],
    );
    for (const r of rows) assert.equal(r.changed_at, new Date(START + DELAY_MS).toISOString());
  });

  test('after changeFeed.pollOnce the cached stock of the ordered skus is dropped and availability is reduced', async () => {
    // The cache was warmed before the import: until the feed is polled, the old figures are served.
    assert.ok(demo.server.app.cache.stock.has('A1'), 'A1 stock cached before the poll');
    assert.equal(await available(demo, 'A1'), availableBefore.A1, 'cached (stale) availability before the poll');
    const applied = await demo.server.app.changeFeed.pollOnce();
    assert.ok(applied >= 3, `applied ${applied} change rows`);
    assert.equal(demo.server.app.cache.stock.has('A1'), false, 'A1 stock dropped');
    assert.equal(demo.server.app.cache.stock.has('A2'), false, 'A2 stock dropped');
    assert.equal(await available(demo, 'A1'), '114.5');
    assert.equal(await available(demo, 'A2'), '35');
  });

  test('a second runOnce imports nothing new and writes nothing', () => {
    const before = snapshot(demo.db);
    assert.deepEqual(demo.importer.runOnce(), []);
    demo.advance(60_000);
    assert.deepEqual(demo.importer.runOnce(), []);
    assert.deepEqual(snapshot(demo.db), before);
  });
});

describe('orders the demo ERP rejects', () => {
  let demo: Demo;
  const ids: Record<string, string> = {};
  let outcomes: ReturnType<DemoImporter['runOnce']>;
  let before0: ReturnType<typeof snapshot>;
  let changesBefore: number;

  before(async () => {
    demo = await startDemo();
    ids.over = (await placeOk(demo, 'rej-over', [{ sku: 'BIG', quantity: '51' }])).id; // 51,000.00
    ids.limit = (await placeOk(demo, 'rej-limit', [{ sku: 'BIG', quantity: '50' }])).id; // exactly 50,000.00
    ids.gone = (await placeOk(demo, 'rej-gone', [
      { sku: 'A1', quantity: '1' },
      { sku: 'GONE', quantity: '2' },
    ])).id;
    // The article goes out of the catalog after the order was placed.
    demo.db.prepare(`UPDATE ecom_articles SET active = 0 WHERE sku = 'GONE'`).run();
    before0 = snapshot(demo.db);
    changesBefore = latestChangeId(demo.db);
    demo.advance(DELAY_MS);
    outcomes = demo.importer.runOnce();
  });
  after(() => demo.server.close());

  test('an order above 50,000.00 total_net is REJECTED with the credit-limit message', async () => {
    const order = await readOrder(demo, ids.over!);
    assert.equal(num(order.totalNet), '51000');
    assert.equal(order.status, 'REJECTED');
    assert.equal(order.erpMessage, 'Fido superato: ordine da approvare manualmente');
    assert.equal(order.erpOrderNumber, null);
  });

  test('an order of exactly 50,000.00 is within the credit limit and IMPORTED', async () => {
    const order = await readOrder(demo, ids.limit!);
    assert.equal(num(order.totalNet), '50000');
    assert.equal(order.status, 'IMPORTED');
    assert.ok(order.erpOrderNumber);
  });

  test('an order with an article made inactive after placing is REJECTED naming the article', async () => {
    const order = await readOrder(demo, ids.gone!);
    assert.equal(order.status, 'REJECTED');
    assert.equal(order.erpMessage, 'Articolo GONE non più a catalogo');
    assert.equal(order.erpOrderNumber, null);
  });

  test('runOnce reports each outcome', () => {
    assert.deepEqual(
      outcomes.map((o) => [String(o.inboxId), o.status]),
      [
        [ids.over, 'REJECTED'],
        [ids.limit, 'IMPORTED'],
        [ids.gone, 'REJECTED'],
      ],
    );
  });

  test('a rejected order commits no stock, writes no document and no change rows', () => {
    const now = snapshot(demo.db);
    // Only the imported order (BIG × 50) touched stock; the rejected A1 line did not.
    assert.deepEqual(committed(demo.db, 'A1'), { MAG1: '2.5', MAG2: '0' });
    assert.deepEqual(committed(demo.db, 'GONE'), { MAG1: '0' });
    assert.deepEqual(committed(demo.db, 'BIG'), { MAG1: '50' });
    assert.deepEqual(
      (now.documents as Array<{ document_id: string }>).map((d) => d.document_id),
      [`OC-${ids.limit}`],
    );
    assert.deepEqual(
      changesAfter(demo.db, changesBefore).map((r) => [r.entity, r.entity_key]),
      [
        ['STOCK', 'BIG'],
        ['DOCUMENT', 'C1'],
      ],
    );
    assert.equal(before0.documents.length, 0);
  });

  test('a rejected order stays rejected on later runs', async () => {
    demo.advance(60_000);
    assert.deepEqual(demo.importer.runOnce(), []);
    assert.equal((await readOrder(demo, ids.over!)).status, 'REJECTED');
    assert.equal((await readOrder(demo, ids.gone!)).status, 'REJECTED');
  });
});

describe('an ordered sku without any stock row', () => {
  let demo: Demo;

  before(async () => {
    demo = await startDemo();
    await placeOk(demo, 'nostock-1', [{ sku: 'NOSTOCK', quantity: '7' }]);
    demo.advance(DELAY_MS);
  });
  after(() => demo.server.close());

  test('is committed in a new row of the first web-enabled warehouse, with nothing on hand', () => {
    assert.deepEqual(committed(demo.db, 'NOSTOCK'), {});
    assert.deepEqual(
      demo.importer.runOnce().map((o) => o.status),
      ['IMPORTED'],
    );
    const rows = demo.db.prepare(`SELECT warehouse_code AS w, on_hand AS h, committed AS c FROM ecom_stock WHERE sku = 'NOSTOCK'`).all() as Array<{ w: string; h: string; c: string }>;
    assert.deepEqual(rows.map((r) => [r.w, num(r.h), num(r.c)]), [['MAG1', '0', '7']]);
  });
});

describe('where the importer runs', () => {
  const silent = pino({ level: 'silent' });

  test('constructing a DemoImporter on a database without ponte_demo_meta throws', () => {
    const db = demoDb(false);
    try {
      assert.throws(
        () => new DemoImporter(db, { delayMs: DELAY_MS, now: () => new Date(START), logger: silent }),
        /demo ERP generated by Ponte/,
      );
    } finally {
      db.close();
    }
  });

  test('constructing a DemoImporter on a ponte_demo_meta table without a summary throws', () => {
    const db = demoDb(false);
    try {
      db.exec('CREATE TABLE ponte_demo_meta (meta_key TEXT PRIMARY KEY, meta_value TEXT NOT NULL)');
      assert.throws(() => new DemoImporter(db, { delayMs: DELAY_MS, now: () => new Date(START), logger: silent }));
    } finally {
      db.close();
    }
  });

  test('a server asked for the demo importer on a database without ponte_demo_meta refuses to start', async () => {
    const db = demoDb(false);
    try {
      await assert.rejects(startTestServer(db, { demo: true, now: () => new Date(START) }), /demo ERP generated by Ponte/);
    } finally {
      if (db.open) db.close();
    }
  });

  test('without demo: true the server has no demo importer, even on a demo database', async () => {
    const server = await startTestServer(demoDb(true), { now: () => new Date(START) });
    try {
      assert.equal(server.app.services.demoImporter, null);
    } finally {
      await server.close();
    }
  });

  test('buildFeatureServices returns demoImporter null unless demo is true and a SQLite ERP is given', () => {
    const db = demoDb(true);
    const sqlite = new SqliteErp(db);
    const base = { erp: sqlite, config: loadConfig({ AUTH_JWT_SECRET: TEST_SECRET }), now: () => new Date(START), logger: silent };
    try {
      assert.deepEqual(buildFeatureServices({ ...base, demo: false, sqlite }), { demoImporter: null });
      assert.deepEqual(buildFeatureServices({ ...base, demo: true, sqlite: null }), { demoImporter: null });
      const on = buildFeatureServices({ ...base, demo: true, sqlite });
      assert.ok(on.demoImporter instanceof DemoImporter);
      on.demoImporter.stop();
    } finally {
      db.close();
    }
  });
});
