/**
 * Step 2 of the pricing rules, prepared once: commercial conditions parsed,
 * filtered to those that can apply to one customer, and ordered by the
 * winner precedence of step 3, so a price needs only the first condition in
 * that order that matches its quantity and date.
 */
import { Decimal, ZERO, erpDecimal, parseDecimal, roundHalfUp } from '../decimal/decimal';
import type { ConditionRow } from '../erp/port';
import { type Threshold, toThreshold } from './quantity';

/** What every condition has, whatever it sets. */
interface ConditionBase {
  id: string;
  /** The id as a number for ordering; bigint ids keep their order exactly. */
  idOrder: bigint;
  priority: number;
  /** customer_code 3, customer_group 2, neither 1. */
  customerSpecificity: number;
  /** sku 3, family_code 2, neither 1. */
  articleSpecificity: number;
  customerCode: string | null;
  customerGroup: string | null;
  sku: string | null;
  familyCode: string | null;
  minQty: Decimal;
  /** minQty for fast comparison with an ordered quantity. */
  threshold: Threshold;
  validFrom: string | null;
  validTo: string | null;
}

/** PRICE or NET_PRICE: sets the base price (a NET_PRICE also rules out discounts, step 5). */
export interface PriceCondition extends ConditionBase {
  kind: 'PRICE' | 'NET_PRICE';
  price: Decimal;
  /** The price rounded to 4 decimals: the unit price when no discount applies. */
  unitPrice: Decimal;
}

/** DISCOUNT: up to three cascading discounts on whatever the base price is. */
export interface DiscountCondition extends ConditionBase {
  kind: 'DISCOUNT';
  /** The non-zero discounts, in order (percent). */
  discounts: readonly Decimal[];
  /** Π (1 − d/100) over `discounts`, exact. */
  factor: Decimal;
}

export type Condition = PriceCondition | DiscountCondition;

const ONE = new Decimal(1);

function idOrder(id: string): bigint {
  return /^-?\d+$/.test(id) ? BigInt(id) : 0n;
}

/** Parses one ERP row; rows of unknown kind or without their price are dropped (they cannot win anything). */
export function parseCondition(row: ConditionRow): Condition | null {
  const minQty = row.minQty === null || row.minQty === '' ? ZERO : erpDecimal(row.minQty);
  const base: ConditionBase = {
    id: row.conditionId,
    idOrder: idOrder(row.conditionId),
    priority: Number.isFinite(row.priority) ? row.priority : 0,
    customerSpecificity: row.customerCode !== null ? 3 : row.customerGroup !== null ? 2 : 1,
    articleSpecificity: row.sku !== null ? 3 : row.familyCode !== null ? 2 : 1,
    customerCode: row.customerCode,
    customerGroup: row.customerGroup,
    sku: row.sku,
    familyCode: row.familyCode,
    minQty,
    threshold: toThreshold(minQty),
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
  const kind = row.kind;
  switch (kind) {
    case 'PRICE':
    case 'NET_PRICE': {
      // A PRICE / NET_PRICE row without a price breaks the contract and could
      // give no base price; it takes no part rather than hide the ones that can.
      const price = row.price === null || row.price === '' ? null : parseDecimal(row.price);
      if (price === null) return null;
      return { ...base, kind, price, unitPrice: roundHalfUp(price, 4) };
    }
    case 'DISCOUNT': {
      const discounts = [row.discount1, row.discount2, row.discount3]
        .map((d) => (d === null || d === '' ? ZERO : erpDecimal(d)))
        .filter((d) => !d.isZero());
      const factor = discounts.reduce((f, d) => f.times(ONE.minus(d.dividedBy(100))), ONE);
      return { ...base, kind, discounts, factor };
    }
    default:
      // The column is free text in the ERP: an unknown kind is data to skip, not a crash.
      return null;
  }
}

/**
 * Step 3's order: priority (higher first); customer specificity; article
 * specificity; min_qty (higher first); valid_from (later first, NULL last);
 * condition_id (higher first). Negative when `a` wins over `b`.
 */
export function compareConditions(a: Condition, b: Condition): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.customerSpecificity !== b.customerSpecificity) return b.customerSpecificity - a.customerSpecificity;
  if (a.articleSpecificity !== b.articleSpecificity) return b.articleSpecificity - a.articleSpecificity;
  const byQty = b.minQty.comparedTo(a.minQty);
  if (byQty !== 0) return byQty;
  if (a.validFrom !== b.validFrom) {
    if (a.validFrom === null) return 1;
    if (b.validFrom === null) return -1;
    return a.validFrom > b.validFrom ? -1 : 1;
  }
  return a.idOrder === b.idOrder ? 0 : a.idOrder > b.idOrder ? -1 : 1;
}

/** Who is buying, as far as conditions care. null = anonymous. */
export interface ConditionAudience {
  code: string;
  group: string | null;
}

/** True when the customer columns of a condition match the audience (step 2). */
export function addressedTo(c: Pick<Condition, 'customerCode' | 'customerGroup'>, audience: ConditionAudience | null): boolean {
  if (c.customerCode !== null) return audience !== null && c.customerCode === audience.code;
  if (c.customerGroup !== null) return audience !== null && audience.group !== null && c.customerGroup === audience.group;
  return true;
}

/** True when a condition is in force on `today` (inclusive window; NULL = open). */
export function inForce(c: { validFrom: string | null; validTo: string | null }, today: string): boolean {
  return (c.validFrom === null || c.validFrom <= today) && (c.validTo === null || today <= c.validTo);
}
