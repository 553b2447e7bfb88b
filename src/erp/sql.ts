/**
 * Every SQL statement Ponte runs, written once for both dialects.
 *
 * Columns are aliased to the port's field names so rows need almost no
 * mapping; decimals, dates and ids come back as text (see Dialect) so
 * nothing passes through a binary float. All values are parameters.
 */
import type { Dialect } from './dialect';
import type { Raw } from './sqlErp';
import type {
  ArticleRow,
  ConditionRow,
  CustomerRow,
  DestinationRow,
  DocumentFileRow,
  DocumentLineRow,
  DocumentRow,
  OrderHeaderRow,
  OrderLineRow,
  VisibilityRuleRow,
  WarehouseRow,
} from './port';

export interface Statements {
  ping: string;
  settings: string;
  warehouses: string;
  priceLists: string;
  articlesBySku: string;
  /** `terms`: how many search words, bound as @t1 … @tN (folded LIKE patterns). */
  catalogPage: (opts: { after: boolean; family: boolean; terms: number; unrestrictedOnly: boolean }) => string;
  catalogCounts: (opts: { terms: number }) => string;
  relationExists: string;
  familyNames: string;
  customersByCode: string;
  visibilityForCustomers: string;
  conditionsForCustomers: string;
  globalConditions: string;
  priceListItems: string;
  stock: string;
  incoming: string;
  customersPage: (opts: { agent: boolean; after: boolean; search: boolean }) => string;
  destinations: string;
  agentsByCode: string;
  latestChangeId: string;
  changesSince: string;
  insertOrderHeader: string;
  insertOrderLine: string;
  orderByIdempotencyKey: string;
  ordersById: string;
  ordersPage: (opts: { before: boolean }) => string;
  orderLines: string;
  documentsPage: (opts: { type: boolean; from: boolean; to: boolean; before: boolean }) => string;
  documentsById: string;
  documentsByOrderReference: string;
  documentLines: string;
  documentFiles: string;
  documentFileContent: string;
  articleStatsAggregates: (opts: { warehouse: boolean; skuFrom: boolean; skuTo: boolean }) => string;
  dailyMovements: (opts: { warehouse: boolean }) => string;
  activeArticleCount: string;
  activeArticleAt: string;
}

