/**
 * The SQL Server adapter (mssql over tedious): the production ERP.
 *
 * One connection pool; every method is one request (one batch, possibly
 * returning several record sets), with all values bound as parameters and
 * key lists bound as one JSON parameter read with OPENJSON, so the
 * 2,100-parameter limit never bites.
 */
import sql from 'mssql';
import { likePattern, mssqlDialect } from './dialect';
import { groupCustomerContexts } from './groupCustomerContexts';
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

type Params = Record<string, string | number | null>;
type Raw = Record<string, unknown>;

const statements = buildStatements(mssqlDialect);

/** Error numbers SQL Server raises for a UNIQUE / PRIMARY KEY violation. */
const UNIQUE_VIOLATIONS = new Set([2627, 2601]);

/**
 * Turns mssql://user:password@host:port/database?encrypt=false&trustServerCertificate=true
 * into an mssql config. Query parameters: encrypt, trustServerCertificate,
 * instanceName, poolMax, requestTimeoutMs.
 */
export function mssqlConfigFromUrl(url: string, requestTimeoutMs: number): sql.config {
  const u = new URL(url.replace(/^sqlserver:/, 'mssql:'));
  const q = u.searchParams;
  const flag = (name: string, def: boolean) => (q.has(name) ? q.get(name) === 'true' : def);
  return {
    server: u.hostname,
    port: u.port ? Number(u.port) : 1433,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || q.get('database') || undefined,
    requestTimeout: Number(q.get('requestTimeoutMs') ?? requestTimeoutMs),
    connectionTimeout: Number(q.get('connectionTimeoutMs') ?? 15_000),
    pool: { max: Number(q.get('poolMax') ?? 10), min: 0, idleTimeoutMillis: 30_000 },
    options: {
      encrypt: flag('encrypt', true),
      trustServerCertificate: flag('trustServerCertificate', false),
      instanceName: q.get('instanceName') ?? undefined,
      // Decimals and bigints are converted to text in SQL; this keeps any
      // remaining numeric column from being read as a lossy float.
      useUTC: true,
    },
  };
}

export interface MssqlErpOptions {
  /** Test-only fault injection between the order header and its lines. */
  beforeOrderLines?: () => void;
}

export class MssqlErp implements ErpPort {
  readonly dialect = 'mssql' as const;

  private constructor(
    private readonly pool: sql.ConnectionPool,
    private readonly options: MssqlErpOptions,
  ) {}

  static async connect(url: string, requestTimeoutMs: number, options: MssqlErpOptions = {}): Promise<MssqlErp> {
    const pool = new sql.ConnectionPool(mssqlConfigFromUrl(url, requestTimeoutMs));
    // A pool error event without a listener would crash the process.
    pool.on('error', () => undefined);
    await pool.connect();
    return new MssqlErp(pool, options);
  }

  private request(params: Params, tx?: sql.Transaction): sql.Request {
    const req = tx ? new sql.Request(tx) : this.pool.request();
    for (const [name, value] of Object.entries(params)) {
      if (typeof value === 'number') req.input(name, Number.isInteger(value) ? sql.BigInt : sql.Decimal(38, 10), value);
      else req.input(name, sql.NVarChar(sql.MAX), value);
    }
    return req;
  }

  private async all(text: string, params: Params = {}): Promise<Raw[]> {
    const result = await this.request(params).query(text);
    return result.recordset as Raw[];
  }

  /** Several statements in one batch: one round trip, one record set each. */
  private async batch(texts: string[], params: Params): Promise<Raw[][]> {
    const result = await this.request(params).query(texts.join(';\n'));
    return result.recordsets as unknown as Raw[][];
  }

  async ping(): Promise<void> {
    await this.all(statements.ping);
  }

  async referenceData(): Promise<ReferenceData> {
    const [settings, warehouses, lists] = await this.batch(
      [statements.settings, statements.warehouses, statements.priceLists],
      {},
    );
    return {
      settings: settings.map((r) => ({ key: String(r.key), value: r.value === null ? null : String(r.value) })),
      warehouses: warehouses.map(mapWarehouse),
      priceLists: lists as unknown as ReferenceData['priceLists'],
    };
  }

  async articlesBySku(skus: readonly string[]): Promise<ArticleRow[]> {
    return (await this.all(statements.articlesBySku, { skus: JSON.stringify(skus) })).map(mapArticle);
  }

  async catalogPage(q: CatalogPageQuery): Promise<ArticleRow[]> {
    const text = statements.catalogPage({ after: q.after !== null, family: q.family !== null, search: q.search !== null });
    const params: Params = { limit: q.limit };
    if (q.after !== null) params.after = q.after;
    if (q.family !== null) params.family = q.family;
    if (q.search !== null) params.search = likePattern(q.search);
    return (await this.all(text, params)).map(mapArticle);
  }

  async customerContexts(codes: readonly string[]): Promise<CustomerContextRow[]> {
    const [customers, rules, conditions] = await this.batch(
      [statements.customersByCode, statements.visibilityForCustomers, statements.conditionsForCustomers],
      { codes: JSON.stringify(codes) },
    );
    return groupCustomerContexts(customers.map(mapCustomer), rules.map(mapVisibilityRule), conditions.map(mapCondition));
  }

  async globalConditions(): Promise<ConditionRow[]> {
    return (await this.all(statements.globalConditions)).map(mapCondition);
  }

  async priceListItems(lists: readonly string[], skus: readonly string[]): Promise<PriceListItemRow[]> {
    const rows = await this.all(statements.priceListItems, { lists: JSON.stringify(lists), skus: JSON.stringify(skus) });
    return rows as unknown as PriceListItemRow[];
  }

