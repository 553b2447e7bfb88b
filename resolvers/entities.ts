/**
 * Federation entity resolution (`_entities`): the same visibility and
 * authorisation as every other path. An entity the caller may not see
 * resolves to null, exactly like one that does not exist.
 */
import { referencedCustomer } from '../src/auth/customerAccess';
import { visibleArticles } from '../src/catalog/visibleArticles';
import type { PonteContext } from '../src/graphql/context';
import { toCustomer, type Customer } from './types/customer.type';
import { toProduct, type Product } from './types/product.type';

export const referenceResolvers = {
  Product: {
    async __resolveReference(ref: { sku: string }, ctx: PonteContext): Promise<Product | null> {
      if (typeof ref.sku !== 'string') return null;
      const [article] = await visibleArticles([ref.sku], await ctx.viewer(), ctx.loaders.article);
      return article ? toProduct(article) : null;
    },
  },
  Customer: {
    async __resolveReference(ref: { code: string }, ctx: PonteContext): Promise<Customer | null> {
      if (typeof ref.code !== 'string') return null;
      const row = await referencedCustomer(ctx.principal, ref.code, {
        viewer: () => ctx.viewer(),
        facts: (code) => ctx.loaders.customerContext.load(code),
      });
      return row ? toCustomer(row) : null;
    },
  },
};
