/**
 * Signs HS256 tokens: the demo tokens printed at start-up, the benchmark's
 * and the tests'. Production tokens come from the shop's identity provider.
 */
import { SignJWT } from 'jose';

export interface TokenClaims {
  role: 'customer' | 'agent' | 'service';
  customer?: string;
  agent?: string;
}

export async function mintToken(secret: Uint8Array, claims: TokenClaims, ttlSeconds = 12 * 3600): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(secret);
}
