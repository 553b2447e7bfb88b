import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { familyFacets, totalCount, visibleCounts, type VisibleCounts } from '../src/catalog/catalogCounts';
import type { PonteContext } from '../src/graphql/context';
import { FamilyFacet, ProductConnection } from './types/product.type';

/**
 * Counts over the whole search, not the page: asked only when selected, and
 * computed once per connection when both fields are.
 */
@Resolver(() => ProductConnection)
export class CatalogFacetsResolver {
  private readonly computed = new WeakMap<ProductConnection, Promise<VisibleCounts>>();

  private async counts(connection: ProductConnection, ctx: PonteContext): Promise<VisibleCounts> {
    let pending = this.computed.get(connection);
    if (!pending) {
      pending = ctx.viewer().then((viewer) =>
        visibleCounts(connection.query.terms, viewer, { counts: ctx.loaders.catalogCounts, articles: ctx.loaders.article }),
      );
      this.computed.set(connection, pending);
    }
    return pending;
  }

  @FieldResolver(() => Int, { description: 'Articles matching search and family that the caller may see, on every page.' })
  async totalCount(@Root() connection: ProductConnection, @Ctx() ctx: PonteContext): Promise<number> {
    return totalCount(await this.counts(connection, ctx), connection.query.family);
  }

  @FieldResolver(() => [FamilyFacet], {
    description:
      'Families with articles matching search that the caller may see, and how many: the family argument is ignored, so a storefront can offer the other families of the same search. Ordered by name.',
  })
  async families(@Root() connection: ProductConnection, @Ctx() ctx: PonteContext): Promise<FamilyFacet[]> {
    const [counts, names] = await Promise.all([this.counts(connection, ctx), ctx.loaders.familyNames()]);
    return familyFacets(counts, names);
  }
}
