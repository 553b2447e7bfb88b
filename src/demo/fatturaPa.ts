/**
 * FatturaPA 1.2.2 (FPR12, between businesses) as the SDI would receive it
 * from the distributor. test/demo/fatturaPa.test.ts validates every invoice
 * of a demo ERP against the official schema.
 *
 * Amounts come from the document's own totals, so the XML, the PDF and the
 * ERP rows state the same numbers: PrezzoTotale is the line total (quantity ×
 * unit price less the ScontoMaggiorazione cascade, half-up to the cent, the
 * SDI's rule), DatiRiepilogo is the project's VAT summary of those totals.
 */
import { type Decimal, formatFixed } from '../decimal/decimal';
import { CURRENCY, SELLER } from './data/company';
import type { IssuedDocument } from './demoDocuments';
import { percent } from './fixedPoint';

/** The SDI's file name: country, sender's VAT number, and the sending's progressive. */
export function fatturaPaFileName(doc: Pick<IssuedDocument, 'progressive'>): string {
  return `IT${SELLER.vatNumber}_${doc.progressive}.xml`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * Text as the schema's *LatinType fields take it: Basic Latin and Latin-1
 * only (accents stay, anything else loses its mark or becomes '?'), cut to
 * the field's length.
 */
function latin(text: string, max: number): string {
  let out = '';
  for (const c of text) {
    const base = c.charCodeAt(0) <= 0xff ? c : c.normalize('NFD')[0];
    out += base.charCodeAt(0) <= 0xff ? base : '?';
  }
  return out.slice(0, max).trim();
}

/** Basic Latin only, for the schema's StringNNType fields. */
function ascii(text: string, max: number): string {
  return text.normalize('NFD').replace(/[^\x20-\x7e]/g, '').slice(0, max).trim();
}

type Node = string | false | null | undefined;

/** An element with text (escaped) or children; empty children are left out, so optional fields read as conditions. */
function el(name: string, ...content: Node[]): string {
  const children = content.filter((c): c is string => typeof c === 'string');
  return `<${name}>${children.join('')}</${name}>`;
}
const text = (name: string, value: string): string => el(name, escapeXml(value));

const amount2 = (value: Decimal): string => formatFixed(value, 2);

/** QuantitaType and Amount8DecimalType want 2 to 8 decimals: "10" → "10.00", "2.755" stays. */
function atLeastTwoDecimals(plainDecimal: string): string {
  const [whole, fraction = ''] = plainDecimal.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  return `${whole}.${trimmed.padEnd(2, '0')}`;
}

function address(parts: { street: string; postcode: string; city: string; province: string | null; country: string }): string {
  return el(
    'Sede',
    text('Indirizzo', latin(parts.street, 60)),
    text('CAP', parts.postcode),
    text('Comune', latin(parts.city, 60)),
    parts.province !== null && text('Provincia', parts.province),
    text('Nazione', parts.country),
  );
}

function header(doc: IssuedDocument): string {
  const c = doc.customer;
  // Without a codice destinatario the SDI delivers to the PEC, or leaves the invoice in the buyer's reserved area.
  const recipient = c.sdiCode ?? '0000000';
  const transmission = el(
    'DatiTrasmissione',
    el('IdTrasmittente', text('IdPaese', 'IT'), text('IdCodice', SELLER.vatNumber)),
    text('ProgressivoInvio', doc.progressive),
    text('FormatoTrasmissione', 'FPR12'),
    text('CodiceDestinatario', recipient),
    c.sdiCode === null && c.pec !== null && text('PECDestinatario', c.pec),
  );
  const seller = el(
    'CedentePrestatore',
    el(
      'DatiAnagrafici',
      el('IdFiscaleIVA', text('IdPaese', 'IT'), text('IdCodice', SELLER.vatNumber)),
      text('CodiceFiscale', SELLER.vatNumber),
      el('Anagrafica', text('Denominazione', latin(SELLER.name, 80))),
      text('RegimeFiscale', SELLER.taxRegime),
    ),
    address({ ...SELLER, country: 'IT' }),
  );
  const buyer = el(
    'CessionarioCommittente',
    el(
      'DatiAnagrafici',
      c.vatNumber !== null && el('IdFiscaleIVA', text('IdPaese', 'IT'), text('IdCodice', c.vatNumber)),
      c.taxCode !== null && text('CodiceFiscale', c.taxCode),
      el('Anagrafica', text('Denominazione', latin(c.companyName, 80))),
    ),
    address(c),
  );
  return el('FatturaElettronicaHeader', transmission, seller, buyer);
}

function body(doc: IssuedDocument): string {
  const { totals } = doc;
  const general = el(
    'DatiGenerali',
    el(
      'DatiGeneraliDocumento',
      text('TipoDocumento', 'TD01'),
      text('Divisa', CURRENCY),
      text('Data', doc.date),
      text('Numero', ascii(doc.number, 20)),
      text('ImportoTotaleDocumento', amount2(totals.totalGross)),
    ),
    doc.orderReference !== null && el('DatiOrdineAcquisto', text('IdDocumento', ascii(doc.orderReference, 20))),
  );
  const lines = doc.lines.map((line, i) =>
    el(
      'DettaglioLinee',
      text('NumeroLinea', String(i + 1)),
      line.sku !== null && el('CodiceArticolo', text('CodiceTipo', 'INTERNO'), text('CodiceValore', ascii(line.sku, 35))),
      text('Descrizione', latin(line.description, 1000)),
      text('Quantita', atLeastTwoDecimals(line.quantity)),
      text('UnitaMisura', ascii(line.unit, 10)),
      text('PrezzoUnitario', atLeastTwoDecimals(line.unitPrice)),
      ...line.discounts.map((d) => el('ScontoMaggiorazione', text('Tipo', 'SC'), text('Percentuale', percent(d)))),
      text('PrezzoTotale', amount2(totals.lineTotals[i])),
      text('AliquotaIVA', line.vatRate),
    ),
  );
  const summary = totals.vatSummary.map((rate) =>
    el(
      'DatiRiepilogo',
      text('AliquotaIVA', formatFixed(rate.rate, 2)),
      text('ImponibileImporto', amount2(rate.taxable)),
      text('Imposta', amount2(rate.vat)),
      // Immediate VAT: the distributor is not on cash accounting, and no buyer here is a public body.
      text('EsigibilitaIVA', 'I'),
    ),
  );
  const terms = doc.customer.paymentTerms;
  const method = terms?.method ?? 'MP05';
  const payment = el(
    'DatiPagamento',
    // TP02: paid in full in one instalment.
    text('CondizioniPagamento', 'TP02'),
    el(
      'DettaglioPagamento',
      text('ModalitaPagamento', method),
      doc.dueDate !== null && text('DataScadenzaPagamento', doc.dueDate),
      text('ImportoPagamento', amount2(totals.totalGross)),
      method === 'MP05' && text('IBAN', SELLER.iban),
    ),
  );
  return el('FatturaElettronicaBody', general, el('DatiBeniServizi', ...lines, ...summary), payment);
}

export function fatturaPaXml(doc: IssuedDocument): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<p:FatturaElettronica versione="FPR12" xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2" ' +
    'xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    header(doc) +
    body(doc) +
    '</p:FatturaElettronica>\n'
  );
}
