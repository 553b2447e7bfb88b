/**
 * The API's view of a document in the customer's reserved area, its lines
 * and its shipment, beside presentOrder. Amounts stay the ERP's strings: a
 * document is the ERP's record and is shown as written, not recomputed.
 */
import type { DocumentLineRow, DocumentRow } from '../erp/port';
import { discountsOf } from '../orders/presentOrder';

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
 */
export function presentShipment<D>(row: DocumentRow, destination: D | null) {
  if (row.carrier === null && row.trackingNumber === null && row.shippedAt === null && row.expectedDelivery === null && row.destinationId === null) {
    return null;
  }
  return {
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    shippedAt: row.shippedAt,
    expectedDelivery: row.expectedDelivery,
    destinationId: row.destinationId,
    destination,
  };
}
