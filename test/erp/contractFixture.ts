/**
 * The fixed ERP fixture of the adapter contract suite (adapterContract.test.ts)
 * and the two ways of loading it: better-sqlite3 on ':memory:' with
 * schema/erp/sqlite.sql, and mssql on a scratch SQL Server database with
 * schema/erp/mssql.sql.
 *
 * The fixture is written once, as plain table rows in the contract's column
 * names (built with test/helpers/erpRows.ts, shared with the hand-made
 * SQLite ERPs of test/helpers/fixtureErp.ts), and inserted with plain parameterised INSERT statements, so both
 * dialects hold the same facts:
 *  - decimals are strings in plain notation ("9.9900"); SQLite stores the text
 *    as is, SQL Server receives a typed decimal(p,s) input;
 *  - dates are "YYYY-MM-DD" strings (SQL Server: typed date input);
 *  - datetimes are ISO 8601 UTC strings (SQL Server: typed datetime2 input);
 *  - bits are booleans (SQLite: 0/1);
 *  - bigint ids are JS bigints, so 2^53 + 1 survives the trip.
 * The SQL Server input types are read from schema/erp/mssql.sql itself, so
 * the fixture cannot drift from the DDL unnoticed.
 */
import Database from 'better-sqlite3';
import sql from 'mssql';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/projectRoot';
import { MssqlErp, mssqlConfigFromUrl, type MssqlErpOptions } from '../../src/erp/mssql';
import type { ErpPort } from '../../src/erp/port';
import { SqliteErp, type SqliteErpOptions } from '../../src/erp/sqlite';
import { openSqliteWorkerErp } from '../../src/erp/sqliteWorkerErp';
import { article, condition, customer, document, insertStatement, sqliteRow, visibilityRule, type Row, type Value } from '../helpers/erpRows';

// ---------------------------------------------------------------------------
// Values and rows.

export type { Row, Value } from '../helpers/erpRows';

export interface FixtureTable {
  table: string;
  rows: Row[];
}

/** A 2^53 + 1 condition id: a JavaScript number cannot hold it. */
export const BIG_CONDITION_ID = 9007199254740993n;

/** 1,234 bytes of PDF-ish binary content. */
export const PDF_CONTENT = Buffer.from(Array.from({ length: 1234 }, (_, i) => (i * 7 + 3) % 256));
/** UTF-8 text whose byte length (not its character length) is the file size. */
export const XML_CONTENT = Buffer.from('<?xml version="1.0"?><p>Perché costa 9,99 €?</p>', 'utf8');

