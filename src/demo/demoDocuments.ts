/**
 * The files a demo document carries: a readable PDF for every document, and
 * for some invoices to Italian customers the FatturaPA XML the SDI received.
 */
import type { DocumentTotals } from './documentTotals';
import type { DraftDocument } from './documentDrafts';
import { documentPdf } from './documentPdf';
import { fatturaPaFileName, fatturaPaXml } from './fatturaPa';

export interface IssuedDocument extends DraftDocument {
  id: string;
  number: string;
  date: string;
  dueDate: string | null;
  totals: DocumentTotals;
  /** The invoice's sending number to the SDI (ProgressivoInvio), base 36. */
  progressive: string;
}

export interface DocumentFile {
  /** Appended to the document id to make the file id. */
  suffix: string;
  kind: 'PDF' | 'FATTURAPA_XML';
  fileName: string;
  contentType: string;
  content: Buffer;
}

const PDF_NAME: Readonly<Record<DraftDocument['type'], string>> = {
  INVOICE: 'Fattura',
  DELIVERY_NOTE: 'DDT',
  ORDER_CONFIRMATION: 'Conferma_ordine',
};

/** "DDT 2026/000123" → "2026-000123": file names keep the year and sequence only. */
const numberForFileName = (number: string): string => number.replace(/^[A-Z]+ /, '').replace('/', '-');

export function documentFiles(doc: IssuedDocument, options: { fatturaPa: boolean }): DocumentFile[] {
  const files: DocumentFile[] = [
    {
      suffix: 'PDF',
      kind: 'PDF',
      fileName: `${PDF_NAME[doc.type]}_${numberForFileName(doc.number)}.pdf`,
      contentType: 'application/pdf',
      content: documentPdf(doc),
    },
  ];
  if (options.fatturaPa) {
    files.push({
      suffix: 'XML',
      kind: 'FATTURAPA_XML',
      fileName: fatturaPaFileName(doc),
      contentType: 'application/xml',
      content: Buffer.from(fatturaPaXml(doc), 'utf8'),
    });
  }
  return files;
}
