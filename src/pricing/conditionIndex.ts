/**
 * The conditions that can apply to one caller, indexed by sku and by family.
 *
 * They come in layers, one per audience a condition can be addressed to:
 * everybody (the global conditions), a group, one customer. Each layer is
 * compiled once, when its rows enter the cache (customerFacts.ts, the
 * global-conditions loader), and holds only its own conditions; what
 * audiences share (the global layer, a group's layer) is therefore compiled
 * and held once. A caller's index is its two or three layers side by side,
 * built per request for nothing: a winner is the best of each layer's first
 * match, which is the first match of the merged order.
 */
import type { ConditionRow } from '../erp/port';
import {
  type Condition,
  type ConditionAudience,
  type DiscountCondition,
  type PriceCondition,
  addressedTo,
  compareConditions,
  inForce,
  parseCondition,
} from './conditions';
import { type Quantity, reaches } from './quantity';

export interface Candidates {
  /** PRICE and NET_PRICE conditions for the article, best first. */
  prices: readonly PriceCondition[];
  /** DISCOUNT conditions for the article, best first. */
  discounts: readonly DiscountCondition[];
  /** Every candidate (both kinds), for price breaks. */
  all: readonly Condition[];
  /** The family the candidates were gathered for. */
  familyCode: string | null;
}

const NO_CONDITIONS: readonly Condition[] = Object.freeze([]);

/** The first condition in winner order that matches the quantity and the day (step 3). */
export function firstMatching<C extends Condition>(candidates: readonly C[], quantity: Quantity, today: string): C | null {
  for (const c of candidates) {
    if (reaches(c.threshold, quantity) && inForce(c, today)) return c;
  }
  return null;
}

/**
 * The conditions addressed to one audience. Each article's candidates are
 * sorted the first time it is priced and kept, per family (and per sku, for
 * the few skus a layer names), so pricing it again is a scan of a short,
 * ordered list and nothing grows with the number of articles a caller
 * prices.
 */
export class ConditionLayer {
  private readonly bySku = new Map<string, Condition[]>();
  private readonly byFamily = new Map<string, Condition[]>();
  private readonly forAll: Condition[] = [];
  /** Sorted candidates per family (null key: no family); null value: none. */
  private readonly perFamily = new Map<string | null, Candidates | null>();
  /** Sorted candidates for the skus this layer names. */
  private readonly perSku = new Map<string, Candidates>();

  constructor(conditions: Iterable<Condition>) {
    for (const c of conditions) {
      if (c.sku !== null) push(this.bySku, c.sku, c);
      else if (c.familyCode !== null) push(this.byFamily, c.familyCode, c);
      else this.forAll.push(c);
    }
  }

  get isEmpty(): boolean {
    return this.bySku.size === 0 && this.byFamily.size === 0 && this.forAll.length === 0;
  }

  /** This layer's candidates for the article, sorted; null when it has none. */
  candidatesFor(sku: string, familyCode: string | null): Candidates | null {
    const skuOwn = this.bySku.get(sku);
    if (skuOwn !== undefined) {
      const hit = this.perSku.get(sku);
      // The family is checked, since an article can move.
      if (hit && hit.familyCode === familyCode) return hit;
      const built = toCandidates([...skuOwn, ...this.familyOwn(familyCode), ...this.forAll].sort(compareConditions), familyCode);
      this.perSku.set(sku, built);
      return built;
    }
    let hit = this.perFamily.get(familyCode);
    if (hit === undefined) {
      const list = [...this.familyOwn(familyCode), ...this.forAll].sort(compareConditions);
      hit = list.length === 0 ? null : toCandidates(list, familyCode);
      this.perFamily.set(familyCode, hit);
    }
    return hit;
  }

  private familyOwn(familyCode: string | null): readonly Condition[] {
    return familyCode !== null ? (this.byFamily.get(familyCode) ?? NO_CONDITIONS) : NO_CONDITIONS;
  }
}

function compileLayer(rows: readonly ConditionRow[], belongs: (c: Condition) => boolean): ConditionLayer {
  const conditions: Condition[] = [];
  for (const row of rows) {
    const c = parseCondition(row);
    if (c !== null && belongs(c)) conditions.push(c);
  }
  return new ConditionLayer(conditions);
}