export function buildStatements(d: Dialect): Statements {
  const article = `sku AS sku, description AS description, unit AS unit, family_code AS familyCode,
    ${d.decimal('vat_rate')} AS vatRate, ${d.decimal('pack_qty')} AS packQty,
    ${d.decimal('min_order_qty')} AS minOrderQty, restricted AS restricted, active AS active,
    web_enabled AS webEnabled`;
  const customer = `customer_code AS code, company_name AS companyName, vat_number AS vatNumber,
    tax_code AS taxCode, sdi_code AS sdiCode, pec AS pec, email AS email, phone AS phone,
    street AS street, postcode AS postcode, city AS city, province AS province, country AS country,
    price_list_code AS priceListCode, customer_group AS "group", agent_code AS agentCode,
    payment_terms AS paymentTerms, blocked AS blocked`;
  const condition = `${d.id('condition_id')} AS conditionId, customer_code AS customerCode,
    customer_group AS customerGroup, sku AS sku, family_code AS familyCode,
    ${d.decimal('min_qty')} AS minQty, ${d.date('valid_from')} AS validFrom, ${d.date('valid_to')} AS validTo,
    priority AS priority, kind AS kind, ${d.decimal('price')} AS price,
    ${d.decimal('discount_1')} AS discount1, ${d.decimal('discount_2')} AS discount2,
    ${d.decimal('discount_3')} AS discount3`;
  const orderHeader = `${d.id('inbox_id')} AS inboxId, idempotency_key AS idempotencyKey,
    request_hash AS requestHash, customer_code AS customerCode, agent_code AS agentCode,
    channel AS channel, customer_reference AS customerReference, destination_id AS destinationId,
    ship_to_name AS shipToName, ship_to_street AS shipToStreet, ship_to_postcode AS shipToPostcode,
    ship_to_city AS shipToCity, ship_to_province AS shipToProvince, ship_to_country AS shipToCountry,
    ${d.date('requested_delivery')} AS requestedDelivery, notes AS notes, currency AS currency,
    ${d.decimal('total_net')} AS totalNet, status AS status, erp_order_number AS erpOrderNumber,
    erp_message AS erpMessage, ${d.utcInstant('created_at')} AS createdAt`;
  const document = `document_id AS id, customer_code AS customerCode, doc_type AS type, number AS number,
    ${d.date('doc_date')} AS date, currency AS currency, ${d.decimal('total_net')} AS totalNet,
    ${d.decimal('total_vat')} AS totalVat, ${d.decimal('total_gross')} AS totalGross,
    ${d.date('due_date')} AS dueDate, paid AS paid, destination_id AS destinationId, carrier AS carrier,
    tracking_number AS trackingNumber, ${d.datetime('shipped_at')} AS shippedAt,
    ${d.date('expected_delivery')} AS expectedDelivery, order_reference AS orderReference`;
  const like = (col: string) => `${d.fold(col)} LIKE ${d.fold('@search')} ESCAPE '\\'`;
  // One condition per word: each must occur in the sku or the description,
  // the pattern folded by foldText in Node, the column by the dialect.
  const termMatch = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const p = `@t${i + 1}`;
      return `AND (${d.fold('sku')} LIKE ${p} ESCAPE '\\' OR ${d.fold('description')} LIKE ${p} ESCAPE '\\')`;
    }).join('\n       ');

  return {
    // Reads a contract relation, not a constant: a database that answers
    // SELECT 1 while its tables are locked is not ready to serve.
    ping: `SELECT COUNT(*) AS ok FROM ecom_settings WHERE setting_key = 'default_price_list'`,
    settings: 'SELECT setting_key AS "key", setting_value AS value FROM ecom_settings',
    warehouses: 'SELECT warehouse_code AS code, name AS name, web_enabled AS webEnabled FROM ecom_warehouses ORDER BY warehouse_code',
    priceLists: 'SELECT price_list_code AS code, description AS description, currency AS currency FROM ecom_price_lists',
    articlesBySku: `SELECT ${article} FROM ecom_articles WHERE sku IN (${d.keyList('@skus')})`,
    catalogPage: (o) =>
      `SELECT ${article} FROM ecom_articles
       WHERE active = 1 AND web_enabled = 1
       ${o.unrestrictedOnly ? 'AND (restricted = 0 OR restricted IS NULL)' : ''}
       ${o.after ? 'AND sku > @after' : ''}
       ${o.family ? 'AND family_code = @family' : ''}
       ${termMatch(o.terms)}
       ORDER BY sku ${d.limit('@limit')}`,
    catalogCounts: (o) =>
      `SELECT family_code AS familyCode, restricted AS restricted, COUNT(*) AS n FROM ecom_articles
       WHERE active = 1 AND web_enabled = 1
       ${termMatch(o.terms)}
       GROUP BY family_code, restricted`,
    relationExists: d.relationExists('@name'),
    familyNames: 'SELECT family_code AS code, description AS name FROM ecom_families',
    customersByCode: `SELECT ${customer} FROM ecom_customers WHERE customer_code IN (${d.keyList('@codes')})`,
    // Rules addressed to the customer or to its group, for every customer asked.
    visibilityForCustomers: `SELECT ${d.id('rule_id')} AS ruleId, mode AS mode, sku AS sku, family_code AS familyCode,
         customer_code AS customerCode, customer_group AS customerGroup
       FROM ecom_visibility
       WHERE customer_code IN (${d.keyList('@codes')})
          OR customer_group IN (SELECT customer_group FROM ecom_customers
                                WHERE customer_code IN (${d.keyList('@codes')}) AND customer_group IS NOT NULL)`,
    conditionsForCustomers: `SELECT ${condition} FROM ecom_conditions
       WHERE customer_code IN (${d.keyList('@codes')})
          OR customer_group IN (SELECT customer_group FROM ecom_customers
                                WHERE customer_code IN (${d.keyList('@codes')}) AND customer_group IS NOT NULL)`,
    globalConditions: `SELECT ${condition} FROM ecom_conditions WHERE customer_code IS NULL AND customer_group IS NULL`,
    priceListItems: `SELECT price_list_code AS priceListCode, sku AS sku, ${d.decimal('min_qty')} AS minQty,
         ${d.decimal('price')} AS price, ${d.date('valid_from')} AS validFrom, ${d.date('valid_to')} AS validTo
       FROM ecom_price_list_items
       WHERE sku IN (${d.keyList('@skus')}) AND price_list_code IN (${d.keyList('@lists')})`,
    stock: `SELECT s.sku AS sku, s.warehouse_code AS warehouseCode, ${d.decimal('s.on_hand')} AS onHand,
         ${d.decimal('s.committed')} AS "committed"
       FROM ecom_stock s JOIN ecom_warehouses w ON w.warehouse_code = s.warehouse_code
       WHERE w.web_enabled = 1 AND s.sku IN (${d.keyList('@skus')})`,
    incoming: `SELECT i.sku AS sku, i.warehouse_code AS warehouseCode, ${d.date('i.expected_date')} AS expectedDate,
         ${d.decimal('i.quantity')} AS quantity
       FROM ecom_incoming i JOIN ecom_warehouses w ON w.warehouse_code = i.warehouse_code
       WHERE w.web_enabled = 1 AND i.sku IN (${d.keyList('@skus')})`,
    customersPage: (o) =>
      `SELECT ${customer} FROM ecom_customers WHERE 1 = 1
       ${o.agent ? 'AND agent_code = @agent' : ''}
       ${o.after ? 'AND customer_code > @after' : ''}
       ${o.search ? `AND (${like('customer_code')} OR ${like('company_name')} OR ${like('vat_number')})` : ''}
       ORDER BY customer_code ${d.limit('@limit')}`,
    destinations: `SELECT destination_id AS id, customer_code AS customerCode, name AS name, street AS street,
         postcode AS postcode, city AS city, province AS province, country AS country, is_default AS isDefault
       FROM ecom_destinations WHERE customer_code IN (${d.keyList('@codes')})
       ORDER BY customer_code, destination_id`,
    agentsByCode: `SELECT agent_code AS code, name AS name, email AS email
       FROM ecom_agents WHERE agent_code IN (${d.keyList('@codes')})`,
    latestChangeId: `SELECT ${d.id('MAX(change_id)')} AS id FROM ecom_changes`,
    changesSince: `SELECT ${d.id('change_id')} AS changeId, entity AS entity, entity_key AS entityKey
       FROM ecom_changes WHERE change_id > @since ORDER BY change_id ${d.limit('@limit')}`,
    insertOrderHeader: d.insertReturningId(
      'ecom_order_inbox',
      `idempotency_key, request_hash, customer_code, agent_code, channel, customer_reference, destination_id,
       ship_to_name, ship_to_street, ship_to_postcode, ship_to_city, ship_to_province, ship_to_country,
       requested_delivery, notes, currency, total_net, status, created_at`,
      `@idempotencyKey, @requestHash, @customerCode, @agentCode, @channel, @customerReference, @destinationId,
       @shipToName, @shipToStreet, @shipToPostcode, @shipToCity, @shipToProvince, @shipToCountry,
       @requestedDelivery, @notes, @currency, @totalNet, 'NEW', @createdAt`,
      'inbox_id',
    ),
    insertOrderLine: `INSERT INTO ecom_order_inbox_lines (inbox_id, line_no, sku, quantity, list_price, unit_price,
         discount_1, discount_2, discount_3, line_total, vat_rate)
       VALUES (@inboxId, @lineNo, @sku, @quantity, @listPrice, @unitPrice, @discount1, @discount2, @discount3,
         @lineTotal, @vatRate)`,
    orderByIdempotencyKey: `SELECT ${orderHeader} FROM ecom_order_inbox WHERE customer_code = @customerCode AND idempotency_key = @key`,
    ordersById: `SELECT ${orderHeader} FROM ecom_order_inbox WHERE inbox_id IN (${d.idList('@ids')})`,
    ordersPage: (o) =>
      `SELECT ${orderHeader} FROM ecom_order_inbox WHERE customer_code = @customerCode
       ${o.before ? 'AND inbox_id < @before' : ''}
       ORDER BY inbox_id DESC ${d.limit('@limit')}`,
    orderLines: `SELECT ${d.id('inbox_id')} AS inboxId, line_no AS lineNo, sku AS sku, ${d.decimal('quantity')} AS quantity,
         ${d.decimal('list_price')} AS listPrice, ${d.decimal('unit_price')} AS unitPrice,
         ${d.decimal('discount_1')} AS discount1, ${d.decimal('discount_2')} AS discount2,
         ${d.decimal('discount_3')} AS discount3, ${d.decimal('line_total')} AS lineTotal,
         ${d.decimal('vat_rate')} AS vatRate
       FROM ecom_order_inbox_lines WHERE inbox_id IN (${d.idList('@ids')})
       ORDER BY inbox_id, line_no`,
    documentsPage: (o) =>
      `SELECT ${document} FROM ecom_documents WHERE customer_code = @customerCode
       ${o.type ? 'AND doc_type = @type' : ''}
       ${o.from ? 'AND doc_date >= @from' : ''}
       ${o.to ? 'AND doc_date <= @to' : ''}
       ${o.before ? 'AND (doc_date < @beforeDate OR (doc_date = @beforeDate AND document_id < @beforeId))' : ''}
       ORDER BY doc_date DESC, document_id DESC ${d.limit('@limit')}`,
    documentsById: `SELECT ${document} FROM ecom_documents WHERE document_id IN (${d.keyList('@ids')})`,
    documentsByOrderReference: `SELECT ${document} FROM ecom_documents
       WHERE customer_code = @customerCode AND order_reference IN (${d.keyList('@refs')})
       ORDER BY doc_date, document_id`,
    documentLines: `SELECT document_id AS documentId, line_no AS lineNo, sku AS sku, description AS description,
         ${d.decimal('quantity')} AS quantity, unit AS unit, ${d.decimal('unit_price')} AS unitPrice,
         ${d.decimal('discount_1')} AS discount1, ${d.decimal('discount_2')} AS discount2,
         ${d.decimal('discount_3')} AS discount3, ${d.decimal('line_total')} AS lineTotal,
         ${d.decimal('vat_rate')} AS vatRate
       FROM ecom_document_lines WHERE document_id IN (${d.keyList('@ids')}) ORDER BY document_id, line_no`,
    documentFiles: `SELECT file_id AS id, document_id AS documentId, kind AS kind, file_name AS fileName,
         content_type AS contentType, ${d.byteLength('content')} AS size
       FROM ecom_document_files WHERE document_id IN (${d.keyList('@ids')}) ORDER BY document_id, file_id`,
    documentFileContent: `SELECT f.file_id AS id, f.document_id AS documentId, d.customer_code AS customerCode,
         f.file_name AS fileName, f.content_type AS contentType, f.content AS content
       FROM ecom_document_files f JOIN ecom_documents d ON d.document_id = f.document_id
       WHERE f.file_id = @fileId`,
    // Warehouse statistics (warehouse-statistics.md). Every figure but the
    // latest sale and movement looks at the last 365 days only, so one pass
    // over the movements of those days, grouped by article, gives them: every
    // window a conditional sum. Windows compare moved_at with the window's
    // first day and the day after D ("YYYY-MM-DD" sorts before any time of
    // that day, as text and as datetime2), so the date part is taken only
    // for the weight of a movement in the average stock.
    //
    // The groups drive the join (CROSS JOIN keeps them the outer loop in
    // SQLite, which would otherwise store them in a temporary table to look
    // them up from the articles): each meets its article and its stock by
    // primary key as it is produced. Older movements are read only where a
    // latest day needs them, by a seek on (sku, moved_at): an article not
    // sold in 365 days, and the second branch, articles in stock that did
    // not move at all in 365 days.
    articleStatsAggregates: (o) => {
      const q = d.milli('quantity');
      const scope = (alias: string) =>
        [
          o.warehouse ? `AND ${alias}warehouse_code = @warehouse` : '',
          o.skuFrom ? `AND ${alias}sku >= @skuFrom` : '',
          o.skuTo ? `AND ${alias}sku < @skuTo` : '',
        ].join(' ');
      const inWarehouse = (alias: string) => (o.warehouse ? `AND ${alias}.warehouse_code = @warehouse` : '');
      const stockOf = (sku: string) => `(SELECT SUM(${d.milli('s.on_hand')}) FROM ecom_stock s WHERE s.sku = ${sku} ${inWarehouse('s')})`;
      const before365 = (sku: string, sales: boolean) =>
        `(SELECT MAX(p.moved_at) FROM ecom_stock_movements p
          WHERE p.sku = ${sku} AND p.moved_at < @from365 ${inWarehouse('p')}
          ${sales ? `AND p.reason = 'SALE' AND ${d.milli('p.quantity')} < 0` : ''})`;
      const sale = (from: string) => `SUM(CASE WHEN reason = 'SALE' AND moved_at >= ${from} THEN ${q} END)`;
      return `WITH w AS (
          SELECT sku,
            ${sale('@from30')} AS sale30, ${sale('@from90')} AS sale90,
            SUM(CASE WHEN reason = 'SALE' THEN ${q} END) AS sale365,
            COUNT(CASE WHEN reason = 'SALE' AND ${q} < 0 THEN 1 END) AS picks365,
            MAX(CASE WHEN reason = 'SALE' AND ${q} < 0 THEN moved_at END) AS lastSaleAt,
            MAX(moved_at) AS lastMovementAt,
            SUM(${q} * ${d.daysFrom('@from365', 'moved_at')}) AS weighted365
          FROM ecom_stock_movements
          WHERE moved_at >= @from365 AND moved_at < @dayAfter ${scope('')}
          GROUP BY sku
        )
        SELECT a.sku AS sku, a.description AS description, a.unit AS unit, a.family_code AS familyCode,
          ${d.integerText(stockOf('w.sku'))} AS onHand,
          ${d.integerText('w.sale30')} AS sale30, ${d.integerText('w.sale90')} AS sale90, ${d.integerText('w.sale365')} AS sale365,
          w.picks365 AS picks365, ${d.date(`COALESCE(w.lastSaleAt, ${before365('w.sku', true)})`)} AS lastSale,
          ${d.date('w.lastMovementAt')} AS lastMovement, ${d.integerText('w.weighted365')} AS weighted365
        FROM w CROSS JOIN ecom_articles a
        WHERE a.sku = w.sku AND a.active = 1
        UNION ALL
        SELECT a.sku, a.description, a.unit, a.family_code,
          ${d.integerText(`SUM(${d.milli('s.on_hand')})`)}, NULL, NULL, NULL, 0,
          ${d.date(before365('a.sku', true))}, ${d.date(before365('a.sku', false))}, NULL
        FROM ecom_articles a JOIN ecom_stock s ON s.sku = a.sku
        WHERE a.active = 1 ${scope('s.')}
          AND NOT EXISTS (SELECT 1 FROM ecom_stock_movements v
            WHERE v.sku = a.sku AND v.moved_at >= @from365 AND v.moved_at < @dayAfter ${inWarehouse('v')})
        GROUP BY a.sku, a.description, a.unit, a.family_code
        ORDER BY sku`;
    },
    // Splitting the catalog by position (articleSkuSplits): a count and one
    // seek per boundary along the primary key, where NTILE would number every article.
    activeArticleCount: `SELECT COUNT(*) AS n FROM ecom_articles WHERE active = 1`,
    activeArticleAt: `SELECT sku AS sku FROM ecom_articles WHERE active = 1 ORDER BY sku ${d.rowAt('@position')}`,
    dailyMovements: (o) => {
      const day = d.date('moved_at');
      return `SELECT sku AS sku, ${day} AS day, ${d.integerText(`SUM(${d.milli('quantity')})`)} AS quantity
        FROM ecom_stock_movements
        WHERE sku IN (${d.keyList('@skus')}) AND moved_at >= @from AND moved_at < @dayAfter
          ${o.warehouse ? 'AND warehouse_code = @warehouse' : ''}
        GROUP BY sku, ${day}`;
    },
  };
}

