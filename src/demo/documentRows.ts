/** Documents as rows: numbered per type and year, with their lines, totals and rendered files. */
import { formatDay, yearOf } from './calendar';
import type { Context } from './context';
import { documentFiles } from './demoDocuments';
import { DOC_NUMBERING, dueDay, type DraftDocument } from './documentDrafts';
import { CURRENCY } from './data/company';
import { documentTotals } from './documentTotals';
import { formatFixed } from '../decimal/decimal';
import { percent } from './fixedPoint';
import type { Random } from './random';

export function insertDocuments(ctx: Context, rnd: Random, drafts: DraftDocument[]): void {
  // Number per type and year in date order, with gaps for the documents of customers not generated here.
  drafts.sort((x, y) => (x.type < y.type ? -1 : x.type > y.type ? 1 : x.day - y.day || x.serial - y.serial));
  const document = ctx.db.prepare(
    `INSERT INTO ecom_documents (document_id, customer_code, doc_type, number, doc_date, currency, total_net, total_vat, total_gross,
       due_date, paid, destination_id, carrier, tracking_number, shipped_at, expected_delivery, order_reference)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const line = ctx.db.prepare(
    `INSERT INTO ecom_document_lines (document_id, line_no, sku, description, quantity, unit, unit_price, discount_1, discount_2, discount_3, line_total, vat_rate)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const file = ctx.db.prepare(
    'INSERT INTO ecom_document_files (file_id, document_id, kind, file_name, content_type, content) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const sequences = new Map<string, number>();
  for (const doc of drafts) {
    const year = yearOf(doc.day);
    const key = `${doc.type}|${year}`;
    const seq = (sequences.get(key) ?? rnd.int(0, 20)) + rnd.int(1, 9);
    sequences.set(key, seq);
    const seqText = String(seq).padStart(6, '0');
    const numbering = DOC_NUMBERING[doc.type];
    const id = `${numbering.idPrefix}-${year}-${seqText}`;
    const number = numbering.number(year, seqText);
    const date = formatDay(doc.day);
    const totals = documentTotals(doc.lines);

    let dueDate: string | null = null;
    let paid: number | null = null;
    if (doc.type === 'INVOICE') {
      const due = dueDay(doc.day, doc.customer.paymentTerms);
      dueDate = formatDay(due);
      // Overdue invoices are mostly paid; blocked customers are blocked because they are not.
      paid = (due < ctx.today ? rnd.chance(doc.customer.blocked ? 0.1 : 0.88) : rnd.chance(0.1)) ? 1 : 0;
    }
    const s = doc.shipment;
    document.run(
      id, doc.customer.code, doc.type, number, date, CURRENCY,
      doc.valued ? formatFixed(totals.totalNet, 2) : null,
      doc.valued ? formatFixed(totals.totalVat, 2) : null,
      doc.valued ? formatFixed(totals.totalGross, 2) : null,
      dueDate, paid, s?.destinationId ?? null, s?.carrier ?? null, s?.tracking ?? null, s?.shippedAt ?? null, s?.expectedDelivery ?? null,
      doc.orderReference,
    );
    doc.lines.forEach((l, i) => {
      const d = doc.valued ? l.discounts : [];
      line.run(
        id, i + 1, l.sku, l.description, l.quantity, l.unit,
        doc.valued ? l.unitPrice : null,
        d.length > 0 ? percent(d[0]) : null, d.length > 1 ? percent(d[1]) : null, d.length > 2 ? percent(d[2]) : null,
        doc.valued ? formatFixed(totals.lineTotals[i], 2) : null,
        l.vatRate,
      );
    });

    // The draw stays where it always was, so the rows after it keep their values.
    const fatturaPa = doc.type === 'INVOICE' && doc.customer.country === 'IT' && rnd.chance(0.6);
    const issued = { ...doc, id, number, date, dueDate, totals, progressive: seq.toString(36).toUpperCase().padStart(5, '0') };
    for (const f of documentFiles(issued, { fatturaPa })) file.run(`${id}-${f.suffix}`, id, f.kind, f.fileName, f.contentType, f.content);
  }
}
