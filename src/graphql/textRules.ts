/**
 * What a client's text may be. Every String and ID input value (argument,
 * input field, list item; literal or variable) is checked against one rule
 * before anything runs (see inputTextPlugin.ts):
 *
 * - at most GLOBAL_MAX_TEXT characters (UTF-16 code units, as nvarchar
 *   counts), or the tighter cap of its argument below;
 * - no control characters (C0, DEL, C1): SQLite stops reading a string at
 *   NUL, so "\u0000x" would silently become another filter, and no ERP
 *   column wants them; tab, line feed and carriage return are allowed only
 *   in multi-line text (order notes).
 *
 * Caps that the contract fixes (a sku is nvarchar(50)) or that bound a
 * lookup live here; lengths that are business rules with their own order
 * error (shipping address fields: INVALID_ADDRESS) or their own message
 * (idempotencyKey, customerReference, notes in placeOrder) stay where they are.
 */

export interface TextRule {
  max: number;
  /** Tab, line feed and carriage return allowed. */
  multiline: boolean;
}

export const GLOBAL_MAX_TEXT = 1000;
const CURSOR_MAX = 400;

const DEFAULT_RULE: TextRule = { max: GLOBAL_MAX_TEXT, multiline: false };

/** Per schema coordinate: `Type.field.argument` or `InputType.field`. */
const RULES: Record<string, Partial<TextRule>> = {
  'Query.product.sku': { max: 50 },
  'Query.products.skus': { max: 50 },
  'Query.catalog.search': { max: 100 },
  'Query.catalog.family': { max: 20 },
  'Query.catalog.after': { max: CURSOR_MAX },
  'Query.customers.search': { max: 100 },
  'Query.customers.after': { max: CURSOR_MAX },
  'Query.documents.after': { max: CURSOR_MAX },
  'Query.orders.after': { max: CURSOR_MAX },
  'Query.document.id': { max: 40 },
  'Query.order.id': { max: 40 },
  'QuoteLineInput.sku': { max: 50 },
  'OrderLineInput.sku': { max: 50 },
  'PlaceOrderInput.notes': { multiline: true },
};

export function textRuleFor(coordinate: string | null): TextRule {
  const specific = coordinate === null ? undefined : RULES[coordinate];
  return specific ? { ...DEFAULT_RULE, ...specific } : DEFAULT_RULE;
}

/** The strictest of several rules: a variable used in several places must suit them all. */
export function strictest(rules: readonly TextRule[]): TextRule {
  if (rules.length === 0) return DEFAULT_RULE;
  return { max: Math.min(...rules.map((r) => r.max)), multiline: rules.every((r) => r.multiline) };
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F]/;

/** Why a text breaks its rule, never repeating the value: too long, or the first control character in it. */
export type TextProblem = { tooLong: true; max: number } | { tooLong: false; character: string };

/** Why `value` breaks `rule`; null when it does not. */
export function textProblem(value: string, rule: TextRule): TextProblem | null {
  if (value.length > rule.max) return { tooLong: true, max: rule.max };
  const bad = (rule.multiline ? CONTROL : CONTROL_OR_BREAK).exec(value);
  if (bad) return { tooLong: false, character: `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
  return null;
}
