/**
 * Drives the pricing engine (src/pricing) from the same raw ERP rows the
 * reference implementation takes, the way the API does: global conditions
 * and the customer's own ones compiled into a per-audience index, and the
 * customer's list and the default list compiled per (list, sku), the query
 * built by the API's own step 1 (priceQueryFor). Every call compiles afresh,
 * so nothing carries over between scenarios.
 */
import { Decimal, formatFixed, formatPlain } from '../../src/decimal/decimal';
import type { ConditionRow, PriceListItemRow } from '../../src/erp/port';
import { compileConditionIndex, compileGlobalConditions } from '../../src/pricing/conditionIndex';
import { computePrice, lineTotal, type PriceResult } from '../../src/pricing/computePrice';
import { compileListItems } from '../../src/pricing/listPrice';
import { priceBreaks, type PriceBreak } from '../../src/pricing/priceBreaks';
import { priceCaller, priceQueryFor } from '../../src/pricing/priceQuery';
import {
  referencePrice,
  referencePriceBreaks,
  type ReferenceBreak,
  type ReferenceInput,
  type ReferenceResult,
} from './referencePricing';

export type Scenario = Omit<ReferenceInput, 'quantity'>;

export interface EngineContext {
  price(quantity: string): PriceResult | null;
  breaks(): PriceBreak[];
}

export interface EngineContextOptions {
  /**
   * Hand the index every row addressed to some customer or group (not only
   * the caller's own): compileConditionIndex promises to ignore the others.
   */
  ownRowsIncludeOthers?: boolean;
  /**
   * The global conditions (neither customer nor group), when the caller
   * shares one array between audiences, as the API does; by default a fresh
   * array is filtered from the scenario's conditions.
   */
  globalRows?: ConditionRow[];
}

export interface EngineCaller {
  /** The compiled price of one article for this caller. */
  article(article: Scenario['article']): EngineContext;
}

/** One caller (customer or anonymous), its condition index built once for every article. */
export function engineCaller(scenario: Omit<Scenario, 'article'>, options: EngineContextOptions = {}): EngineCaller {
  const { customer } = scenario;
  const audience = customer === null ? null : { code: customer.code, group: customer.group };
  const globalRows: ConditionRow[] =
    options.globalRows ?? scenario.conditions.filter((c) => c.customerCode === null && c.customerGroup === null);
  const ownRows: ConditionRow[] =
    customer === null
      ? []
      : scenario.conditions.filter((c) =>
          options.ownRowsIncludeOthers
            ? c.customerCode !== null || c.customerGroup !== null
            : c.customerCode === customer.code || (customer.group !== null && c.customerGroup === customer.group),
        );
  const caller = priceCaller(customer?.priceListCode, scenario.defaultPriceList, compileConditionIndex(audience, compileGlobalConditions(globalRows), ownRows), scenario.today);
  return {
    article(article) {
      const rowsOf = (list: string): PriceListItemRow[] =>
        scenario.priceListItems.filter((r) => r.priceListCode === list && r.sku === article.sku);
      const query = priceQueryFor(caller, article, (list) => compileListItems(rowsOf(list)));
      return {
        price: (quantity) => computePrice(query, new Decimal(quantity)),
        breaks: () => priceBreaks(query),
      };
    },
  };
}

/** One caller and one article, compiled once; price it at any quantity. */
export function engineContext(scenario: Scenario, options: EngineContextOptions = {}): EngineContext {
  return engineCaller(scenario, options).article(scenario.article);
}

/** The engine's answer in the reference's shape (strings, ids), for readable assertions. */
export function normalizeEngine(result: PriceResult | null): ReferenceResult | null {
  if (result === null) return null;
  return {
    listPrice: result.listPrice === null ? null : formatFixed(result.listPrice, 4),
    basePrice: formatFixed(result.basePrice, 4),
    discounts: result.discounts.map(formatPlain),
    unitPrice: formatFixed(result.unitPrice, 4),
    lineTotal: formatFixed(lineTotal(result.unitPrice, result.quantity), 2),
    source: result.source,
    conditionId: result.priceWinner?.id ?? null,
    discountConditionId: result.discountWinner?.id ?? null,
  };
}

export interface PricingImplementation {
  name: string;
  price(input: ReferenceInput): ReferenceResult | null;
  breaks(scenario: Scenario): ReferenceBreak[];
}

/**
 * The engine for hand-written scenarios. The index is handed every row
 * addressed to some customer or group, so a test about conditions for
 * somebody else also proves the index leaves them out (the property test
 * covers the API's usual call, with only the caller's own rows).
 */
export const engine: PricingImplementation = {
  name: 'engine',
  price: ({ quantity, ...scenario }) => normalizeEngine(engineContext(scenario, { ownRowsIncludeOthers: true }).price(quantity)),
  breaks: (scenario) =>
    engineContext(scenario, { ownRowsIncludeOthers: true })
      .breaks()
      .map((b) => ({ minQuantity: formatPlain(b.minQuantity), unitPrice: formatFixed(b.unitPrice, 4) })),
};

export const reference: PricingImplementation = {
  name: 'reference',
  price: referencePrice,
  breaks: referencePriceBreaks,
};

// ---------------------------------------------------------------------------
// Row builders with the contract's defaults, so a test states only its facts.

export function item(priceListCode: string, sku: string, minQty: string, price: string, extra: Partial<PriceListItemRow> = {}): PriceListItemRow {
  return { priceListCode, sku, minQty, price, validFrom: null, validTo: null, ...extra };
}

let nextId = 1000;

export type ConditionFacts = Partial<ConditionRow> & Pick<ConditionRow, 'kind'>;

export function condition(facts: ConditionFacts): ConditionRow {
  return {
    conditionId: String(nextId++),
    customerCode: null,
    customerGroup: null,
    sku: null,
    familyCode: null,
    minQty: '0',
    validFrom: null,
    validTo: null,
    priority: 0,
    price: null,
    discount1: null,
    discount2: null,
    discount3: null,
    ...facts,
  };
}

export const price = (p: string, facts: Partial<ConditionRow> = {}): ConditionRow => condition({ kind: 'PRICE', price: p, ...facts });
export const netPrice = (p: string, facts: Partial<ConditionRow> = {}): ConditionRow => condition({ kind: 'NET_PRICE', price: p, ...facts });
export const discount = (
  d1: string | null,
  d2: string | null = null,
  d3: string | null = null,
  facts: Partial<ConditionRow> = {},
): ConditionRow => condition({ kind: 'DISCOUNT', discount1: d1, discount2: d2, discount3: d3, ...facts });
