import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { catalogPage } from '../src/catalog/catalogPage';
import { searchTerms } from '../src/catalog/searchTerms';
import { visibleArticles } from '../src/catalog/visibleArticles';
import { chargePricedLines, computeTurn } from '../src/graphql/workBudget';
import type { PonteContext } from '../src/graphql/context';
import { decodeCursor, encodeCursor, pageSize } from '../src/graphql/cursor';
import { pageConnection } from '../src/graphql/connection';
import { atMost, optionalFilter } from '../src/graphql/arguments';
import { type DecimalInput, DecimalScalar } from '../src/graphql/scalars';
import { orderableAtLeast, priceQuantity } from '../src/graphql/quantityArguments';
import type { Decimal } from '../src/decimal/decimal';
import { priceBreaks } from '../src/pricing/priceBreaks';
import { presentPriceBreak } from '../src/pricing/presentPrice';
import { Price, PriceBreak, toPrice } from './types/price.type';
import { Availability } from './types/availability.type';
import { Product, ProductConnection, toProduct } from './types/product.type';

export const MAX_SKUS_PER_REQUEST = 200;
export const MAX_CATALOG_PAGE = 100;
const CURSOR = 'sku';

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => Product, { nullable: true, description: 'One article; null when unknown or not visible to the caller.' })
  async product(@Arg('sku', () => ID) sku: string, @Ctx() ctx: PonteContext): Promise<Product | null> {
    const [article] = await visibleArticles([sku], await ctx.viewer(), ctx.loaders.article);
    return article ? toProduct(article) : null;
  }

  @Query(() => [Product], {
    nullable: 'items',
    description: `Same order and length as skus; null where unknown or invisible; at most ${MAX_SKUS_PER_REQUEST} skus.`,
  })
  async products(@Arg('skus', () => [ID]) skus: string[], @Ctx() ctx: PonteContext): Promise<Array<Product | null>> {
    const articles = await visibleArticles(atMost(skus, MAX_SKUS_PER_REQUEST, 'skus'), await ctx.viewer(), ctx.loaders.article);
    return articles.map((a) => (a ? toProduct(a) : null));
  }

  @Query(() => ProductConnection, { description: `The visible catalog by sku; first is capped at ${MAX_CATALOG_PAGE}.` })
  async catalog(
    @Ctx() ctx: PonteContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 24 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('family', () => String, { nullable: true }) family?: string | null,
    @Arg('search', () => String, {
      nullable: true,
      description: 'Words that must all occur, in any order, in the sku or the description, ignoring case and accents (the first 8 distinct words count).',
    })
    search?: string | null,
  ): Promise<ProductConnection> {
    const request = {
      first: pageSize(first, 24, MAX_CATALOG_PAGE),
      after: decodeCursor(CURSOR, after),
      family: optionalFilter(family, 'family'),
      terms: searchTerms(optionalFilter(search, 'search') ?? ''),
    };
    const page = await catalogPage(request, await ctx.viewer(), ctx.loaders.catalogBatch);
    const connection = pageConnection(page.items, page.hasNextPage, (a) => encodeCursor(CURSOR, a.sku), toProduct);
    return { ...connection, query: { terms: request.terms, family: request.family } };
  }

  @FieldResolver(() => Price, {
    nullable: true,
    description:
      'For the acting customer; null = price on request. quantity: at most 3 decimals; absent or null = minimumQuantity (a per-article default, so not an SDL default).',
  })
  async price(
    @Root() product: Product,
    @Ctx() ctx: PonteContext,
    @Arg('quantity', () => DecimalScalar, { nullable: true }) quantityArg?: DecimalInput | null,
  ): Promise<Price | null> {
    const quantity = priceQuantity(quantityArg, product.rules);
    chargePricedLines(ctx.erpScope, 1);
    const view = await ctx.prices.load({ article: product.article, vatRate: product.vatRate, quantity });
    return view && toPrice(view);
  }

  @FieldResolver(() => [PriceBreak], {
    nullable: true,
    description:
      "Every orderable quantity at which this customer's unit price changes, from minimumQuantity (a break between two orderable quantities shows at the next one). Null only with an error (the ERP unreachable and the prices not held).",
  })
  async priceBreaks(@Root() product: Product, @Ctx() ctx: PonteContext): Promise<PriceBreak[]> {
    chargePricedLines(ctx.erpScope, 1);
    const inputs = await ctx.prices.inputs(product.article);
    await computeTurn(ctx.erpScope);
    return priceBreaks(inputs, product.rules).map(presentPriceBreak);
  }

  @FieldResolver(() => DecimalScalar, {
    description: 'The first quantity at or above the given one that placeOrder accepts (a multiple of quantityStep, at least minimumQuantity).',
  })
  orderableQuantity(@Root() product: Product, @Arg('quantity', () => DecimalScalar) quantity: DecimalInput): Decimal {
    return orderableAtLeast(quantity, product.rules);
  }

  @FieldResolver(() => Availability, {
    nullable: true,
    description: 'Stock right now. Null only with an error (the ERP unreachable and the stock not held): one failed lookup costs this field, not the page.',
  })
  async availability(@Root() product: Product, @Ctx() ctx: PonteContext): Promise<Availability> {
    return ctx.availability.load(product.sku);
  }
}
