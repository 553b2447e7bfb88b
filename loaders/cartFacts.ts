/**
 * The cart check's facts (src/orders/checkCart.ts) for one request's
 * caller: visibility through the request's article loader, prices through
 * the same inputs as the price fields.
 */
import type { Viewer } from '../src/auth/resolveViewer';
import { visibleArticles } from '../src/catalog/visibleArticles';
import type { PonteContext } from '../src/graphql/context';
import type { CartFacts } from '../src/orders/checkCart';
import { computePrice } from '../src/pricing/computePrice';

export function cartFacts(ctx: PonteContext, viewer: Viewer): CartFacts {
  return {
    visibleArticles: (skus) => visibleArticles(skus, viewer, ctx.loaders.article),
    price: async (article, quantity) => computePrice(await ctx.prices.inputs(article), quantity),
  };
}
