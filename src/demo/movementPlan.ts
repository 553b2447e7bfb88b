/**
 * What each article's two years of stock movements should look like, before
 * any stock is counted: its activity tier, how often and how much it sells,
 * and the dated events (picks, returns, inventory corrections, transfers,
 * stock arrivals) that movementHistory.ts then replays backwards from
 * today's on-hand stock.
 *
 * Why a plan first: the statistics of warehouse-statistics.md must find every
 * class in the demo, so the tier fixes the shape (a sawtooth replenished every
 * few weeks for fast movers, every few months for regular ones, stock that
 * drains without replenishment for slow movers, nothing sold for 200+ days
 * for dead stock, sold out a year ago for NONE); the sales rates are
 * Pareto-distributed (a few articles make most picks) and seasonal families
 * sell in their months (data/seasons.ts).
 *
 * Only integer draws and exact integer or IEEE-exact (+ − × ÷) arithmetic,
 * so the plan repeats on every machine.
 */
import { weekday, workingDayOnOrBefore } from './calendar';
import { FRACTIONAL_UNITS } from './data/catalogue';
import { MONTH_WEIGHTS, WEEKDAY_WEIGHTS, seasonOf, type Season } from './data/seasons';
import { QTY_ONE } from './fixedPoint';
import type { Article } from './model';
import type { Random } from './random';

/** Days of history: today and the 729 days before it. */
export const HISTORY_DAYS = 730;
export const SECONDS_PER_DAY = 86_400;
/** Goods arrive in the morning (07:00–08:59); the counter and the web sell from 09:00 to 18:59. */
const MORNING = [7 * 3600, 9 * 3600 - 1] as const;
const OPEN = [9 * 3600, 19 * 3600 - 1] as const;

/** Warehouse slots; MAG01 and MAG02 sell, MAG03 holds returns. */
export const WAREHOUSES = ['MAG01', 'MAG02', 'MAG03'] as const;
export const RETURNS = 2;

export type Tier = 'FAST' | 'REGULAR' | 'SLOW' | 'DEAD' | 'NONE';

export type Event =
  | { kind: 'PICK'; key: number; wh: number; amount: number }
  | { kind: 'RETURN'; key: number; wh: number; amount: number }
  | { kind: 'ADJUST'; key: number; wh: number; amount: number }
  | { kind: 'TRANSFER'; key: number; wh: number; to: number; amount: number }
  /** A delivery that leaves little of what came before it (the stock that slow and dead articles still hold). */
  | { kind: 'ARRIVAL'; key: number; wh: number; amount: number };

export interface Plan {
  tier: Tier;
  /** The quantity step in thousandths: the pack, or 1 for goods sold by weight or length. */
  step: number;
  /** Per warehouse slot, the stock above which (going back in time) a delivery must have come; Infinity = never replenished. */
  ceiling: number[];
  /** Per warehouse slot, the most a delivery leaves of the stock before it. */
  safety: number[];
  /** Most days a replenishing delivery arrives before the stock would have run out. */
  leadDays: number;
  /** Every event but the replenishments, any order. */
  events: Event[];
}

/** Day sampling by season over the history window: cumulative weights, index 0 = the oldest day. */
export class SeasonCalendar {
  private readonly cumulative = new Map<Season, Int32Array>();

  constructor(readonly today: number) {
    for (const season of Object.keys(MONTH_WEIGHTS) as Season[]) {
      const cum = new Int32Array(HISTORY_DAYS);
      let total = 0;
      for (let i = 0; i < HISTORY_DAYS; i++) {
        const day = this.dayAt(i);
        total += MONTH_WEIGHTS[season][new Date(day * SECONDS_PER_DAY * 1000).getUTCMonth()] * WEEKDAY_WEIGHTS[weekday(day)];
        cum[i] = total;
      }
      this.cumulative.set(season, cum);
    }
  }

  dayAt(index: number): number {
    return this.today - (HISTORY_DAYS - 1) + index;
  }

  /** The day index `days` before `index`, moved back to a working day (Monday to Friday), never before the history. */
  workingDayBefore(index: number, days: number): number {
    const day = workingDayOnOrBefore(this.dayAt(index) - days);
    return Math.max(0, day - this.dayAt(0));
  }

  /** A day index between `maxAgo` and `minAgo` days before today (both included), weighted by the season. */
  draw(rnd: Random, season: Season, minAgo: number, maxAgo: number): number {
    const cum = this.cumulative.get(season) as Int32Array;
    const lo = HISTORY_DAYS - 1 - maxAgo;
    const hi = HISTORY_DAYS - 1 - minAgo;
    const before = lo === 0 ? 0 : cum[lo - 1];
    // A span of days that all weigh nothing (one Sunday): any of them, rather than none.
    if (cum[hi] <= before) return rnd.int(lo, hi);
    const r = rnd.int(before, cum[hi] - 1);
    let a = lo;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (cum[mid] > r) b = mid;
      else a = mid + 1;
    }
    return a;
  }
}

