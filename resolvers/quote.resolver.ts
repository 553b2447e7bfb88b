import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { cartFacts } from '../loaders/cartFacts';
import { requireAuthenticated } from '../src/auth/actingCustomer';
import type { PonteContext } from '../src/graphql/context';
import { chargePricedLines } from '../src/graphql/workBudget';
import { checkCart } from '../src/orders/checkCart';
import { shownIn } from '../src/orders/orderProblems';
import { presentQuote } from '../src/orders/presentQuote';
import { toPrice } from './types/price.type';
import { toProduct } from './types/product.type';
import { Quote, QuoteLineInput } from './types/quote.type';

@Resolver(() => Quote)
export class QuoteResolver {
  @Query(() => Quote, {
    nullable: true,
    description: 'Prices a cart for the acting customer and lists what placeOrder would refuse. Null, with UNAUTHENTICATED, for an anonymous caller.',
  })
  async quote(@Arg('lines', () => [QuoteLineInput]) lines: QuoteLineInput[], @Ctx() ctx: PonteContext): Promise<Quote> {
    requireAuthenticated(ctx.principal);
    chargePricedLines(ctx.erpScope, lines.length);
    const [viewer, settings] = await Promise.all([ctx.viewer(), ctx.settings()]);
    const cart = await checkCart(cartFacts(ctx, viewer), viewer.customer?.blocked ?? false, lines, ctx.services.maxOrderLines);
    const quote = presentQuote(cart, settings.currency);
    return {
      ...quote,
      problems: shownIn(await ctx.language(), quote.problems),
      lines: quote.lines.map(({ article, price, ...line }) => ({
        ...line,
        product: article && toProduct(article),
        price: price && toPrice(price),
      })),
    };
  }
}
