/**
 * The customer's documents as the ERP port returns them (erp-contract.md,
 * ecom_documents, ecom_document_lines, ecom_document_files), with the same
 * conventions as src/erp/port.ts, which re-exports them.
 */
import type { DateString, DecimalString } from './port';

export interface DocumentRow {
  id: string;
  customerCode: string;
  type: string;
  number: string;
  date: DateString;
  currency: string;
  totalNet: DecimalString | null;
  totalVat: DecimalString | null;
  totalGross: DecimalString | null;
  dueDate: DateString | null;
  paid: boolean | null;
  destinationId: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: string | null;
  expectedDelivery: DateString | null;
  orderReference: string | null;
}

export interface DocumentLineRow {
  documentId: string;
  lineNo: number;
  sku: string | null;
  description: string | null;
  quantity: DecimalString | null;
  unit: string | null;
  unitPrice: DecimalString | null;
  discount1: DecimalString | null;
  discount2: DecimalString | null;
  discount3: DecimalString | null;
  lineTotal: DecimalString | null;
  vatRate: DecimalString | null;
}

export interface DocumentFileRow {
  id: string;
  documentId: string;
  kind: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface DocumentFileContent {
  id: string;
  documentId: string;
  /** The owner of the document the file belongs to. */
  customerCode: string;
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface DocumentPageQuery {
  customerCode: string;
  type: string | null;
  from: DateString | null;
  to: DateString | null;
  /** Keyset cursor: documents strictly older than (date, id); null = newest first. */
  before: { date: DateString; id: string } | null;
  limit: number;
}
