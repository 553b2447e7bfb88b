/**
 * A small seeded pseudo-random number generator for the demo ERP.
 *
 * The demo database must be reproducible: the same seed and sizes must give
 * byte-for-byte the same rows on every machine and Node version, so tests and
 * benchmarks can rely on it. The built-in generator cannot be seeded, so this file
 * implements sfc32 (Chris Doty-Humphrey's Small Fast Counting generator,
 * from PractRand): 128 bits of state, only 32-bit integer operations (exact
 * in JavaScript), passes PractRand, and has a counter word so no seed can
 * fall into a short cycle. The state is expanded from the seed with
 * splitmix32, so nearby seeds give unrelated streams.
 *
 * Every helper draws from `uint32()` with integer arithmetic only, so the
 * sequence never depends on floating point rounding.
 */

const TWO_POW_32 = 0x1_0000_0000;

/** 32-bit FNV-1a: turns a stream label into a number for derive(). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private readonly seed: number;
  private readonly stream: number;

  /**
   * @param seed any finite number; its integer part, including bits above 32,
   *   selects the sequence.
   * @param stream an independent sub-sequence of the same seed (see derive()).
   */
  constructor(seed: number, stream = 0) {
    if (!Number.isFinite(seed)) throw new RangeError(`Random seed must be a finite number, got ${seed}`);
    this.seed = seed;
    this.stream = stream >>> 0;
    const low = seed >>> 0;
    const high = Math.floor(seed / TWO_POW_32) >>> 0;

    // splitmix32 spreads the (often small, sequential) seed over 128 bits.
    let s = low;
    const splitmix = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = (splitmix() ^ high) >>> 0;
    this.c = (splitmix() ^ this.stream) >>> 0;
    this.d = splitmix();
    // Discard the first outputs, as sfc32's author recommends, so the words
    // that were xor-ed with high/stream are fully mixed before use.
    for (let i = 0; i < 15; i++) this.uint32();
  }

  /** Next raw output: an integer in [0, 2^32). */
  uint32(): number {
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A number in [0, 1), for callers that need a fraction (not used for stored values). */
  next(): number {
    return this.uint32() / TWO_POW_32;
  }

  /**
   * A uniformly distributed integer in [min, max], both inclusive.
   * Rejection sampling avoids the modulo bias of `uint32() % range`.
   */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`Random.int needs integers min <= max, got ${min}, ${max}`);
    }
    const range = max - min + 1;
    if (range > TWO_POW_32) throw new RangeError(`Random.int range too large: ${range}`);
    if (range === TWO_POW_32) return min + this.uint32();
    const limit = TWO_POW_32 - (TWO_POW_32 % range);
    let x = this.uint32();
    while (x >= limit) x = this.uint32();
    return min + (x % range);
  }

  /**
   * True with probability p. Always draws exactly one number, whatever p is,
   * so tuning a probability does not shift the rest of the sequence.
   */
  chance(p: number): boolean {
    return this.uint32() < p * TWO_POW_32;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Random.pick from an empty array');
    return items[this.int(0, items.length - 1)];
  }

  /** One element with probability proportional to its (positive integer) weight. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, weight] of entries) {
      if (!Number.isSafeInteger(weight) || weight < 0) throw new RangeError(`Random.weighted: bad weight ${weight}`);
      total += weight;
    }
    if (total === 0) throw new RangeError('Random.weighted: weights sum to zero');
    let r = this.int(0, total - 1);
    for (const [value, weight] of entries) {
      if (r < weight) return value;
      r -= weight;
    }
    // Unreachable: r < total by construction.
    throw new Error('Random.weighted: internal error');
  }

  /** Shuffles in place (Fisher-Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /**
   * k distinct elements (all of them, shuffled, when k >= length), in draw
   * order. Cheap for a small k from a large array: it never copies the array.
   */
  sample<T>(items: readonly T[], k: number): T[] {
    if (k >= items.length) return this.shuffle(items.slice());
    // Rejection gets slow when most elements are wanted; a copy is cheaper then.
    if (k * 2 > items.length) return this.shuffle(items.slice()).slice(0, k);
    const chosen = new Set<number>();
    const result: T[] = [];
    while (result.length < k) {
      const index = this.int(0, items.length - 1);
      if (chosen.has(index)) continue;
      chosen.add(index);
      result.push(items[index]);
    }
    return result;
  }

  /**
   * An independent generator for one part of the work, named by a label.
   * Sections of the demo data each take their own stream, so changing how
   * many numbers one section draws leaves every other section unchanged.
   */
  derive(label: string): Random {
    return new Random(this.seed, (Math.imul(this.stream, 0x01000193) ^ fnv1a(label)) >>> 0);
  }
}
