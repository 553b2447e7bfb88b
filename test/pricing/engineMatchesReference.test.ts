/**
 * The engine against the reference implementation on random rule sets:
 * a few price lists with overlapping breaks and validity windows, dozens of
 * overlapping conditions of every kind, customers with and without a list
 * and a group, anonymous callers, fractional quantities. Every field of
 * every price, and every price break, must agree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Decimal } from '../../src/decimal/decimal';
import type { ConditionKind, ConditionRow, PriceListItemRow } from '../../src/erp/port';
import { lineTotal, type PriceResult } from '../../src/pricing/computePrice';
import type { PriceBreak } from '../../src/pricing/priceBreaks';
import { engineCaller } from './engineHarness';
import {
  referencePrice,
  referencePriceBreaks,
  type ReferenceArticle,
  type ReferenceBreak,
  type ReferenceCustomer,
  type ReferenceResult,
} from './referencePricing';

const DATES = ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28'];
const TODAYS = ['2026-11-25', '2026-11-26', '2026-11-27'];
const LISTS = ['L1', 'L2', 'L3'];
const ARTICLES: ReferenceArticle[] = [
  { sku: 'S1', familyCode: 'F1' },
  { sku: 'S2', familyCode: 'F1' },
  { sku: 'S3', familyCode: 'F2' },
  { sku: 'S4', familyCode: null },
];
const FAMILIES = ['F1', 'F2', 'F3'];
/** Customers that may exist; C4 and G3 are only ever addressed by conditions (somebody else). */
const CUSTOMER_CODES = ['C1', 'C2', 'C3'];
const ADDRESSEES = ['C1', 'C2', 'C3', 'C4'];
const GROUPS = ['G1', 'G2', 'G3'];

// --- decimals as the ERP prints them ---------------------------------------

/** `units` of 10^-places, printed with all `places` decimals or trimmed ("12.500" / "12.5"). */
function printUnits(units: number, places: number, trimmed: boolean): string {
  const digits = String(units).padStart(places + 1, '0');
  let text = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  if (trimmed) text = text.replace(/\.?0+$/, '');
  return text;
}

const minQtyArb = fc
  .record({ v: fc.constantFrom(0, 1, 5, 10, 12.5, 50), trimmed: fc.boolean() })
  .map(({ v, trimmed }) => ({ key: v, text: printUnits(Math.round(v * 1000), 3, trimmed) }));

/** A price with up to 4 decimals; round ones are common so equal prices happen; now and then decimal(19,4)'s largest. */
const priceArb = fc.oneof(
  {
    weight: 20,
    arbitrary: fc
      .record({
        units: fc.oneof(fc.constantFrom(0, 50000, 75000, 80000, 90000, 99900, 100000), fc.integer({ min: 0, max: 300000 })),
        trimmed: fc.boolean(),
      })
      .map(({ units, trimmed }) => printUnits(units, 4, trimmed)),
  },
  { weight: 1, arbitrary: fc.constant('999999999999999.9999') },
);

/** A percent with up to 2 decimals in 0..100, or NULL (= 0). */
const discountArb = fc.oneof(
  fc.constant(null),
  fc.constantFrom('0', '0.00', '5', '10', '12.5', '20.00', '33.33', '100', '100.00'),
  fc.integer({ min: 0, max: 10000 }).map((n) => printUnits(n, 2, false)),
);

const dateArb = fc.option(fc.constantFrom(...DATES), { nil: null, freq: 2 });

/** A quantity > 0 with up to 3 decimals; thresholds and their neighbours are common. */
const quantityArb = fc.oneof(
  fc.constantFrom('0.5', '1', '2.25', '4.999', '5', '10', '12.125', '12.5', '13', '50', '100', '999999999999999.999'),
  fc.integer({ min: 1, max: 60000 }).map((n) => printUnits(n, 3, true)),
);

// --- rows -------------------------------------------------------------------

