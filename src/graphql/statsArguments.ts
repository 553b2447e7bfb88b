/**
 * The arguments of the warehouse statistics queries, checked and turned into
 * what src/stats reads: a scope's snapshot, a cursor's article, a span of
 * days. Refusals are BAD_USER_INPUT naming the argument.
 */
import { badUserInput } from '../errors';
import { message } from '../messages/catalogue';
import type { StatsSnapshot } from '../stats/statsSnapshot';
import { ARTICLE_STATS_ORDERS, type ArticleStatsOrder } from '../stats/statsModel';
import { optionalFilter } from './arguments';
import type { PonteContext } from './context';

/** The longest sparkline: the window the figures themselves look back on. */
export const MAX_HISTORY_DAYS = 365;

/** The figures of a scope (null or blank: every warehouse); an unknown warehouse code is BAD_USER_INPUT. */
export async function statsScope(ctx: PonteContext, warehouse: string | null | undefined): Promise<StatsSnapshot> {
  const code = optionalFilter(warehouse, 'warehouse');
  const reference = await ctx.loaders.reference();
  if (code !== null && !reference.warehouses.some((w) => w.code === code)) {
    throw badUserInput(message('input.unknownWarehouse', { code: JSON.stringify(code) }));
  }
  const settings = reference.erpSettings;
  return ctx.services.warehouseStats.snapshot({ warehouse: code, asOf: ctx.today(settings), thresholds: settings.stats });
}

/** A cursor names the order it was made for and the article it follows. */
export function statsCursorKey(order: ArticleStatsOrder, sku: string): string {
  return `${order}|${sku}`;
}

/**
 * The article a decoded cursor follows. A cursor of another order, or of an
 * article no longer listed (the figures were computed again since), is
 * refused rather than silently restarting the list.
 */
export function readStatsCursor(key: string | null, order: ArticleStatsOrder, snapshot: StatsSnapshot): string | null {
  if (key === null) return null;
  const bar = key.indexOf('|');
  const cursorOrder = key.slice(0, bar);
  const sku = key.slice(bar + 1);
  if (bar < 0 || !(ARTICLE_STATS_ORDERS as readonly string[]).includes(cursorOrder)) throw badUserInput(message('input.cursor'));
  if (cursorOrder !== order) throw badUserInput(message('input.cursorOtherOrder'));
  if (!snapshot.has(sku)) throw badUserInput(message('input.cursorArticleGone'));
  return sku;
}

export function statsDays(days: number | null | undefined): number {
  if (days === null || days === undefined) return 90;
  if (!Number.isInteger(days) || days < 1 || days > MAX_HISTORY_DAYS) throw badUserInput(message('input.historyDays', { max: MAX_HISTORY_DAYS }));
  return days;
}