const at = (rnd: Random, dayIndex: number, hours: readonly [number, number]): number =>
  dayIndex * SECONDS_PER_DAY + rnd.int(hours[0], hours[1]);
export const morningOf = (rnd: Random, dayIndex: number): number => at(rnd, dayIndex, MORNING);

/** Picks per year, Pareto with shape 1 (P(rate > x) = min / x), capped: most articles sell little, a few a lot. */
function paretoRate(rnd: Random, min: number, cap: number): number {
  const rate = (min * 0x10_0000) / rnd.int(1, 0x10_0000);
  return rate > cap ? cap : rate;
}

/** Whole steps, at least one. */
const steps = (value: number, step: number): number => {
  const n = Math.floor(value / step);
  return n < 1 ? step : n * step;
};

/**
 * @param onHand today's stock per warehouse slot in thousandths, null where the article has no stock row
 *   (an article only moves in the warehouses that stock it).
 */
export function planArticle(rnd: Random, calendar: SeasonCalendar, article: Article, onHand: Array<number | null>): Plan {
  const fractional = FRACTIONAL_UNITS.has(article.unit);
  const step = fractional ? 1 : article.packUnits;
  const season = seasonOf(article);
  const web = [0, 1].filter((w) => onHand[w] !== null);
  const total = onHand.reduce<number>((sum, q) => sum + (q ?? 0), 0);
  const plan: Plan = { tier: 'NONE', step, ceiling: [Infinity, Infinity, Infinity], safety: [0, 0, 0], leadDays: 0, events: [] };
  const open = (dayIndex: number): number => at(rnd, dayIndex, OPEN);
  /** A customer's pick: a few packs, or a length or weight around `mean` thousandths. */
  const pickAmount = (mean: number): number =>
    fractional ? rnd.int(Math.max(1, Math.floor(mean / 4)), Math.max(2, Math.floor((mean * 7) / 4))) : steps((mean * rnd.int(50, 150)) / 100, step);
  const picks = (count: number, minAgo: number, maxAgo: number, mean: number, whWeights: number[]): void => {
    const sum = whWeights.reduce((s, x) => s + x, 0);
    for (let i = 0; i < count; i++) {
      let r = rnd.int(0, sum - 1);
      let wh = 0;
      while (r >= whWeights[wh]) r -= whWeights[wh++];
      plan.events.push({ kind: 'PICK', key: open(calendar.draw(rnd, season, minAgo, maxAgo)), wh, amount: pickAmount(mean) });
    }
  };
  const arrival = (wh: number, minAgo: number, maxAgo: number): void => {
    plan.events.push({ kind: 'ARRIVAL', key: morningOf(rnd, calendar.draw(rnd, 'EVEN', minAgo, maxAgo)), wh, amount: 0 });
  };
  const unit = fractional ? QTY_ONE : article.packUnits;

  if (web.length === 0) {
    // Only the returns warehouse stocks it: goods a customer sent back long ago, never resold.
    plan.tier = total > 0 ? 'DEAD' : 'NONE';
    if (total > 0 && rnd.chance(0.5)) {
      plan.events.push({ kind: 'RETURN', key: open(calendar.draw(rnd, 'EVEN', 200, HISTORY_DAYS - 1)), wh: RETURNS, amount: steps(total / 2, step) });
    }
    return plan;
  }

  const tier: Tier = total > 0
    ? rnd.weighted<Tier>([['FAST', 16], ['REGULAR', 46], ['SLOW', 20], ['DEAD', 18]])
    : rnd.weighted<Tier>([['FAST', 15], ['REGULAR', 25], ['NONE', 60]]);
  plan.tier = tier === 'SLOW' && total < 4 * unit ? 'REGULAR' : tier;
  const main = web[0];
  const weights = [onHand[0] === null ? 0 : 7, onHand[1] === null ? 0 : 3, 0];

  switch (plan.tier) {
    case 'NONE':
      // Sold out more than a year ago, or never moved at all.
      if (rnd.chance(0.6)) {
        const from = rnd.int(400, HISTORY_DAYS - 1);
        picks(rnd.int(2, 10), 366, from, unit * rnd.int(1, 3), weights);
        arrival(main, from, HISTORY_DAYS - 1);
      }
      return plan;
    case 'DEAD': {
      // On the shelf, nothing sold for 200+ days: sold only in the past, bought and never sold, or older than the history.
      const shape = rnd.int(0, 9);
      const from = rnd.int(300, HISTORY_DAYS - 1);
      if (shape < 5) picks(rnd.int(1, 8), 200, from, unit * rnd.int(1, 3), weights);
      if (shape < 8) arrival(main, from, HISTORY_DAYS - 1);
      if (shape >= 5 && shape < 8 && rnd.chance(0.5)) {
        const size = fractional ? rnd.int(1, 2500) : step;
        plan.events.push({ kind: 'ADJUST', key: open(calendar.draw(rnd, 'EVEN', 0, from)), wh: main, amount: rnd.chance(0.5) ? size : -size });
      }
      return plan;
    }
    case 'SLOW': {
      // Stock that drains over years: a year's sales (a few picks) are a small part of what is on hand, and one pick is recent.
      const perYear = (total * rnd.int(8, 50)) / 100;
      const count = 2 * rnd.int(1, 8);
      const mean = Math.max(unit, perYear / (count / 2));
      picks(1, 1, 150, mean, weights);
      picks(count - 1, 0, HISTORY_DAYS - 1, mean, weights);
      arrival(main, 400, HISTORY_DAYS - 1);
      addExtras(rnd, calendar, plan, onHand, count, unit, fractional);
      return plan;
    }
    default: {
      // A sawtooth: sales draw the stock down, a delivery brings it back up every `cover` days or so,
      // with at least a pick and a half per cover period so a delivery is not just one customer's order.
      const fast = plan.tier === 'FAST';
      const cover = fast ? rnd.int(20, 45) : rnd.int(120, 300);
      const perYear = Math.max(fast ? paretoRate(rnd, 7.5, 190) : paretoRate(rnd, 1.9, 23), (3 * 365) / 2 / cover);
      const count = Math.floor((perYear * HISTORY_DAYS) / 365) + (rnd.chance(0.5) ? 1 : 0);
      plan.leadDays = fast ? 2 : 12;
      let levels = 0;
      for (const w of web) {
        const base = unit * rnd.int(3, 30);
        const level = Math.max(onHand[w] as number, base);
        plan.ceiling[w] = steps((level * rnd.int(100, 150)) / 100, step);
        plan.safety[w] = Math.floor((plan.ceiling[w] * rnd.int(10, 25)) / 100);
        weights[w] = plan.ceiling[w];
        levels += plan.ceiling[w] - plan.safety[w];
      }
      // A cover period's picks take about what one delivery brings.
      picks(count, 0, HISTORY_DAYS - 1, levels / ((perYear * cover) / 365), weights);
      addExtras(rnd, calendar, plan, onHand, count, unit, fractional);
      return plan;
    }
  }
}

