/**
 * The ERP port: everything Ponte reads from (and writes to) the ERP database,
 * as one interface with one adapter per dialect (src/erp/sqlite.ts,
 * src/erp/mssql.ts).
 *
 * Rows cross this boundary as the contract defines them, with every decimal
 * as a string in plain notation ("9.9900"), every date as "YYYY-MM-DD",
 * every bit as a boolean. Nothing here interprets a value: pricing,
 * visibility and availability live in their own pure modules.
 *
 * Each method is one round trip to the ERP (one batch on SQL Server), so an
 * adapter call is the unit that tests and metrics count. Methods that take
 * key lists accept any number of keys: adapters pass them as one JSON
 * parameter, never one parameter per key.
 */
import { DEFAULTS } from '../settings/defaults';
import type { DocumentFileContent, DocumentFileRow, DocumentLineRow, DocumentPageQuery, DocumentRow } from './documentRows';
import type { ArticleStatsAggregates } from './statsAggregates';
import type { DailyMovementQuery, DailyMovementRow, StatsAggregateQuery } from './statsRows';

/** A decimal in plain notation, exactly as stored ("9.9900", "22", "0.5"). */
export type DecimalString = string;
/** A calendar date, "YYYY-MM-DD". */
export type DateString = string;

export interface SettingRow {
  key: string;
  value: string | null;
}

export interface WarehouseRow {
  code: string;
  name: string;
  webEnabled: boolean;
}

export interface PriceListRow {
  code: string;
  description: string | null;
  currency: string | null;
}

/** Installation-wide facts, small and read together. */
export interface ReferenceData {
  settings: SettingRow[];
  warehouses: WarehouseRow[];
  priceLists: PriceListRow[];
}

export interface ArticleRow {
  sku: string;
  description: string;
  unit: string;
  familyCode: string | null;
  vatRate: DecimalString;
  packQty: DecimalString;
  minOrderQty: DecimalString;
  restricted: boolean;
  active: boolean;
  webEnabled: boolean;
}

export interface CustomerRow {
  code: string;
  companyName: string;
  vatNumber: string | null;
  taxCode: string | null;
  sdiCode: string | null;
  pec: string | null;
  email: string | null;
  phone: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  priceListCode: string | null;
  group: string | null;
  agentCode: string | null;
  paymentTerms: string | null;
  blocked: boolean;
}

export interface AgentRow {
  code: string;
  name: string;
  email: string | null;
}

export interface DestinationRow {
  id: string;
  customerCode: string;
  name: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  isDefault: boolean;
}

export type VisibilityMode = 'ALLOW' | 'DENY';

export interface VisibilityRuleRow {
  ruleId: string;
  mode: VisibilityMode;
  sku: string | null;
  familyCode: string | null;
  customerCode: string | null;
  customerGroup: string | null;
}

export type ConditionKind = 'PRICE' | 'NET_PRICE' | 'DISCOUNT';

export interface ConditionRow {
  /** bigint in the ERP; kept as a decimal string so no id loses precision. */
  conditionId: string;
  customerCode: string | null;
  customerGroup: string | null;
  sku: string | null;
  familyCode: string | null;
  minQty: DecimalString;
  validFrom: DateString | null;
  validTo: DateString | null;
  priority: number;
  kind: ConditionKind;
  price: DecimalString | null;
  discount1: DecimalString | null;
  discount2: DecimalString | null;
  discount3: DecimalString | null;
}

export interface PriceListItemRow {
  priceListCode: string;
  sku: string;
  minQty: DecimalString;
  price: DecimalString;
  validFrom: DateString | null;
  validTo: DateString | null;
}

/**
 * What Ponte needs to know about one customer to decide what it may see and
 * what it pays: the master row, and the visibility rules and commercial
 * conditions addressed to the customer itself or to its group. Rules and
 * conditions addressed to nobody in particular are loaded once, globally.
 */
