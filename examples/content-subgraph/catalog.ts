/**
 * The content source: the articles the content team writes for, read from
 * the demo ERP, and the lookups the subgraph answers (by sku, by slug,
 * featured). Content is generated on demand, not held: contentFor is cheap
 * and pure, and a 100,000-article benchmark catalog would otherwise hold
 * every description in memory for the few a page shows.
 */
import Database from 'better-sqlite3';
import { contentFor, slugFor, type ContentArticle, type ProductContent } from './contentFor';

/** More would make one storefront block a catalog dump. */
export const FEATURED_MAX = 50;

/**
 * Every article of the ERP, whatever its status or visibility: the content
 * subgraph knows nothing about viewers. Ponte decides who sees which sku
 * (its `_entities` answers null), which is why lists of Product returned
 * here have nullable items.
 */
export function loadCatalogFromDemoErp(path: string): ContentArticle[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return readCatalog(db);
  } finally {
    db.close();
  }
}

/** The same from an open database (tests hold theirs in memory). */
export function readCatalog(db: Database.Database): ContentArticle[] {
  // The ERP contract has no table of family names: the content team names
  // families itself (familyCopy.ts).
  const rows = db.prepare('SELECT sku, description, family_code FROM ecom_articles ORDER BY sku').all() as Array<{
    sku: string;
    description: string;
    family_code: string | null;
  }>;
  return rows.map((r) => ({ sku: r.sku, erpDescription: r.description, familyCode: r.family_code }));
}

export interface ContentCatalog {
  readonly size: number;
  bySku(sku: string): ProductContent | null;
  bySlug(slug: string): ProductContent | null;
  /** The first `first` articles by sku (capped at FEATURED_MAX): a fixed rule, so every run shows the same block. */
  featured(first: number): ProductContent[];
}

export function createContentCatalog(articles: readonly ContentArticle[]): ContentCatalog {
  const bySku = new Map<string, ContentArticle>();
  const skuBySlug = new Map<string, string>();
  for (const article of articles) {
    if (bySku.has(article.sku)) throw new Error(`content catalog: sku ${article.sku} appears twice`);
    bySku.set(article.sku, article);
    const slug = slugFor(article);
    const other = skuBySlug.get(slug);
    if (other !== undefined) throw new Error(`content catalog: ${article.sku} and ${other} share the slug ${slug}`);
    skuBySlug.set(slug, article.sku);
  }
  const sortedSkus = [...bySku.keys()].sort();
  const lookup = (sku: string | undefined) => {
    const article = sku === undefined ? undefined : bySku.get(sku);
    return article ? contentFor(article) : null;
  };
  return {
    size: bySku.size,
    bySku: (sku) => lookup(sku),
    bySlug: (slug) => lookup(skuBySlug.get(slug)),
    featured: (first) => sortedSkus.slice(0, Math.min(Math.max(first, 0), FEATURED_MAX)).map((sku) => contentFor(bySku.get(sku)!)),
  };
}
