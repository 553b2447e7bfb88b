/**
 * A reference implementation of "Pricing rules (normative)" in
 * /work/shared/spec/erp-contract.md, written straight from the text and
 * deliberately naive: every call filters the raw ERP rows, sorts the
 * survivors by the rule's tie-breakers and takes the first. Nothing is
 * cached, indexed or shared with src/pricing, and the arithmetic is done on
 * BigInt scaled integers (not decimal.js), so the engine can be checked
 * against something that shares none of its code.
 */
import type { ConditionRow, PriceListItemRow } from '../../src/erp/port';

// ---------------------------------------------------------------------------
// Exact decimals as BigInt scaled integers: value = n / 10^s.

export interface Fixed {
  n: bigint;
  s: number;
}

const TEN = 10n;

function pow10(k: number): bigint {
  return TEN ** BigInt(k);
}

/** Parses a plain-notation decimal ("9.9900", "12.5", "0", "-3"). */
export function fixed(text: string): Fixed {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new TypeError(`not a plain decimal: ${JSON.stringify(text)}`);
  const frac = m[3] ?? '';
  const n = BigInt((m[2] || '0') + frac);
  return { n: m[1] === '-' ? -n : n, s: frac.length };
}

function rescale(a: Fixed, s: number): bigint {
  return a.n * pow10(s - a.s);
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareFixed(a: Fixed, b: Fixed): number {
  const s = Math.max(a.s, b.s);
  const x = rescale(a, s);
  const y = rescale(b, s);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** num / den rounded to an integer, half away from zero (den > 0). */
function divHalfUp(num: bigint, den: bigint): bigint {
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const q = (2n * abs + den) / (2n * den);
  return negative ? -q : q;
}

/** An integer count of 10^-places units, printed with exactly `places` decimals. */
function printScaled(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${text}` : text;
}

/** Plain notation without trailing zeros ("10.00" → "10", "0.50" → "0.5"). */
export function plain(a: Fixed): string {
  let { n, s } = a;
  while (s > 0 && n % TEN === 0n) {
    n /= TEN;
    s -= 1;
  }
  return printScaled(n, s);
}

/** Exactly `places` decimals; the value must not need rounding. */
function printFixed(a: Fixed, places: number): string {
  if (a.s > places) {
    const unit = pow10(a.s - places);
    if (a.n % unit !== 0n) throw new RangeError(`${plain(a)} has more than ${places} decimals`);
    return printScaled(a.n / unit, places);
  }
  return printScaled(rescale(a, places), places);
}

// ---------------------------------------------------------------------------
// The rules.

export interface ReferenceCustomer {
  code: string;
  group: string | null;
  /** NULL = the default list. */
  priceListCode: string | null;
}

export interface ReferenceArticle {
  sku: string;
  familyCode: string | null;
}

export interface ReferenceInput {
  customer: ReferenceCustomer | null;
  article: ReferenceArticle;
  /** q > 0, plain decimal. */
  quantity: string;
  /** YYYY-MM-DD. */
  today: string;
  defaultPriceList: string;
  /** Every item of every list, for every sku. */
  priceListItems: readonly PriceListItemRow[];
  /** Every condition, addressed to anyone. */
  conditions: readonly ConditionRow[];
}

export type ReferenceSource = 'PRICE_LIST' | 'CONDITION' | 'NET_CONDITION';

export interface ReferenceResult {
  /** The list price with 4 decimals, or null when no list item applies. */
  listPrice: string | null;
  /** 4 decimals. */
  basePrice: string;
  /** The applied discounts in percent, in order, plain notation. */
  discounts: string[];
  /** 4 decimals. */
  unitPrice: string;
  /** 2 decimals. */
  lineTotal: string;
  source: ReferenceSource;
  /** The price winner. */
  conditionId: string | null;
  /** The discount winner, when discounts were applicable (no NET_PRICE winner). */
  discountConditionId: string | null;
}

/** "d within [valid_from, valid_to]", inclusive, NULL = open. */
function validOn(row: { validFrom: string | null; validTo: string | null }, d: string): boolean {
  return (row.validFrom === null || row.validFrom <= d) && (row.validTo === null || d <= row.validTo);
}

/** valid_from, later first; NULL is the earliest of all, so it comes last. */
function byValidFromLatestFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // NULL counts as the earliest: it sorts after any date
  if (b === null) return -1;
  return a > b ? -1 : 1;
}

/** Step 1 for one list: the item, or null. */
function listItemOf(input: ReferenceInput, priceListCode: string): PriceListItemRow | null {
  const q = fixed(input.quantity);
  const candidates = input.priceListItems.filter(
    (r) =>
      r.priceListCode === priceListCode &&
      r.sku === input.article.sku &&
      validOn(r, input.today) &&
      compareFixed(fixed(r.minQty), q) <= 0,
  );
  candidates.sort(
    (a, b) =>
      // the greatest min_qty first
      compareFixed(fixed(b.minQty), fixed(a.minQty)) ||
      // ties: the latest valid_from (NULL counts as earliest)
      byValidFromLatestFirst(a.validFrom, b.validFrom),
  );
  return candidates[0] ?? null;
}

/** Step 1: the customer's list (default when it has none or is anonymous), else the default list. */
export function referenceListItem(input: ReferenceInput): PriceListItemRow | null {
  const own = input.customer?.priceListCode ?? null;
  const first = listItemOf(input, own ?? input.defaultPriceList);
  if (first) return first;
  return listItemOf(input, input.defaultPriceList);
}

/** Step 2: does the condition match? */
export function referenceMatches(c: ConditionRow, input: ReferenceInput): boolean {
  const customer = input.customer;
  if (customer === null && (c.customerCode !== null || c.customerGroup !== null)) return false;
  if (c.customerCode !== null && c.customerCode !== customer?.code) return false;
  if (c.customerGroup !== null && (customer?.group == null || c.customerGroup !== customer.group)) return false;
  if (c.sku !== null && c.sku !== input.article.sku) return false;
  if (c.familyCode !== null && (input.article.familyCode === null || c.familyCode !== input.article.familyCode)) return false;
  if (compareFixed(fixed(c.minQty), fixed(input.quantity)) > 0) return false;
  if (!validOn(c, input.today)) return false;
  return true;
}

function customerSpecificity(c: ConditionRow): number {
  return c.customerCode !== null ? 3 : c.customerGroup !== null ? 2 : 1;
}

function articleSpecificity(c: ConditionRow): number {
  return c.sku !== null ? 3 : c.familyCode !== null ? 2 : 1;
}

/** Step 3's order, as a comparator: negative when `a` wins over `b`. */
export function referenceWinnerOrder(a: ConditionRow, b: ConditionRow): number {
  // priority (higher first)
  if (a.priority !== b.priority) return a.priority > b.priority ? -1 : 1;
  // customer specificity (customer_code 3, customer_group 2, neither 1)
  if (customerSpecificity(a) !== customerSpecificity(b)) return customerSpecificity(b) - customerSpecificity(a);
  // article specificity (sku 3, family_code 2, neither 1)
  if (articleSpecificity(a) !== articleSpecificity(b)) return articleSpecificity(b) - articleSpecificity(a);
  // min_qty (higher first)
  const byQty = compareFixed(fixed(b.minQty), fixed(a.minQty));
  if (byQty !== 0) return byQty;
  // valid_from (later first, NULL last)
  const byFrom = byValidFromLatestFirst(a.validFrom, b.validFrom);
  if (byFrom !== 0) return byFrom;
  // condition_id (higher first); a bigint, compared as a number
  const x = BigInt(a.conditionId);
  const y = BigInt(b.conditionId);
  return x === y ? 0 : x > y ? -1 : 1;
}

function winner(matching: ConditionRow[]): ConditionRow | null {
  return [...matching].sort(referenceWinnerOrder)[0] ?? null;
}

/** The whole of steps 1–7 for one line. null = price on request. */
export function referencePrice(input: ReferenceInput): ReferenceResult | null {
  // 1. List price.
  const listItem = referenceListItem(input);

  // 2. Matching conditions.
  const matching = input.conditions.filter((c) => referenceMatches(c, input));

  // 3. Winners, independently.
  const priceWinner = winner(matching.filter((c) => c.kind === 'PRICE' || c.kind === 'NET_PRICE'));
  const discountWinner = winner(matching.filter((c) => c.kind === 'DISCOUNT'));

  // 4. Base price.
  let base: Fixed;
  if (priceWinner !== null) {
    if (priceWinner.price === null) throw new TypeError(`condition ${priceWinner.conditionId} is a ${priceWinner.kind} without a price`);
    base = fixed(priceWinner.price);
  } else if (listItem !== null) {
    base = fixed(listItem.price);
  } else {
    return null; // price on request
  }

  // 5. Discounts.
  const net = priceWinner?.kind === 'NET_PRICE';
  const applied = net || discountWinner === null ? null : discountWinner;
  const discounts = applied === null
    ? []
    : [applied.discount1, applied.discount2, applied.discount3]
        .map((d) => fixed(d === null || d === '' ? '0' : d)) // NULL = 0
        .filter((d) => d.n !== 0n);

  // 6. Unit price = base × Π(1 − d/100), half-up to 4 decimals. With
  //    d = dn / 10^ds:  1 − d/100 = (100·10^ds − dn) / (100·10^ds).
  let num = base.n * pow10(4);
  let den = pow10(base.s);
  for (const d of discounts) {
    num *= 100n * pow10(d.s) - d.n;
    den *= 100n * pow10(d.s);
  }
  const unit4 = divHalfUp(num, den); // in units of 0.0001

  // 7. Line total = unit price × q, half-up to 2 decimals.
  const q = fixed(input.quantity);
  const total2 = divHalfUp(unit4 * q.n * pow10(2), pow10(4 + q.s)); // in units of 0.01

  return {
    listPrice: listItem === null ? null : printFixed(fixed(listItem.price), 4),
    basePrice: printFixed(base, 4),
    discounts: discounts.map(plain),
    unitPrice: printScaled(unit4, 4),
    lineTotal: printScaled(total2, 2),
    source: priceWinner === null ? 'PRICE_LIST' : net ? 'NET_CONDITION' : 'CONDITION',
    conditionId: priceWinner?.conditionId ?? null,
    discountConditionId: applied?.conditionId ?? null,
  };
}

export interface ReferenceBreak {
  minQuantity: string;
  unitPrice: string;
}

/**
 * Brute force: every min_qty that appears anywhere in the data (any list,
 * any sku, any condition, valid or not) is a candidate; price at each, in
 * ascending order, and keep the ones where the unit price differs from the
 * last one kept. Prices are step functions of q that can only change at a
 * min_qty, so this superset of the real thresholds finds every break.
 */
/**
 * @param orderable when given, the breaks a customer can order: the first
 * orderable quantity, then each threshold moved up to its next orderable
 * quantity (thresholds beyond any orderable quantity dropped).
 */
export function referencePriceBreaks(
  input: Omit<ReferenceInput, 'quantity'>,
  orderable?: { first: string; atLeast: (threshold: string) => string | null },
): ReferenceBreak[] {
  const thresholds: string[] = [];
  for (const r of input.priceListItems) thresholds.push(r.minQty);
  for (const c of input.conditions) thresholds.push(c.minQty);
  const candidates: Fixed[] = (
    orderable ? [orderable.first, ...thresholds.map(orderable.atLeast).filter((q): q is string => q !== null)] : thresholds
  ).map(fixed);
  candidates.sort(compareFixed);

  const breaks: ReferenceBreak[] = [];
  let previous: string | null = null;
  for (let i = 0; i < candidates.length; i++) {
    if (i > 0 && compareFixed(candidates[i]!, candidates[i - 1]!) === 0) continue;
    const quantity = plain(candidates[i]!);
    const price = referencePrice({ ...input, quantity });
    if (price === null) continue;
    if (previous === null || price.unitPrice !== previous) {
      breaks.push({ minQuantity: quantity, unitPrice: price.unitPrice });
      previous = price.unitPrice;
    }
  }
  return breaks;
}