export interface CustomerContextRow {
  customer: CustomerRow;
  visibilityRules: VisibilityRuleRow[];
  conditions: ConditionRow[];
}

export interface StockRow {
  sku: string;
  warehouseCode: string;
  onHand: DecimalString;
  committed: DecimalString;
}

export interface IncomingRow {
  sku: string;
  warehouseCode: string;
  expectedDate: DateString;
  quantity: DecimalString;
}

export interface StockFacts {
  stock: StockRow[];
  incoming: IncomingRow[];
}

export interface CatalogPageQuery {
  /** Exclusive lower bound on sku; null = from the first. */
  after: string | null;
  family: string | null;
  /** Folded search words, each in the sku or the description (src/catalog/searchTerms.ts); [] = no search. */
  terms: readonly string[];
  /** Only articles with restricted = 0. */
  unrestrictedOnly: boolean;
  limit: number;
}

/** How many active, web-enabled articles match a search, per family and restricted flag. */
export interface CatalogCountRow {
  familyCode: string | null;
  restricted: boolean;
  count: number;
}

/** A family's name from ecom_families. */
export type FamilyRow = { code: string; name: string | null };

export interface CustomerPageQuery {
  /** Only the customers this agent follows; null = every customer. */
  agentCode: string | null;
  after: string | null;
  search: string | null;
  limit: number;
}

export interface ChangeRow {
  changeId: number;
  entity: string;
  entityKey: string | null;
}

export interface OrderHeaderInsert {
  idempotencyKey: string;
  requestHash: string;
  customerCode: string;
  agentCode: string | null;
  channel: string;
  customerReference: string | null;
  destinationId: string | null;
  shipToName: string | null;
  shipToStreet: string | null;
  shipToPostcode: string | null;
  shipToCity: string | null;
  shipToProvince: string | null;
  shipToCountry: string | null;
  requestedDelivery: DateString | null;
  notes: string | null;
  currency: string;
  totalNet: DecimalString;
  /** ISO 8601 instant. */
  createdAt: string;
}

/** The header the write probe inserts and rolls back; no customer or key can match it. */
export const PROBE_ORDER_HEADER: OrderHeaderInsert = {
  idempotencyKey: 'ponte-readiness-probe',
  requestHash: '0'.repeat(64),
  customerCode: '~ponte-probe~',
  agentCode: null,
  channel: 'PROBE',
  customerReference: null,
  destinationId: null,
  shipToName: null,
  shipToStreet: null,
  shipToPostcode: null,
  shipToCity: null,
  shipToProvince: null,
  shipToCountry: null,
  requestedDelivery: null,
  notes: null,
  currency: DEFAULTS.currency,
  totalNet: '0',
  createdAt: '1970-01-01T00:00:00.000Z',
};

export interface OrderLineInsert {
  lineNo: number;
  sku: string;
  quantity: DecimalString;
  listPrice: DecimalString | null;
  unitPrice: DecimalString;
  discount1: DecimalString | null;
  discount2: DecimalString | null;
  discount3: DecimalString | null;
  lineTotal: DecimalString;
  vatRate: DecimalString;
}

export interface OrderHeaderRow extends OrderHeaderInsert {
  inboxId: string;
  status: string;
  erpOrderNumber: string | null;
  erpMessage: string | null;
}

export interface OrderLineRow extends OrderLineInsert {
  inboxId: string;
}

export interface OrderPageQuery {
  customerCode: string;
  /** Exclusive upper bound on inbox id (newest first); null = from the newest. */
  before: string | null;
  limit: number;
}

/** The outcome of an order insert guarded by the UNIQUE idempotency key. */
export type InsertOrderResult =
  | { inserted: true; inboxId: string }
  | { inserted: false; existing: OrderHeaderRow };

export type { DocumentFileContent, DocumentFileRow, DocumentLineRow, DocumentPageQuery, DocumentRow } from './documentRows';