/** Every row of the fixture, table by table, in insertion order. */
export const FIXTURE: readonly FixtureTable[] = [
  {
    table: 'ecom_settings',
    rows: [
      { setting_key: 'default_price_list', setting_value: 'L1' },
      { setting_key: 'currency', setting_value: 'EUR' },
      { setting_key: 'time_zone', setting_value: 'Europe/Rome' },
      { setting_key: 'low_stock_threshold', setting_value: '5' },
      { setting_key: 'empty_setting', setting_value: null },
    ],
  },
  {
    table: 'ecom_agents',
    rows: [
      { agent_code: 'AG1', name: 'Mario Rossi', email: 'mario.rossi@example.com' },
      { agent_code: 'AG2', name: 'Lucia Bianchi', email: null },
    ],
  },
  {
    table: 'ecom_warehouses',
    rows: [
      { warehouse_code: 'MAG1', name: 'Sede', web_enabled: true },
      { warehouse_code: 'MAG2', name: 'Deposito Nord', web_enabled: true },
      { warehouse_code: 'MAG3', name: 'Conto visione', web_enabled: false },
    ],
  },
  {
    table: 'ecom_price_lists',
    rows: [
      { price_list_code: 'L1', description: 'Listino base', currency: 'EUR' },
      { price_list_code: 'L2', description: 'Rivenditori', currency: 'EUR' },
      { price_list_code: 'L3', description: null, currency: 'CHF' },
    ],
  },
  {
    table: 'ecom_customers',
    rows: [
      customer('C1', {
        company_name: 'Alfa Ferramenta S.r.l.',
        vat_number: '01234567890',
        tax_code: '01234567890',
        sdi_code: 'ABC1234',
        pec: 'alfa@pec.example.com',
        email: 'ordini@alfa.example.com',
        phone: '+39 02 1234567',
        street: 'Via Roma 1',
        postcode: '20100',
        city: 'Milano',
        province: 'MI',
        country: 'IT',
        price_list_code: 'L2',
        customer_group: 'G1',
        agent_code: 'AG1',
        payment_terms: 'RB 60 gg FM',
      }),
      customer('C2', { company_name: 'Beta Edilizia S.p.A.', customer_group: 'G1', agent_code: 'AG1', blocked: true }),
      customer('C3', { company_name: 'Gamma Impianti', customer_group: 'G2', agent_code: 'AG2', vat_number: '09876543210' }),
      customer('C4', { company_name: 'Delta Idraulica' }),
      customer('C5', { company_name: 'Epsilon 100% Sconti', agent_code: 'AG2' }),
    ],
  },
  {
    table: 'ecom_destinations',
    rows: [
      { destination_id: 'C1-01', customer_code: 'C1', name: 'Magazzino Alfa', street: 'Via Po 5', postcode: '20100', city: 'Milano', province: 'MI', country: 'IT', is_default: true },
      { destination_id: 'C1-02', customer_code: 'C1', name: 'Cantiere', street: null, postcode: null, city: 'Monza', province: 'MB', country: 'IT', is_default: false },
      { destination_id: 'C3-01', customer_code: 'C3', name: 'Gamma', street: 'Via Tevere 9', postcode: '00100', city: 'Roma', province: 'RM', country: 'IT', is_default: true },
    ],
  },
  {
    table: 'ecom_families',
    // F3 has no row: its name is its code.
    rows: [
      { family_code: 'F1', description: 'Viteria' },
      { family_code: 'F2', description: 'Idraulica' },
    ],
  },
  {
    table: 'ecom_articles',
    // Skus share one shape so their order is the same under any collation.
    rows: [
      article('SKU001', { description: 'Vite a testa esagonale M8', family_code: 'F1' }),
      article('SKU002', { description: 'Dado autobloccante M8', family_code: 'F1', vat_rate: '22', pack_qty: '100', min_order_qty: '200' }),
      article('SKU003', { description: 'Kit sconto 50% idraulica', family_code: 'F2', vat_rate: '10.00', pack_qty: '0.500' }),
      article('SKU004', { description: 'Tubo_rame 12 mm', family_code: 'F2', unit: 'MT' }),
      article('SKU005', { description: 'Cavo [rosso] 1,5 mm', family_code: 'F3', restricted: true }),
      article('SKU006', { description: 'Vite disattiva', family_code: 'F1', active: false }),
      article('SKU007', { description: 'Vite non in vendita online', family_code: 'F1', web_enabled: false }),
      article('SKU008', { description: 'TUBO rame 15 mm', family_code: 'F2', unit: 'MT' }),
      article('SKU009', { description: 'Guarnizione 50 mm già SAGOMATA', family_code: 'F3' }),
      article('SKU010', { description: 'Raccordo 1\\2 pollice', family_code: null, vat_rate: '4.00' }),
    ],
  },
  {
    table: 'ecom_price_list_items',
    rows: [
      { price_list_code: 'L1', sku: 'SKU001', min_qty: '0', price: '9.9900', valid_from: null, valid_to: null },
      { price_list_code: 'L1', sku: 'SKU001', min_qty: '10', price: '9.0000', valid_from: '2024-01-01', valid_to: '2024-12-31' },
      { price_list_code: 'L1', sku: 'SKU002', min_qty: '0', price: '0.1500', valid_from: null, valid_to: null },
      { price_list_code: 'L2', sku: 'SKU001', min_qty: '0', price: '8.5000', valid_from: null, valid_to: null },
      { price_list_code: 'L2', sku: 'SKU003', min_qty: '0', price: '12.3400', valid_from: null, valid_to: null },
      { price_list_code: 'L3', sku: 'SKU001', min_qty: '0', price: '11.0000', valid_from: null, valid_to: null },
    ],
  },
  {
    table: 'ecom_conditions',
    rows: [
      condition(1, { customer_code: 'C1', sku: 'SKU001', kind: 'PRICE', price: '8.0000', valid_from: '2024-01-01' }),
      condition(BIG_CONDITION_ID, { customer_group: 'G1', family_code: 'F1', min_qty: '10', priority: 1, discount_1: '10.00', discount_2: '5.00' }),
      condition(3, { customer_code: 'C2', discount_1: '20' }),
      condition(4, { customer_group: 'G2', sku: 'SKU002', kind: 'NET_PRICE', price: '0.1000' }),
      condition(5, { sku: 'SKU001', kind: 'NET_PRICE', price: '7.5000', priority: 5 }),
      condition(6, { family_code: 'F2', discount_1: '3.5', valid_from: '2024-06-01', valid_to: '2024-06-30' }),
      condition(7, { customer_code: 'C4', discount_1: '2' }),
    ],
  },
  {
    table: 'ecom_visibility',
    rows: [
      visibilityRule(1, 'ALLOW', { sku: 'SKU005' }, { customer_code: 'C1' }),
      visibilityRule(2, 'DENY', { family_code: 'F2' }, { customer_group: 'G1' }),
      visibilityRule(3, 'ALLOW', { family_code: 'F3' }, { customer_group: 'G2' }),
      visibilityRule(4, 'DENY', { sku: 'SKU001' }, { customer_code: 'C3' }),
      visibilityRule(5, 'DENY', { sku: 'SKU002' }, { customer_code: 'C2' }),
    ],
  },
  {
    table: 'ecom_stock',
    rows: [
      { sku: 'SKU001', warehouse_code: 'MAG1', on_hand: '120.500', committed: '20' },
      { sku: 'SKU001', warehouse_code: 'MAG2', on_hand: '10', committed: '0' },
      { sku: 'SKU001', warehouse_code: 'MAG3', on_hand: '999', committed: '0' },
      { sku: 'SKU002', warehouse_code: 'MAG1', on_hand: '0', committed: '5.250' },
      { sku: 'SKU003', warehouse_code: 'MAG3', on_hand: '5', committed: '0' },
      { sku: 'SKU004', warehouse_code: 'MAG2', on_hand: '3', committed: '0' },
    ],
  },
  {
    // Warehouse statistics' windows around D = 2025-06-30 (statsContract.test.ts):
    // D−29 / D−30, D−89 / D−90, D−364 / D−365, a return, a future movement,
    // a transfer, an inactive article, one outside every window.
    table: 'ecom_stock_movements',
    rows: [
      { movement_id: 1, sku: 'SKU001', warehouse_code: 'MAG1', moved_at: '2025-06-01T10:00:00', quantity: '-2', reason: 'SALE' },
      { movement_id: 2, sku: 'SKU001', warehouse_code: 'MAG1', moved_at: '2025-05-31T18:30:00', quantity: '-3.000', reason: 'SALE' },
      { movement_id: 3, sku: 'SKU001', warehouse_code: 'MAG2', moved_at: '2025-04-02T08:00:00', quantity: '-5.500', reason: 'SALE' },
      { movement_id: 4, sku: 'SKU001', warehouse_code: 'MAG1', moved_at: '2025-04-01T23:59:59', quantity: '-7', reason: 'SALE' },
      { movement_id: 5, sku: 'SKU001', warehouse_code: 'MAG1', moved_at: '2024-07-02T09:00:00', quantity: '100', reason: 'PURCHASE' },
      { movement_id: 6, sku: 'SKU001', warehouse_code: 'MAG1', moved_at: '2024-07-01T00:00:00', quantity: '-11', reason: 'SALE' },
      { movement_id: 7, sku: 'SKU001', warehouse_code: 'MAG1', moved_at: '2024-06-30T23:59:59', quantity: '-13', reason: 'SALE' },
      { movement_id: 8, sku: 'SKU001', warehouse_code: 'MAG3', moved_at: '2025-06-15T11:00:00', quantity: '1.5', reason: 'SALE' },
      { movement_id: 9, sku: 'SKU001', warehouse_code: 'MAG1', moved_at: '2025-07-01T00:00:00', quantity: '-50', reason: 'SALE' },
      { movement_id: 10, sku: 'SKU001', warehouse_code: 'MAG2', moved_at: '2025-06-30T23:59:59', quantity: '-0.250', reason: 'ADJUST' },
      { movement_id: 11, sku: 'SKU001', warehouse_code: 'MAG1', moved_at: '2025-03-10T15:00:00', quantity: '-4', reason: 'TRANSFER' },
      { movement_id: 12, sku: 'SKU001', warehouse_code: 'MAG2', moved_at: '2025-03-10T15:00:00', quantity: '4', reason: 'TRANSFER' },
      { movement_id: 13, sku: 'SKU002', warehouse_code: 'MAG2', moved_at: '2025-06-20T10:00:00', quantity: '-200', reason: 'SALE' },
      { movement_id: 14, sku: 'SKU006', warehouse_code: 'MAG1', moved_at: '2025-06-20T10:00:00', quantity: '-1', reason: 'SALE' },
      { movement_id: 15, sku: 'SKU007', warehouse_code: 'MAG1', moved_at: '2025-06-20T10:00:00', quantity: '-1', reason: 'SALE' },
      { movement_id: 16, sku: 'SKU008', warehouse_code: 'MAG1', moved_at: '2024-06-30T10:00:00', quantity: '10', reason: 'PURCHASE' },
      { movement_id: 17, sku: 'SKU009', warehouse_code: 'MAG1', moved_at: '2025-07-05T10:00:00', quantity: '10', reason: 'PURCHASE' },
    ],
  },
  {
    table: 'ecom_incoming',
    rows: [
      { sku: 'SKU001', warehouse_code: 'MAG1', expected_date: '2024-07-01', quantity: '50' },
      { sku: 'SKU001', warehouse_code: 'MAG3', expected_date: '2024-07-02', quantity: '70' },
      { sku: 'SKU002', warehouse_code: 'MAG2', expected_date: '2024-08-15', quantity: '12.500' },
      { sku: 'SKU003', warehouse_code: 'MAG3', expected_date: '2024-09-01', quantity: '1' },
    ],
  },
  {
    table: 'ecom_documents',
    rows: [
      document('DOC-001', 'C1', 'INVOICE', '2024/001', '2024-01-15', {
        total_net: '100.00', total_vat: '22.00', total_gross: '122.00', due_date: '2024-02-15', paid: true, order_reference: 'PO-1',
      }),
      document('DOC-002', 'C1', 'DELIVERY_NOTE', 'DDT 12', '2024-02-01', {
        destination_id: 'C1-01', carrier: 'BRT', tracking_number: 'BRT-0001', shipped_at: '2024-02-01T08:30:00Z',
        expected_delivery: '2024-02-03', order_reference: 'PO-77',
      }),
      document('DOC-003', 'C1', 'INVOICE', '2024/050', '2024-02-01', {
        total_net: '50.00', total_vat: '11.00', total_gross: '61.00', due_date: '2024-03-31', paid: false,
      }),
      document('DOC-004', 'C1', 'CREDIT_NOTE', 'NC 2024/3', '2024-03-10', {
        total_net: '-10.00', total_vat: '-2.20', total_gross: '-12.20',
      }),
      document('DOC-005', 'C3', 'INVOICE', '2024/051', '2024-03-10', {
        total_net: '1.00', total_vat: '0.22', total_gross: '1.22', due_date: '2024-04-30', paid: false,
      }),
    ],
  },
  {
    table: 'ecom_document_lines',
    rows: [
      { document_id: 'DOC-001', line_no: 1, sku: 'SKU001', description: 'Vite a testa esagonale M8', quantity: '10.000', unit: 'PZ', unit_price: '9.9900', discount_1: '10.00', discount_2: null, discount_3: null, line_total: '89.91', vat_rate: '22.00' },
      { document_id: 'DOC-001', line_no: 2, sku: null, description: 'Spese di trasporto', quantity: null, unit: null, unit_price: null, discount_1: null, discount_2: null, discount_3: null, line_total: '10.09', vat_rate: '22' },
      { document_id: 'DOC-003', line_no: 1, sku: 'SKU002', description: 'Dado autobloccante M8', quantity: '200', unit: 'PZ', unit_price: '0.2500', discount_1: null, discount_2: null, discount_3: null, line_total: '50.00', vat_rate: '22.00' },
      { document_id: 'DOC-005', line_no: 1, sku: 'SKU001', description: 'Vite', quantity: '1', unit: 'PZ', unit_price: '1.0000', discount_1: null, discount_2: null, discount_3: null, line_total: '1.00', vat_rate: '22.00' },
    ],
  },
  {
    table: 'ecom_document_files',
    rows: [
      { file_id: 'F-001', document_id: 'DOC-001', kind: 'PDF', file_name: 'fattura-2024-001.pdf', content_type: 'application/pdf', content: PDF_CONTENT },
      { file_id: 'F-002', document_id: 'DOC-001', kind: 'FATTURAPA_XML', file_name: 'IT01234567890_001.xml', content_type: 'application/xml', content: XML_CONTENT },
      { file_id: 'F-003', document_id: 'DOC-002', kind: 'OTHER', file_name: 'vuoto.bin', content_type: 'application/octet-stream', content: null },
      { file_id: 'F-004', document_id: 'DOC-005', kind: 'PDF', file_name: 'altro.pdf', content_type: 'application/pdf', content: Buffer.from('x') },
    ],
  },
  {
    // change_id is an identity / AUTOINCREMENT column: both dialects number from 1.
    table: 'ecom_changes',
    rows: [
      { entity: 'ARTICLE', entity_key: 'SKU001', changed_at: '2024-05-01T09:00:00Z' },
      { entity: 'PRICE_LIST', entity_key: 'L1', changed_at: '2024-05-01T09:00:01Z' },
      { entity: 'CUSTOMER', entity_key: null, changed_at: '2024-05-01T09:00:02Z' },
      { entity: 'STOCK', entity_key: 'SKU002', changed_at: '2024-05-01T09:00:03Z' },
      { entity: 'DOCUMENT', entity_key: 'DOC-001', changed_at: '2024-05-01T09:00:04Z' },
    ],
  },
];

