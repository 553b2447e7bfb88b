/**
 * When the distributor's goods sell: relative sales weight per calendar
 * month (January first) for the families with a season, and which articles
 * follow which season. Heating sells from October to March, air
 * conditioning in early summer, garden goods from spring to midsummer;
 * everything else sells evenly through the year.
 */
import type { Article } from '../model';

export type Season = 'EVEN' | 'HEATING' | 'COOLING' | 'GARDEN';

export const MONTH_WEIGHTS: Readonly<Record<Season, readonly number[]>> = {
  EVEN: [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10],
  HEATING: [22, 18, 12, 5, 2, 1, 1, 1, 3, 10, 18, 24],
  COOLING: [1, 1, 2, 5, 12, 24, 26, 14, 5, 2, 1, 1],
  GARDEN: [2, 3, 9, 16, 18, 16, 12, 8, 6, 4, 2, 1],
};

/** Relative weight of a weekday (Sunday first): shut on Sundays, Saturday mornings only. */
export const WEEKDAY_WEIGHTS: readonly number[] = [0, 2, 2, 2, 2, 2, 1];

/** FAM-RIS holds both the boilers and radiators of the heating season and the split air conditioners of the summer. */
export function seasonOf(article: Pick<Article, 'familyCode' | 'description'>): Season {
  if (article.familyCode === 'FAM-RIS') return article.description.startsWith('Climatizzatore') ? 'COOLING' : 'HEATING';
  if (article.familyCode === 'FAM-GIA') return 'GARDEN';
  return 'EVEN';
}
