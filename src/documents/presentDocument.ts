/**
 * The API's view of a document in the customer's reserved area, its lines
 * and its shipment, beside presentOrder. Amounts stay the ERP's strings: a
 * document is the ERP's record and is shown as written, not recomputed.
 */
import type { DocumentFileRow, DocumentLineRow, DocumentRow } from '../erp/port';
import { discountsOf } from '../orders/presentOrder';
import { presentErpDateTime } from '../settings/zonedDateTime';

// A value, not only a type: the GraphQL enum is registered from it (resolvers/types), so the names exist once.
export const DocumentType = {
  INVOICE: 'INVOICE',
  CREDIT_NOTE: 'CREDIT_NOTE',
  DELIVERY_NOTE: 'DELIVERY_NOTE',
  ORDER_CONFIRMATION: 'ORDER_CONFIRMATION',
  QUOTE: 'QUOTE',
  OTHER: 'OTHER',
} as const;
export type DocumentType = (typeof DocumentType)[keyof typeof DocumentType];

/** ERPs grow document types; one Ponte does not know yet is still shown, as OTHER, rather than failing the list. */
function documentTypeOf(type: string): DocumentType {
  return Object.hasOwn(DocumentType, type) ? DocumentType[type as DocumentType] : DocumentType.OTHER;
}

/** ecom_document_files.kind; a kind Ponte does not know is OTHER, as for document types. */
export const DocumentFileKind = { PDF: 'PDF', FATTURAPA_XML: 'FATTURAPA_XML', OTHER: 'OTHER' } as const;
export type DocumentFileKind = (typeof DocumentFileKind)[keyof typeof DocumentFileKind];

export function documentFileKindOf(kind: string): DocumentFileKind {
  const name = kind.trim().toUpperCase();
  return Object.hasOwn(DocumentFileKind, name) ? DocumentFileKind[name as DocumentFileKind] : DocumentFileKind.OTHER;
}

export function presentDocumentFile(file: DocumentFileRow) {
  return { id: file.id, kind: documentFileKindOf(file.kind), fileName: file.fileName, contentType: file.contentType, size: file.size };
}

export function presentDocument(row: DocumentRow) {
  return {
    id: row.id,
    type: documentTypeOf(row.type),
    number: row.number,
    date: row.date,
    currency: row.currency,
    totalNet: row.totalNet,
    totalVat: row.totalVat,
    totalGross: row.totalGross,
    dueDate: row.dueDate,
    paid: row.paid,
    orderReference: row.orderReference,
    customerCode: row.customerCode,
    // The shipment is presented on demand (presentShipment), from the row's delivery columns.
    row,
  };
}

export function presentDocumentLine(line: DocumentLineRow) {
  return {
    lineNo: line.lineNo,
    sku: line.sku,
    description: line.description,
    quantity: line.quantity,
    unit: line.unit,
    unitPrice: line.unitPrice,
    discounts: discountsOf(line),
    lineTotal: line.lineTotal,
    vatRate: line.vatRate,
  };
}

/**
 * Carrier and expected delivery, or null for a document with no delivery
 * details at all (an invoice). `destination` is the destination the row
 * names, already presented, or null when it names none or an unknown one.
 * shipped_at is the ERP's wall-clock time in `timeZone`, shown with its offset.
 */
export function presentShipment<D>(row: DocumentRow, destination: D | null, timeZone: string) {
  if (row.carrier === null && row.trackingNumber === null && row.shippedAt === null && row.expectedDelivery === null && row.destinationId === null) {
    return null;
  }
  return {
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    shippedAt: presentErpDateTime(row.shippedAt, timeZone),
    expectedDelivery: row.expectedDelivery,
    destinationId: row.destinationId,
    destination,
  };
}