// ---------------------------------------------------------------------------
// The harness the contract suite runs against.

export interface ContractDb {
  /** The adapter under test, on a database holding exactly FIXTURE. */
  erp: ErpPort;
  /** A second adapter on the same database, with test-only options; teardown closes it (callers must not). */
  openAdapter(options: SqliteErpOptions & MssqlErpOptions): Promise<ErpPort>;
  /** Rows in a table, counted directly (not through the adapter). */
  count(table: string): Promise<number>;
  /** True when decimals come back as the exact text stored (SQLite), not re-formatted to the column scale. */
  decimalsAsStored: boolean;
  /**
   * Runs `call` and observes the statements it sends to the database: how
   * many, and the most parameters bound to one of them. Every dialect
   * observes it (SQL Server refuses a statement over 2,100 parameters, so a
   * key list bound one parameter per key would break there first).
   */
  observeStatements<T>(call: (erp: ErpPort) => Promise<T>): Promise<Observed<T>>;
  teardown(): Promise<void>;
}

export interface Observed<T> {
  result: T;
  /** Statements executed during the call (0 would mean nothing was observed). */
  statements: number;
  /** The most parameters bound to one statement. */
  maxBoundParameters: number;
}

export type ContractSetup = () => Promise<ContractDb>;

/** Counts statements and their bound parameters while a call runs. */
class StatementObserver {
  private statements = 0;
  private maxBound = 0;
  private active = false;

