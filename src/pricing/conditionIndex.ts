/**
 * The conditions that can apply to one audience (a customer, or anonymous),
 * indexed by sku and by family, with each article's candidates sorted once
 * by winner precedence and remembered, so pricing the same article again
 * is a scan of a short, already ordered list.
 */
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

/** Bounds the per-article memo; past it the memo starts over (cheap to rebuild). */
const MEMO_LIMIT = 20_000;

export class ConditionIndex {
  private readonly bySku = new Map<string, Condition[]>();
  private readonly byFamily = new Map<string, Condition[]>();
  private readonly forAll: Condition[] = [];
  private memo = new Map<string, Candidates>();

  constructor(conditions: Iterable<Condition>) {
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
    const all = [
      ...(this.bySku.get(sku) ?? []),
      ...(familyCode !== null ? (this.byFamily.get(familyCode) ?? []) : []),
      ...this.forAll,
    ].sort(compareConditions);
    hit = {
      prices: all.filter((c) => c.kind !== 'DISCOUNT'),
      discounts: all.filter((c) => c.kind === 'DISCOUNT'),
      all,
      familyCode,
    };
    if (this.memo.size >= MEMO_LIMIT) this.memo = new Map();
    this.memo.set(sku, hit);
    return hit;
  }
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

const ANONYMOUS_KEY: object = {};
const compiled = new WeakMap<readonly ConditionRow[], WeakMap<object, ConditionIndex>>();

/**
 * The index for one audience, built from the global conditions and the
 * audience's own (customer and group) conditions, and remembered for as long
 * as both row arrays stay cached: a customer's first price builds it, later
 * ones reuse it, and a new customer reuses the parsed global conditions.
 *
 * @param ownRows the rows loaded for this customer (its customer context);
 *   rows addressed to anyone else are ignored.
 * @param identity the object whose lifetime bounds the index (the cached
 *   customer context); omitted for anonymous callers.
 */
export function conditionIndexFor(
  audience: ConditionAudience | null,
  globalRows: readonly ConditionRow[],
  ownRows: readonly ConditionRow[],
  identity?: object,
): ConditionIndex {
  let perAudience = compiled.get(globalRows);
  if (!perAudience) {
    perAudience = new WeakMap();
    compiled.set(globalRows, perAudience);
  }
  const key = audience === null ? ANONYMOUS_KEY : (identity ?? ownRows);
  let index = perAudience.get(key);
  if (!index) {
    const own = audience === null ? [] : parseConditions(ownRows);
    const all = [...parseConditions(globalRows), ...own].filter((c) => addressedTo(c, audience));
    index = new ConditionIndex(dedupe(all));
    perAudience.set(key, index);
  }
  return index;
}

/** A condition can arrive twice (in the global rows and a context); count it once. */
function dedupe(conditions: Condition[]): Condition[] {
  const seen = new Set<string>();
  return conditions.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}
