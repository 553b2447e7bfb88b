/**
 * The SQLite adapter (better-sqlite3): the embedded demo ERP, and any ERP an
 * integrator exports to SQLite laid out as the contract says.
 *
 * better-sqlite3 is synchronous; each method still returns a promise so both
 * adapters share one port, and each method is one counted "round trip" even
 * when it runs two or three statements (SQL Server runs them as one batch).
 */
import Database from 'better-sqlite3';
import { sqliteDialect } from './dialect';
import {
  buildStatements,
  mapArticle,
  mapCondition,
  mapCustomer,
  mapDestination,
  mapDocument,
  mapDocumentFile,
  mapDocumentLine,
  mapOrderHeader,
  mapOrderLine,
  mapVisibilityRule,
  mapWarehouse,
} from './sql';
import { likePattern } from './dialect';
import { groupCustomerContexts } from './groupCustomerContexts';
import type {
  ArticleRow,
  CatalogPageQuery,
  ChangeRow,
  ConditionRow,
  CustomerContextRow,
  CustomerPageQuery,
  CustomerRow,
  DestinationRow,
  DocumentFileContent,
  DocumentFileRow,
  DocumentLineRow,
  DocumentPageQuery,
  DocumentRow,
  ErpPort,
  InsertOrderResult,
  OrderHeaderInsert,
  OrderHeaderRow,
  OrderLineInsert,
  OrderLineRow,
  OrderPageQuery,
  PriceListItemRow,
  ReferenceData,
  StockFacts,
} from './port';

export interface SqliteErpOptions {
  /**
   * Test-only fault injection: called inside the order transaction after the
   * header is written and before the lines, so a test can prove that a
   * failure there leaves nothing behind.
   */
  beforeOrderLines?: () => void;
}

type Params = Record<string, string | number | null>;
type Raw = Record<string, unknown>;

const statements = buildStatements(sqliteDialect);

export class SqliteErp implements ErpPort {
  readonly dialect = 'sqlite' as const;
  private readonly prepared = new Map<string, Database.Statement>();

  constructor(
    readonly db: Database.Database,
    private readonly options: SqliteErpOptions = {},
  ) {
    // Waiting briefly for a writer (the ERP's importer, another Ponte) beats
    // failing a request with SQLITE_BUSY.
    db.pragma('busy_timeout = 5000');
    // Unicode case folding for searches (see Dialect.fold); registered on
    // this connection only, nothing is written to the database.
    db.function('ponte_fold', { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? value.toLowerCase() : value,
    );
  }

  /** Opens a database file that must already exist (Ponte never creates someone else's ERP). */
  static open(path: string, options?: SqliteErpOptions): SqliteErp {
    return new SqliteErp(new Database(path, { fileMustExist: true }), options);
  }

  private stmt(sql: string): Database.Statement {
    let s = this.prepared.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.prepared.set(sql, s);
    }
    return s;
  }

  private all(sql: string, params: Params = {}): Raw[] {
    return this.stmt(sql).all(params) as Raw[];
  }

  async ping(): Promise<void> {
    this.all(statements.ping);
  }

  async referenceData(): Promise<ReferenceData> {
    return {
      settings: this.all(statements.settings).map((r) => ({ key: String(r.key), value: r.value === null ? null : String(r.value) })),
      warehouses: this.all(statements.warehouses).map(mapWarehouse),
      priceLists: this.all(statements.priceLists) as unknown as ReferenceData['priceLists'],
    };
  }

  async articlesBySku(skus: readonly string[]): Promise<ArticleRow[]> {
    return this.all(statements.articlesBySku, { skus: JSON.stringify(skus) }).map(mapArticle);
  }

  async catalogPage(q: CatalogPageQuery): Promise<ArticleRow[]> {
    const sql = statements.catalogPage({ after: q.after !== null, family: q.family !== null, search: q.search !== null });
    const params: Params = { limit: q.limit };
    if (q.after !== null) params.after = q.after;
    if (q.family !== null) params.family = q.family;
    if (q.search !== null) params.search = likePattern(q.search);
    return this.all(sql, params).map(mapArticle);
  }

  async customerContexts(codes: readonly string[]): Promise<CustomerContextRow[]> {
    const p = { codes: JSON.stringify(codes) };
    return groupCustomerContexts(
      this.all(statements.customersByCode, p).map(mapCustomer),
      this.all(statements.visibilityForCustomers, p).map(mapVisibilityRule),
      this.all(statements.conditionsForCustomers, p).map(mapCondition),
    );
  }

  async globalConditions(): Promise<ConditionRow[]> {
    return this.all(statements.globalConditions).map(mapCondition);
  }

  async priceListItems(lists: readonly string[], skus: readonly string[]): Promise<PriceListItemRow[]> {
    return this.all(statements.priceListItems, {
      lists: JSON.stringify(lists),
      skus: JSON.stringify(skus),
    }) as unknown as PriceListItemRow[];
  }

