/**
 * The API's view of an order as written in the inbox (and updated by the ERP).
 */
import { ZERO, erpDecimal, formatFixed } from '../decimal/decimal';
import type { OrderHeaderRow, OrderLineRow } from '../erp/port';
import { presentTotals } from './presentQuote';
import { summariseVat } from './vatSummary';

// A value, not only a type: the GraphQL enum is registered from it (resolvers/types), so the names exist once.
export const OrderStatus = { NEW: 'NEW', IMPORTED: 'IMPORTED', REJECTED: 'REJECTED' } as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

/** The inbox row's status as the API shows it; a status only the ERP knows reads as NEW (not yet imported). */
function orderStatusOf(status: string): OrderStatus {
  return Object.hasOwn(OrderStatus, status) ? OrderStatus[status as OrderStatus] : OrderStatus.NEW;
}

/** The discounts a line applied, in order: the ERP's unused slots (null or zero) are not discounts. */
export function discountsOf(line: { discount1: string | null; discount2: string | null; discount3: string | null }): string[] {
  return [line.discount1, line.discount2, line.discount3].filter((d): d is string => d !== null && !erpDecimal(d, ZERO).isZero());
}

export function presentOrder(header: OrderHeaderRow, lines: readonly OrderLineRow[]) {
  const sorted = [...lines].sort((a, b) => a.lineNo - b.lineNo);
  const totals = presentTotals(
    summariseVat(sorted.map((l) => ({ lineTotal: erpDecimal(l.lineTotal, ZERO), vatRate: erpDecimal(l.vatRate, ZERO) }))),
  );
  const hasShipTo = header.shipToName !== null || header.shipToStreet !== null || header.shipToCity !== null;
  return {
    id: header.inboxId,
    status: orderStatusOf(header.status),
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
      discounts: discountsOf(l),
      lineTotal: l.lineTotal,
      vatRate: l.vatRate,
    })),
  };
}
