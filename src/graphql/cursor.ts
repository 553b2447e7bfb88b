/**
 * Opaque Relay cursors: base64url of a prefix and the stable key. A cursor
 * that does not decode to the expected prefix is BAD_USER_INPUT.
 */
import { badUserInput } from '../errors';

export function encodeCursor(prefix: string, key: string): string {
  return Buffer.from(`${prefix}:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(prefix: string, cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw badUserInput('after: not a valid cursor.');
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(`${prefix}:`) || text.length === prefix.length + 1) throw badUserInput('after: not a valid cursor.');
  return text.slice(prefix.length + 1);
}

/** Validates `first`: a positive page size, capped. */
export function pageSize(first: number | null | undefined, def: number, max: number): number {
  if (first === null || first === undefined) return def;
  if (!Number.isInteger(first) || first < 0) throw badUserInput('first: must be a non-negative whole number.');
  return Math.min(first, max);
}
