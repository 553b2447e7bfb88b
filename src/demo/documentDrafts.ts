/**
 * The documents' history: each past order gives an order confirmation, a
 * delivery note once shipped and an invoice once billed, all with the same
 * lines. Drafts only: numbering and rendering happen in documentRows.ts.
 */
import { endOfMonth, formatDay, workingDayOnOrAfter, workingDayOnOrBefore, workingTime, yearOf } from './calendar';
import { CARRIERS, CASCADES, type PaymentTerms } from './data/company';
import { STREET_NAMES } from './data/places';
import type { Context } from './context';
import { price, qty } from './fixedPoint';
import { sellable, type Article, type Customer } from './model';
import type { Random } from './random';

export type DocType = 'INVOICE' | 'DELIVERY_NOTE' | 'ORDER_CONFIRMATION';

export interface DocLine {
  sku: string | null;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discounts: readonly number[];
  vatRate: string;
}

export interface DraftDocument {
  type: DocType;
  day: number;
  customer: Customer;
  lines: DocLine[];
  /** Delivery notes that only list goods carry no prices or totals. */
  valued: boolean;
  orderReference: string | null;
  /** Delivery notes only. */
  shipment: { destinationId: string | null; carrier: string; tracking: string | null; shippedAt: string; expectedDelivery: string } | null;
  /** Order of creation, to break ties when numbering. */
  serial: number;
}

export const DOC_NUMBERING: Readonly<Record<DocType, { idPrefix: string; number: (year: number, seq: string) => string }>> = {
  INVOICE: { idPrefix: 'FT', number: (year, seq) => `${year}/${seq}` },
  DELIVERY_NOTE: { idPrefix: 'DDT', number: (year, seq) => `DDT ${year}/${seq}` },
  ORDER_CONFIRMATION: { idPrefix: 'OC', number: (year, seq) => `OC ${year}/${seq}` },
};

/** Tracking numbers shaped like each carrier's; the distributor's own van has none. */
function trackingNumber(rnd: Random, carrier: string): string | null {
  const digits = (n: number): string => {
    let out = '';
    for (let i = 0; i < n; i++) out += String(rnd.int(0, 9));
    return out;
  };
  switch (carrier) {
    case 'BRT': return digits(15);
    case 'GLS': return `${rnd.pick(['MI', 'VR', 'BG', 'BO'])}${digits(9)}`;
    case 'SDA': return digits(13);
    case 'TNT': return digits(9);
    case 'DHL Express': return digits(10);
    case 'Poste Delivery Business': return `PB${digits(10)}IT`;
    default: return null;
  }
}

/** A customer without agreed terms pays at 30 days from the document, the Italian statutory default. */
export function dueDay(documentDay: number, terms: PaymentTerms | null): number {
  if (!terms) return documentDay + 30;
  const plain = documentDay + terms.days;
  return terms.endOfMonth ? endOfMonth(plain) : plain;
}

/**
 * Documents for about a fifth of the customers (always the demo customer),
 * in creation order: each past order gives an order confirmation, a delivery
 * note once shipped and an invoice once billed (immediately, or at the end
 * of the month), all with the same lines. documentRows.ts numbers them.
 */
export function draftDocuments(
  ctx: Context,
  rnd: Random,
  discounts: ReadonlyMap<string, readonly number[]>,
  demoSees: (a: Article) => boolean,
): DraftDocument[] {
  const orderable = ctx.articles.filter((a) => sellable(a) && !a.restricted);
  const demoOrderable = ctx.articles.filter((a) => sellable(a) && demoSees(a));
  const drafts: DraftDocument[] = [];
  let serial = 0;

  for (const customer of ctx.customers) {
    const isDemo = customer === ctx.demo;
    if (!isDemo && !rnd.chance(0.2)) continue;
    // The demo customer gets one order per age band, so it has every document type and state.
    const ages = isDemo
      ? [rnd.int(200, 330), rnd.int(90, 180), rnd.int(35, 80), rnd.int(6, 20), rnd.int(0, 2)]
      : Array.from({ length: rnd.int(1, 4) }, () => rnd.int(0, 360));

    for (const age of ages) {
      const orderDay = workingDayOnOrBefore(ctx.today - age);
      const cascade = discounts.get(customer.code) ?? (rnd.chance(0.4) ? rnd.pick(CASCADES) : []);
      const lines: DocLine[] = rnd.sample(isDemo ? demoOrderable : orderable, rnd.int(1, 5)).map((a) => {
        const minPacks = Math.max(1, Math.ceil(a.minOrderUnits / a.packUnits));
        return {
          sku: a.sku,
          description: a.description,
          quantity: qty(a.packUnits * rnd.int(minPacks, minPacks + 19)),
          unit: a.unit,
          unitPrice: price(a.refPrice),
          discounts: cascade,
          vatRate: a.vatRate,
        };
      });
      const orderReference = rnd.chance(0.6)
        ? rnd.pick([`ODA ${yearOf(orderDay)}/${rnd.int(1, 999)}`, `Ordine n. ${rnd.int(100, 9999)}`, `Cantiere ${rnd.pick(STREET_NAMES)}`])
        : null;
      const draft = (type: DocType, docDay: number, docLines: DocLine[], valued = true): DraftDocument => ({
        type, day: docDay, customer, lines: docLines, valued, orderReference, shipment: null, serial: serial++,
      });
      drafts.push(draft('ORDER_CONFIRMATION', orderDay, lines));

      const shipDay = workingDayOnOrAfter(orderDay + rnd.int(1, 5));
      if (shipDay > ctx.today) continue; // not shipped yet: only the confirmation exists
      const carrier = rnd.weighted(CARRIERS);
      const defaultDestination = customer.destinations.find((d) => d.isDefault);
      const destination = customer.destinations.length === 0 ? null
        : defaultDestination && rnd.chance(0.6) ? defaultDestination : rnd.pick(customer.destinations);
      const note = draft('DELIVERY_NOTE', shipDay, lines, rnd.chance(0.7));
      note.shipment = {
        destinationId: destination?.id ?? null,
        carrier,
        tracking: trackingNumber(rnd, carrier),
        shippedAt: workingTime(rnd, shipDay),
        expectedDelivery: formatDay(workingDayOnOrAfter(shipDay + rnd.int(1, 3))),
      };
      drafts.push(note);

      // Invoiced with the goods (fattura immediata) or at the end of the month (fattura differita).
      const invoiceDay = rnd.chance(0.3) ? shipDay : endOfMonth(shipDay);
      if (invoiceDay > ctx.today) continue;
      const invoiceLines = rnd.chance(0.2)
        ? [...lines, { sku: null, description: 'Spese di trasporto', quantity: '1', unit: 'NR', unitPrice: price(rnd.int(8, 25) * 10_000), discounts: [], vatRate: '22.00' }]
        : lines;
      drafts.push(draft('INVOICE', invoiceDay, invoiceLines));
    }
  }
  return drafts;
}
