/**
 * The ERP port contract (src/erp/port.ts, /work/shared/spec/erp-contract.md),
 * written once and run against every adapter: `describeAdapterContract(name, setup)`.
 *
 * - SQLite (src/erp/sqlite.ts) always runs: better-sqlite3 on ':memory:' with
 *   schema/erp/sqlite.sql.
 * - SQL Server (src/erp/mssql.ts) runs only when ERP_MSSQL_URL is set, and
 *   shows as skipped otherwise. Point it at an EMPTY SCRATCH database (its name
 *   must contain "contract", "scratch" or "test"): the suite drops and
 *   recreates every ecom_* table from schema/erp/mssql.sql, loads the fixture
 *   with typed parameterised INSERTs and connects with MssqlErp.connect(url, 5000).
 *
 *     # e.g. with a throw-away server:
 *     #   docker run -e ACCEPT_EULA=Y -e MSSQL_SA_PASSWORD='Passw0rd!' -p 1433:1433 mcr.microsoft.com/mssql/server:2022-latest
 *     #   sqlcmd -S localhost -U sa -P 'Passw0rd!' -C -Q 'CREATE DATABASE ponte_contract'
 *     ERP_MSSQL_URL='mssql://sa:Passw0rd!@localhost:1433/ponte_contract?encrypt=false' npm test
 *     # or only this file:
 *     npx tsc -p . ; ERP_MSSQL_URL='…' node --test dist/test/erp/adapterContract.test.js
 *
 * The fixture (test/erp/contractFixture.ts) is the same rows in both dialects.
 * Decimals are compared as decimals (Decimal.eq), because SQL Server formats
 * them to the column scale ("22.00") while SQLite returns the text as stored
 * ("22"); on SQLite the exact stored text is checked too.
 *
 * Only what every adapter must satisfy is here. The wrapper every adapter
 * runs behind (src/erp/guardedErp.ts: counting, error mapping, deadlines) is
 * tested in guardedErp.test.ts; the SQL Server fixture path, checked without
 * a server, in contractFixture.test.ts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from '../../src/decimal/decimal';
import { PROBE_ORDER_HEADER } from '../../src/erp/port';
import { searchTerms } from '../../src/catalog/searchTerms';
import { customerRow } from '../helpers/portRows';
import type { DocumentPageQuery, ErpPort, OrderHeaderInsert, OrderLineInsert } from '../../src/erp/port';
import {
  BIG_CONDITION_ID,
  PDF_CONTENT,
  XML_CONTENT,
  mssqlContractSetup,
  sqliteContractSetup,
  sqliteWorkerContractSetup,
  type ContractDb,
  type ContractSetup,
} from './contractFixture';

// ---------------------------------------------------------------------------
// Expectation helpers.

/** An expected decimal: compared with Decimal.eq (and as exact text where the dialect keeps it). */
class Dec {
  constructor(readonly text: string) {}
}
const dec = (text: string) => new Dec(text);

/** An expected ISO 8601 instant: the text must carry a zone designator and denote the same instant. */
class Instant {
  constructor(readonly iso: string) {}
}
const instant = (iso: string) => new Instant(iso);

/**
 * An expected ERP datetime (datetime2 has no zone): the same UTC wall-clock
 * time, with or without a zone designator and trailing zero fractions.
 */
class WallClock {
  constructor(readonly iso: string) {}
}
const wallClock = (iso: string) => new WallClock(iso);

const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;
const ZONED = /(?:Z|[+-]\d\d:\d\d)$/;

