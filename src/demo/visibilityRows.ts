/** Visibility rules: who may see restricted articles, and who may not see ordinary ones. */
import { GROUPS, TRADE_GROUPS, type Group } from './data/company';
import { FAMILY_CODES } from './data/catalogue';
import { DEMO_DENIED_FAMILY, inDemoSkuFamilies } from './articles';
import type { Context } from './context';
import { sellable, visibleToAll, type Article } from './model';
import type { Random } from './random';

/**
 * Visibility rules: ALLOWs that open restricted articles (by sku or family,
 * to customers or groups) and DENYs that hide articles (by sku or family, to
 * customers or groups), including DENYs that override an ALLOW for the same
 * customer.
 */
export function insertVisibility(ctx: Context, rnd: Random): (a: Article) => boolean {
  const statement = ctx.db.prepare(
    'INSERT INTO ecom_visibility (rule_id, mode, sku, family_code, customer_code, customer_group) VALUES (?, ?, ?, ?, ?, ?)',
  );
  let nextId = 1;
  const seen = new Set<string>();
  const demo = ctx.demo.code;
  /** The rules that reach the demo customer (its own and its group's), as "sku:X" / "family:F" keys. */
  const demoAllow = new Set<string>();
  const demoDeny = new Set<string>();
  const rule = (mode: 'ALLOW' | 'DENY', target: { sku?: string; family?: string }, who: { customer?: string; group?: string }): void => {
    const key = `${mode}|${target.sku ?? ''}|${target.family ?? ''}|${who.customer ?? ''}|${who.group ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    statement.run(nextId++, mode, target.sku ?? null, target.family ?? null, who.customer ?? null, who.group ?? null);
    if (who.customer === demo || (who.group !== undefined && who.group === ctx.demo.group)) {
      (mode === 'ALLOW' ? demoAllow : demoDeny).add(target.sku !== undefined ? `sku:${target.sku}` : `family:${target.family}`);
    }
  };
  const otherCustomers = ctx.customers.filter((c) => c !== ctx.demo);

  // Demo customer: a family ALLOW, sku ALLOWs elsewhere, and DENYs that override both kinds.
  const familyRestricted = ctx.articles.filter((a) => a.restricted && sellable(a) && a.familyCode === ctx.demoFamily);
  const inSkuFamilies = inDemoSkuFamilies(ctx.demoFamily);
  const skuRestricted = ctx.articles.filter((a) => a.restricted && sellable(a) && inSkuFamilies(a));
  const allowed = rnd.sample(skuRestricted, 6);
  rule('ALLOW', { family: ctx.demoFamily }, { customer: demo });
  for (const a of allowed) rule('ALLOW', { sku: a.sku }, { customer: demo });
  rule('DENY', { sku: rnd.pick(familyRestricted).sku }, { customer: demo }); // overrides the family ALLOW
  rule('DENY', { sku: allowed[allowed.length - 1].sku }, { customer: demo }); // overrides an ALLOW for the very same sku
  rule('DENY', { sku: rnd.pick(ctx.articles.filter((a) => visibleToAll(a) && a.familyCode !== DEMO_DENIED_FAMILY)).sku }, { customer: demo });
  rule('DENY', { family: DEMO_DENIED_FAMILY }, { customer: demo });

  // Restricted articles: half are opened to a few customers, some to a group, the rest only by family rules (or to nobody).
  for (const a of ctx.articles) {
    if (!a.restricted) continue;
    const roll = rnd.int(0, 99);
    if (roll < 50) {
      for (const customer of rnd.sample(otherCustomers, rnd.int(1, 3))) rule('ALLOW', { sku: a.sku }, { customer: customer.code });
    } else if (roll < 65) {
      rule('ALLOW', { sku: a.sku }, { group: rnd.pick(TRADE_GROUPS) });
    }
  }
  const familyAllows: ReadonlyArray<readonly [string, Group]> = [
    ['FAM-UTE', 'INSTALLATORI'], ['FAM-RIS', 'INSTALLATORI'], ['FAM-EDI', 'RIVENDITORI'], ['FAM-ILL', 'GDO'], ['FAM-ELU', 'RIVENDITORI'],
  ];
  for (const [family, group] of familyAllows) rule('ALLOW', { family }, { group });
  for (const customer of otherCustomers) {
    if (rnd.chance(0.015)) rule('ALLOW', { family: rnd.pick(FAMILY_CODES) }, { customer: customer.code });
  }

  // Exclusions: articles or whole families hidden from some customers and groups.
  const ordinary = ctx.articles.filter(visibleToAll);
  for (const customer of otherCustomers) {
    if (rnd.chance(0.05)) {
      for (const a of rnd.sample(ordinary, rnd.int(1, 2))) rule('DENY', { sku: a.sku }, { customer: customer.code });
    }
    if (rnd.chance(0.005)) rule('DENY', { family: rnd.pick(FAMILY_CODES) }, { customer: customer.code });
  }
  rule('DENY', { family: 'FAM-EDI' }, { group: 'PRIVATI' });
  rule('DENY', { family: 'FAM-RIS' }, { group: 'GDO' });
  for (let i = 0; i < 10; i++) rule('DENY', { sku: rnd.pick(ordinary).sku }, { group: rnd.pick(GROUPS) });
  // A customer in a group that is allowed a family, denied one of its articles personally.
  const installer = otherCustomers.find((c) => c.group === 'INSTALLATORI');
  if (installer && familyRestricted.length > 0) rule('DENY', { sku: rnd.pick(familyRestricted).sku }, { customer: installer.code });

  // What the demo customer sees, by the contract's visibility rule.
  const matches = (keys: ReadonlySet<string>, a: Article): boolean => keys.has(`sku:${a.sku}`) || (a.familyCode !== null && keys.has(`family:${a.familyCode}`));
  return (a) => a.active && a.webEnabled && !matches(demoDeny, a) && (!a.restricted || matches(demoAllow, a));
}
