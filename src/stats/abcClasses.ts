/**
 * ABC by picking frequency (warehouse-statistics.md): unit-independent, so a
 * cable sold by the metre and a switch sold by the piece rank alike. The
 * articles with picks, by pickCount365 descending then sku ascending; an
 * article's class depends on the picks of the articles BEFORE it: A while
 * they are under 80 % of all picks, B under 95 %, C after.
 */
import type { ArticleFigures } from './statsModel';

/** Sets `abc` on every article of one scope (articles without picks get null). */
export function assignAbc(articles: readonly ArticleFigures[]): void {
  const picked = articles.filter((a) => a.pickCount365 > 0);
  picked.sort((a, b) => b.pickCount365 - a.pickCount365 || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  const total = picked.reduce((sum, a) => sum + a.pickCount365, 0);
  let before = 0;
  for (const article of picked) {
    // Integer comparisons: C < 0.80 · T ⇔ 100 · C < 80 · T.
    article.abc = 100 * before < 80 * total ? 'A' : 100 * before < 95 * total ? 'B' : 'C';
    before += article.pickCount365;
  }
  for (const article of articles) if (article.pickCount365 <= 0) article.abc = null;
}
