/**
 * Every document of a demo ERP carries a real PDF: a file a PDF library
 * opens, with at least one page, that prints the document's number.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type Database from 'better-sqlite3';
import { PDFDocument } from 'pdf-lib';
import { demoErpInMemory } from './demoDigest';

interface PdfFile {
  fileId: string;
  number: string;
  type: string;
  content: Buffer;
}

describe('PDF files of a demo ERP', () => {
  let db: Database.Database;
  let files: PdfFile[];

  before(() => {
    db = demoErpInMemory({ seed: 7, articles: 400, customers: 80, today: '2026-11-26' });
    files = db
      .prepare(`SELECT f.file_id AS fileId, d.number, d.doc_type AS type, f.content FROM ecom_document_files f
                JOIN ecom_documents d ON d.document_id = f.document_id WHERE f.kind = 'PDF' ORDER BY f.file_id`)
      .all() as PdfFile[];
  });
  after(() => db.close());

  test('every document has exactly one PDF', () => {
    const documents = db.prepare('SELECT COUNT(*) AS n FROM ecom_documents').get() as { n: number };
    assert.equal(files.length, documents.n);
    assert.deepEqual(new Set(files.map((f) => f.type)), new Set(['INVOICE', 'DELIVERY_NOTE', 'ORDER_CONFIRMATION']));
  });

  test('each starts with the PDF header and ends with the end-of-file marker', () => {
    for (const f of files) {
      assert.equal(f.content.subarray(0, 5).toString('latin1'), '%PDF-', f.fileId);
      assert.match(f.content.subarray(-8).toString('latin1'), /%%EOF\s*$/, f.fileId);
    }
  });

  test('pdf-lib opens each again, with at least one page', async () => {
    for (const f of files) {
      const pdf = await PDFDocument.load(f.content, { updateMetadata: false });
      assert.ok(pdf.getPageCount() >= 1, f.fileId);
    }
  });

  test('each prints its document number', () => {
    // The content streams are not compressed, so the printed text is in the bytes as written.
    for (const f of files) assert.ok(f.content.includes(`n. ${f.number}`, 0, 'latin1'), `${f.fileId} shows ${f.number}`);
  });

  test('an invoice is titled Fattura and states its total', () => {
    const invoice = db
      .prepare(`SELECT d.number, d.total_gross AS total, f.content FROM ecom_documents d JOIN ecom_document_files f
                ON f.document_id = d.document_id AND f.kind = 'PDF' WHERE d.doc_type = 'INVOICE' ORDER BY d.document_id LIMIT 1`)
      .get() as { number: string; total: string; content: Buffer };
    const text = invoice.content.toString('latin1');
    assert.ok(text.includes(`(Fattura n. ${invoice.number})`));
    assert.ok(text.includes(`(${invoice.total})`));
  });
});