  record(bound: number): void {
    if (!this.active) return;
    this.statements++;
    this.maxBound = Math.max(this.maxBound, bound);
  }

  async observe<T>(call: () => Promise<T>): Promise<Observed<T>> {
    this.statements = 0;
    this.maxBound = 0;
    this.active = true;
    try {
      const result = await call();
      return { result, statements: this.statements, maxBoundParameters: this.maxBound };
    } finally {
      this.active = false;
    }
  }
}

/** The tiny write abstraction each dialect provides to load the fixture. */
interface FixtureWriter {
  exec(text: string, params?: Row): Promise<void>;
  insert(table: string, row: Row): Promise<void>;
}

async function loadFixture(writer: FixtureWriter): Promise<void> {
  for (const { table, rows } of FIXTURE) {
    for (const row of rows) await writer.insert(table, row);
  }
}


// ---------------------------------------------------------------------------
// SQLite.

export const SQLITE_DDL = () => join(projectRoot(), 'schema', 'erp', 'sqlite.sql');
export const MSSQL_DDL = () => join(projectRoot(), 'schema', 'erp', 'mssql.sql');

/** Wraps db.prepare so the statements the adapter prepares report how many parameters they are given. */
function spyOnBoundParameters(db: Database.Database, record: (count: number) => void): void {
  const prepare = db.prepare.bind(db);
  (db as { prepare: unknown }).prepare = (text: string) => {
    const statement = prepare(text);
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = (statement[method] as (...args: unknown[]) => unknown).bind(statement);
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        const first = args[0];
        record(args.length === 1 && first !== null && typeof first === 'object' ? Object.keys(first).length : args.length);
        return original(...args);
      };
    }
    return statement;
  };
}

