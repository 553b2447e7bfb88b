/**
 * Which articles a customer's own rows (its visibility rules and conditions,
 * not its group's) can change the answer for.
 *
 * A product answer computed for a customer whose own rows reach none of the
 * articles it shows is exactly the answer a customer of the same price list
 * and group with no rows of its own would get: the response cache shares it
 * between them (see viewerFingerprint.ts). Most customers with conditions
 * of their own have a handful, on a few skus or families; without this,
 * each of them had a response cache of its own for every page.
 *
 * Deliberately wider than the rules: a row naming a sku reaches that sku, a
 * row naming a family reaches that family, and a row naming neither reaches
 * everything (the condition index and the visibility layers use the sku
 * when set, else the family, else every article, so this covers them).
 */

export interface OwnReach {
  /** A row names neither sku nor family: nothing can be shared. */
  everything: boolean;
  skus: ReadonlySet<string>;
  families: ReadonlySet<string>;
}

export const REACHES_NOTHING: OwnReach = { everything: false, skus: new Set(), families: new Set() };

export function ownReach(rows: Iterable<{ sku: string | null; familyCode: string | null }>): OwnReach {
  const skus = new Set<string>();
  const families = new Set<string>();
  let everything = false;
  for (const row of rows) {
    if (row.sku !== null) skus.add(row.sku);
    if (row.familyCode !== null) families.add(row.familyCode);
    if (row.sku === null && row.familyCode === null) everything = true;
  }
  return everything || skus.size > 0 || families.size > 0 ? { everything, skus, families } : REACHES_NOTHING;
}

/** Whether any of the rows can touch an answer that read these skus, of these families. */
export function reachesAny(reach: OwnReach, skus: Iterable<string>, families: Iterable<string>): boolean {
  if (reach.everything) return true;
  if (reach.skus.size > 0) for (const sku of skus) if (reach.skus.has(sku)) return true;
  if (reach.families.size > 0) for (const family of families) if (reach.families.has(family)) return true;
  return false;
}
