/**
 * Every read of the ERP port, written once over the shared statements; the
 * SQLite and SQL Server adapters only say how to run a statement, how to run
 * several as one round trip, and how to write an order in a transaction.
 */
import { likePattern, type Dialect } from './dialect';
import { groupCustomerContexts } from './groupCustomerContexts';
import { addDays } from '../stats/statsWindows';
import type {
  AgentRow,
  ArticleRow,
  CatalogCountRow,
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
  FamilyRow,
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
import { type ArticleStatsAggregates, ArticleStatsAggregatesBuilder } from './statsAggregates';
import type { DailyMovementQuery, DailyMovementRow, StatsAggregateQuery } from './statsRows';
import {
  bit,
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
  type Statements,
} from './sql';

export type Params = Record<string, string | number | null>;

/** @t1 … @tN: each folded search word as a literal LIKE pattern (see Statements.catalogPage). */
function termParams(terms: readonly string[]): Params {
  return Object.fromEntries(terms.map((term, i) => [`t${i + 1}`, likePattern(term)]));
}
/** One row as the driver returns it, before the mappers of sql.ts. */
export type Raw = Record<string, unknown>;

export abstract class SqlErp implements ErpPort {
  abstract readonly dialect: 'sqlite' | 'mssql';
  protected readonly statements: Statements;

  constructor(dialect: Dialect) {
    this.statements = buildStatements(dialect);
  }

  /** Runs one statement. */
  protected abstract all(sql: string, params?: Params): Promise<Raw[]>;
  /**
   * Runs one statement and hands its rows to `onRow` one at a time, for
   * results too large to hold as row objects; a row is not used after
   * onRow returns.
   */
  protected abstract each(sql: string, params: Params, onRow: (row: Raw) => void): Promise<void>;
  /** Runs several statements as one round trip; one row set each. */
  protected abstract batch(sqls: string[], params: Params): Promise<Raw[][]>;
  abstract insertOrder(header: OrderHeaderInsert, lines: readonly OrderLineInsert[]): Promise<InsertOrderResult>;
  abstract probeWrite(): Promise<void>;
  abstract close(): Promise<void>;

  async ping(): Promise<void> {
    await this.all(this.statements.ping);
  }

  async referenceData(): Promise<ReferenceData> {
    const s = this.statements;
    const [settings, warehouses, lists] = await this.batch([s.settings, s.warehouses, s.priceLists], {});
    return {
      settings: settings!.map((r) => ({ key: String(r.key), value: r.value === null ? null : String(r.value) })),
      warehouses: warehouses!.map(mapWarehouse),
      priceLists: lists as unknown as ReferenceData['priceLists'],
    };
  }

  async articlesBySku(skus: readonly string[]): Promise<ArticleRow[]> {
    return (await this.all(this.statements.articlesBySku, { skus: JSON.stringify(skus) })).map(mapArticle);
  }

  async catalogPage(q: CatalogPageQuery): Promise<ArticleRow[]> {
    const sql = this.statements.catalogPage({
      after: q.after !== null,
      family: q.family !== null,
      terms: q.terms.length,
      unrestrictedOnly: q.unrestrictedOnly,
    });
    const params: Params = { limit: q.limit, ...termParams(q.terms) };
    if (q.after !== null) params.after = q.after;
    if (q.family !== null) params.family = q.family;
    return (await this.all(sql, params)).map(mapArticle);
  }

  async catalogCounts(terms: readonly string[]): Promise<CatalogCountRow[]> {
    const rows = await this.all(this.statements.catalogCounts({ terms: terms.length }), termParams(terms));
    return rows.map((r) => ({
      familyCode: r.familyCode === null || r.familyCode === undefined ? null : String(r.familyCode),
      restricted: bit(r.restricted),
      count: Number(r.n),
    }));
  }

  async familyNames(): Promise<FamilyRow[]> {
    // The relation is optional: asked for only where it exists (still one call of the port).
    const [exists] = await this.all(this.statements.relationExists, { name: 'ecom_families' });
    if (Number(exists?.n ?? 0) === 0) return [];
    return (await this.all(this.statements.familyNames)).map((r) => ({
      code: String(r.code),
      name: r.name === null || r.name === undefined ? null : String(r.name),
    }));
  }

  async customerContexts(codes: readonly string[]): Promise<CustomerContextRow[]> {
    const s = this.statements;
    const [customers, rules, conditions] = await this.batch(
      [s.customersByCode, s.visibilityForCustomers, s.conditionsForCustomers],
      { codes: JSON.stringify(codes) },
    );
    return groupCustomerContexts(customers!.map(mapCustomer), rules!.map(mapVisibilityRule), conditions!.map(mapCondition));
  }

  async globalConditions(): Promise<ConditionRow[]> {
    return (await this.all(this.statements.globalConditions)).map(mapCondition);
  }

  async priceListItems(lists: readonly string[], skus: readonly string[]): Promise<PriceListItemRow[]> {
    const rows = await this.all(this.statements.priceListItems, { lists: JSON.stringify(lists), skus: JSON.stringify(skus) });
    return rows as unknown as PriceListItemRow[];
  }

  async stockFacts(skus: readonly string[]): Promise<StockFacts> {
    const [stock, incoming] = await this.batch([this.statements.stock, this.statements.incoming], { skus: JSON.stringify(skus) });
    return { stock: stock as unknown as StockFacts['stock'], incoming: incoming as unknown as StockFacts['incoming'] };
  }

  async customersPage(q: CustomerPageQuery): Promise<CustomerRow[]> {
    const sql = this.statements.customersPage({ agent: q.agentCode !== null, after: q.after !== null, search: q.search !== null });
    const params: Params = { limit: q.limit };
    if (q.agentCode !== null) params.agent = q.agentCode;
    if (q.after !== null) params.after = q.after;
    if (q.search !== null) params.search = likePattern(q.search);
    return (await this.all(sql, params)).map(mapCustomer);
  }

  async destinations(codes: readonly string[]): Promise<DestinationRow[]> {
    return (await this.all(this.statements.destinations, { codes: JSON.stringify(codes) })).map(mapDestination);
  }

  async agentsByCode(codes: readonly string[]): Promise<AgentRow[]> {
    return (await this.all(this.statements.agentsByCode, { codes: JSON.stringify(codes) })) as unknown as AgentRow[];
  }

  async latestChangeId(): Promise<number> {
    const row = (await this.all(this.statements.latestChangeId))[0];
    return row && row.id !== null ? Number(row.id) : 0;
  }

  async changesSince(changeId: number, limit: number): Promise<ChangeRow[]> {
    return (await this.all(this.statements.changesSince, { since: changeId, limit })).map((r) => ({
      changeId: Number(r.changeId),
      entity: String(r.entity),
      entityKey: r.entityKey === null ? null : String(r.entityKey),
    }));
  }

  async orderByIdempotencyKey(customerCode: string, key: string): Promise<OrderHeaderRow | null> {
    const row = (await this.all(this.statements.orderByIdempotencyKey, { customerCode, key }))[0];
    return row ? mapOrderHeader(row) : null;
  }

  async ordersById(ids: readonly string[]): Promise<OrderHeaderRow[]> {
    return (await this.all(this.statements.ordersById, { ids: JSON.stringify(ids) })).map(mapOrderHeader);
  }

  async ordersPage(q: OrderPageQuery): Promise<OrderHeaderRow[]> {
    const params: Params = { customerCode: q.customerCode, limit: q.limit };
    if (q.before !== null) params.before = Number(q.before);
    return (await this.all(this.statements.ordersPage({ before: q.before !== null }), params)).map(mapOrderHeader);
  }

  async orderLines(ids: readonly string[]): Promise<OrderLineRow[]> {
    return (await this.all(this.statements.orderLines, { ids: JSON.stringify(ids) })).map(mapOrderLine);
  }

  async documentsPage(q: DocumentPageQuery): Promise<DocumentRow[]> {
    const sql = this.statements.documentsPage({
      type: q.type !== null,
      from: q.from !== null,
      to: q.to !== null,
      before: q.before !== null,
    });
    const params: Params = { customerCode: q.customerCode, limit: q.limit };
    if (q.type !== null) params.type = q.type;
    if (q.from !== null) params.from = q.from;
    if (q.to !== null) params.to = q.to;
    if (q.before !== null) {
      params.beforeDate = q.before.date;
      params.beforeId = q.before.id;
    }
    return (await this.all(sql, params)).map(mapDocument);
  }

  async documentsById(ids: readonly string[]): Promise<DocumentRow[]> {
    return (await this.all(this.statements.documentsById, { ids: JSON.stringify(ids) })).map(mapDocument);
  }

  async documentsByOrderReference(customerCode: string, references: readonly string[]): Promise<DocumentRow[]> {
    const rows = await this.all(this.statements.documentsByOrderReference, { customerCode, refs: JSON.stringify(references) });
    return rows.map(mapDocument);
  }

  async documentLines(ids: readonly string[]): Promise<DocumentLineRow[]> {
    return (await this.all(this.statements.documentLines, { ids: JSON.stringify(ids) })).map(mapDocumentLine);
  }

  async documentFiles(ids: readonly string[]): Promise<DocumentFileRow[]> {
    return (await this.all(this.statements.documentFiles, { ids: JSON.stringify(ids) })).map(mapDocumentFile);
  }

  async articleStatsAggregates(q: StatsAggregateQuery): Promise<ArticleStatsAggregates> {
    const { warehouse, asOf: _asOf, skuFrom = null, skuTo = null, ...days } = q;
    const statement = this.statements.articleStatsAggregates({ warehouse: warehouse !== null, skuFrom: skuFrom !== null, skuTo: skuTo !== null });
    const columns = new ArticleStatsAggregatesBuilder();
    await this.each(
      statement,
      {
        ...days,
        ...(warehouse !== null ? { warehouse } : {}),
        ...(skuFrom !== null ? { skuFrom } : {}),
        ...(skuTo !== null ? { skuTo } : {}),
      },
      (row) => columns.push(row),
    );
    return columns.build();
  }

  async articleSkuSplits(parts: number): Promise<string[]> {
    const [counted] = await this.all(this.statements.activeArticleCount);
    const n = Number(counted?.n ?? 0);
    const splits: string[] = [];
    for (let part = 0; part < parts; part++) {
      const position = Math.floor((n * part) / parts);
      const [row] = position < n ? await this.all(this.statements.activeArticleAt, { position }) : [];
      // Fewer articles than parts, or articles gone since the count: a run fewer.
      if (row && (splits.length === 0 || String(row.sku) > splits[splits.length - 1]!)) splits.push(String(row.sku));
    }
    return splits;
  }

  async dailyMovements(q: DailyMovementQuery): Promise<DailyMovementRow[]> {
    if (q.skus.length === 0) return [];
    const rows = await this.all(this.statements.dailyMovements({ warehouse: q.warehouse !== null }), {
      skus: JSON.stringify(q.skus),
      from: addDays(q.after, 1),
      dayAfter: addDays(q.asOf, 1),
      ...(q.warehouse !== null ? { warehouse: q.warehouse } : {}),
    });
    return rows.map((r) => ({ sku: String(r.sku), day: String(r.day), quantity: String(r.quantity) }));
  }

  async documentFileContent(fileId: string): Promise<DocumentFileContent | null> {
    const row = (await this.all(this.statements.documentFileContent, { fileId }))[0];
    if (!row) return null;
    const content = row.content;
    return {
      ...(row as unknown as DocumentFileContent),
      content: Buffer.isBuffer(content) ? content : Buffer.from(content === null || content === undefined ? '' : String(content)),
    };
  }
}