export interface ErpPort {
  /** Dialect name, for logs and metrics. */
  readonly dialect: 'sqlite' | 'mssql';

  /** Cheap liveness probe for /readyz. */
  ping(): Promise<void>;
  /**
   * Write probe for /readyz: writes an order header into the staging table
   * inside a transaction and rolls it back, leaving nothing behind.
   */
  probeWrite(): Promise<void>;

  referenceData(): Promise<ReferenceData>;
  articlesBySku(skus: readonly string[]): Promise<ArticleRow[]>;
  /** Active, web-enabled articles ordered by sku; visibility is applied by the caller. */
  catalogPage(query: CatalogPageQuery): Promise<ArticleRow[]>;
  /** Active, web-enabled articles matching the terms (as catalogPage does), counted per family and restricted flag. */
  catalogCounts(terms: readonly string[]): Promise<CatalogCountRow[]>;
  /** The rows of ecom_families; none when the installation has no such relation (it is optional). */
  familyNames(): Promise<FamilyRow[]>;
  customerContexts(customerCodes: readonly string[]): Promise<CustomerContextRow[]>;
  /** Conditions with neither customer_code nor customer_group. */
  globalConditions(): Promise<ConditionRow[]>;
  priceListItems(priceListCodes: readonly string[], skus: readonly string[]): Promise<PriceListItemRow[]>;
  /** Stock and incoming rows of web-enabled warehouses only. */
  stockFacts(skus: readonly string[]): Promise<StockFacts>;
  customersPage(query: CustomerPageQuery): Promise<CustomerRow[]>;
  destinations(customerCodes: readonly string[]): Promise<DestinationRow[]>;
  agentsByCode(agentCodes: readonly string[]): Promise<AgentRow[]>;

  /** The newest change id, or 0 for an empty feed. */
  latestChangeId(): Promise<number>;
  changesSince(changeId: number, limit: number): Promise<ChangeRow[]>;

  /**
   * Header and lines in one transaction. A concurrent or earlier insert with
   * the same customer and idempotency key is reported as `inserted: false`
   * with the row that won, decided by UNIQUE (customer_code,
   * idempotency_key), not by a prior check.
   */
  insertOrder(header: OrderHeaderInsert, lines: readonly OrderLineInsert[]): Promise<InsertOrderResult>;
  /** Keys belong to a customer: another customer's order with the same key is not found. */
  orderByIdempotencyKey(customerCode: string, key: string): Promise<OrderHeaderRow | null>;
  ordersById(inboxIds: readonly string[]): Promise<OrderHeaderRow[]>;
  ordersPage(query: OrderPageQuery): Promise<OrderHeaderRow[]>;
  orderLines(inboxIds: readonly string[]): Promise<OrderLineRow[]>;

  documentsPage(query: DocumentPageQuery): Promise<DocumentRow[]>;
  documentsById(documentIds: readonly string[]): Promise<DocumentRow[]>;
  /**
   * One customer's documents whose order_reference is one of `references`
   * (an order's inbox id or its customer reference), oldest first.
   */
  documentsByOrderReference(customerCode: string, references: readonly string[]): Promise<DocumentRow[]>;
  documentLines(documentIds: readonly string[]): Promise<DocumentLineRow[]>;
  documentFiles(documentIds: readonly string[]): Promise<DocumentFileRow[]>;
  documentFileContent(fileId: string): Promise<DocumentFileContent | null>;

  /** Warehouse statistics' per-article aggregates, computed by the database (statsRows.ts), in columns. */
  articleStatsAggregates(query: StatsAggregateQuery): Promise<ArticleStatsAggregates>;
  dailyMovements(query: DailyMovementQuery): Promise<DailyMovementRow[]>;
  /** The first sku of each of `parts` runs of active articles of about equal size, in sku order. */
  articleSkuSplits(parts: number): Promise<string[]>;

  close(): Promise<void>;
}
