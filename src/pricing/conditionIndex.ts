/**
 * The conditions that can apply to one audience (a customer, or anonymous),
 * indexed by sku and by family, with each article's candidates sorted once
 * by winner precedence and remembered, so pricing the same article again
 * is a scan of a short, already ordered list. Indexes are layered (global,
 * group, customer) so what audiences share is compiled and held once.
 */
import type { CustomerFacts, GroupFacts } from '../customers/customerFacts';
import type { ConditionRow } from '../erp/port';
import {
  type Condition,
  type ConditionAudience,
  addressedTo,
  compareConditions,
  inForce,
  parseCondition,
} from './conditions';
import { type Quantity, reaches } from './quantity';

export interface Candidates {
  /** PRICE and NET_PRICE conditions for the article, best first. */
  prices: readonly Condition[];
  /** DISCOUNT conditions for the article, best first. */
  discounts: readonly Condition[];
  /** Every candidate (both kinds), for price breaks. */
  all: readonly Condition[];
  /** The family the candidates were gathered for. */
  familyCode: string | null;
}

const NO_CONDITIONS: readonly Condition[] = Object.freeze([]);

/** The first condition in winner order that matches the quantity and the day (step 3). */
export function firstMatching(candidates: readonly Condition[], quantity: Quantity, today: string): Condition | null {
  for (const c of candidates) {
    if (reaches(c.threshold, quantity) && inForce(c, today)) return c;
  }
  return null;
}

/**
 * The conditions of one audience, in layers: the conditions addressed to
 * nobody (shared by everyone), then a group's (shared by its customers), then
 * a customer's own. Each layer holds only its own conditions, sorted once per
 * family (and per sku, for the few skus a layer names); a winner is the best
 * of each layer's first match, which is the first match of the merged order.
 * So nothing grows with the number of articles a customer prices, and what
 * audiences share is compiled and held once.
 */
export class ConditionIndex {
  private readonly bySku = new Map<string, Condition[]>();
  private readonly byFamily = new Map<string, Condition[]>();
  private readonly forAll: Condition[] = [];
  /** Sorted candidates per family (null key: no family); null value: none. */
  private readonly perFamily = new Map<string | null, Candidates | null>();
  /** Sorted candidates for the skus this layer names. */
  private readonly perSku = new Map<string, Candidates>();

  constructor(
    conditions: Iterable<Condition>,
    private readonly base: ConditionIndex | null = null,
  ) {
    for (const c of conditions) {
      if (c.sku !== null) push(this.bySku, c.sku, c);
      else if (c.familyCode !== null) push(this.byFamily, c.familyCode, c);
      else this.forAll.push(c);
    }
  }

  get isEmpty(): boolean {
    return this.bySku.size === 0 && this.byFamily.size === 0 && this.forAll.length === 0;
  }

  /** The price winner (PRICE or NET_PRICE) for the article, quantity and day, over every layer. */
  priceWinner(sku: string, familyCode: string | null, quantity: Quantity, today: string): Condition | null {
    return this.winner('prices', sku, familyCode, quantity, today);
  }

  /** The discount winner for the article, quantity and day, over every layer. */
  discountWinner(sku: string, familyCode: string | null, quantity: Quantity, today: string): Condition | null {
    return this.winner('discounts', sku, familyCode, quantity, today);
  }

  /** The best of each layer's first match: the first match of the merged order, without merging. */
  private winner(kind: 'prices' | 'discounts', sku: string, familyCode: string | null, quantity: Quantity, today: string): Condition | null {
    let best: Condition | null = null;
    for (let layer: ConditionIndex | null = this; layer !== null; layer = layer.base) {
      const own = layer.layerCandidates(sku, familyCode);
      const found = own && firstMatching(own[kind], quantity, today);
      if (found && (best === null || compareConditions(found, best) < 0)) best = found;
    }
    return best;
  }

  /** Every candidate for the article over every layer, best first (a new object: for price breaks and tests). */
  candidates(sku: string, familyCode: string | null): Candidates {
    let all: Condition[] = [];
    for (let layer: ConditionIndex | null = this; layer !== null; layer = layer.base) {
      const own = layer.layerCandidates(sku, familyCode);
      if (own) all = mergeSorted(all, own.all);
    }
    return toCandidates(all, familyCode);
  }

