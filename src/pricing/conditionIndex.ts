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
  parseCondition,
} from './conditions';

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

/** Bounds a shared index's per-article memo; past it the memo starts over (cheap to rebuild). */
const SHARED_MEMO_LIMIT = 20_000;
/** A customer's own layer remembers fewer articles: there is one per customer. */
const OWN_MEMO_LIMIT = 256;

const NO_CONDITIONS: readonly Condition[] = Object.freeze([]);

/**
 * The conditions of one audience, in layers: the conditions addressed to
 * nobody (shared by everyone), then a group's (shared by its customers), then
 * a customer's own. Each layer holds only its own conditions and asks the
 * layer below for the rest, so what is common is compiled once.
 */
export class ConditionIndex {
  private readonly bySku = new Map<string, Condition[]>();
  private readonly byFamily = new Map<string, Condition[]>();
  private readonly forAll: Condition[] = [];
  private memo = new Map<string, Candidates>();

  constructor(
    conditions: Iterable<Condition>,
    private readonly base: ConditionIndex | null = null,
    private readonly memoLimit = SHARED_MEMO_LIMIT,
  ) {
    for (const c of conditions) {
      if (c.sku !== null) push(this.bySku, c.sku, c);
      else if (c.familyCode !== null) push(this.byFamily, c.familyCode, c);
      else this.forAll.push(c);
    }
  }

  candidates(sku: string, familyCode: string | null): Candidates {
    // Keyed by the sku alone: the sku string comes from a cached article row,
    // so V8 reuses its hash, where a composed key would be built and hashed
    // on every call. The family is checked, since an article can move.
    let hit = this.memo.get(sku);
    if (hit && hit.familyCode === familyCode) return hit;
    const own = this.own(sku, familyCode);
    const below = this.base?.candidates(sku, familyCode);
    // Nothing of this layer's applies: the layer below answers, and nothing is remembered twice.
    if (below && own.length === 0) return below;
    const all = below ? mergeSorted(below.all, own.sort(compareConditions)) : own.sort(compareConditions);
    hit = {
      prices: all.filter((c) => c.kind !== 'DISCOUNT'),
      discounts: all.filter((c) => c.kind === 'DISCOUNT'),
      all,
      familyCode,
    };
    if (this.memo.size >= this.memoLimit) this.memo = new Map();
    this.memo.set(sku, hit);
    return hit;
  }

  /** This layer's conditions for the article, unsorted (a new array). */
  private own(sku: string, familyCode: string | null): Condition[] {
    return [
      ...(this.bySku.get(sku) ?? NO_CONDITIONS),
      ...(familyCode !== null ? (this.byFamily.get(familyCode) ?? NO_CONDITIONS) : NO_CONDITIONS),
      ...this.forAll,
    ];
  }

  get isEmpty(): boolean {
    return this.bySku.size === 0 && this.byFamily.size === 0 && this.forAll.length === 0;
  }
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
function layer(base: ConditionIndex, conditions: readonly Condition[], memoLimit: number): ConditionIndex {
  const index = new ConditionIndex(conditions, base, memoLimit);
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
      index = layer(global, addressed, SHARED_MEMO_LIMIT);
      groups.set(facts.group, index);
    }
    below = index;
  }
  const customers = memoFor(customerLayers, globalRows);
  let index = customers.get(facts);
  if (!index) {
    index = layer(below, parseConditions(facts.conditions).filter((c) => c.customerCode !== null && addressedTo(c, audience)), OWN_MEMO_LIMIT);
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
    const group = layer(global, own.filter((c) => c.customerCode === null), SHARED_MEMO_LIMIT);
    index = layer(group, own.filter((c) => c.customerCode !== null), OWN_MEMO_LIMIT);
    customers.set(key, index);
  }
  return index;
}
