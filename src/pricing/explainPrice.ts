/**
 * "Why is my price this?": the ordered steps that produced a price, for the
 * sales agent's app. Built from the engine's result only when asked for, so
 * storefront renders never pay for it.
 */
import { Decimal, ONE, formatFixed, formatPlain } from '../decimal/decimal';
import { type Message, localise, message } from '../messages/catalogue';
import type { Language } from '../messages/language';
import type { Condition } from './conditions';
import type { PriceResult } from './computePrice';

// A value, not only a type: the GraphQL enum is registered from it (resolvers/types), so the names exist once.
export const PriceStepKind = {
  LIST_PRICE: 'LIST_PRICE',
  NO_LIST_PRICE: 'NO_LIST_PRICE',
  CONDITION_PRICE: 'CONDITION_PRICE',
  NET_PRICE: 'NET_PRICE',
  DISCOUNT: 'DISCOUNT',
  ROUNDING: 'ROUNDING',
} as const;
export type PriceStepKind = (typeof PriceStepKind)[keyof typeof PriceStepKind];

export interface PriceStep {
  kind: PriceStepKind;
  description: string;
  conditionId: string | null;
  priceList: string | null;
  /** The running amount after this step. */
  value: Decimal | null;
}

/** A condition as a phrase: which one, of which kind, for whom, on what, and its limits. */
function describe(c: Condition, language: Language): string {
  const say = (m: Message) => localise(m, language);
  const who =
    c.customerCode !== null
      ? message('price.forCustomer', { customer: c.customerCode })
      : c.customerGroup !== null
        ? message('price.forGroup', { group: c.customerGroup })
        : message('price.forEveryCustomer');
  const what =
    c.sku !== null ? message('price.onArticle', { sku: c.sku }) : c.familyCode !== null ? message('price.onFamily', { family: c.familyCode }) : message('price.onEveryArticle');
  const extras = [
    c.priority !== 0 ? message('price.priority', { priority: c.priority }) : null,
    !c.minQty.isZero() ? message('price.fromQuantity', { quantity: formatPlain(c.minQty) }) : null,
    c.validFrom !== null || c.validTo !== null ? validity(c.validFrom, c.validTo) : null,
  ].filter((e): e is Message => e !== null);
  return say(
    message('price.condition', {
      id: c.id,
      kind: c.kind,
      who: say(who),
      what: say(what),
      extras: extras.map((e) => `, ${say(e)}`).join(''),
    }),
  );
}

const validity = (from: string | null, to: string | null) => message('price.validity', { from: from ?? '…', to: to ?? '…' });

/** The steps in the caller's language: sentences are made here, once the language is known, so the engine never makes them. */
export function explainPrice(price: PriceResult, language: Language): PriceStep[] {
  const say = (m: Message) => localise(m, language);
  const steps: PriceStep[] = [];
  const item = price.listItem;
  if (item) {
    const quantities = item.minQty.isZero() ? message('price.anyQuantity') : message('price.fromQuantity', { quantity: formatPlain(item.minQty) });
    const dated = item.validFrom !== null || item.validTo !== null ? `, ${say(validity(item.validFrom, item.validTo))}` : '';
    steps.push({
      kind: 'LIST_PRICE',
      description: say(
        message('price.listPrice', { price: formatFixed(item.price, 4), list: item.priceListCode, quantities: say(quantities), validity: dated }),
      ),
      conditionId: null,
      priceList: item.priceListCode,
      value: item.price,
    });
  } else {
    steps.push({ kind: 'NO_LIST_PRICE', description: say(message('price.noListPrice')), conditionId: null, priceList: null, value: null });
  }

  const winner = price.priceWinner;
  if (winner) {
    const net = winner.kind === 'NET_PRICE';
    const sets = { condition: describe(winner, language), price: formatFixed(price.basePrice, 4) };
    steps.push({
      kind: net ? 'NET_PRICE' : 'CONDITION_PRICE',
      description: say(net ? message('price.setsNetPrice', sets) : message('price.setsBasePrice', sets)),
      conditionId: winner.id,
      priceList: null,
      value: price.basePrice,
    });
  }

  let running = price.basePrice;
  let exact = price.basePrice;
  if (price.discountWinner) {
    const condition = describe(price.discountWinner, language);
    for (const d of price.discounts) {
      exact = exact.times(ONE.minus(d.dividedBy(100)));
      running = exact;
      steps.push({
        kind: 'DISCOUNT',
        description: say(message('price.discount', { percent: formatPlain(d), condition, running: formatPlain(running) })),
        conditionId: price.discountWinner.id,
        priceList: null,
        value: running,
      });
    }
  }

  steps.push({
    kind: 'ROUNDING',
    description: say(
      exact.eq(price.unitPrice)
        ? message('price.unrounded', { price: formatFixed(price.unitPrice, 4) })
        : message('price.rounded', { exact: formatPlain(exact), price: formatFixed(price.unitPrice, 4) }),
    ),
    conditionId: null,
    priceList: null,
    value: price.unitPrice,
  });
  return steps;
}
