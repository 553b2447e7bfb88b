/**
 * An ERP where orders and documents link to each other the way the
 * contract says: ecom_documents.order_reference holds the order's inbox id
 * or its customer reference (the customer's PO number). Orders are rows the
 * ERP holds, written here directly, so a line may name an article the
 * customer can no longer see.
 *
 * C1 (agent AG1, destination D1): orders 101 (PO-1, to D1), 102 (no
 * reference, channel EDI, to a destination since deleted), 103 (shipTo).
 * C2: order 201 (PO-1 too). A-DENIED is denied to C1 by a DENY rule.
 * Documents by order_reference: '101' → OC-101; 'PO-1' → DDT-1 and FT-1
 * (C1's) and FT-C2 (C2's); '102' → OC-102; '999' → FT-OTHER.
 */
import type Database from 'better-sqlite3';
import { document } from '../helpers/erpRows';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';

export const LINKS_NOW = () => new Date('2026-06-15T10:00:00Z');

const header = (inboxId: number, customerCode: string, extra: Record<string, string | number | null> = {}) => ({
  inbox_id: inboxId,
  idempotency_key: `k-${inboxId}`,
  request_hash: 'h'.repeat(64),
  customer_code: customerCode,
  agent_code: null,
  channel: 'STOREFRONT',
  customer_reference: null,
  destination_id: null,
  currency: 'EUR',
  total_net: '10.00',
  status: 'NEW',
  created_at: '2026-06-01T08:00:00.000Z',
  ...extra,
});

const line = (inboxId: number, lineNo: number, sku: string) => ({
  inbox_id: inboxId,
  line_no: lineNo,
  sku,
  quantity: '1',
  list_price: '5.0000',
  unit_price: '5.0000',
  discount_1: null,
  discount_2: null,
  discount_3: null,
  line_total: '5.00',
  vat_rate: '22',
});

const docLine = (documentId: string, lineNo: number, sku: string | null) => ({
  document_id: documentId,
  line_no: lineNo,
  sku,
  description: sku ?? 'Spese di trasporto',
  quantity: '1',
  unit: 'PZ',
  unit_price: '5.0000',
  discount_1: null,
  discount_2: null,
  discount_3: null,
  line_total: '5.00',
  vat_rate: '22',
});

export function linksFixture(): Database.Database {
  const db = createFixtureDb();
  insertRows(db, 'ecom_agents', [{ agent_code: 'AG1', name: 'Agente Uno', email: 'uno@example.com' }]);
  insertRows(db, 'ecom_customers', [customer('C1', { agent_code: 'AG1' }), customer('C2')]);
  insertRows(db, 'ecom_destinations', [
    { destination_id: 'D1', customer_code: 'C1', name: 'Magazzino C1', street: 'Via Roma 1', postcode: '20100', city: 'Milano', province: 'MI', country: 'IT', is_default: 1 },
  ]);
  insertRows(db, 'ecom_articles', [article('A-1'), article('A-DENIED'), article('A-PACK10', { pack_qty: '10.000', min_order_qty: '25' })]);
  insertRows(db, 'ecom_visibility', [{ rule_id: 1, mode: 'DENY', sku: 'A-DENIED', customer_code: 'C1' }]);
  insertRows(db, 'ecom_order_inbox', [
    header(101, 'C1', { customer_reference: 'PO-1', destination_id: 'D1' }),
    header(102, 'C1', { channel: 'EDI', destination_id: 'D-GONE' }),
    header(103, 'C1', { ship_to_name: 'Cantiere', ship_to_street: 'Via Po 3', ship_to_city: 'Torino', ship_to_country: 'IT' }),
    header(201, 'C2', { customer_reference: 'PO-1' }),
  ]);
  insertRows(db, 'ecom_order_inbox_lines', [line(101, 1, 'A-1'), line(101, 2, 'A-DENIED'), line(101, 3, 'A-GONE'), line(102, 1, 'A-1'), line(201, 1, 'A-DENIED')]);
  insertRows(db, 'ecom_documents', [
    document('OC-101', 'C1', 'ORDER_CONFIRMATION', 'OV/1', '2026-06-01', { order_reference: '101' }),
    document('DDT-1', 'C1', 'DELIVERY_NOTE', 'DDT 1', '2026-06-03', { order_reference: 'PO-1', carrier: 'BRT', shipped_at: '2026-03-29T02:30:00' }),
    document('FT-1', 'C1', 'INVOICE', 'FT 1', '2026-06-05', { order_reference: 'PO-1', shipped_at: null }),
    document('OC-102', 'C1', 'ORDER_CONFIRMATION', 'OV/2', '2026-06-02', { order_reference: '102' }),
    document('FT-OTHER', 'C1', 'INVOICE', 'FT 9', '2026-06-06', { order_reference: '999' }),
    document('FT-C2', 'C2', 'INVOICE', 'FT 2', '2026-06-05', { order_reference: 'PO-1' }),
  ]);
  insertRows(db, 'ecom_document_lines', [docLine('DDT-1', 1, 'A-1'), docLine('DDT-1', 2, 'A-DENIED'), docLine('DDT-1', 3, null), docLine('DDT-1', 4, 'A-GONE')]);
  insertRows(db, 'ecom_document_files', [
    { file_id: 'F-1', document_id: 'FT-1', kind: 'PDF', file_name: 'FT 1.pdf', content_type: 'application/pdf', content: Buffer.from('%PDF') },
    { file_id: 'F-2', document_id: 'FT-1', kind: 'P7M', file_name: 'FT 1.xml.p7m', content_type: 'application/pkcs7-mime', content: Buffer.from('x') },
  ]);
  return db;
}
