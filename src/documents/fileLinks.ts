/**
 * Short-lived signed links to document files: GET /files/{id}?c=&e=&s=.
 * The signature binds the file, the customer it was issued to and the
 * expiry, so a link that is expired, altered or replayed for another file
 * or customer is refused (403), and a link outlives neither its ttl nor a
 * change of the document's owner.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface FileLinkOptions {
  /** HMAC key; at least 32 bytes. */
  key: Uint8Array;
  /** How long a link stays valid, in seconds. */
  ttlSeconds: number;
  /** Prefix for absolute links (e.g. https://api.example.it); '' gives links relative to the API host. */
  baseUrl: string;
}

export class FileLinks {
  constructor(private readonly options: FileLinkOptions) {}

  private signature(fileId: string, customerCode: string, expires: number): Buffer {
    return createHmac('sha256', this.options.key).update(`${fileId}\u0000${customerCode}\u0000${expires}`).digest();
  }

  link(fileId: string, customerCode: string, now: Date): string {
    const expires = Math.floor(now.getTime() / 1000) + this.options.ttlSeconds;
    const s = this.signature(fileId, customerCode, expires).toString('base64url');
    const q = new URLSearchParams({ c: customerCode, e: String(expires), s });
    return `${this.options.baseUrl}/files/${encodeURIComponent(fileId)}?${q.toString()}`;
  }

  /** The customer the link was issued to, or null when it is expired or not genuine. */
  verify(fileId: string, query: Record<string, unknown>, now: Date): string | null {
    const { c, e, s } = query;
    if (typeof c !== 'string' || typeof e !== 'string' || typeof s !== 'string' || !/^\d{1,12}$/.test(e)) return null;
    const expires = Number(e);
    if (expires < Math.floor(now.getTime() / 1000)) return null;
    const given = Buffer.from(s, 'base64url');
    const expected = this.signature(fileId, c, expires);
    return given.length === expected.length && timingSafeEqual(given, expected) ? c : null;
  }
}
