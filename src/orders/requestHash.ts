/**
 * The fingerprint of an order request: SHA-256 over a canonical form of the
 * payload and the acting customer. Canonical means that what is the same
 * order hashes the same: decimals normalised ("2" = "2.000"), strings
 * trimmed, absent and null alike, keys in a fixed order.
 */
import { createHash } from 'node:crypto';
import type { Decimal } from '../decimal/decimal';

export interface CanonicalOrder {
  customerCode: string;
  lines: Array<{ sku: string; quantity: Decimal | string; expectedUnitPrice: Decimal | null }>;
  destinationId: string | null;
  shipTo: Partial<Record<string, string | null>> | null;
  customerReference: string | null;
  requestedDelivery: string | null;
  notes: string | null;
}

/** A fixed field list, so an absent field and a null one hash alike. */
const SHIP_TO_FIELDS = ['name', 'street', 'postcode', 'city', 'province', 'country'] as const;

function canonicalAddressField(field: string, value: string | null | undefined): string | null {
  const t = text(value);
  // Written upper-case to the inbox, so "it" and "IT" are the same order.
  return field === 'country' && t !== null ? t.toUpperCase() : t;
}

const text = (v: string | null | undefined) => (v === null || v === undefined || v.trim() === '' ? null : v.trim());
const dec = (v: Decimal | string | null) => (v === null ? null : typeof v === 'string' ? `invalid:${v}` : v.toString());

export function requestHash(order: CanonicalOrder): string {
  const canonical = [
    order.customerCode,
    order.lines.map((l) => [l.sku, dec(l.quantity), dec(l.expectedUnitPrice)]),
    text(order.destinationId),
    order.shipTo === null ? null : SHIP_TO_FIELDS.map((k) => [k, canonicalAddressField(k, order.shipTo![k])]),
    text(order.customerReference),
    order.requestedDelivery,
    text(order.notes),
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
