/**
 * Prices and checks the lines of a cart or an order for the request's
 * caller: visibility first (an invisible article is an unknown product),
 * then the price at the line's quantity, then the shared line checks.
 * All articles and price items of the cart load in one batch each.
 */
import type { Viewer } from '../src/auth/resolveViewer';
import { visibleArticles } from '../src/catalog/visibleArticles';
import { type Decimal, ONE, ZERO, erpDecimal } from '../src/decimal/decimal';
import type { ArticleRow } from '../src/erp/port';
import type { PonteContext } from '../src/graphql/context';
import { type DecimalInput, InvalidDecimal } from '../src/graphql/scalars';
import { checkLine, isValidQuantity } from '../src/orders/checkLine';
import { checkLineCount } from '../src/orders/cartLimits';
import { type OrderProblem, orderProblem } from '../src/orders/orderProblems';
import { type PriceResult, computePrice, lineTotal } from '../src/pricing/computePrice';
import { priceInputs } from './pricing.loader';

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

export async function evaluateLines(ctx: PonteContext, viewer: Viewer, lines: readonly LineRequest[]): Promise<EvaluatedLine[]> {
  const articles = await visibleArticles(
    lines.map((l) => l.sku),
    viewer,
    ctx.loaders.article,
  );
  return Promise.all(
    lines.map(async (line, index): Promise<EvaluatedLine> => {
      const article = articles[index] ?? null;
      const quantity = line.quantity instanceof InvalidDecimal ? null : line.quantity;
      let price: PriceResult | null = null;
      if (article && isValidQuantity(quantity)) {
        price = computePrice({ ...(await priceInputs(ctx, article)), quantity });
      }
      const problems = checkLine({
        index,
        sku: line.sku,
        quantity,
        quantityText: line.quantity instanceof InvalidDecimal ? line.quantity.text : String(line.quantity),
        article,
        packQty: article ? erpDecimal(article.packQty, ONE) : ONE,
        minOrderQty: article ? erpDecimal(article.minOrderQty, ZERO) : ZERO,
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
  ctx: PonteContext,
  viewer: Viewer,
  lines: readonly LineRequest[],
  maxLines: number,
): Promise<CartCheck> {
  const count = checkLineCount(lines.length, maxLines);
  const evaluated = count?.code === 'TOO_MANY_LINES' ? [] : await evaluateLines(ctx, viewer, lines);
  return {
    lines: evaluated,
    problems: [
      ...(count ? [count] : []),
      ...(viewer.customer?.blocked ? [orderProblem('CUSTOMER_BLOCKED', null)] : []),
      ...evaluated.flatMap((l) => l.problems),
    ],
  };
}
