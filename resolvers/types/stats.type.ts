import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../src/graphql/scalars';
import { formatScaled } from '../../src/stats/scaledMath';
import { FIGURE_PRINTERS, type PrintedFigures } from '../../src/stats/printedFigures';
import {
  ABC_CLASSES,
  ARTICLE_STATS_ORDERS,
  MOVEMENT_CLASSES,
  SCALE,
  type AbcClass,
  type ArticleFigures,
  type ArticleStatsOrder,
  type MovementClass,
} from '../../src/stats/statsModel';
import type { StatsSnapshot } from '../../src/stats/statsSnapshot';
import type { WarehouseRow } from '../../src/erp/port';
import { PageInfo } from './pageInfo.type';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
export const MovementClassEnum = enumOf(MOVEMENT_CLASSES);
export const AbcClassEnum = enumOf(ABC_CLASSES);
export const ArticleStatsOrderEnum = enumOf(ARTICLE_STATS_ORDERS);
registerEnumType(MovementClassEnum, { name: 'MovementClass', description: 'How an article moves (warehouse-statistics.md): the first class that applies.' });
registerEnumType(AbcClassEnum, { name: 'AbcClass', description: 'Picking frequency: A the articles making the first 80 % of picks, B up to 95 %, C the rest.' });
registerEnumType(ArticleStatsOrderEnum, { name: 'ArticleStatsOrder', description: 'Ties by sku ascending; nulls last.' });

@InputType()
export class ArticleStatsFilter {
  @Field(() => String, { nullable: true, description: 'Scope; null = every warehouse.' })
  warehouse?: string | null;

  @Field(() => [MovementClassEnum], { nullable: true, description: 'Any of these classes.' })
  classes?: MovementClass[] | null;

  @Field(() => [AbcClassEnum], { nullable: true })
  abc?: AbcClass[] | null;

  @Field(() => Boolean, { nullable: true })
  toClear?: boolean | null;

  @Field(() => String, { nullable: true })
  family?: string | null;

  @Field(() => String, { nullable: true, description: 'As catalog search.' })
  search?: string | null;
}

@ObjectType({ description: 'End-of-day stock on hand.' })
export class StockLevel {
  @Field(() => DateScalar)
  date!: string;

  @Field(() => DecimalScalar)
  onHand!: string;
}

@ObjectType({
  description: "One article's warehouse figures in one scope (service and agent roles).",
  // Read as plain properties (of ArticleStatsView): no type-graphql wrapper per field.
  simpleResolvers: true,
})
export class ArticleStats {
  @Field(() => ID) sku!: string;
  @Field() description!: string;
  @Field() unit!: string;
  @Field(() => String, { nullable: true }) family!: string | null;
  @Field(() => DecimalScalar) onHand!: string;
  @Field(() => DecimalScalar) sold30!: string;
  @Field(() => DecimalScalar) sold90!: string;
  @Field(() => DecimalScalar) sold365!: string;
  @Field(() => Int) pickCount365!: number;
  @Field(() => DateScalar, { nullable: true }) lastSale!: string | null;
  @Field(() => DateScalar, { nullable: true }) lastMovement!: string | null;
  @Field(() => DecimalScalar) averageDailySales!: string;
  @Field(() => DecimalScalar, { nullable: true }) daysOfCover!: string | null;
  @Field(() => DecimalScalar) averageStock365!: string;
  @Field(() => DecimalScalar, { nullable: true }) turnover365!: string | null;
  @Field(() => MovementClassEnum) class!: MovementClass;
  @Field(() => AbcClassEnum, { nullable: true }) abc!: AbcClass | null;
  @Field() toClear!: boolean;

  /** Not in the schema: what the field resolvers (product, stockHistory) start from. */
  figures!: ArticleFigures;
  scope!: { warehouse: string | null; asOf: string };
}

/**
 * What a field resolver of ArticleStats is handed: type-graphql copies the
 * root's own properties into a new ArticleStats, and the printed figures of
 * ArticleStatsView are getters, not own properties. Read the figures.
 */
export type ArticleStatsRoot = Pick<ArticleStats, 'figures' | 'scope'>;

/**
 * An ArticleStats over an article's held figures, each figure printed when a
 * query reads it: a page asks for a few of the fourteen, and pages are read
 * a thousand times a second. The printed figures are getters added below,
 * one per printer of printedFigures.ts.
 */
interface ArticleStatsView extends PrintedFigures {}
class ArticleStatsView implements ArticleStats {
  constructor(
    readonly figures: ArticleFigures,
    readonly scope: { warehouse: string | null; asOf: string },
  ) {}

  get sku(): string {
    return this.figures.sku;
  }
  get description(): string {
    return this.figures.description;
  }
  get unit(): string {
    return this.figures.unit;
  }
  get family(): string | null {
    return this.figures.family;
  }
}
for (const [name, print] of Object.entries(FIGURE_PRINTERS) as [keyof PrintedFigures, (f: ArticleFigures) => unknown][]) {
  Object.defineProperty(ArticleStatsView.prototype, name, {
    get(this: ArticleStatsView) {
      return print(this.figures);
    },
  });
}

export function toArticleStats(f: ArticleFigures, snapshot: StatsSnapshot): ArticleStats {
  return new ArticleStatsView(f, { warehouse: snapshot.warehouse, asOf: snapshot.asOf });
}

@ObjectType({ simpleResolvers: true })
export class ArticleStatsEdge {
  @Field() cursor!: string;
  @Field(() => ArticleStats) node!: ArticleStats;
}

@ObjectType({ simpleResolvers: true })
export class ArticleStatsConnection {
  @Field(() => [ArticleStatsEdge]) edges!: ArticleStatsEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType()
export class ClassSummary {
  @Field(() => MovementClassEnum) class!: MovementClass;
  @Field(() => Int) articles!: number;
  @Field(() => DecimalScalar) onHand!: string;
}

@ObjectType()
export class WarehouseStatsSummary {
  @Field(() => DateScalar, { description: 'D: the day the figures are for.' }) asOf!: string;
  @Field({ description: 'ISO instant the figures were computed.' }) computedAt!: string;
  @Field(() => String, { nullable: true }) warehouse!: string | null;
  @Field(() => Int) articles!: number;
  @Field(() => Int) toClear!: number;
  @Field(() => [ClassSummary], { description: 'Every class, in enum order, zeros included.' }) byClass!: ClassSummary[];
}

export function toWarehouseStatsSummary(snapshot: StatsSnapshot): WarehouseStatsSummary {
  const { summary } = snapshot;
  return {
    asOf: snapshot.asOf,
    computedAt: snapshot.computedAt,
    warehouse: snapshot.warehouse,
    articles: summary.articles,
    toClear: summary.toClear,
    byClass: summary.byClass.map((c) => ({ class: c.class, articles: c.articles, onHand: formatScaled(c.onHand, SCALE.quantity) })),
  };
}

@ObjectType({ description: 'A warehouse of the ERP (ecom_warehouses).' })
export class Warehouse {
  @Field() code!: string;
  @Field() name!: string;
  @Field({ description: 'Whether its stock counts for the shop.' }) webEnabled!: boolean;
}

export const toWarehouse = (w: WarehouseRow): Warehouse => ({ code: w.code, name: w.name, webEnabled: w.webEnabled });

export type { ArticleStatsOrder };