/** Returns, inventory corrections and transfers of an article that sells. */
function addExtras(rnd: Random, calendar: SeasonCalendar, plan: Plan, onHand: Array<number | null>, picks: number, unit: number, fractional: boolean): void {
  const open = (minAgo: number, maxAgo: number): number => at(rnd, calendar.draw(rnd, 'EVEN', minAgo, maxAgo), OPEN);
  const small = (): number => (fractional ? rnd.int(1, 2500) : plan.step * rnd.int(1, 2));
  const web = [0, 1].filter((w) => onHand[w] !== null);
  // About one pick in thirty comes back.
  const returns = Math.floor(picks / 30) + (rnd.int(0, 29) < picks % 30 ? 1 : 0);
  for (let i = 0; i < returns; i++) {
    const wh = onHand[RETURNS] !== null && rnd.chance(0.6) ? RETURNS : rnd.pick(web);
    plan.events.push({ kind: 'RETURN', key: open(0, HISTORY_DAYS - 1), wh, amount: fractional ? rnd.int(100, 5 * QTY_ONE) : plan.step });
  }
  for (const wh of web) {
    for (let i = rnd.int(0, 3); i > 0; i--) {
      plan.events.push({ kind: 'ADJUST', key: open(0, HISTORY_DAYS - 1), wh, amount: rnd.chance(0.6) ? -small() : small() });
    }
  }
  if (web.length === 2) {
    for (let i = rnd.int(0, 4); i > 0; i--) {
      const from = rnd.int(0, 1);
      plan.events.push({ kind: 'TRANSFER', key: open(0, HISTORY_DAYS - 1), wh: from, to: 1 - from, amount: unit * rnd.int(1, 10) });
    }
  }
  if (onHand[RETURNS] !== null) {
    // Returned goods found sound go back on sale.
    for (let i = rnd.int(0, 2); i > 0; i--) {
      plan.events.push({ kind: 'TRANSFER', key: open(0, HISTORY_DAYS - 1), wh: RETURNS, to: web[0], amount: unit * rnd.int(1, 5) });
    }
  }
}