  /** This layer's own candidates for the article, sorted; null when it has none. */
  private layerCandidates(sku: string, familyCode: string | null): Candidates | null {
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

function toCandidates(all: Condition[], familyCode: string | null): Candidates {
  return {
    prices: all.filter((c) => c.kind !== 'DISCOUNT'),
    discounts: all.filter((c) => c.kind === 'DISCOUNT'),
    all,
    familyCode,
  };
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

/**
 * Parsed conditions per ERP row array. The arrays are the cached ERP facts
 * themselves, so a parse lives exactly as long as the facts it came from.
 */
const parsed = new WeakMap<readonly ConditionRow[], Condition[]>();

export function parseConditions(rows: readonly ConditionRow[]): Condition[] {
  let out = parsed.get(rows);
  if (!out) {
    out = rows.map(parseCondition).filter((c): c is Condition => c !== null);
    parsed.set(rows, out);
  }
  return out;
}

const globalIndexes = new WeakMap<readonly ConditionRow[], ConditionIndex>();

/** The conditions addressed to nobody: an anonymous caller's index, and the base of every other. */
function globalIndex(globalRows: readonly ConditionRow[]): ConditionIndex {
  let index = globalIndexes.get(globalRows);
  if (!index) {
    index = new ConditionIndex(parseConditions(globalRows).filter((c) => addressedTo(c, null)));
    globalIndexes.set(globalRows, index);
  }
  return index;
}

/** A layer over `base`, or `base` itself when the layer would be empty. */
function layer(base: ConditionIndex, conditions: readonly Condition[]): ConditionIndex {
  const index = new ConditionIndex(conditions, base);
  return index.isEmpty ? base : index;
}

/** Per global rows: layers remembered for as long as the facts they came from stay cached. */
const groupLayers = new WeakMap<readonly ConditionRow[], WeakMap<GroupFacts, ConditionIndex>>();
const customerLayers = new WeakMap<readonly ConditionRow[], WeakMap<object, ConditionIndex>>();

function memoFor<K extends object>(outer: WeakMap<readonly ConditionRow[], WeakMap<K, ConditionIndex>>, globalRows: readonly ConditionRow[]) {
  let inner = outer.get(globalRows);
  if (!inner) {
    inner = new WeakMap();
    outer.set(globalRows, inner);
  }
  return inner;
}

/**
 * The index of the caller of a request: global conditions, its group's
 * (compiled once per cached group and shared) and its own (once per cached
 * customer). null = anonymous (or acting for nobody).
 */
export function customerConditionIndex(globalRows: readonly ConditionRow[], facts: CustomerFacts | null): ConditionIndex {
  const global = globalIndex(globalRows);
  if (facts === null) return global;
  const audience = { code: facts.customer.code, group: facts.customer.group };
  let below = global;
  if (facts.group !== null && audience.group === facts.group.group) {
    const groups = memoFor(groupLayers, globalRows);
    let index = groups.get(facts.group);
    if (!index) {
      const group = facts.group.group;
      const addressed = parseConditions(facts.group.conditions).filter((c) => c.customerCode === null && c.customerGroup === group);
      index = layer(global, addressed);
      groups.set(facts.group, index);
    }
    below = index;
  }
  const customers = memoFor(customerLayers, globalRows);
  let index = customers.get(facts);
  if (!index) {
    index = layer(below, parseConditions(facts.conditions).filter((c) => c.customerCode !== null && addressedTo(c, audience)));
    customers.set(facts, index);
  }
  return index;
}

/**
 * The same layering from rows in one array (as the pricing benchmark and the
 * engine tests hold them): rows addressed to anybody other than `audience`
 * are ignored.
 *
 * @param identity the object whose lifetime bounds the index; omitted for anonymous callers.
 */
export function conditionIndexFor(
  audience: ConditionAudience | null,
  globalRows: readonly ConditionRow[],
  ownRows: readonly ConditionRow[],
  identity?: object,
): ConditionIndex {
  const global = globalIndex(globalRows);
  if (audience === null) return global;
  const customers = memoFor(customerLayers, globalRows);
  const key = identity ?? ownRows;
  let index = customers.get(key);
  if (!index) {
    const own = parseConditions(ownRows).filter((c) => addressedTo(c, audience) && !addressedTo(c, null));
    const group = layer(global, own.filter((c) => c.customerCode === null));
    index = layer(group, own.filter((c) => c.customerCode !== null));
    customers.set(key, index);
  }
  return index;
}