function checkValue(h: ContractDb, actual: unknown, expected: unknown, where: string): void {
  if (expected instanceof Dec) {
    assert.equal(typeof actual, 'string', `${where}: a decimal must be a string, got ${JSON.stringify(actual)}`);
    const text = actual as string;
    assert.match(text, PLAIN_DECIMAL, `${where}: ${JSON.stringify(text)} is not plain decimal notation`);
    assert.ok(new Decimal(text).eq(expected.text), `${where}: ${text} ≠ ${expected.text}`);
    if (h.decimalsAsStored) assert.equal(text, expected.text, `${where}: the text as stored`);
  } else if (expected instanceof Instant) {
    assert.equal(typeof actual, 'string', `${where}: an instant must be a string`);
    assert.match(actual as string, ZONED, `${where}: ${JSON.stringify(actual)} has no zone designator, so it is no instant`);
    assert.equal(Date.parse(actual as string), Date.parse(expected.iso), `${where}: ${String(actual)} is not ${expected.iso}`);
  } else if (expected instanceof WallClock) {
    assert.equal(typeof actual, 'string', `${where}: a datetime must be a string`);
    const text = actual as string;
    assert.match(text, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]00:00)?$/, `${where}: ${text} is not ISO 8601`);
    assert.equal(Date.parse(ZONED.test(text) ? text : `${text}Z`), Date.parse(expected.iso), `${where}: ${text} is not ${expected.iso}`);
  } else {
    assert.strictEqual(actual, expected, `${where}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  }
}

/** The row has exactly the expected fields, each with the expected value. */
function checkRow(h: ContractDb, actual: object | undefined, expected: Record<string, unknown>, where: string): void {
  assert.ok(actual, `${where}: missing row`);
  const row = actual as Record<string, unknown>;
  assert.deepEqual(Object.keys(row).sort(), Object.keys(expected).sort(), `${where}: fields`);
  for (const [key, value] of Object.entries(expected)) checkValue(h, row[key], value, `${where}.${key}`);
}

function checkRows(h: ContractDb, actual: readonly object[], expected: Record<string, unknown>[], where: string): void {
  assert.equal(actual.length, expected.length, `${where}: ${actual.length} rows, expected ${expected.length}`);
  expected.forEach((e, i) => checkRow(h, actual[i], e, `${where}[${i}]`));
}

/** Sorts a copy by the given string fields. */
function sortBy<T>(rows: readonly T[], ...keys: (keyof T)[]): T[] {
  return [...rows].sort((a, b) => {
    for (const k of keys) {
      const x = String(a[k]);
      const y = String(b[k]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

const byBigId = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);
const ids = (rows: readonly { conditionId?: string; ruleId?: string }[]) =>
  rows.map((r) => (r.conditionId ?? r.ruleId) as string).sort(byBigId);

const ALL_PAGE = { after: null, family: null, terms: [] as string[], unrestrictedOnly: false, limit: 100 };
const skusOf = (rows: readonly { sku: string }[]) => rows.map((r) => r.sku);

// ---------------------------------------------------------------------------
// Expected rows, as the port defines them.

const EXPECTED_C1 = {
  code: 'C1',
  companyName: 'Alfa Ferramenta S.r.l.',
  vatNumber: '01234567890',
  taxCode: '01234567890',
  sdiCode: 'ABC1234',
  pec: 'alfa@pec.example.com',
  email: 'ordini@alfa.example.com',
  phone: '+39 02 1234567',
  street: 'Via Roma 1',
  postcode: '20100',
  city: 'Milano',
  province: 'MI',
  country: 'IT',
  priceListCode: 'L2',
  group: 'G1',
  agentCode: 'AG1',
  paymentTerms: 'RB 60 gg FM',
  blocked: false,
};

/** Everything the contract fixture's C2 leaves empty comes back null (no country either). */
const EXPECTED_C2: Record<string, unknown> = { ...customerRow('C2', 'G1', { companyName: 'Beta Edilizia S.p.A.', country: null, agentCode: 'AG1', blocked: true }) };

const articleRow = (sku: string, description: string, familyCode: string | null, extra: Record<string, unknown> = {}) => ({
  sku,
  description,
  unit: 'PZ',
  familyCode,
  vatRate: dec('22.00'),
  packQty: dec('1'),
  minOrderQty: dec('0'),
  restricted: false,
  active: true,
  webEnabled: true,
  ...extra,
});

const conditionRow = (conditionId: string, extra: Record<string, unknown>) => ({
  conditionId,
  customerCode: null,
  customerGroup: null,
  sku: null,
  familyCode: null,
  minQty: dec('0'),
  validFrom: null,
  validTo: null,
  priority: 0,
  kind: 'DISCOUNT',
  price: null,
  discount1: null,
  discount2: null,
  discount3: null,
  ...extra,
});

const ruleRow = (ruleId: string, mode: string, extra: Record<string, unknown>) => ({
  ruleId,
  mode,
  sku: null,
  familyCode: null,
  customerCode: null,
  customerGroup: null,
  ...extra,
});

const documentRow = (id: string, customerCode: string, type: string, number: string, date: string, extra: Record<string, unknown> = {}) => ({
  id,
  customerCode,
  type,
  number,
  date,
  currency: 'EUR',
  totalNet: null,
  totalVat: null,
  totalGross: null,
  dueDate: null,
  paid: null,
  destinationId: null,
  carrier: null,
  trackingNumber: null,
  shippedAt: null,
  expectedDelivery: null,
  orderReference: null,
  ...extra,
});

const EXPECTED_DOCS: Record<string, Record<string, unknown>> = {
  'DOC-001': documentRow('DOC-001', 'C1', 'INVOICE', '2024/001', '2024-01-15', {
    totalNet: dec('100.00'), totalVat: dec('22.00'), totalGross: dec('122.00'), dueDate: '2024-02-15', paid: true, orderReference: 'PO-1',
  }),
  'DOC-002': documentRow('DOC-002', 'C1', 'DELIVERY_NOTE', 'DDT 12', '2024-02-01', {
    destinationId: 'C1-01', carrier: 'BRT', trackingNumber: 'BRT-0001', shippedAt: wallClock('2024-02-01T08:30:00Z'),
    expectedDelivery: '2024-02-03', orderReference: 'PO-77',
  }),
  'DOC-003': documentRow('DOC-003', 'C1', 'INVOICE', '2024/050', '2024-02-01', {
    totalNet: dec('50.00'), totalVat: dec('11.00'), totalGross: dec('61.00'), dueDate: '2024-03-31', paid: false,
  }),
  'DOC-004': documentRow('DOC-004', 'C1', 'CREDIT_NOTE', 'NC 2024/3', '2024-03-10', {
    totalNet: dec('-10.00'), totalVat: dec('-2.20'), totalGross: dec('-12.20'),
  }),
  'DOC-005': documentRow('DOC-005', 'C3', 'INVOICE', '2024/051', '2024-03-10', {
    totalNet: dec('1.00'), totalVat: dec('0.22'), totalGross: dec('1.22'), dueDate: '2024-04-30', paid: false,
  }),
};

const ORDER_HEADER: OrderHeaderInsert = {
  idempotencyKey: 'contract-order-1',
  requestHash: 'a'.repeat(64),
  customerCode: 'C3',
  agentCode: 'AG2',
  channel: 'SALES_APP',
  customerReference: 'PO-9',
  destinationId: null,
  shipToName: 'Cantiere Gamma',
  shipToStreet: 'Via Appia 100',
  shipToPostcode: '00178',
  shipToCity: 'Roma',
  shipToProvince: 'RM',
  shipToCountry: 'IT',
  requestedDelivery: '2024-09-30',
  notes: 'Consegna al mattino; citofono "Gamma"',
  currency: 'EUR',
  totalNet: '55.62',
  createdAt: '2024-05-01T10:00:00.123Z',
};

const ORDER_LINES: OrderLineInsert[] = [
  // Given out of order on purpose: orderLines returns them by line number.
  { lineNo: 2, sku: 'SKU002', quantity: '200.000', listPrice: null, unitPrice: '0.1500', discount1: null, discount2: null, discount3: null, lineTotal: '30.00', vatRate: '22.00' },
  { lineNo: 1, sku: 'SKU001', quantity: '3', listPrice: '9.9900', unitPrice: '8.5415', discount1: '10', discount2: '5', discount3: null, lineTotal: '25.62', vatRate: '22' },
];

function expectedHeader(inboxId: string, header: OrderHeaderInsert): Record<string, unknown> {
  return {
    ...header,
    inboxId,
    totalNet: dec(header.totalNet),
    createdAt: instant(header.createdAt),
    status: 'NEW',
    erpOrderNumber: null,
    erpMessage: null,
  };
}

function expectedLine(inboxId: string, line: OrderLineInsert): Record<string, unknown> {
  const d = (v: string | null) => (v === null ? null : dec(v));
  return {
    ...line,
    inboxId,
    quantity: dec(line.quantity),
    listPrice: d(line.listPrice),
    unitPrice: dec(line.unitPrice),
    discount1: d(line.discount1),
    discount2: d(line.discount2),
    discount3: d(line.discount3),
    lineTotal: dec(line.lineTotal),
    vatRate: dec(line.vatRate),
  };
}

const orderHeader = (key: string, customerCode: string, extra: Partial<OrderHeaderInsert> = {}): OrderHeaderInsert => ({
  ...ORDER_HEADER,
  idempotencyKey: key,
  customerCode,
  ...extra,
});

// ---------------------------------------------------------------------------
// The contract suite.

export function describeAdapterContract(name: string, setup: ContractSetup, options: { skip?: string } = {}): void {
  describe(`ERP adapter contract: ${name}`, options.skip ? { skip: options.skip } : {}, () => {
    let h: ContractDb;
    let erp: ErpPort;

    before(async () => {
      h = await setup();
      erp = h.erp;
    });
    after(async () => {
      await h?.teardown();
    });

    test('ping answers', async () => {
      await erp.ping();
    });

    test('the write probe succeeds and leaves no row in the staging tables', async () => {
      const before = await h.count('ecom_order_inbox');
      await erp.probeWrite();
      assert.equal(await h.count('ecom_order_inbox'), before);
      assert.equal(await erp.orderByIdempotencyKey(PROBE_ORDER_HEADER.customerCode, PROBE_ORDER_HEADER.idempotencyKey), null);
    });

    test('referenceData: settings (NULL kept), warehouses with webEnabled as booleans, price lists', async () => {
      const ref = await erp.referenceData();
      assert.deepEqual(sortBy(ref.settings, 'key'), [
        { key: 'currency', value: 'EUR' },
        { key: 'default_price_list', value: 'L1' },
        { key: 'empty_setting', value: null },
        { key: 'low_stock_threshold', value: '5' },
        { key: 'time_zone', value: 'Europe/Rome' },
      ]);
      checkRows(h, ref.warehouses, [
        { code: 'MAG1', name: 'Sede', webEnabled: true },
        { code: 'MAG2', name: 'Deposito Nord', webEnabled: true },
        { code: 'MAG3', name: 'Conto visione', webEnabled: false },
      ], 'warehouses');
      checkRows(h, sortBy(ref.priceLists, 'code'), [
        { code: 'L1', description: 'Listino base', currency: 'EUR' },
        { code: 'L2', description: 'Rivenditori', currency: 'EUR' },
        { code: 'L3', description: null, currency: 'CHF' },
      ], 'priceLists');
    });

    test('articlesBySku: full rows (exact decimals, booleans, NULL family); unknown skus are absent; inactive ones are not filtered', async () => {
      const rows = await erp.articlesBySku(['SKU002', 'SKU006', 'NOPE', 'SKU010', 'SKU005']);
      checkRows(h, sortBy(rows, 'sku'), [
        articleRow('SKU002', 'Dado autobloccante M8', 'F1', { vatRate: dec('22'), packQty: dec('100'), minOrderQty: dec('200') }),
        articleRow('SKU005', 'Cavo [rosso] 1,5 mm', 'F3', { restricted: true }),
        articleRow('SKU006', 'Vite disattiva', 'F1', { active: false }),
        articleRow('SKU010', 'Raccordo 1\\2 pollice', null, { vatRate: dec('4.00') }),
      ], 'articlesBySku');
      assert.deepEqual(await erp.articlesBySku([]), []);
      assert.deepEqual(await erp.articlesBySku(['NOPE']), []);
    });

    test('every key-list method takes 2,500 keys as one JSON parameter (no parameter limit)', async () => {
      const many = (real: string[], prefix: string) => [
        ...real,
        ...Array.from({ length: 2500 - real.length }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`),
      ];
      const numericIds = Array.from({ length: 2500 }, (_, i) => String(900_000_000 + i));
      const checks: Array<[string, (adapter: ErpPort) => Promise<unknown>, (result: unknown) => void]> = [
        ['articlesBySku', (e) => e.articlesBySku(many(['SKU001', 'SKU009'], 'NX')), (r) =>
          assert.deepEqual(skusOf(sortBy(r as { sku: string }[], 'sku')), ['SKU001', 'SKU009'])],
        ['customerContexts', (e) => e.customerContexts(many(['C4'], 'NC')), (r) =>
          assert.deepEqual((r as { customer: { code: string } }[]).map((c) => c.customer.code), ['C4'])],
        ['priceListItems', (e) => e.priceListItems(many(['L2'], 'NL'), many(['SKU003'], 'NX')), (r) =>
          assert.deepEqual((r as { sku: string }[]).map((x) => x.sku), ['SKU003'])],
        ['stockFacts', (e) => e.stockFacts(many(['SKU004'], 'NX')), (r) => {
          const facts = r as { stock: { sku: string }[]; incoming: unknown[] };
          assert.deepEqual(facts.stock.map((s) => s.sku), ['SKU004']);
          assert.deepEqual(facts.incoming, []);
        }],
        ['destinations', (e) => e.destinations(many(['C3'], 'NC')), (r) =>
          assert.deepEqual((r as { id: string }[]).map((d) => d.id), ['C3-01'])],
        ['ordersById', (e) => e.ordersById(numericIds), (r) => assert.deepEqual(r, [])],
        ['orderLines', (e) => e.orderLines(numericIds), (r) => assert.deepEqual(r, [])],
        ['documentsById', (e) => e.documentsById(many(['DOC-005'], 'ND')), (r) =>
          assert.deepEqual((r as { id: string }[]).map((d) => d.id), ['DOC-005'])],
        ['agentsByCode', (e) => e.agentsByCode(many(['AG2'], 'NA')), (r) =>
          assert.deepEqual((r as { code: string }[]).map((a) => a.code), ['AG2'])],
        ['documentsByOrderReference', (e) => e.documentsByOrderReference('C1', many(['PO-77'], 'NR')), (r) =>
          assert.deepEqual((r as { id: string }[]).map((d) => d.id), ['DOC-002'])],
        ['documentLines', (e) => e.documentLines(many(['DOC-005'], 'ND')), (r) =>
          assert.deepEqual((r as { documentId: string }[]).map((d) => d.documentId), ['DOC-005'])],
        ['documentFiles', (e) => e.documentFiles(many(['DOC-005'], 'ND')), (r) =>
          assert.deepEqual((r as { id: string }[]).map((d) => d.id), ['F-004'])],
      ];
      for (const [method, call, verify] of checks) {
        const observed = await h.observeStatements(call);
        verify(observed.result);
        assert.ok(observed.statements > 0, `${method}: no statement observed`);
        // SQL Server refuses more than 2,100; one JSON parameter per key list (and one more for a second list) stays far below.
        assert.ok(observed.maxBoundParameters <= 2, `${method}: ${observed.maxBoundParameters} parameters bound to one statement`);
      }
    });

    test('catalogPage: active, web-enabled articles by sku (restricted ones stay: visibility is the caller\'s)', async () => {
      const rows = await erp.catalogPage(ALL_PAGE);
      assert.deepEqual(skusOf(rows), ['SKU001', 'SKU002', 'SKU003', 'SKU004', 'SKU005', 'SKU008', 'SKU009', 'SKU010']);
      checkRow(h, rows.find((r) => r.sku === 'SKU005'), articleRow('SKU005', 'Cavo [rosso] 1,5 mm', 'F3', { restricted: true }), 'SKU005');
      checkRow(h, rows.find((r) => r.sku === 'SKU003'), articleRow('SKU003', 'Kit sconto 50% idraulica', 'F2', { vatRate: dec('10.00'), packQty: dec('0.500') }), 'SKU003');
    });

    test('catalogPage: after and limit page by keyset', async () => {
      const page = (after: string | null, limit: number) => erp.catalogPage({ ...ALL_PAGE, after, limit }).then(skusOf);
      assert.deepEqual(await page(null, 3), ['SKU001', 'SKU002', 'SKU003']);
      assert.deepEqual(await page('SKU003', 3), ['SKU004', 'SKU005', 'SKU008']);
      assert.deepEqual(await page('SKU008', 3), ['SKU009', 'SKU010']);
      assert.deepEqual(await page('SKU010', 3), []);
      // A cursor need not be an existing sku, nor a visible one.
      assert.deepEqual(await page('SKU0055', 2), ['SKU008', 'SKU009']);
      assert.deepEqual(await page('SKU006', 1), ['SKU008']);
    });

    test('catalogPage: unrestrictedOnly leaves restricted articles out', async () => {
      const rows = await erp.catalogPage({ ...ALL_PAGE, unrestrictedOnly: true });
      assert.ok(rows.length > 0);
      assert.ok(rows.every((r) => !r.restricted));
      assert.ok(!skusOf(rows).includes('SKU005'));
    });

    test('catalogPage: family filter, alone and with after', async () => {
      assert.deepEqual(skusOf(await erp.catalogPage({ ...ALL_PAGE, family: 'F1' })), ['SKU001', 'SKU002']);
      assert.deepEqual(skusOf(await erp.catalogPage({ ...ALL_PAGE, family: 'F2', after: 'SKU003' })), ['SKU004', 'SKU008']);
      assert.deepEqual(skusOf(await erp.catalogPage({ ...ALL_PAGE, family: 'NOPE' })), []);
    });

    test('catalogPage: search is a case-insensitive substring of sku or description', async () => {
      const search = async (text: string) => skusOf(await erp.catalogPage({ ...ALL_PAGE, terms: searchTerms(text) }));
      assert.deepEqual(await search('sku00'), ['SKU001', 'SKU002', 'SKU003', 'SKU004', 'SKU005', 'SKU008', 'SKU009']);
      assert.deepEqual(await search('sku010'), ['SKU010']);
      assert.deepEqual(await search('VITE'), ['SKU001']); // SKU006 inactive, SKU007 not web-enabled
      assert.deepEqual(await search('tubo'), ['SKU004', 'SKU008']);
      assert.deepEqual(await search('esagonale m8'), ['SKU001']);
      assert.deepEqual(await search('nothing like it'), []);
    });

    test('catalogPage: LIKE wildcards and escapes in the search text match literally', async () => {
      const search = async (text: string) => skusOf(await erp.catalogPage({ ...ALL_PAGE, terms: searchTerms(text) }));
      assert.deepEqual(await search('50%'), ['SKU003'], "'%' is not a wildcard (SKU009 'Guarnizione 50 mm già SAGOMATA')");
      assert.deepEqual(await search('%'), ['SKU003']);
      assert.deepEqual(await search('tubo_'), ['SKU004'], "'_' is not a wildcard (SKU008 'TUBO rame')");
      assert.deepEqual(await search('_'), ['SKU004']);
      assert.deepEqual(await search('[rosso]'), ['SKU005'], "'[...]' is not a character class (SQL Server)");
      assert.deepEqual(await search('['), ['SKU005']);
      assert.deepEqual(await search('1\\2'), ['SKU010'], 'a backslash is a plain character');
      assert.deepEqual(await search('\\'), ['SKU010']);
    });

    test('catalogPage: every search word must occur, in any order, in the sku or the description', async () => {
      const search = async (text: string) => skusOf(await erp.catalogPage({ ...ALL_PAGE, terms: searchTerms(text) }));
      assert.deepEqual(await search('m8 vite'), ['SKU001']);
      assert.deepEqual(await search('M8'), ['SKU001', 'SKU002']);
      assert.deepEqual(await search('sku002 dado'), ['SKU002'], 'one word in the sku, one in the description');
      assert.deepEqual(await search('vite dado'), []);
    });

    test('catalogPage: search ignores accents and case on both sides', async () => {
      const search = async (text: string) => skusOf(await erp.catalogPage({ ...ALL_PAGE, terms: searchTerms(text) }));
      assert.deepEqual(await search('gia sagomata'), ['SKU009']);
      assert.deepEqual(await search('GIÀ'), ['SKU009']);
      assert.deepEqual(await search('sagomàta'), ['SKU009']);
    });

    test('catalogCounts: active, web-enabled articles matching the words, per family and restricted flag', async () => {
      const counts = async (text: string) =>
        (await erp.catalogCounts(searchTerms(text)))
          .map((r) => `${r.familyCode ?? '-'}/${r.restricted ? 'R' : 'U'}=${r.count}`)
          .sort();
      assert.deepEqual(await counts(''), ['-/U=1', 'F1/U=2', 'F2/U=3', 'F3/R=1', 'F3/U=1']);
      assert.deepEqual(await counts('mm'), ['F2/U=2', 'F3/R=1', 'F3/U=1']);
      assert.deepEqual(await counts('vite'), ['F1/U=1'], 'SKU006 inactive, SKU007 not web-enabled');
      assert.deepEqual(await counts('nothing like it'), []);
    });

    test('familyNames: the rows of ecom_families', async () => {
      const names = sortBy(await erp.familyNames(), 'code');
      assert.deepEqual(names, [
        { code: 'F1', name: 'Viteria' },
        { code: 'F2', name: 'Idraulica' },
      ]);
    });

    test('catalogPage: search, family, after and limit combine', async () => {
      const q = { ...ALL_PAGE, family: 'F2', terms: searchTerms('MM') };
      assert.deepEqual(skusOf(await erp.catalogPage(q)), ['SKU004', 'SKU008']);
      assert.deepEqual(skusOf(await erp.catalogPage({ ...q, limit: 1 })), ['SKU004']);
      assert.deepEqual(skusOf(await erp.catalogPage({ ...q, after: 'SKU004', limit: 1 })), ['SKU008']);
    });

    test('customerContexts: the customer row with every column, NULLs and bits', async () => {
      const contexts = await erp.customerContexts(['C1']);
      assert.equal(contexts.length, 1);
      checkRow(h, contexts[0].customer, EXPECTED_C1, 'C1');
      const [c2] = await erp.customerContexts(['C2']);
      checkRow(h, c2.customer, EXPECTED_C2, 'C2');
    });

    test("customerContexts: rules and conditions addressed to the customer or its group; not another's, not global", async () => {
      const [c1] = await erp.customerContexts(['C1']);
      checkRows(h, sortBy(c1.visibilityRules, 'ruleId'), [
        ruleRow('1', 'ALLOW', { sku: 'SKU005', customerCode: 'C1' }),
        ruleRow('2', 'DENY', { familyCode: 'F2', customerGroup: 'G1' }),
      ], 'C1 rules');
      const conditions = [...c1.conditions].sort((a, b) => byBigId(a.conditionId, b.conditionId));
      checkRows(h, conditions, [
        conditionRow('1', { customerCode: 'C1', sku: 'SKU001', kind: 'PRICE', price: dec('8.0000'), validFrom: '2024-01-01' }),
        conditionRow(BIG_CONDITION_ID.toString(), {
          customerGroup: 'G1', familyCode: 'F1', minQty: dec('10'), priority: 1, discount1: dec('10.00'), discount2: dec('5.00'),
        }),
      ], 'C1 conditions');
    });

    test('customerContexts: several customers in one call, each with only its own; unknown codes get no context', async () => {
      const contexts = await erp.customerContexts(['C2', 'C3', 'C4', 'C9', 'C1']);
      const byCode = new Map(contexts.map((c) => [c.customer.code, c]));
      assert.deepEqual([...byCode.keys()].sort(), ['C1', 'C2', 'C3', 'C4']);
      assert.equal(contexts.length, 4);
      const expected: Record<string, { rules: string[]; conditions: string[] }> = {
        C1: { rules: ['1', '2'], conditions: ['1', BIG_CONDITION_ID.toString()] },
        C2: { rules: ['2', '5'], conditions: ['3', BIG_CONDITION_ID.toString()] },
        C3: { rules: ['3', '4'], conditions: ['4'] },
        C4: { rules: [], conditions: ['7'] },
      };
      for (const [code, e] of Object.entries(expected)) {
        const ctx = byCode.get(code)!;
        assert.deepEqual(ids(ctx.visibilityRules), e.rules, `${code} rules`);
        assert.deepEqual(ids(ctx.conditions), e.conditions, `${code} conditions`);
      }
      assert.deepEqual(await erp.customerContexts(['C9']), []);
      assert.deepEqual(await erp.customerContexts([]), []);
    });

    test('globalConditions: only conditions with neither customer nor group', async () => {
      const rows = [...(await erp.globalConditions())].sort((a, b) => byBigId(a.conditionId, b.conditionId));
      checkRows(h, rows, [
        conditionRow('5', { sku: 'SKU001', kind: 'NET_PRICE', price: dec('7.5000'), priority: 5 }),
        conditionRow('6', { familyCode: 'F2', discount1: dec('3.5'), validFrom: '2024-06-01', validTo: '2024-06-30' }),
      ], 'globalConditions');
    });

    test('priceListItems: only the asked lists and skus', async () => {
      const rows = await erp.priceListItems(['L1', 'L2'], ['SKU001']);
      const sorted = [...rows].sort((a, b) => a.priceListCode.localeCompare(b.priceListCode) || new Decimal(a.minQty).cmp(b.minQty));
      checkRows(h, sorted, [
        { priceListCode: 'L1', sku: 'SKU001', minQty: dec('0'), price: dec('9.9900'), validFrom: null, validTo: null },
        { priceListCode: 'L1', sku: 'SKU001', minQty: dec('10'), price: dec('9.0000'), validFrom: '2024-01-01', validTo: '2024-12-31' },
        { priceListCode: 'L2', sku: 'SKU001', minQty: dec('0'), price: dec('8.5000'), validFrom: null, validTo: null },
      ], 'priceListItems');
      const other = await erp.priceListItems(['L1'], ['SKU002', 'SKU003']);
      assert.deepEqual(other.map((r) => `${r.priceListCode}/${r.sku}`), ['L1/SKU002']);
      assert.deepEqual(await erp.priceListItems(['L3'], ['SKU002']), []);
      assert.deepEqual(await erp.priceListItems([], ['SKU001']), []);
      assert.deepEqual(await erp.priceListItems(['L1'], []), []);
    });

    test('stockFacts: stock and incoming of web-enabled warehouses only', async () => {
      const facts = await erp.stockFacts(['SKU001', 'SKU002', 'SKU003', 'NOPE']);
      checkRows(h, sortBy(facts.stock, 'sku', 'warehouseCode'), [
        { sku: 'SKU001', warehouseCode: 'MAG1', onHand: dec('120.500'), committed: dec('20') },
        { sku: 'SKU001', warehouseCode: 'MAG2', onHand: dec('10'), committed: dec('0') },
        { sku: 'SKU002', warehouseCode: 'MAG1', onHand: dec('0'), committed: dec('5.250') },
      ], 'stock');
      checkRows(h, sortBy(facts.incoming, 'sku', 'warehouseCode'), [
        { sku: 'SKU001', warehouseCode: 'MAG1', expectedDate: '2024-07-01', quantity: dec('50') },
        { sku: 'SKU002', warehouseCode: 'MAG2', expectedDate: '2024-08-15', quantity: dec('12.500') },
      ], 'incoming');
      assert.deepEqual(await erp.stockFacts(['SKU003']), { stock: [], incoming: [] });
    });

    test('customersPage: every customer by code, full rows', async () => {
      const rows = await erp.customersPage({ agentCode: null, after: null, search: null, limit: 10 });
      assert.deepEqual(rows.map((r) => r.code), ['C1', 'C2', 'C3', 'C4', 'C5']);
      checkRow(h, rows[0], EXPECTED_C1, 'C1');
      checkRow(h, rows[1], EXPECTED_C2, 'C2');
    });

    test('customersPage: agent filter, after and limit', async () => {
      const page = (agentCode: string | null, after: string | null, limit: number) =>
        erp.customersPage({ agentCode, after, search: null, limit }).then((r) => r.map((c) => c.code));
      assert.deepEqual(await page('AG1', null, 10), ['C1', 'C2']);
      assert.deepEqual(await page('AG2', null, 10), ['C3', 'C5']);
      assert.deepEqual(await page('AG2', 'C3', 10), ['C5']);
      assert.deepEqual(await page('AG9', null, 10), []);
      assert.deepEqual(await page(null, null, 2), ['C1', 'C2']);
      assert.deepEqual(await page(null, 'C2', 2), ['C3', 'C4']);
      assert.deepEqual(await page(null, 'C5', 2), []);
    });

    test('customersPage: search on code, company name and VAT number, case-insensitive, wildcards literal', async () => {
      const search = (text: string, agentCode: string | null = null) =>
        erp.customersPage({ agentCode, after: null, search: text, limit: 10 }).then((r) => r.map((c) => c.code));
      assert.deepEqual(await search('alfa'), ['C1']);
      assert.deepEqual(await search('BETA EDIL'), ['C2']);
      assert.deepEqual(await search('0987654'), ['C3']);
      assert.deepEqual(await search('c4'), ['C4']);
      assert.deepEqual(await search('100%'), ['C5']);
      assert.deepEqual(await search('%'), ['C5']);
      assert.deepEqual(await search('_'), []);
      assert.deepEqual(await search('gamma', 'AG1'), []);
      assert.deepEqual(await search('s.', 'AG1'), ['C1', 'C2']);
    });

    test('destinations: the asked customers only, by customer and id, isDefault as boolean', async () => {
      const rows = await erp.destinations(['C1', 'C3', 'C9']);
      checkRows(h, rows, [
        { id: 'C1-01', customerCode: 'C1', name: 'Magazzino Alfa', street: 'Via Po 5', postcode: '20100', city: 'Milano', province: 'MI', country: 'IT', isDefault: true },
        { id: 'C1-02', customerCode: 'C1', name: 'Cantiere', street: null, postcode: null, city: 'Monza', province: 'MB', country: 'IT', isDefault: false },
        { id: 'C3-01', customerCode: 'C3', name: 'Gamma', street: 'Via Tevere 9', postcode: '00100', city: 'Roma', province: 'RM', country: 'IT', isDefault: true },
      ], 'destinations');
      assert.deepEqual(await erp.destinations(['C4']), []);
    });

    test('latestChangeId and changesSince: increasing ids, in order, with limit', async () => {
      const all = await erp.changesSince(0, 100);
      assert.deepEqual(all.map((c) => [c.entity, c.entityKey]), [
        ['ARTICLE', 'SKU001'],
        ['PRICE_LIST', 'L1'],
        ['CUSTOMER', null],
        ['STOCK', 'SKU002'],
        ['DOCUMENT', 'DOC-001'],
      ]);
      for (const c of all) assert.equal(typeof c.changeId, 'number');
      for (let i = 1; i < all.length; i++) assert.ok(all[i].changeId > all[i - 1].changeId, 'ids increase');
      const latest = await erp.latestChangeId();
      assert.equal(latest, all[all.length - 1].changeId);

      const page = await erp.changesSince(all[1].changeId, 2);
      assert.deepEqual(page, [all[2], all[3]]);
      assert.deepEqual(await erp.changesSince(all[3].changeId, 10), [all[4]]);
      assert.deepEqual(await erp.changesSince(latest, 10), []);
    });

    test('documentsPage: newest first (date, then id), the customer\'s only, full rows', async () => {
      const rows = await erp.documentsPage({ customerCode: 'C1', type: null, from: null, to: null, before: null, limit: 10 });
      assert.deepEqual(rows.map((d) => d.id), ['DOC-004', 'DOC-003', 'DOC-002', 'DOC-001']);
      for (const row of rows) checkRow(h, row, EXPECTED_DOCS[row.id], row.id);
      const c3 = await erp.documentsPage({ customerCode: 'C3', type: null, from: null, to: null, before: null, limit: 10 });
      assert.deepEqual(c3.map((d) => d.id), ['DOC-005']);
      assert.deepEqual(await erp.documentsPage({ customerCode: 'C9', type: null, from: null, to: null, before: null, limit: 10 }), []);
    });

    test('documentsPage: type, from and to filters (inclusive)', async () => {
      const base: DocumentPageQuery = { customerCode: 'C1', type: null, from: null, to: null, before: null, limit: 10 };
      const page = (q: Partial<DocumentPageQuery>) => erp.documentsPage({ ...base, ...q }).then((r) => r.map((d) => d.id));
      assert.deepEqual(await page({ type: 'INVOICE' }), ['DOC-003', 'DOC-001']);
      assert.deepEqual(await page({ type: 'DELIVERY_NOTE' }), ['DOC-002']);
      assert.deepEqual(await page({ type: 'QUOTE' }), []);
      assert.deepEqual(await page({ from: '2024-02-01' }), ['DOC-004', 'DOC-003', 'DOC-002']);
      assert.deepEqual(await page({ to: '2024-02-01' }), ['DOC-003', 'DOC-002', 'DOC-001']);
      assert.deepEqual(await page({ from: '2024-02-01', to: '2024-02-01' }), ['DOC-003', 'DOC-002']);
      assert.deepEqual(await page({ from: '2024-01-16', to: '2024-03-09', type: 'INVOICE' }), ['DOC-003']);
      assert.deepEqual(await page({ from: '2024-03-11' }), []);
      assert.deepEqual(await page({ limit: 2 }), ['DOC-004', 'DOC-003']);
    });

    test('documentsPage: keyset before (date, id), strictly older, ties on date broken by id', async () => {
      const base: DocumentPageQuery = { customerCode: 'C1', type: null, from: null, to: null, before: null, limit: 10 };
      const page = (q: Partial<DocumentPageQuery>) => erp.documentsPage({ ...base, ...q }).then((r) => r.map((d) => d.id));
      assert.deepEqual(await page({ before: { date: '2024-02-01', id: 'DOC-003' } }), ['DOC-002', 'DOC-001']);
      assert.deepEqual(await page({ before: { date: '2024-02-01', id: 'DOC-002' } }), ['DOC-001']);
      assert.deepEqual(await page({ before: { date: '2024-03-10', id: 'DOC-004' }, limit: 2 }), ['DOC-003', 'DOC-002']);
      assert.deepEqual(await page({ before: { date: '2024-03-10', id: 'DOC-004' }, type: 'INVOICE' }), ['DOC-003', 'DOC-001']);
      assert.deepEqual(await page({ before: { date: '2024-01-15', id: 'DOC-001' } }), []);
      // Walking with limit 1 visits every document once, newest first.
      const seen: string[] = [];
      let before: DocumentPageQuery['before'] = null;
      for (let i = 0; i < 10; i++) {
        const [row] = await erp.documentsPage({ ...base, before, limit: 1 });
        if (!row) break;
        seen.push(row.id);
        before = { date: row.date, id: row.id };
      }
      assert.deepEqual(seen, ['DOC-004', 'DOC-003', 'DOC-002', 'DOC-001']);
    });

    test('documentsById: the asked documents, whoever owns them; unknown ids absent', async () => {
      const rows = sortBy(await erp.documentsById(['DOC-002', 'DOC-005', 'NOPE']), 'id');
      checkRows(h, rows, [EXPECTED_DOCS['DOC-002'], EXPECTED_DOCS['DOC-005']], 'documentsById');
      assert.deepEqual(await erp.documentsById([]), []);
    });

    test('documentsByOrderReference: the customer\'s documents with one of the references, oldest first; other customers\' never', async () => {
      const rows = await erp.documentsByOrderReference('C1', ['PO-77', 'PO-1', 'NOPE']);
      checkRows(h, rows, [EXPECTED_DOCS['DOC-001'], EXPECTED_DOCS['DOC-002']], 'documentsByOrderReference');
      assert.deepEqual(await erp.documentsByOrderReference('C3', ['PO-77', 'PO-1']), []);
      assert.deepEqual(await erp.documentsByOrderReference('C1', []), []);
    });

    test('agentsByCode: the asked agents with name and email (NULL kept); unknown codes absent', async () => {
      const rows = sortBy(await erp.agentsByCode(['AG2', 'AG1', 'NOPE']), 'code');
      checkRows(h, rows, [
        { code: 'AG1', name: 'Mario Rossi', email: 'mario.rossi@example.com' },
        { code: 'AG2', name: 'Lucia Bianchi', email: null },
      ], 'agentsByCode');
      assert.deepEqual(await erp.agentsByCode([]), []);
    });

    test('documentLines: by document and line number, NULLs kept, decimals exact', async () => {
      const rows = await erp.documentLines(['DOC-003', 'DOC-001', 'NOPE']);
      checkRows(h, rows, [
        {
          documentId: 'DOC-001', lineNo: 1, sku: 'SKU001', description: 'Vite a testa esagonale M8', quantity: dec('10.000'), unit: 'PZ',
          unitPrice: dec('9.9900'), discount1: dec('10.00'), discount2: null, discount3: null, lineTotal: dec('89.91'), vatRate: dec('22.00'),
        },
        {
          documentId: 'DOC-001', lineNo: 2, sku: null, description: 'Spese di trasporto', quantity: null, unit: null,
          unitPrice: null, discount1: null, discount2: null, discount3: null, lineTotal: dec('10.09'), vatRate: dec('22'),
        },
        {
          documentId: 'DOC-003', lineNo: 1, sku: 'SKU002', description: 'Dado autobloccante M8', quantity: dec('200'), unit: 'PZ',
          unitPrice: dec('0.2500'), discount1: null, discount2: null, discount3: null, lineTotal: dec('50.00'), vatRate: dec('22.00'),
        },
      ], 'documentLines');
    });

    test('documentFiles: metadata only, size = byte length of the content', async () => {
      const rows = await erp.documentFiles(['DOC-001', 'DOC-002']);
      assert.notEqual(XML_CONTENT.length, XML_CONTENT.toString('utf8').length, 'the XML fixture has multi-byte characters');
      checkRows(h, rows, [
        { id: 'F-001', documentId: 'DOC-001', kind: 'PDF', fileName: 'fattura-2024-001.pdf', contentType: 'application/pdf', size: PDF_CONTENT.length },
        { id: 'F-002', documentId: 'DOC-001', kind: 'FATTURAPA_XML', fileName: 'IT01234567890_001.xml', contentType: 'application/xml', size: XML_CONTENT.length },
        { id: 'F-003', documentId: 'DOC-002', kind: 'OTHER', fileName: 'vuoto.bin', contentType: 'application/octet-stream', size: 0 },
      ], 'documentFiles');
      assert.deepEqual(await erp.documentFiles(['DOC-003']), []);
    });

    describe('orders (the staging tables)', () => {
      let firstId = '';

      test('insertOrder writes the header and its lines, and returns the new inbox id', async () => {
        const headersBefore = await h.count('ecom_order_inbox');
        const linesBefore = await h.count('ecom_order_inbox_lines');
        const result = await erp.insertOrder(ORDER_HEADER, ORDER_LINES);
        assert.equal(result.inserted, true);
        assert.ok(result.inserted);
        assert.match(result.inboxId, /^\d+$/);
        firstId = result.inboxId;
        assert.equal(await h.count('ecom_order_inbox'), headersBefore + 1);
        assert.equal(await h.count('ecom_order_inbox_lines'), linesBefore + ORDER_LINES.length);
      });

      test('orderByIdempotencyKey and ordersById read the header back exactly', async () => {
        assert.ok(firstId, 'needs the first order');
        const expected = expectedHeader(firstId, ORDER_HEADER);
        checkRow(h, (await erp.orderByIdempotencyKey(ORDER_HEADER.customerCode, ORDER_HEADER.idempotencyKey)) ?? undefined, expected, 'byKey');
        const byId = await erp.ordersById([firstId, '999999999']);
        assert.equal(byId.length, 1);
        checkRow(h, byId[0], expected, 'byId');
      });

      test('orderLines: by order and line number, decimals exact, NULLs kept', async () => {
        assert.ok(firstId, 'needs the first order');
        const lines = await erp.orderLines([firstId, '999999999']);
        checkRows(h, lines, sortBy(ORDER_LINES, 'lineNo').map((l) => expectedLine(firstId, l)), 'orderLines');
      });

      test('a second insert with the same idempotency key returns the existing header and writes no lines', async () => {
        assert.ok(firstId, 'needs the first order');
        const headersBefore = await h.count('ecom_order_inbox');
        const linesBefore = await h.count('ecom_order_inbox_lines');
        const retry = await erp.insertOrder(
          { ...ORDER_HEADER, requestHash: 'b'.repeat(64), totalNet: '1.00', notes: 'another payload' },
          [{ ...ORDER_LINES[1], lineNo: 1 }, { ...ORDER_LINES[1], lineNo: 2 }, { ...ORDER_LINES[1], lineNo: 3 }],
        );
        assert.equal(retry.inserted, false);
        assert.ok(!retry.inserted);
        checkRow(h, retry.existing, expectedHeader(firstId, ORDER_HEADER), 'existing');
        assert.equal(await h.count('ecom_order_inbox'), headersBefore);
        assert.equal(await h.count('ecom_order_inbox_lines'), linesBefore);
        assert.equal((await erp.orderLines([firstId])).length, ORDER_LINES.length);
      });

      test("the same idempotency key from another customer is that customer's own order", async () => {
        assert.ok(firstId, 'needs the first order');
        const header = orderHeader(ORDER_HEADER.idempotencyKey, 'C1');
        assert.notEqual(header.customerCode, ORDER_HEADER.customerCode);
        const theirs = await erp.insertOrder(header, ORDER_LINES.slice(0, 1));
        assert.equal(theirs.inserted, true);
        assert.ok(theirs.inserted);
        assert.notEqual(theirs.inboxId, firstId);
        assert.equal((await erp.orderByIdempotencyKey('C1', ORDER_HEADER.idempotencyKey))?.inboxId, theirs.inboxId);
        assert.equal((await erp.orderByIdempotencyKey(ORDER_HEADER.customerCode, ORDER_HEADER.idempotencyKey))?.inboxId, firstId);
        assert.equal(await erp.orderByIdempotencyKey('C9', ORDER_HEADER.idempotencyKey), null);
      });

      test('a failure between header and lines leaves neither header nor lines, and the key stays free', async () => {
        const headersBefore = await h.count('ecom_order_inbox');
        const linesBefore = await h.count('ecom_order_inbox_lines');
        const faulty = await h.openAdapter({
          beforeOrderLines: () => {
            throw new Error('injected failure between header and lines');
          },
        });
        const header = orderHeader('contract-order-fail', 'C4');
        await assert.rejects(faulty.insertOrder(header, ORDER_LINES), /injected failure/);
        assert.equal(await h.count('ecom_order_inbox'), headersBefore);
        assert.equal(await h.count('ecom_order_inbox_lines'), linesBefore);
        assert.equal(await erp.orderByIdempotencyKey('C4', 'contract-order-fail'), null);

        const retried = await erp.insertOrder(header, ORDER_LINES);
        assert.equal(retried.inserted, true);
        assert.ok(retried.inserted);
        assert.equal((await erp.orderLines([retried.inboxId])).length, ORDER_LINES.length);
      });

      test("ordersPage: the customer's orders newest first, before and limit", async () => {
        assert.ok(firstId, 'needs the first order');
        const second = await erp.insertOrder(orderHeader('contract-order-2', 'C3'), ORDER_LINES.slice(0, 1));
        const other = await erp.insertOrder(orderHeader('contract-order-other', 'C1'), ORDER_LINES.slice(0, 1));
        const third = await erp.insertOrder(orderHeader('contract-order-3', 'C3', { totalNet: '0.10' }), ORDER_LINES.slice(0, 1));
        assert.ok(second.inserted && other.inserted && third.inserted);
        const [id2, id3] = [second.inboxId, third.inboxId];
        assert.ok(BigInt(firstId) < BigInt(id2) && BigInt(id2) < BigInt(id3), 'inbox ids increase');

        const page = (before: string | null, limit: number) =>
          erp.ordersPage({ customerCode: 'C3', before, limit }).then((r) => r.map((o) => o.inboxId));
        assert.deepEqual(await page(null, 10), [id3, id2, firstId]);
        assert.deepEqual(await page(null, 2), [id3, id2]);
        assert.deepEqual(await page(id3, 10), [id2, firstId]);
        assert.deepEqual(await page(id2, 1), [firstId]);
        assert.deepEqual(await page(firstId, 10), []);
        const newest = (await erp.ordersPage({ customerCode: 'C3', before: null, limit: 1 }))[0];
        checkRow(h, newest, expectedHeader(id3, orderHeader('contract-order-3', 'C3', { totalNet: '0.10' })), 'newest');
        assert.deepEqual((await erp.ordersPage({ customerCode: 'C9', before: null, limit: 10 })), []);
      });

      test('unknown keys and ids find nothing', async () => {
        assert.equal(await erp.orderByIdempotencyKey('C3', 'no-such-key'), null);
        assert.deepEqual(await erp.ordersById(['999999999']), []);
        assert.deepEqual(await erp.ordersById([]), []);
        assert.deepEqual(await erp.orderLines(['999999999']), []);
      });
    });
  });
}

describeAdapterContract('sqlite', sqliteContractSetup);
describeAdapterContract('sqlite in worker threads', sqliteWorkerContractSetup);

const mssqlUrl = process.env.ERP_MSSQL_URL;
describeAdapterContract(
  'mssql',
  mssqlUrl ? mssqlContractSetup(mssqlUrl) : async () => assert.fail('unreachable: skipped without ERP_MSSQL_URL'),
  mssqlUrl ? {} : { skip: 'ERP_MSSQL_URL not set' },
);
