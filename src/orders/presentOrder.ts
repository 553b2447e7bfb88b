/**
 * The API's view of an order as written in the inbox (and updated by the ERP).
 */
import { ZERO, erpDecimal, formatFixed } from '../decimal/decimal';
import type { OrderHeaderRow, OrderLineRow } from '../erp/port';
import { presentTotals } from './presentQuote';
import { summariseVat } from './vatSummary';

export function presentOrder(header: OrderHeaderRow, lines: readonly OrderLineRow[]) {
  const sorted = [...lines].sort((a, b) => a.lineNo - b.lineNo);
  const totals = presentTotals(
    summariseVat(sorted.map((l) => ({ lineTotal: erpDecimal(l.lineTotal, ZERO), vatRate: erpDecimal(l.vatRate, ZERO) }))),
  );
  const hasShipTo = header.shipToName !== null || header.shipToStreet !== null || header.shipToCity !== null;
  return {
    id: header.inboxId,
    status: header.status,
    erpOrderNumber: header.erpOrderNumber,
    erpMessage: header.erpMessage,
    customerCode: header.customerCode,
    agentCode: header.agentCode,
    channel: header.channel,
    customerReference: header.customerReference,
    destinationId: header.destinationId,
    shipTo: hasShipTo
      ? {
          name: header.shipToName,
          street: header.shipToStreet,
          postcode: header.shipToPostcode,
          city: header.shipToCity,
          province: header.shipToProvince,
          country: header.shipToCountry,
        }
      : null,
    requestedDelivery: header.requestedDelivery,
    notes: header.notes,
    currency: header.currency,
    // The total as written (the ERP's record), not recomputed.
    totalNet: header.totalNet,
    totalVat: totals.totalVat,
    totalGross: formatFixed(erpDecimal(header.totalNet, ZERO).plus(erpDecimal(totals.totalVat)), 2),
    vatSummary: totals.vatSummary,
    createdAt: header.createdAt,
    lines: sorted.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      quantity: l.quantity,
      listPrice: l.listPrice,
      unitPrice: l.unitPrice,
      discounts: [l.discount1, l.discount2, l.discount3].filter((d): d is string => d !== null && !erpDecimal(d, ZERO).isZero()),
      lineTotal: l.lineTotal,
      vatRate: l.vatRate,
    })),
  };
}
