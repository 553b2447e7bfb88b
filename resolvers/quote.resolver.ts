import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { formatFixed, formatPlain } from '../src/decimal/decimal';
import { unauthenticated } from '../src/errors';
import type { PonteContext } from '../src/graphql/context';
import { chargePricedLines } from '../src/graphql/workBudget';
import { sortProblems } from '../src/orders/orderProblems';
import { presentTotals, totalsOf } from '../src/orders/presentQuote';
import { presentPrice } from '../src/pricing/presentPrice';
import { checkCart } from '../src/orders/checkCart';
import { cartFacts } from '../loaders/cartFacts';
import { Price, PriceSource } from './types/price.type';
import { toProduct } from './types/product.type';
import { OrderErrorCode, Quote, QuoteLineInput } from './types/quote.type';

@Resolver(() => Quote)
export class QuoteResolver {
  @Query(() => Quote, { description: 'Prices a cart for the acting customer and lists what placeOrder would refuse.' })
  async quote(@Arg('lines', () => [QuoteLineInput]) lines: QuoteLineInput[], @Ctx() ctx: PonteContext): Promise<Quote> {
    if (ctx.principal.role === 'anonymous') throw unauthenticated();
    chargePricedLines(ctx.erpScope, lines.length);
    const [viewer, settings] = await Promise.all([ctx.viewer(), ctx.settings()]);
    const cart = await checkCart(cartFacts(ctx, viewer), viewer.customer?.blocked ?? false, lines, ctx.services.config.maxOrderLines);
    const evaluated = cart.lines;
    return {
      currency: settings.currency,
      lines: evaluated.map((l) => ({
        lineIndex: l.index,
        sku: l.sku,
        quantity: l.quantity === null ? null : formatPlain(l.quantity),
        product: l.article ? toProduct(l.article) : null,
        price:
          l.price && l.vatRate
            ? Object.assign(new Price(), presentPrice(l.price, settings.currency, l.vatRate), { source: PriceSource[l.price.source] })
            : null,
        vatRate: l.vatRate === null ? null : formatPlain(l.vatRate),
        lineTotal: l.lineTotal === null ? null : formatFixed(l.lineTotal, 2),
      })),
      ...presentTotals(totalsOf(evaluated)),
      problems: sortProblems(cart.problems).map((p) => ({ ...p, code: OrderErrorCode[p.code] })),
    };
  }
}