/** The conditions addressed to nobody: an anonymous caller's only layer, and every other caller's first. */
export function compileGlobalConditions(rows: readonly ConditionRow[]): ConditionLayer {
  return compileLayer(rows, (c) => addressedTo(c, null));
}

/** The conditions addressed to a group (not to one of its customers). */
export function compileGroupConditions(group: string, rows: readonly ConditionRow[]): ConditionLayer {
  return compileLayer(rows, (c) => c.customerCode === null && c.customerGroup === group);
}

/** The conditions addressed to one customer by its code. */
export function compileCustomerConditions(code: string, rows: readonly ConditionRow[]): ConditionLayer {
  return compileLayer(rows, (c) => c.customerCode === code);
}

/** One caller's conditions: its layers, most general first. */
export class ConditionIndex {
  private readonly layers: readonly ConditionLayer[];

  constructor(layers: readonly ConditionLayer[]) {
    this.layers = layers.filter((l) => !l.isEmpty);
  }

  /** The price winner (PRICE or NET_PRICE) for the article, quantity and day, over every layer. */
  priceWinner(sku: string, familyCode: string | null, quantity: Quantity, today: string): PriceCondition | null {
    let best: PriceCondition | null = null;
    for (const layer of this.layers) {
      const own = layer.candidatesFor(sku, familyCode);
      const found = own && firstMatching(own.prices, quantity, today);
      if (found && (best === null || compareConditions(found, best) < 0)) best = found;
    }
    return best;
  }

  /** The discount winner for the article, quantity and day, over every layer. */
  discountWinner(sku: string, familyCode: string | null, quantity: Quantity, today: string): DiscountCondition | null {
    let best: DiscountCondition | null = null;
    for (const layer of this.layers) {
      const own = layer.candidatesFor(sku, familyCode);
      const found = own && firstMatching(own.discounts, quantity, today);
      if (found && (best === null || compareConditions(found, best) < 0)) best = found;
    }
    return best;
  }

  /** Every candidate for the article over every layer, best first (a new object: for price breaks and tests). */
  candidates(sku: string, familyCode: string | null): Candidates {
    let all: Condition[] = [];
    for (const layer of this.layers) {
      const own = layer.candidatesFor(sku, familyCode);
      if (own) all = mergeSorted(all, own.all);
    }
    return toCandidates(all, familyCode);
  }
}

/** What a caller's index is built from: the cached customer facts carry their compiled layers. */
export interface CompiledAudience {
  customer: { group: string | null };
  conditionLayer: ConditionLayer;
  group: { group: string; conditionLayer: ConditionLayer } | null;
}

/**
 * The index of the caller of a request: the global layer, its group's
 * (shared by the group's customers) and its own. null = anonymous (or an
 * agent acting for nobody).
 */
export function conditionIndexOf(global: ConditionLayer, facts: CompiledAudience | null): ConditionIndex {
  if (facts === null) return new ConditionIndex([global]);
  // Facts of another group (a customer that moved) never lend it their conditions.
  const group = facts.group !== null && facts.group.group === facts.customer.group ? facts.group.conditionLayer : null;
  return new ConditionIndex(group ? [global, group, facts.conditionLayer] : [global, facts.conditionLayer]);
}

/**
 * The same index from the global layer and one array of the rows addressed
 * to a group or a customer (as the pricing benchmark and the engine tests
 * hold them): rows addressed to anybody other than `audience` are ignored.
 */
export function compileConditionIndex(
  audience: ConditionAudience | null,
  global: ConditionLayer,
  ownRows: readonly ConditionRow[],
): ConditionIndex {
  if (audience === null) return new ConditionIndex([global]);
  const group = audience.group === null ? null : compileGroupConditions(audience.group, ownRows);
  const own = compileCustomerConditions(audience.code, ownRows);
  return new ConditionIndex(group ? [global, group, own] : [global, own]);
}

function toCandidates(all: Condition[], familyCode: string | null): Candidates {
  const prices: PriceCondition[] = [];
  const discounts: DiscountCondition[] = [];
  for (const c of all) {
    if (c.kind === 'DISCOUNT') discounts.push(c);
    else prices.push(c);
  }
  return { prices, discounts, all, familyCode };
}

/** Two lists sorted by precedence, merged into one. */
function mergeSorted(a: readonly Condition[], b: readonly Condition[]): Condition[] {
  const out: Condition[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareConditions(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
