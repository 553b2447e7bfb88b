import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../src/auth/staffAccess';
import { visibleArticles } from '../src/catalog/visibleArticles';
import { optionalFilter } from '../src/graphql/arguments';
import type { PonteContext } from '../src/graphql/context';
import { pageConnection } from '../src/graphql/connection';
import { decodeCursor, encodeCursor, pageSize } from '../src/graphql/cursor';
import { statsDays, statsScope, statsCursorKey, readStatsCursor } from '../src/graphql/statsArguments';
import { formatScaled } from '../src/stats/scaledMath';
import { SCALE } from '../src/stats/statsModel';
import { stockHistory } from '../src/stats/stockHistory';
import { addDays } from '../src/stats/statsWindows';
import { Product, toProduct } from './types/product.type';
import {
  ArticleStats,
  type ArticleStatsRoot,
  ArticleStatsConnection,
  ArticleStatsFilter,
  ArticleStatsOrderEnum,
  type ArticleStatsOrder,
  StockLevel,
  Warehouse,
  WarehouseStatsSummary,
  toArticleStats,
  toWarehouse,
  toWarehouseStatsSummary,
} from './types/stats.type';

export const MAX_STATS_PAGE = 200;
const CURSOR = 'stats';

@Resolver(() => ArticleStats)
export class StatsResolver {
  @Query(() => ArticleStatsConnection, { description: `Service and agent roles; customer: FORBIDDEN; anonymous: UNAUTHENTICATED. first is capped at ${MAX_STATS_PAGE}.` })
  async warehouseStats(
    @Ctx() ctx: PonteContext,
    @Arg('filter', () => ArticleStatsFilter, { nullable: true }) filter?: ArticleStatsFilter | null,
    @Arg('orderBy', () => ArticleStatsOrderEnum, { nullable: true, defaultValue: 'SKU' }) orderBy?: ArticleStatsOrder | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ArticleStatsConnection> {
    requireStaff(ctx.principal);
    const order = orderBy ?? 'SKU';
    const size = pageSize(first, 50, MAX_STATS_PAGE);
    const snapshot = await statsScope(ctx, filter?.warehouse);
    const afterSku = readStatsCursor(decodeCursor(CURSOR, after), order, snapshot);
    const page = snapshot.page(
      {
        classes: filter?.classes ?? null,
        abc: filter?.abc ?? null,
        toClear: filter?.toClear ?? null,
        family: optionalFilter(filter?.family, 'family'),
        search: optionalFilter(filter?.search, 'search'),
      },
      order,
      afterSku,
      size,
    );
    const connection = pageConnection(page.items, page.hasNextPage, (f) => encodeCursor(CURSOR, statsCursorKey(order, f.sku)), (f) => toArticleStats(f, snapshot));
    return { ...connection, totalCount: page.totalCount };
  }

  @Query(() => WarehouseStatsSummary, { description: 'Service and agent roles; customer: FORBIDDEN; anonymous: UNAUTHENTICATED.' })
  async warehouseStatsSummary(@Ctx() ctx: PonteContext, @Arg('warehouse', () => String, { nullable: true }) warehouse?: string | null): Promise<WarehouseStatsSummary> {
    requireStaff(ctx.principal);
    return toWarehouseStatsSummary(await statsScope(ctx, warehouse));
  }

  @Query(() => ArticleStats, { nullable: true, description: 'One article\'s figures; null when it is not listed in the scope. Service and agent roles.' })
  async articleStats(
    @Ctx() ctx: PonteContext,
    @Arg('sku', () => ID) sku: string,
    @Arg('warehouse', () => String, { nullable: true }) warehouse?: string | null,
  ): Promise<ArticleStats | null> {
    requireStaff(ctx.principal);
    const snapshot = await statsScope(ctx, warehouse);
    const figures = snapshot.article(sku);
    return figures ? toArticleStats(figures, snapshot) : null;
  }

  @Query(() => [Warehouse], { description: "The ERP's warehouses, for choosing a statistics scope. Service and agent roles." })
  async statsWarehouses(@Ctx() ctx: PonteContext): Promise<Warehouse[]> {
    requireStaff(ctx.principal);
    return (await ctx.loaders.reference()).warehouses.map(toWarehouse);
  }

  @FieldResolver(() => Product, { nullable: true, description: 'The article as the acting customer sees it (visibility, price); null when none or invisible.' })
  async product(@Root() stats: ArticleStatsRoot, @Ctx() ctx: PonteContext): Promise<Product | null> {
    const viewer = await ctx.viewer();
    if (viewer.customer === null) return null;
    const [article] = await visibleArticles([stats.figures.sku], viewer, ctx.loaders.article);
    return article ? toProduct(article) : null;
  }

  @FieldResolver(() => [StockLevel], {
    description: "Ponte's addition to the spec: end-of-day stock on hand in the figures' scope for the last `days` days (D − days + 1 … D), oldest first; days 1…365.",
  })
  async stockHistory(
    @Root() stats: ArticleStatsRoot,
    @Ctx() ctx: PonteContext,
    @Arg('days', () => Int, { nullable: true, defaultValue: 90 }) days?: number | null,
  ): Promise<StockLevel[]> {
    const span = statsDays(days);
    const { warehouse, asOf } = stats.scope;
    const movements = await ctx.loaders.dailyMovements({ warehouse, after: addDays(asOf, -span), asOf }).load(stats.figures.sku);
    return stockHistory(stats.figures.onHand, asOf, span, movements).map((p) => ({ date: p.date, onHand: formatScaled(p.onHand, SCALE.quantity) }));
  }
}
