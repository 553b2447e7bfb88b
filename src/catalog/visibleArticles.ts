/**
 * Articles by sku as the viewer may see them: an invisible article comes back
 * exactly like a missing one (null), after the same loading work.
 */
import type { Viewer } from '../auth/resolveViewer';
import type { ArticleRow } from '../erp/port';
import { isVisible } from '../visibility/visibilityPolicy';

export interface ArticleSource {
  loadMany(skus: readonly string[]): Promise<Array<ArticleRow | null | Error>>;
}

export async function visibleArticles(
  skus: readonly string[],
  viewer: Viewer,
  articles: ArticleSource,
): Promise<Array<ArticleRow | null>> {
  const rows = await articles.loadMany(skus);
  return rows.map((row) => {
    if (row instanceof Error) throw row;
    return row !== null && isVisible(viewer.policy, row) ? row : null;
  });
}
