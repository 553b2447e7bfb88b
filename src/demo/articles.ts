/** The catalogue: articles drawn from the family templates, and the restricted articles the demo needs. */
import { DEFAULT_PACKS, FAMILY_CODES, FAMILY_WEIGHTS, type Template } from './data/catalogue';
import { QTY_SCALE, toUnits } from './fixedPoint';
import { sellable, type Article } from './model';
import type { Random } from './random';

function fill(rnd: Random, template: Template): string {
  return template.text.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const options = template.slots[name];
    if (!options) throw new Error(`template slot {${name}} has no values: ${template.text}`);
    return rnd.pick(options);
  });
}

export function buildArticles(rnd: Random, count: number): Article[] {
  const articles: Article[] = [];
  const width = Math.max(6, String(count).length);
  for (let i = 1; i <= count; i++) {
    const family = rnd.weighted(FAMILY_WEIGHTS);
    const template = rnd.pick(family.templates);
    const description = fill(rnd, template);
    const packUnits = toUnits(rnd.weighted(template.packs ?? DEFAULT_PACKS[template.unit]), QTY_SCALE);
    const minOrderUnits = rnd.chance(0.12) ? packUnits * rnd.pick([2, 3, 5, 10]) : 0;
    const restricted = rnd.chance(0.05);
    const active = !rnd.chance(0.02);
    const webEnabled = !rnd.chance(0.02);
    // Most articles have a list price; a few active ones are "price on request",
    // and half of the inactive ones were never priced at all.
    const priced = active ? !rnd.chance(0.015) : rnd.chance(0.5);
    const [low, high] = template.cents;
    const refPrice = template.fine || rnd.chance(0.2) ? rnd.int(low * 100, high * 100) : rnd.int(low, high) * 100;
    articles.push({
      // The number is global, so skus stay unique across families.
      sku: `${family.prefix}-${String(i).padStart(width, '0')}`,
      description,
      unit: template.unit,
      familyCode: family.code,
      vatRate: template.vat ?? '22.00',
      packUnits,
      minOrderUnits,
      restricted,
      active,
      webEnabled,
      listPrice: priced ? refPrice : null,
      refPrice,
    });
  }
  return articles;
}

/** The family whose restricted articles the demo customer sees through one ALLOW-by-family rule (tools, for an installer). */
export const PREFERRED_DEMO_FAMILY = 'FAM-UTE';
/** A family the demo customer is denied as a whole (garden goods, for an installer). */
export const DEMO_DENIED_FAMILY = 'FAM-GIA';

/**
 * The demo's ALLOW-by-family family: tools, unless a small catalogue has too
 * few of them, then the family with the most sellable articles.
 */
export function chooseDemoFamily(articles: readonly Article[]): string {
  const counts = new Map<string, number>();
  for (const a of articles) {
    if (a.familyCode !== null && a.familyCode !== DEMO_DENIED_FAMILY && sellable(a)) counts.set(a.familyCode, (counts.get(a.familyCode) ?? 0) + 1);
  }
  if ((counts.get(PREFERRED_DEMO_FAMILY) ?? 0) >= 8) return PREFERRED_DEMO_FAMILY;
  let best = PREFERRED_DEMO_FAMILY;
  for (const code of FAMILY_CODES) if ((counts.get(code) ?? 0) > (counts.get(best) ?? 0)) best = code;
  return best;
}

/** Articles in the families the demo customer's ALLOW-by-sku rules come from. */
export const inDemoSkuFamilies = (demoFamily: string) => (a: Article): boolean =>
  a.familyCode !== null && a.familyCode !== demoFamily && a.familyCode !== DEMO_DENIED_FAMILY;

/**
 * Makes sure the guaranteed demo cases exist whatever the PRNG drew: enough
 * restricted, sellable articles in the demo's ALLOW family and elsewhere.
 * Articles are promoted to restricted in sku order, so it stays deterministic.
 */
export function ensureRestrictedSupply(articles: Article[], family: string, wanted: number, inFamily: (a: Article) => boolean): void {
  let have = articles.filter((a) => a.restricted && sellable(a) && inFamily(a)).length;
  for (const article of articles) {
    if (have >= wanted) return;
    if (!article.restricted && sellable(article) && inFamily(article)) {
      article.restricted = true;
      have++;
    }
  }
  if (have < wanted) throw new Error(`demo data: not enough sellable articles for restricted ${family}`);
}