export const sqliteContractSetup: ContractSetup = async () => {
  const db = new Database(':memory:');
  db.exec(readFileSync(SQLITE_DDL(), 'utf8'));
  const writer: FixtureWriter = {
    async exec(text, params = {}) {
      db.prepare(text).run(sqliteRow(params));
    },
    async insert(table, row) {
      db.prepare(insertStatement(table, row)).run(sqliteRow(row));
    },
  };
  await loadFixture(writer);

  const observer = new StatementObserver();
  spyOnBoundParameters(db, (n) => observer.record(n));
  const erp = new SqliteErp(db);
  return {
    erp,
    decimalsAsStored: true,
    // Same connection: an in-memory database exists only inside it.
    openAdapter: async (options) => new SqliteErp(db, options),
    count: async (table) => Number((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n),
    observeStatements: (call) => observer.observe(() => call(erp)),
    teardown: async () => {
      if (db.open) db.close();
    },
  };
};

/**
 * The same fixture in a file, read through the worker-thread pool that
 * `npm start` uses for SQLite ERPs (src/erp/sqliteWorkerErp.ts): every row
 * crosses a thread boundary, so anything structured cloning would change
 * (Buffers, bigints, undefined) shows up here.
 */
export const sqliteWorkerContractSetup: ContractSetup = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ponte-contract-'));
  const path = join(dir, 'erp.sqlite');
  const built = await sqliteContractSetup();
  writeFileSync(path, (built.erp as SqliteErp).db.serialize());
  await built.teardown();
  const erp = await openSqliteWorkerErp(path, { callTimeoutMs: 10_000 });
  const direct = new Database(path);
  const others: SqliteErp[] = [];
  // The worker threads run SqliteErp on their own connections, out of reach
  // of a spy; the same statements are observed on a main-thread SqliteErp
  // over the same file (read-only calls only).
  const observedDb = new Database(path);
  const observer = new StatementObserver();
  spyOnBoundParameters(observedDb, (n) => observer.record(n));
  const observed = new SqliteErp(observedDb);
  return {
    erp,
    decimalsAsStored: true,
    openAdapter: async (options) => {
      const other = SqliteErp.open(path, { busyTimeoutMs: 2000, ...options });
      others.push(other);
      return other;
    },
    count: async (table) => Number((direct.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n),
    observeStatements: async (call) => {
      const { result } = await observer.observe(() => call(erp));
      const { statements, maxBoundParameters } = await observer.observe(() => call(observed));
      return { result, statements, maxBoundParameters };
    },
    teardown: async () => {
      await erp.close();
      await observed.close();
      for (const other of others) await other.close();
      direct.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

// ---------------------------------------------------------------------------
// SQL Server.

/** The statements of a T-SQL script: comment lines dropped, split on ';' at line ends. */
export function splitMssqlScript(script: string): string[] {
  const withoutComments = script
    .split(/\r?\n/)
    .filter((line) => !/^\s*--/.test(line))
    .join('\n');
  return withoutComments
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export interface MssqlColumn {
  name: string;
  /** Lower-case type name: nvarchar, decimal, date, bit … */
  type: string;
  /** The type's arguments: ['50'], ['19', '4'], ['max']. */
  args: string[];
  identity: boolean;
}

const NOT_A_COLUMN = new Set(['CHECK', 'PRIMARY', 'CONSTRAINT', 'UNIQUE', 'FOREIGN', 'INDEX']);

/** Table → columns, in DDL order, read from the CREATE TABLE statements of a T-SQL script. */
export function mssqlTables(script: string): Map<string, MssqlColumn[]> {
  const tables = new Map<string, MssqlColumn[]>();
  for (const statement of splitMssqlScript(script)) {
    const head = /^CREATE\s+TABLE\s+(?:dbo\.)?(\w+)\s*\(([\s\S]*)\)$/i.exec(statement);
    if (!head) continue;
    const columns: MssqlColumn[] = [];
    for (const line of head[2].split('\n')) {
      const m = /^\s*(\w+)\s+(\w+)(?:\s*\(([^)]*)\))?(.*)$/.exec(line);
      if (!m || NOT_A_COLUMN.has(m[1].toUpperCase())) continue;
      columns.push({
        name: m[1],
        type: m[2].toLowerCase(),
        args: m[3] ? m[3].split(',').map((a) => a.trim().toLowerCase()) : [],
        identity: /\bIDENTITY\b/i.test(m[4]),
      });
    }
    tables.set(head[1], columns);
  }
  return tables;
}

/** UTC instant of an ISO 8601 text; a text without a zone designator is taken as UTC. */
function utcInstant(text: string): Date {
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/i.test(text) ? text : `${text}Z`;
  const date = new Date(zoned);
  if (Number.isNaN(date.getTime())) throw new TypeError(`not an ISO 8601 datetime: ${text}`);
  return date;
}

export interface MssqlInput {
  name: string;
  type: sql.ISqlType;
  value: unknown;
}

/**
 * The typed inputs that insert one fixture row on SQL Server, as the DDL
 * declares each column. The connection runs with useUTC (mssqlConfigFromUrl),
 * so dates and datetimes are given as UTC instants.
 */
export function mssqlInputs(columns: readonly MssqlColumn[], table: string, row: Row): MssqlInput[] {
  return Object.entries(row).map(([name, value]) => {
    const column = columns.find((c) => c.name === name);
    if (!column) throw new Error(`${table}.${name} is not a column of schema/erp/mssql.sql`);
    if (column.identity) throw new Error(`${table}.${name} is an identity column: leave it out of the fixture`);
    const length = (arg: string | undefined) => (arg === undefined ? undefined : arg === 'max' ? sql.MAX : Number(arg));
    const [a, b] = column.args;
    switch (column.type) {
      case 'nvarchar':
        return { name, type: sql.NVarChar(length(a)), value };
      case 'varchar':
        return { name, type: sql.VarChar(length(a)), value };
      case 'char':
        return { name, type: sql.Char(length(a)), value };
      case 'nchar':
        return { name, type: sql.NChar(length(a)), value };
      case 'decimal':
      case 'numeric':
        if (value !== null && typeof value !== 'string') throw new TypeError(`${table}.${name}: decimals are written as strings`);
        return { name, type: sql.Decimal(Number(a), Number(b ?? 0)), value };
      case 'date':
        if (value !== null && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))) {
          throw new TypeError(`${table}.${name}: dates are written as YYYY-MM-DD`);
        }
        return { name, type: sql.Date(), value: value === null ? null : new Date(`${value}T00:00:00Z`) };
      case 'datetime2':
        if (value !== null && typeof value !== 'string') throw new TypeError(`${table}.${name}: datetimes are written as ISO 8601`);
        return { name, type: sql.DateTime2(a === undefined ? 7 : Number(a)), value: value === null ? null : utcInstant(value) };
      case 'bit':
        if (value !== null && typeof value !== 'boolean') throw new TypeError(`${table}.${name}: bits are written as booleans`);
        return { name, type: sql.Bit(), value };
      case 'int':
        return { name, type: sql.Int(), value };
      case 'bigint':
        return { name, type: sql.BigInt(), value };
      case 'varbinary':
        return { name, type: sql.VarBinary(length(a)), value };
      default:
        throw new Error(`${table}.${name}: no fixture mapping for SQL Server type ${column.type}`);
    }
  });
}

/**
 * The scratch database is wiped (DROP TABLE) before every run, so refuse any
 * database whose name does not say it is a scratch one.
 */
export function assertScratchDatabase(url: string): void {
  const database = mssqlConfigFromUrl(url, 5000).database ?? '';
  if (!/contract|scratch|test/i.test(database)) {
    throw new Error(
      `ERP_MSSQL_URL names database "${database}": the contract suite drops and recreates the ecom_* tables, ` +
        'so it only runs on a scratch database whose name contains "contract", "scratch" or "test".',
    );
  }
}

export function mssqlContractSetup(url: string): ContractSetup {
  return async () => {
    assertScratchDatabase(url);
    const script = readFileSync(MSSQL_DDL(), 'utf8');
    const tables = mssqlTables(script);
    const pool = new sql.ConnectionPool(mssqlConfigFromUrl(url, 30_000));
    pool.on('error', () => undefined);
    await pool.connect();
    const adapters: ErpPort[] = [];
    try {
      const writer: FixtureWriter = {
        async exec(text, params = {}) {
          const request = pool.request();
          const entries = Object.entries(params);
          for (const [name, value] of entries) request.input(name, value);
          // DDL runs as a plain batch; parameterised text through sp_executesql.
          if (entries.length === 0) await request.batch(text);
          else await request.query(text);
        },
        async insert(table, row) {
          const columns = tables.get(table);
          if (!columns) throw new Error(`${table} is not a table of schema/erp/mssql.sql`);
          const request = pool.request();
          for (const input of mssqlInputs(columns, table, row)) request.input(input.name, input.type, input.value);
          await request.query(insertStatement(table, row));
        },
      };
      // Rerunnable: drop in reverse creation order (the inbox lines reference the inbox).
      for (const table of [...tables.keys()].reverse()) await writer.exec(`DROP TABLE IF EXISTS ${table}`);
      for (const statement of splitMssqlScript(script)) await writer.exec(statement);
      await loadFixture(writer);

      const erp = await MssqlErp.connect(url, 5000);
      adapters.push(erp);
      return {
        erp,
        decimalsAsStored: false,
        openAdapter: async (options) => {
          const extra = await MssqlErp.connect(url, 5000, options);
          adapters.push(extra);
          return extra;
        },
        count: async (table) => {
          const result = await pool.request().query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
          return Number(result.recordset[0].n);
        },
        // Every request the adapter sends goes through Request#query (or
        // batch/execute); its bound parameters are the request's `parameters`.
        observeStatements: async (call) => {
          const observer = new StatementObserver();
          const proto = sql.Request.prototype as unknown as Record<'query' | 'batch' | 'execute', (...args: unknown[]) => unknown>;
          const originals = { query: proto.query, batch: proto.batch, execute: proto.execute };
          for (const method of ['query', 'batch', 'execute'] as const) {
            const original = originals[method];
            proto[method] = function (this: { parameters: Record<string, unknown> }, ...args: unknown[]) {
              observer.record(Object.keys(this.parameters).length);
              return original.apply(this, args);
            };
          }
          try {
            return await observer.observe(() => call(erp));
          } finally {
            Object.assign(proto, originals);
          }
        },
        teardown: async () => {
          for (const adapter of adapters) await adapter.close().catch(() => undefined);
          await pool.close();
        },
      };
    } catch (error) {
      for (const adapter of adapters) await adapter.close().catch(() => undefined);
      await pool.close().catch(() => undefined);
      throw error;
    }
  };
}
