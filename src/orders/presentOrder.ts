/**
 * The API's view of an order as written in the inbox (and updated by the ERP).
 */
import { ZERO, erpDecimal, formatFixed } from '../decimal/decimal';
import type { OrderHeaderRow, OrderLineRow } from '../erp/port';
import { presentErpDateTime } from '../settings/zonedDateTime';
import { presentTotals } from './presentQuote';
import { summariseVat } from './vatSummary';

// A value, not only a type: the GraphQL enum is registered from it (resolvers/types), so the names exist once.
export const OrderStatus = { NEW: 'NEW', IMPORTED: 'IMPORTED', REJECTED: 'REJECTED' } as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

/** The inbox row's status as the API shows it; a status only the ERP knows reads as NEW (not yet imported). */
function orderStatusOf(status: string): OrderStatus {
  return Object.hasOwn(OrderStatus, status) ? OrderStatus[status as OrderStatus] : OrderStatus.NEW;
}

/**
 * Where an order came from (ecom_order_inbox.channel). Ponte writes
 * STOREFRONT and SALES_APP; the contract leaves the list open ("…"), so a
 * channel only the ERP knows (orders keyed in by its own staff, EDI) reads
 * as OTHER instead of failing the order.
 */
export const OrderChannel = { STOREFRONT: 'STOREFRONT', SALES_APP: 'SALES_APP', OTHER: 'OTHER' } as const;
export type OrderChannel = (typeof OrderChannel)[keyof typeof OrderChannel];

export function orderChannelOf(channel: string): OrderChannel {
  const name = channel.trim().toUpperCase();
  return Object.hasOwn(OrderChannel, name) ? OrderChannel[name as OrderChannel] : OrderChannel.OTHER;
}

/** The discounts a line applied, in order: the ERP's unused slots (null or zero) are not discounts. */
export function discountsOf(line: { discount1: string | null; discount2: string | null; discount3: string | null }): string[] {
  return [line.discount1, line.discount2, line.discount3].filter((d): d is string => d !== null && !erpDecimal(d, ZERO).isZero());
}

/** @param timeZone the ERP's zone (ecom_settings.time_zone): createdAt is shown with its offset. */
/** createdAt is NOT NULL: an unreadable one fails the field loudly rather than inventing an instant. */
function formatUnreadable(text: string): never {
  throw new TypeError(`order created_at is not a datetime: ${JSON.stringify(text).slice(0, 40)}`);
}

export function presentOrder(header: OrderHeaderRow, lines: readonly OrderLineRow[], timeZone: string) {
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
    channel: orderChannelOf(header.channel),
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
    // Written by Ponte in UTC; a row the ERP rewrote without a zone reads as its local time.
    createdAt: presentErpDateTime(header.createdAt, timeZone) ?? formatUnreadable(header.createdAt),
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
