/**
 * An estimate of the heap a cached value holds, for lru-cache's
 * `sizeCalculation`: the caches are bounded in bytes, so the process keeps
 * its memory budget by evicting instead of growing.
 *
 * It walks the value the way V8 lays it out, roughly: a header per object and
 * array, a slot per property or element, strings by their length. It is an
 * estimate (V8 shares strings, packs small integers, ...) calibrated against
 * heap snapshots of real ERP facts; it runs only when a fact enters a cache.
 */
const OBJECT_HEADER = 24;
const SLOT = 8;
const STRING_HEADER = 16;
/**
 * Measured on the demo ERP at 100k articles × 5k customers, the heap grew by
 * about 2.2 × the sum of the walk below (hidden classes, map backing stores,
 * number boxes, compiled forms the walk cannot see); the estimate is scaled
 * by 2 so that a budget means what it says within ~10 %.
 */
const CALIBRATION = 2;

export function approximateBytes(value: unknown): number {
  return CALIBRATION * walk(value, 0);
}

function walk(value: unknown, depth: number): number {
  if (value === null || value === undefined) return 0;
  switch (typeof value) {
    case 'string':
      return STRING_HEADER + value.length;
    case 'number':
    case 'boolean':
    case 'bigint':
      return SLOT;
    case 'object': {
      // Deep enough for every fact shape; a cycle or an unexpected nesting stops here.
      if (depth > 8) return OBJECT_HEADER;
      if (ArrayBuffer.isView(value)) return OBJECT_HEADER + value.byteLength;
      if (Array.isArray(value)) {
        let bytes = OBJECT_HEADER + SLOT * value.length;
        for (const item of value) bytes += walk(item, depth + 1);
        return bytes;
      }
      let bytes = OBJECT_HEADER;
      for (const key in value) {
        bytes += SLOT + walk((value as Record<string, unknown>)[key], depth + 1);
      }
      return bytes;
    }
    default:
      return SLOT;
  }
}
