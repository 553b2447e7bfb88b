/**
 * How many articles of a search the viewer may see, in all and per family,
 * without reading the articles: the ERP counts the matches per family and
 * restricted flag (one grouped query, cached per search, the same for every
 * viewer), and the one visibility function decides each group as a whole.
 * Only articles a rule names by sku can differ from their group; those are
 * few (the policy's own list), read by sku from the article cache, and
 * corrected one by one. So a count is exact for every viewer and costs the
 * same for 1 000 articles or 100 000.
 */
import type { Viewer } from '../auth/resolveViewer';
import type { ArticleRow, CatalogCountRow } from '../erp/port';
import { isVisible, isVisibleUnnamed, namedSkus } from '../visibility/visibilityPolicy';
import { matchesTerms } from './searchTerms';
import type { ArticleSource } from './visibleArticles';

export interface CatalogCountSources {
  counts(terms: readonly string[]): Promise<CatalogCountRow[]>;
  articles: ArticleSource;
}

/** Visible matches per family code (null: articles outside any family); families with none are absent. */
export type VisibleCounts = ReadonlyMap<string | null, number>;

export async function visibleCounts(terms: readonly string[], viewer: Viewer, sources: CatalogCountSources): Promise<VisibleCounts> {
  const named = [...namedSkus(viewer.policy)];
  const [groups, namedRows] = await Promise.all([sources.counts(terms), named.length > 0 ? sources.articles.loadMany(named) : []]);
  const out = new Map<string | null, number>();
  const add = (family: string | null, n: number) => out.set(family, (out.get(family) ?? 0) + n);
  for (const g of groups) {
    if (isVisibleUnnamed(viewer.policy, g.familyCode, g.restricted)) add(g.familyCode, g.count);
  }
  for (const row of namedRows) {
    if (row instanceof Error) throw row;
    if (row === null || !counted(row, terms)) continue;
    const own = isVisible(viewer.policy, row) ? 1 : 0;
    const asGroup = isVisibleUnnamed(viewer.policy, row.familyCode, row.restricted) ? 1 : 0;
    if (own !== asGroup) add(row.familyCode, own - asGroup);
  }
  for (const [family, n] of out) if (n <= 0) out.delete(family);
  return out;
}

/** Whether the ERP's grouped count includes this row: the same filter, in the same words. */
function counted(row: ArticleRow, terms: readonly string[]): boolean {
  return row.active && row.webEnabled && matchesTerms(terms, row.sku, row.description ?? '');
}

/** Every visible match, or those of one family. */
export function totalCount(counts: VisibleCounts, family: string | null): number {
  if (family !== null) return counts.get(family) ?? 0;
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}

export interface FamilyFacet {
  code: string;
  /** From ecom_families; the code when the installation names it nowhere. */
  name: string;
  count: number;
}

const byName = new Intl.Collator('it', { sensitivity: 'base', numeric: true });

/**
 * The families with visible matches, by name (then code): a list that keeps
 * its order while the counts change as the shopper types. Articles outside
 * any family count in totalCount but have no facet (no family to filter by).
 */
export function familyFacets(counts: VisibleCounts, names: ReadonlyMap<string, string | null>): FamilyFacet[] {
  const facets: FamilyFacet[] = [];
  for (const [code, count] of counts) {
    if (code !== null) facets.push({ code, name: names.get(code) ?? code, count });
  }
  return facets.sort((a, b) => byName.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
