/**
 * The problems that make an order (or a quote) unplaceable, each with its
 * stable code and a message from the catalogue (src/messages/orderMessages.ts).
 * Returned as data, never thrown: a customer's mistake is not an exception.
 */
import { type Message, localise } from '../messages/catalogue';
import type { Language } from '../messages/language';

// A value, not only a type: the GraphQL enum is registered from it (resolvers/types), so the names exist once.
export const OrderErrorCode = {
  EMPTY_ORDER: 'EMPTY_ORDER',
  TOO_MANY_LINES: 'TOO_MANY_LINES',
  UNKNOWN_PRODUCT: 'UNKNOWN_PRODUCT',
  NO_PRICE: 'NO_PRICE',
  INVALID_QUANTITY: 'INVALID_QUANTITY',
  NOT_MULTIPLE_OF_PACK: 'NOT_MULTIPLE_OF_PACK',
  BELOW_MINIMUM: 'BELOW_MINIMUM',
  PRICE_CHANGED: 'PRICE_CHANGED',
  CUSTOMER_BLOCKED: 'CUSTOMER_BLOCKED',
  UNKNOWN_DESTINATION: 'UNKNOWN_DESTINATION',
  INVALID_ADDRESS: 'INVALID_ADDRESS',
  INVALID_DELIVERY_DATE: 'INVALID_DELIVERY_DATE',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
} as const;
export type OrderErrorCode = (typeof OrderErrorCode)[keyof typeof OrderErrorCode];

export interface OrderProblem {
  code: OrderErrorCode;
  /** What to tell the customer, in no language yet: the edge renders it in the caller's (`shownIn`). */
  message: Message;
  /** The 0-based index of the offending line; null for the order as a whole. */
  lineIndex: number | null;
}

/** An order problem as the client reads it: the same code in every language, the sentence in one. */
export interface ShownProblem {
  code: OrderErrorCode;
  message: string;
  lineIndex: number | null;
}

/** Longest part of a client's input a message repeats: enough to recognise it, never a megabyte. */
const MAX_ECHO = 40;

/** The parameters that repeat what the client sent; the others are Ponte's own words. */
const CLIENT_PARAMS = new Set(['sku', 'quantity', 'destination', 'expected']);

function echo(name: string, value: string | number): string | number {
  return CLIENT_PARAMS.has(name) && typeof value === 'string' && value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value;
}

export function orderProblem(code: OrderErrorCode, lineIndex: number | null, sentence: Message): OrderProblem {
  const params = Object.fromEntries(Object.entries(sentence.params).map(([k, v]) => [k, echo(k, v as string | number)]));
  return { code, message: { id: sentence.id, params } as Message, lineIndex };
}

export function shownIn(language: Language, problems: readonly OrderProblem[]): ShownProblem[] {
  return problems.map((p) => ({ code: p.code, message: localise(p.message, language), lineIndex: p.lineIndex }));
}

/** Order-wide problems first, then by line, each line's problems in the order found. */
export function sortProblems(problems: readonly OrderProblem[]): OrderProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.lineIndex ?? -1) - (b.p.lineIndex ?? -1) || a.i - b.i)
    .map(({ p }) => p);
}