/** Bits arrive as 0/1 from SQLite and as booleans from SQL Server. */
export function bit(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 1n;
}

function nullableBit(value: unknown): boolean | null {
  return value === null || value === undefined ? null : bit(value);
}

/*
 * Row mappers: the aliases already give rows the port's field names, so
 * each mapper fixes only what the two drivers return differently (bits,
 * numbers, the case of kinds and modes); decimal texts pass through as
 * stored.
 */
export const mapArticle = (r: Raw): ArticleRow => ({
  ...(r as unknown as ArticleRow),
  restricted: bit(r.restricted),
  active: bit(r.active),
  webEnabled: bit(r.webEnabled),
});
export const mapCustomer = (r: Raw): CustomerRow => ({ ...(r as unknown as CustomerRow), blocked: bit(r.blocked) });
export const mapDestination = (r: Raw): DestinationRow => ({
  ...(r as unknown as DestinationRow),
  isDefault: bit(r.isDefault),
});
export const mapWarehouse = (r: Raw): WarehouseRow => ({ ...(r as unknown as WarehouseRow), webEnabled: bit(r.webEnabled) });
export const mapCondition = (r: Raw): ConditionRow => ({
  ...(r as unknown as ConditionRow),
  priority: Number(r.priority ?? 0),
  kind: String(r.kind).trim().toUpperCase() as ConditionRow['kind'],
});
export const mapVisibilityRule = (r: Raw): VisibilityRuleRow => ({
  ...(r as unknown as VisibilityRuleRow),
  mode: String(r.mode).trim().toUpperCase() as VisibilityRuleRow['mode'],
});
export const mapOrderHeader = (r: Raw): OrderHeaderRow => ({ ...(r as unknown as OrderHeaderRow) });
export const mapOrderLine = (r: Raw): OrderLineRow => ({ ...(r as unknown as OrderLineRow), lineNo: Number(r.lineNo) });
export const mapDocument = (r: Raw): DocumentRow => ({ ...(r as unknown as DocumentRow), paid: nullableBit(r.paid) });
export const mapDocumentLine = (r: Raw): DocumentLineRow => ({
  ...(r as unknown as DocumentLineRow),
  lineNo: Number(r.lineNo),
});
export const mapDocumentFile = (r: Raw): DocumentFileRow => ({
  ...(r as unknown as DocumentFileRow),
  size: Number(r.size ?? 0),
});