const priceListItemsArb = fc
  .uniqueArray(
    fc.record({
      priceListCode: fc.constantFrom(...LISTS),
      sku: fc.constantFrom(...ARTICLES.map((a) => a.sku)),
      minQty: minQtyArb,
      price: priceArb,
      validFrom: dateArb,
      validTo: dateArb,
    }),
    {
      // the table's key: (price_list_code, sku, min_qty, valid_from)
      selector: (r) => `${r.priceListCode}|${r.sku}|${r.minQty.key}|${r.validFrom}`,
      maxLength: 30,
    },
  )
  .map((rows): PriceListItemRow[] => rows.map((r) => ({ ...r, minQty: r.minQty.text })));

const addresseeArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ customerCode: null, customerGroup: null }) },
  { weight: 1, arbitrary: fc.constantFrom(...ADDRESSEES).map((c) => ({ customerCode: c, customerGroup: null })) },
  { weight: 1, arbitrary: fc.constantFrom(...GROUPS).map((g) => ({ customerCode: null, customerGroup: g })) },
);

const articleScopeArb = fc.oneof(
  fc.constant({ sku: null, familyCode: null }),
  fc.constantFrom(...ARTICLES.map((a) => a.sku)).map((sku) => ({ sku, familyCode: null })),
  fc.constantFrom(...FAMILIES).map((f) => ({ sku: null, familyCode: f })),
);

const conditionArb = fc
  .record({
    // bigint ids: small ones (where "9" < "10" as text would mislead) and ones past 2^53
    id: fc.oneof(
      { weight: 10, arbitrary: fc.integer({ min: 1, max: 2000 }).map(String) },
      { weight: 1, arbitrary: fc.constantFrom('9007199254740992', '9007199254740993', '9223372036854775807') },
    ),
    kind: fc.constantFrom<ConditionKind>('PRICE', 'NET_PRICE', 'DISCOUNT'),
    priority: fc.constantFrom(0, 0, 0, 1, 2, 3, -1),
    addressee: addresseeArb,
    scope: articleScopeArb,
    minQty: minQtyArb,
    validFrom: dateArb,
    validTo: dateArb,
    price: priceArb,
    /** DISCOUNT rows may carry a stray price, and price rows stray discounts: both are to be ignored. */
    strayPrice: fc.boolean(),
    discount1: discountArb,
    discount2: discountArb,
    discount3: discountArb,
  })
  .map(
    (c): ConditionRow => ({
      conditionId: c.id,
      ...c.addressee,
      ...c.scope,
      minQty: c.minQty.text,
      validFrom: c.validFrom,
      validTo: c.validTo,
      priority: c.priority,
      kind: c.kind,
      price: c.kind !== 'DISCOUNT' || c.strayPrice ? c.price : null,
      discount1: c.discount1,
      discount2: c.discount2,
      discount3: c.discount3,
    }),
  );

const conditionsArb = fc.uniqueArray(conditionArb, { selector: (c) => c.conditionId, minLength: 10, maxLength: 50 });

const customersArb = fc.tuple(
  ...CUSTOMER_CODES.map((code) =>
    fc.record({
      code: fc.constant(code),
      group: fc.option(fc.constantFrom(...GROUPS.slice(0, 2)), { nil: null }),
      priceListCode: fc.option(fc.constantFrom(...LISTS), { nil: null }),
    }),
  ),
);

const worldArb = fc.record({
  defaultPriceList: fc.constantFrom(...LISTS),
  priceListItems: priceListItemsArb,
  conditions: conditionsArb,
  customers: customersArb,
  today: fc.constantFrom(...TODAYS),
  quantities: fc.uniqueArray(quantityArb, { minLength: 1, maxLength: 4 }),
  ownRowsIncludeOthers: fc.boolean(),
});

// --- comparison -------------------------------------------------------------

const eqDecimal = (a: Decimal, b: string): boolean => a.eq(new Decimal(b));

