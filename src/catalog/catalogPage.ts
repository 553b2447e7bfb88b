/**
 * One page of the catalog as the viewer sees it, ordered by sku.
 *
 * The ERP is asked for raw batches of active, web-enabled articles (family
 * and search applied in SQL), and visibility is applied here, by the one
 * visibility function. A batch is a little larger than the page, so a page
 * normally costs one query even when some articles are hidden; when hiding
 * removes more, the next batch starts after the last sku seen, so nothing is
 * ever skipped or repeated, and the cursor only ever names visible skus.
 * What the viewer's rules rule out wholesale (restricted articles when no
 * ALLOW applies, a family denied outright) is left out of the SQL too, so a
 * denied family costs no scan at all.
 */
import type { Viewer } from '../auth/resolveViewer';
import type { ArticleRow, CatalogPageQuery } from '../erp/port';
import { catalogNarrowing, isVisible } from '../visibility/visibilityPolicy';

export interface CatalogRequest {
  first: number;
  after: string | null;
  family: string | null;
  /** The search's folded words (searchTerms); [] = no search. */
  terms: readonly string[];
}

export interface CatalogResult {
  items: ArticleRow[];
  hasNextPage: boolean;
}

/** Extra rows fetched per batch beyond page + 1, to absorb hidden articles. */
export function batchSize(first: number): number {
  return first + 1 + Math.max(8, Math.ceil(first / 4));
}

export async function catalogPage(
  request: CatalogRequest,
  viewer: Viewer,
  loadBatch: (query: CatalogPageQuery) => Promise<ArticleRow[]>,
): Promise<CatalogResult> {
  const items: ArticleRow[] = [];
  if (request.first === 0) {
    // Still answers hasNextPage truthfully.
    const probe = await collect(request, viewer, loadBatch, 1);
    return { items, hasNextPage: probe.length > 0 };
  }
  const found = await collect(request, viewer, loadBatch, request.first + 1);
  return { items: found.slice(0, request.first), hasNextPage: found.length > request.first };
}

async function collect(
  request: CatalogRequest,
  viewer: Viewer,
  loadBatch: (query: CatalogPageQuery) => Promise<ArticleRow[]>,
  wanted: number,
): Promise<ArticleRow[]> {
  const found: ArticleRow[] = [];
  const narrowing = catalogNarrowing(viewer.policy);
  if (request.family !== null && narrowing.hiddenFamilies.has(request.family)) return found;
  const limit = batchSize(Math.max(wanted - 1, 1));
  let after = request.after;
  for (;;) {
    const batch = await loadBatch({
      after,
      family: request.family,
      terms: request.terms,
      unrestrictedOnly: narrowing.unrestrictedOnly,
      limit,
    });
    for (const row of batch) {
      if (isVisible(viewer.policy, row)) {
        found.push(row);
        if (found.length === wanted) return found;
      }
    }
    if (batch.length < limit) return found;
    after = batch[batch.length - 1]!.sku;
  }
}