  async stockFacts(skus: readonly string[]): Promise<StockFacts> {
    const p = { skus: JSON.stringify(skus) };
    return {
      stock: this.all(statements.stock, p) as unknown as StockFacts['stock'],
      incoming: this.all(statements.incoming, p) as unknown as StockFacts['incoming'],
    };
  }

  async customersPage(q: CustomerPageQuery): Promise<CustomerRow[]> {
    const sql = statements.customersPage({ agent: q.agentCode !== null, after: q.after !== null, search: q.search !== null });
    const params: Params = { limit: q.limit };
    if (q.agentCode !== null) params.agent = q.agentCode;
    if (q.after !== null) params.after = q.after;
    if (q.search !== null) params.search = likePattern(q.search);
    return this.all(sql, params).map(mapCustomer);
  }

  async destinations(codes: readonly string[]): Promise<DestinationRow[]> {
    return this.all(statements.destinations, { codes: JSON.stringify(codes) }).map(mapDestination);
  }

  async latestChangeId(): Promise<number> {
    const row = this.all(statements.latestChangeId)[0];
    return row && row.id !== null ? Number(row.id) : 0;
  }

  async changesSince(changeId: number, limit: number): Promise<ChangeRow[]> {
    return this.all(statements.changesSince, { since: changeId, limit }).map((r) => ({
      changeId: Number(r.changeId),
      entity: String(r.entity),
      entityKey: r.entityKey === null ? null : String(r.entityKey),
    }));
  }

  async insertOrder(header: OrderHeaderInsert, lines: readonly OrderLineInsert[]): Promise<InsertOrderResult> {
    const run = this.db.transaction((): InsertOrderResult => {
      let inboxId: string;
      try {
        const row = this.stmt(statements.insertOrderHeader).get({ ...header }) as Raw;
        inboxId = String(row.id);
      } catch (error) {
        if (isUniqueViolation(error)) {
          const existing = this.all(statements.orderByIdempotencyKey, { key: header.idempotencyKey })[0];
          if (existing) return { inserted: false, existing: mapOrderHeader(existing) };
        }
        throw error;
      }
      this.options.beforeOrderLines?.();
      const insertLine = this.stmt(statements.insertOrderLine);
      for (const line of lines) insertLine.run({ ...line, inboxId });
      return { inserted: true, inboxId };
    });
    // IMMEDIATE takes the write lock up front, so two Ponte processes on one
    // file serialise here instead of failing at commit.
    return run.immediate();
  }

  async orderByIdempotencyKey(key: string): Promise<OrderHeaderRow | null> {
    const row = this.all(statements.orderByIdempotencyKey, { key })[0];
    return row ? mapOrderHeader(row) : null;
  }

  async ordersById(ids: readonly string[]): Promise<OrderHeaderRow[]> {
    return this.all(statements.ordersById, { ids: JSON.stringify(ids) }).map(mapOrderHeader);
  }

  async ordersPage(q: OrderPageQuery): Promise<OrderHeaderRow[]> {
    const params: Params = { customerCode: q.customerCode, limit: q.limit };
    if (q.before !== null) params.before = Number(q.before);
    return this.all(statements.ordersPage({ before: q.before !== null }), params).map(mapOrderHeader);
  }

  async orderLines(ids: readonly string[]): Promise<OrderLineRow[]> {
    return this.all(statements.orderLines, { ids: JSON.stringify(ids) }).map(mapOrderLine);
  }

  async documentsPage(q: DocumentPageQuery): Promise<DocumentRow[]> {
    const sql = statements.documentsPage({ type: q.type !== null, from: q.from !== null, to: q.to !== null, before: q.before !== null });
    const params: Params = { customerCode: q.customerCode, limit: q.limit };
    if (q.type !== null) params.type = q.type;
    if (q.from !== null) params.from = q.from;
    if (q.to !== null) params.to = q.to;
    if (q.before !== null) {
      params.beforeDate = q.before.date;
      params.beforeId = q.before.id;
    }
    return this.all(sql, params).map(mapDocument);
  }

  async documentsById(ids: readonly string[]): Promise<DocumentRow[]> {
    return this.all(statements.documentsById, { ids: JSON.stringify(ids) }).map(mapDocument);
  }

  async documentLines(ids: readonly string[]): Promise<DocumentLineRow[]> {
    return this.all(statements.documentLines, { ids: JSON.stringify(ids) }).map(mapDocumentLine);
  }

  async documentFiles(ids: readonly string[]): Promise<DocumentFileRow[]> {
    return this.all(statements.documentFiles, { ids: JSON.stringify(ids) }).map(mapDocumentFile);
  }

  async documentFileContent(fileId: string): Promise<DocumentFileContent | null> {
    const row = (this.all(statements.documentFileContent, { fileId }))[0];
    if (!row) return null;
    const content = row.content;
    return {
      ...(row as unknown as DocumentFileContent),
      content: Buffer.isBuffer(content) ? content : Buffer.from(content === null || content === undefined ? '' : String(content)),
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