/** Every way the engine's price differs from the reference's, as readable lines. */
function priceDifferences(got: PriceResult | null, want: ReferenceResult | null): string[] {
  if (got === null || want === null) {
    return got === null && want === null ? [] : [`engine ${got === null ? 'null' : 'priced'}, reference ${want === null ? 'null' : 'priced'}`];
  }
  const diffs: string[] = [];
  const field = (name: string, ok: boolean, g: unknown, w: unknown) => {
    if (!ok) diffs.push(`${name}: engine ${String(g)}, reference ${String(w)}`);
  };
  field('unitPrice', got.unitPrice.toFixed(4) === want.unitPrice, got.unitPrice.toFixed(4), want.unitPrice);
  field(
    'listPrice',
    got.listPrice === null ? want.listPrice === null : want.listPrice !== null && eqDecimal(got.listPrice, want.listPrice),
    got.listPrice,
    want.listPrice,
  );
  field('basePrice', eqDecimal(got.basePrice, want.basePrice), got.basePrice, want.basePrice);
  field(
    'discounts',
    got.discounts.length === want.discounts.length && got.discounts.every((d, i) => eqDecimal(d, want.discounts[i]!)),
    got.discounts.join(' + '),
    want.discounts.join(' + '),
  );
  const total = lineTotal(got.unitPrice, got.quantity).toFixed(2);
  field('lineTotal', total === want.lineTotal, total, want.lineTotal);
  field('source', got.source === want.source, got.source, want.source);
  field('conditionId', (got.priceWinner?.id ?? null) === want.conditionId, got.priceWinner?.id ?? null, want.conditionId);
  field(
    'discountConditionId',
    (got.discountWinner?.id ?? null) === want.discountConditionId,
    got.discountWinner?.id ?? null,
    want.discountConditionId,
  );
  return diffs;
}

function breaksDiffer(got: PriceBreak[], want: ReferenceBreak[]): boolean {
  return (
    got.length !== want.length ||
    got.some((b, i) => !eqDecimal(b.minQuantity, want[i]!.minQuantity) || !eqDecimal(b.unitPrice, want[i]!.unitPrice))
  );
}

const showBreaks = (breaks: readonly { minQuantity: unknown; unitPrice: unknown }[]) =>
  breaks.map((b) => `${String(b.minQuantity)}→${String(b.unitPrice)}`).join(', ') || '(none)';

test('the engine prices every caller, article and quantity exactly as the reference does, price breaks included', () => {
  fc.assert(
    fc.property(worldArb, (world) => {
      const callers: (ReferenceCustomer | null)[] = [null, ...world.customers];
      // The global conditions are loaded once and shared by every caller, as in the API.
      const globalRows = world.conditions.filter((c) => c.customerCode === null && c.customerGroup === null);
      for (const customer of callers) {
        const base = {
          customer,
          today: world.today,
          defaultPriceList: world.defaultPriceList,
          priceListItems: world.priceListItems,
          conditions: world.conditions,
        };
        const caller = engineCaller(base, { ownRowsIncludeOthers: world.ownRowsIncludeOthers, globalRows });
        for (const article of ARTICLES) {
          const ctx = caller.article(article);
          const who = customer === null ? 'anonymous' : `${customer.code}`;
          for (const quantity of world.quantities) {
            const diffs = priceDifferences(ctx.price(quantity), referencePrice({ ...base, article, quantity }));
            assert.deepEqual(diffs, [], `${who} buying ${quantity} of ${article.sku} on ${world.today}`);
          }
          const got = ctx.breaks();
          const want = referencePriceBreaks({ ...base, article });
          if (breaksDiffer(got, want)) {
            assert.fail(`price breaks for ${who}, ${article.sku} on ${world.today}: engine ${showBreaks(got)}; reference ${showBreaks(want)}`);
          }
        }
      }
    }),
    { numRuns: 400 },
  );
});
