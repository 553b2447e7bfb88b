/**
 * The product a line names (an order line, a document line), through the
 * same visibility as product(sku): null when unknown or no longer visible to
 * the caller. Lines of one response ask in the same tick, so the article
 * loader reads them in one batch (and from the shared cache when warm).
 */
import { visibleArticles } from '../src/catalog/visibleArticles';
import type { PonteContext } from '../src/graphql/context';
import { toProduct, type Product } from './types/product.type';

export async function visibleProduct(ctx: PonteContext, sku: string | null): Promise<Product | null> {
  if (sku === null) return null;
  const [article] = await visibleArticles([sku], await ctx.viewer(), ctx.loaders.article);
  return article ? toProduct(article) : null;
}
