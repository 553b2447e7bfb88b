/**
 * The problems that make an order (or a quote) unplaceable, each with its
 * stable code and its one message template. Returned as data, never thrown:
 * a customer's mistake is not an exception.
 */
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
  message: string;
  /** The 0-based index of the offending line; null for the order as a whole. */
  lineIndex: number | null;
}

type Templates = {
  [C in OrderErrorCode]: (p: Record<string, string>) => string;
};

const MESSAGES: Templates = {
  EMPTY_ORDER: () => 'The order has no lines.',
  TOO_MANY_LINES: (p) => `The order has ${p.count} lines; at most ${p.max} are allowed.`,
  UNKNOWN_PRODUCT: (p) => `Unknown product ${p.sku}.`,
  NO_PRICE: (p) => `Product ${p.sku} has no price (price on request) and cannot be ordered.`,
  INVALID_QUANTITY: (p) => `Quantity ${p.quantity} is not valid: it must be a number greater than 0 with at most 3 decimals.`,
  NOT_MULTIPLE_OF_PACK: (p) => `Quantity ${p.quantity} of ${p.sku} is not a multiple of the pack of ${p.pack}.`,
  BELOW_MINIMUM: (p) => `Quantity ${p.quantity} of ${p.sku} is below the minimum order quantity ${p.minimum}.`,
  PRICE_CHANGED: (p) => `The unit price of ${p.sku} is now ${p.current}, not ${p.expected}.`,
  CUSTOMER_BLOCKED: () => 'This customer account is blocked for ordering; please contact us.',
  UNKNOWN_DESTINATION: (p) => `Unknown destination ${p.destination}.`,
  INVALID_ADDRESS: (p) => `The shipping address is not valid: ${p.reason}.`,
  INVALID_DELIVERY_DATE: (p) => `The requested delivery date ${p.date} is in the past; today is ${p.today}.`,
  IDEMPOTENCY_KEY_REUSED: () => 'This idempotency key was already used for a different order.',
};

/** Longest part of a client's input a message repeats: enough to recognise it, never a megabyte. */
const MAX_ECHO = 40;

/** The parameters that repeat what the client sent; the others are Ponte's own words. */
const CLIENT_PARAMS = new Set(['sku', 'quantity', 'destination', 'expected']);

function echo(name: string, value: string): string {
  return CLIENT_PARAMS.has(name) && value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value;
}

export function orderProblem(code: OrderErrorCode, lineIndex: number | null, params: Record<string, string> = {}): OrderProblem {
  const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, echo(k, v)]));
  return { code, message: MESSAGES[code](shown), lineIndex };
}

/** Order-wide problems first, then by line, each line's problems in the order found. */
export function sortProblems(problems: readonly OrderProblem[]): OrderProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.lineIndex ?? -1) - (b.p.lineIndex ?? -1) || a.i - b.i)
    .map(({ p }) => p);
}