  async stockFacts(skus: readonly string[]): Promise<StockFacts> {
    const [stock, incoming] = await this.batch([statements.stock, statements.incoming], { skus: JSON.stringify(skus) });
    return { stock: stock as unknown as StockFacts['stock'], incoming: incoming as unknown as StockFacts['incoming'] };
  }

  async customersPage(q: CustomerPageQuery): Promise<CustomerRow[]> {
    const text = statements.customersPage({ agent: q.agentCode !== null, after: q.after !== null, search: q.search !== null });
    const params: Params = { limit: q.limit };
    if (q.agentCode !== null) params.agent = q.agentCode;
    if (q.after !== null) params.after = q.after;
    if (q.search !== null) params.search = likePattern(q.search);
    return (await this.all(text, params)).map(mapCustomer);
  }

  async destinations(codes: readonly string[]): Promise<DestinationRow[]> {
    return (await this.all(statements.destinations, { codes: JSON.stringify(codes) })).map(mapDestination);
  }

  async latestChangeId(): Promise<number> {
    const row = (await this.all(statements.latestChangeId))[0];
    return row && row.id !== null ? Number(row.id) : 0;
  }

  async changesSince(changeId: number, limit: number): Promise<ChangeRow[]> {
    return (await this.all(statements.changesSince, { since: changeId, limit })).map((r) => ({
      changeId: Number(r.changeId),
      entity: String(r.entity),
      entityKey: r.entityKey === null ? null : String(r.entityKey),
    }));
  }

  async insertOrder(header: OrderHeaderInsert, lines: readonly OrderLineInsert[]): Promise<InsertOrderResult> {
    const tx = new sql.Transaction(this.pool);
    await tx.begin(sql.ISOLATION_LEVEL.READ_COMMITTED);
    try {
      let inboxId: string;
      try {
        // datetime2 takes ISO 8601 without the zone designator; instants are UTC.
        const params = { ...header, createdAt: header.createdAt.replace(/Z$/, '') };
        const result = await this.request(params, tx).query(statements.insertOrderHeader);
        inboxId = String((result.recordset[0] as Raw).id);
      } catch (error) {
        if (!UNIQUE_VIOLATIONS.has(Number((error as { number?: unknown }).number))) throw error;
        await tx.rollback();
        // The other request committed first (the UNIQUE index made us wait
        // for it); read what it wrote.
        const existing = await this.orderByIdempotencyKey(header.idempotencyKey);
        if (!existing) throw error;
        return { inserted: false, existing };
      }
      this.options.beforeOrderLines?.();
      for (const line of lines) {
        await this.request({ ...line, inboxId }, tx).query(statements.insertOrderLine);
      }
      await tx.commit();
      return { inserted: true, inboxId };
    } catch (error) {
      await tx.rollback().catch(() => undefined);
      throw error;
    }
  }

  async orderByIdempotencyKey(key: string): Promise<OrderHeaderRow | null> {
    const row = (await this.all(statements.orderByIdempotencyKey, { key }))[0];
    return row ? mapOrderHeader(row) : null;
  }

  async ordersById(ids: readonly string[]): Promise<OrderHeaderRow[]> {
    return (await this.all(statements.ordersById, { ids: JSON.stringify(ids) })).map(mapOrderHeader);
  }

  async ordersPage(q: OrderPageQuery): Promise<OrderHeaderRow[]> {
    const params: Params = { customerCode: q.customerCode, limit: q.limit };
    if (q.before !== null) params.before = Number(q.before);
    return (await this.all(statements.ordersPage({ before: q.before !== null }), params)).map(mapOrderHeader);
  }

  async orderLines(ids: readonly string[]): Promise<OrderLineRow[]> {
    return (await this.all(statements.orderLines, { ids: JSON.stringify(ids) })).map(mapOrderLine);
  }

  async documentsPage(q: DocumentPageQuery): Promise<DocumentRow[]> {
    const text = statements.documentsPage({ type: q.type !== null, from: q.from !== null, to: q.to !== null, before: q.before !== null });
    const params: Params = { customerCode: q.customerCode, limit: q.limit };
    if (q.type !== null) params.type = q.type;
    if (q.from !== null) params.from = q.from;
    if (q.to !== null) params.to = q.to;
    if (q.before !== null) {
      params.beforeDate = q.before.date;
      params.beforeId = q.before.id;
    }
    return (await this.all(text, params)).map(mapDocument);
  }

  async documentsById(ids: readonly string[]): Promise<DocumentRow[]> {
    return (await this.all(statements.documentsById, { ids: JSON.stringify(ids) })).map(mapDocument);
  }

  async documentLines(ids: readonly string[]): Promise<DocumentLineRow[]> {
    return (await this.all(statements.documentLines, { ids: JSON.stringify(ids) })).map(mapDocumentLine);
  }

  async documentFiles(ids: readonly string[]): Promise<DocumentFileRow[]> {
    return (await this.all(statements.documentFiles, { ids: JSON.stringify(ids) })).map(mapDocumentFile);
  }

  async documentFileContent(fileId: string): Promise<DocumentFileContent | null> {
    const row = (await this.all(statements.documentFileContent, { fileId }))[0];
    if (!row) return null;
    const content = row.content;
    return {
      ...(row as unknown as DocumentFileContent),
      content: Buffer.isBuffer(content) ? content : Buffer.from(content === null || content === undefined ? '' : String(content)),
    };
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
