/**
 * Prices and checks the lines of a cart or an order for the caller:
 * visibility first (an invisible article is an unknown product), then the
 * price at the line's quantity, then the shared line checks. What it needs
 * to know comes through CartFacts (loaders/cartFacts.ts reads them for a
 * request, in one batch each).
 */
import { type Decimal, ONE, ZERO, erpDecimal } from '../decimal/decimal';
import { type DecimalInput, InvalidDecimal } from '../decimal/clientDecimal';
import type { ArticleRow } from '../erp/port';
import { type PriceResult, lineTotal } from '../pricing/computePrice';
import { checkLineCount } from './cartLimits';
import { checkLine, isValidQuantity } from './checkLine';
import { orderRulesOf } from './orderableQuantity';
import { type OrderProblem, orderProblem } from './orderProblems';
import { message } from '../messages/catalogue';

/** What a cart check reads about the caller's catalog. */
export interface CartFacts {
  /** The articles of these skus the caller may see, in order; null where unknown or invisible. */
  visibleArticles(skus: readonly string[]): Promise<Array<ArticleRow | null>>;
  /** The caller's price for the article at a valid quantity; null = no price. */
  price(article: ArticleRow, quantity: Decimal): Promise<PriceResult | null>;
}

export interface LineRequest {
  sku: string;
  quantity: DecimalInput;
  expectedUnitPrice?: Decimal | null;
}

export interface EvaluatedLine {
  index: number;
  sku: string;
  quantity: Decimal | null;
  article: ArticleRow | null;
  vatRate: Decimal | null;
  price: PriceResult | null;
  /** Set when the line has a price and a valid quantity. */
  lineTotal: Decimal | null;
  problems: OrderProblem[];
}

export async function evaluateLines(facts: CartFacts, lines: readonly LineRequest[]): Promise<EvaluatedLine[]> {
  const articles = await facts.visibleArticles(lines.map((l) => l.sku));
  return Promise.all(
    lines.map(async (line, index): Promise<EvaluatedLine> => {
      const article = articles[index] ?? null;
      const quantity = line.quantity instanceof InvalidDecimal ? null : line.quantity;
      let price: PriceResult | null = null;
      if (article && isValidQuantity(quantity)) {
        price = await facts.price(article, quantity);
      }
      const problems = checkLine({
        index,
        sku: line.sku,
        quantity,
        quantityText: line.quantity instanceof InvalidDecimal ? line.quantity.text : String(line.quantity),
        article,
        rules: article ? orderRulesOf(article) : { pack: ONE, minimum: ZERO },
        price,
        expectedUnitPrice: line.expectedUnitPrice ?? null,
      });
      return {
        index,
        sku: line.sku,
        quantity,
        article,
        vatRate: article ? erpDecimal(article.vatRate, ZERO) : null,
        price,
        lineTotal: price && quantity ? lineTotal(price.unitPrice, quantity) : null,
        problems,
      };
    }),
  );
}

export interface CartCheck {
  /** The priced lines; empty when the cart has too many lines to price. */
  lines: EvaluatedLine[];
  /** EMPTY_ORDER / TOO_MANY_LINES, CUSTOMER_BLOCKED and every line's problems. */
  problems: OrderProblem[];
}

/**
 * What quote and placeOrder both check, in one place so they cannot drift:
 * the line count, the customer's block, and every line. An oversized cart
 * is refused before any line is priced.
 */
export async function checkCart(
  facts: CartFacts,
  /** The customer's master record says it may not order. */
  customerBlocked: boolean,
  lines: readonly LineRequest[],
  maxLines: number,
): Promise<CartCheck> {
  const count = checkLineCount(lines.length, maxLines);
  const evaluated = count?.code === 'TOO_MANY_LINES' ? [] : await evaluateLines(facts, lines);
  return {
    lines: evaluated,
    problems: [
      ...(count ? [count] : []),
      ...(customerBlocked ? [orderProblem('CUSTOMER_BLOCKED', null, message('order.customerBlocked'))] : []),
      ...evaluated.flatMap((l) => l.problems),
    ],
  };
}
