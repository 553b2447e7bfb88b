/**
 * Opaque Relay cursors: base64url of a prefix and the stable key. A cursor
 * that does not decode to the expected prefix is BAD_USER_INPUT.
 */
import { badUserInput } from '../errors';
import { message } from '../messages/catalogue';

export function encodeCursor(prefix: string, key: string): string {
  return Buffer.from(`${prefix}:${key}`, 'utf8').toString('base64url');
}

/** The key a cursor names; `isKey` refuses keys of the right prefix that no row could have (they must not reach SQL). */
export function decodeCursor(prefix: string, cursor: string | null | undefined, isKey: (key: string) => boolean = () => true): string | null {
  if (cursor === null || cursor === undefined) return null;
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw invalidCursor();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(`${prefix}:`) || text.length === prefix.length + 1) throw invalidCursor();
  const key = text.slice(prefix.length + 1);
  if (!isKey(key)) throw invalidCursor();
  return key;
}

const invalidCursor = () => badUserInput(message('input.cursor'));

/** Validates `first`: a positive page size, capped. */
export function pageSize(first: number | null | undefined, def: number, max: number): number {
  if (first === null || first === undefined) return def;
  if (!Number.isInteger(first) || first < 0) throw badUserInput(message('input.first'));
  return Math.min(first, max);
}
