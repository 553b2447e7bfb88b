/**
 * The printable document, as the distributor's ERP would print it: seller,
 * customer, lines, totals with the VAT summary, and what the document type
 * adds (due date for an invoice, carrier and destination for a delivery
 * note). Delivery notes that list goods only carry no prices.
 */
import { formatFixed } from '../decimal/decimal';
import { SELLER } from './data/company';
import type { IssuedDocument } from './demoDocuments';
import { A4, PdfCanvas } from './pdfCanvas';
import { percent } from './fixedPoint';

const TITLE: Readonly<Record<IssuedDocument['type'], string>> = {
  INVOICE: 'Fattura',
  DELIVERY_NOTE: 'Documento di trasporto',
  ORDER_CONFIRMATION: "Conferma d'ordine",
};

const LEFT = 42;
const RIGHT = A4.width - 42;
const BOTTOM = 60;
const SMALL = { size: 8 };
const NORMAL = { size: 9.5 };
const HEADING = { size: 15, bold: true };

/** Line table columns: x of the left edge, or of the right edge for numbers. */
const COLUMNS = { code: LEFT, description: LEFT + 62, quantity: 352, unit: 358, price: 430, discount: 474, total: 522, vat: RIGHT } as const;

export function documentPdf(doc: IssuedDocument): Buffer {
  const pdf = new PdfCanvas({ title: `${TITLE[doc.type]} ${doc.number}`, date: doc.date });
  pdf.newPage();
  let y = A4.height - 54;

  pdf.text(SELLER.name, LEFT, y, { size: 13, bold: true });
  pdf.text(`${SELLER.street} - ${SELLER.postcode} ${SELLER.city} (${SELLER.province})`, LEFT, y - 14, SMALL);
  pdf.text(`P.IVA e C.F. ${SELLER.vatNumber}`, LEFT, y - 24, SMALL);
  pdf.text(`${TITLE[doc.type]} n. ${doc.number}`, RIGHT, y, { ...HEADING, alignRight: true });
  pdf.text(`del ${italianDate(doc.date)}`, RIGHT, y - 16, { ...NORMAL, alignRight: true });
  y -= 60;

  const c = doc.customer;
  pdf.text('Spett.le', LEFT, y, SMALL);
  pdf.text(c.companyName, LEFT, y - 13, { size: 10.5, bold: true });
  pdf.text(c.street, LEFT, y - 26, NORMAL);
  pdf.text(`${c.postcode} ${c.city}${c.province ? ` (${c.province})` : ''}${c.country !== 'IT' ? ` - ${c.country}` : ''}`, LEFT, y - 38, NORMAL);
  const ids = [c.vatNumber && `P.IVA ${c.vatNumber}`, c.taxCode && c.taxCode !== c.vatNumber && `C.F. ${c.taxCode}`].filter(Boolean).join('  ');
  if (ids) pdf.text(ids, LEFT, y - 50, SMALL);
  pdf.text(`Cliente ${c.code}`, 330, y, SMALL);
  if (doc.orderReference) pdf.text(`Vs. riferimento: ${doc.orderReference}`, 330, y - 13, SMALL);
  const s = doc.shipment;
  if (s) {
    const destination = c.destinations.find((d) => d.id === s.destinationId);
    if (destination) pdf.text(PdfCanvas.fit(`Destinazione: ${destination.name}, ${destination.street}, ${destination.city}`, RIGHT - 330, SMALL), 330, y - 26, SMALL);
    pdf.text(`Vettore: ${s.carrier}${s.tracking ? `  tracking ${s.tracking}` : ''}`, 330, y - 38, SMALL);
    pdf.text(`Consegna prevista: ${italianDate(s.expectedDelivery)}`, 330, y - 50, SMALL);
  }
  y -= 78;

  const tableHeader = (): void => {
    const bold = { ...SMALL, bold: true };
    pdf.text('Codice', COLUMNS.code, y, bold);
    pdf.text('Descrizione', COLUMNS.description, y, bold);
    pdf.text('Q.ta', COLUMNS.quantity, y, { ...bold, alignRight: true });
    pdf.text('UM', COLUMNS.unit, y, bold);
    if (doc.valued) {
      pdf.text('Prezzo', COLUMNS.price, y, { ...bold, alignRight: true });
      pdf.text('Sconti', COLUMNS.discount, y, { ...bold, alignRight: true });
      pdf.text('Importo', COLUMNS.total, y, { ...bold, alignRight: true });
    }
    pdf.text('IVA', COLUMNS.vat, y, { ...bold, alignRight: true });
    pdf.rule(LEFT, y - 4, RIGHT, y - 4);
    y -= 16;
  };
  tableHeader();
  doc.lines.forEach((line, i) => {
    if (y < BOTTOM + 120) {
      pdf.newPage();
      y = A4.height - 54;
      tableHeader();
    }
    pdf.text(line.sku ?? '', COLUMNS.code, y, SMALL);
    pdf.text(PdfCanvas.fit(line.description, COLUMNS.quantity - COLUMNS.description - 40, SMALL), COLUMNS.description, y, SMALL);
    pdf.text(line.quantity, COLUMNS.quantity, y, { ...SMALL, alignRight: true });
    pdf.text(line.unit, COLUMNS.unit, y, SMALL);
    if (doc.valued) {
      pdf.text(line.unitPrice, COLUMNS.price, y, { ...SMALL, alignRight: true });
      pdf.text(line.discounts.map((d) => percent(d).replace(/\.00$/, '')).join('+'), COLUMNS.discount, y, { ...SMALL, alignRight: true });
      pdf.text(formatFixed(doc.totals.lineTotals[i], 2), COLUMNS.total, y, { ...SMALL, alignRight: true });
    }
    pdf.text(`${line.vatRate.replace(/\.00$/, '')}%`, COLUMNS.vat, y, { ...SMALL, alignRight: true });
    y -= 14;
  });
  pdf.rule(LEFT, y + 6, RIGHT, y + 6);
  y -= 14;

  if (doc.valued) {
    pdf.text('Riepilogo IVA', LEFT, y, { ...SMALL, bold: true });
    pdf.text('Imponibile', 190, y, { ...SMALL, bold: true, alignRight: true });
    pdf.text('Imposta', 250, y, { ...SMALL, bold: true, alignRight: true });
    for (const rate of doc.totals.vatSummary) {
      y -= 12;
      pdf.text(`Aliquota ${formatFixed(rate.rate, 2)}%`, LEFT, y, SMALL);
      pdf.text(formatFixed(rate.taxable, 2), 190, y, { ...SMALL, alignRight: true });
      pdf.text(formatFixed(rate.vat, 2), 250, y, { ...SMALL, alignRight: true });
    }
    const top = y + 12 * doc.totals.vatSummary.length;
    pdf.text('Totale imponibile EUR', 470, top, { ...NORMAL, alignRight: true });
    pdf.text(formatFixed(doc.totals.totalNet, 2), RIGHT, top, { ...NORMAL, alignRight: true });
    pdf.text('Totale IVA EUR', 470, top - 13, { ...NORMAL, alignRight: true });
    pdf.text(formatFixed(doc.totals.totalVat, 2), RIGHT, top - 13, { ...NORMAL, alignRight: true });
    pdf.text('Totale documento EUR', 470, top - 30, { size: 11, bold: true, alignRight: true });
    pdf.text(formatFixed(doc.totals.totalGross, 2), RIGHT, top - 30, { size: 11, bold: true, alignRight: true });
    y = Math.min(y, top - 30) - 24;
  }

  if (doc.type === 'INVOICE') {
    const terms = c.paymentTerms?.text ?? 'Bonifico 30 gg DF';
    pdf.text(`Pagamento: ${terms}${doc.dueDate ? ` - scadenza ${italianDate(doc.dueDate)}` : ''}`, LEFT, y, NORMAL);
    if (c.paymentTerms === null || c.paymentTerms.method === 'MP05') pdf.text(`IBAN ${SELLER.iban}`, LEFT, y - 13, NORMAL);
  }
  pdf.text(`${SELLER.name} - documento generato dal gestionale dimostrativo di Ponte`, LEFT, 36, { size: 7 });
  return pdf.toBytes();
}

/** "2026-03-01" → "01/03/2026", as Italian documents print dates. */
function italianDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
