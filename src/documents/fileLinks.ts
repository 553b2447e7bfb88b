/**
 * Short-lived signed links to document files: GET /files/{id}?c=&e=&s=.
 * The signature binds the file, the customer it was issued to and the
 * expiry, so a link that is expired, altered or replayed for another file
 * or customer is refused (403), and a link outlives neither its ttl nor a
 * change of the document's owner. A link is valid up to and including the
 * instant it states as its expiry (`DocumentFile.expiresAt`), not after.
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

export interface FileLink {
  url: string;
  /** The last instant the link is accepted: whole seconds, as the link carries it. */
  expiresAt: Date;
}

export class FileLinks {
  constructor(private readonly options: FileLinkOptions) {}

  private signature(fileId: string, customerCode: string, expires: number): Buffer {
    return createHmac('sha256', this.options.key).update(`${fileId}\u0000${customerCode}\u0000${expires}`).digest();
  }

  issue(fileId: string, customerCode: string, now: Date): FileLink {
    const expires = Math.floor(now.getTime() / 1000) + this.options.ttlSeconds;
    const s = this.signature(fileId, customerCode, expires).toString('base64url');
    const q = new URLSearchParams({ c: customerCode, e: String(expires), s });
    return { url: `${this.options.baseUrl}/files/${encodeURIComponent(fileId)}?${q.toString()}`, expiresAt: new Date(expires * 1000) };
  }

  link(fileId: string, customerCode: string, now: Date): string {
    return this.issue(fileId, customerCode, now).url;
  }

  /** The customer the link was issued to, or null when it is expired or not genuine. */
  verify(fileId: string, query: Record<string, unknown>, now: Date): string | null {
    const { c, e, s } = query;
    if (typeof c !== 'string' || typeof e !== 'string' || typeof s !== 'string' || !/^\d{1,12}$/.test(e)) return null;
    const expires = Number(e);
    // Milliseconds, not seconds: a page told `expiresAt` must not find the link still working a moment later.
    if (now.getTime() > expires * 1000) return null;
    const given = Buffer.from(s, 'base64url');
    const expected = this.signature(fileId, c, expires);
    return given.length === expected.length && timingSafeEqual(given, expected) ? c : null;
  }
}
