/**
 * Signs HS256 tokens: the demo tokens printed at start-up, `npm run token`'s,
 * the benchmark's and the tests'. Production tokens come from the shop's
 * identity provider.
 */
import { SignJWT } from 'jose';

export interface TokenClaims {
  role: 'customer' | 'agent' | 'service';
  customer?: string;
  agent?: string;
}

/** `iss` and `aud`, for a server configured with AUTH_ISSUER / AUTH_AUDIENCE (which then requires them). */
export interface TokenAddressing {
  issuer?: string | null;
  audience?: string | null;
}

export async function mintToken(secret: Uint8Array, claims: TokenClaims, ttlSeconds = 12 * 3600, addressing: TokenAddressing = {}): Promise<string> {
  const jwt = new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds);
  if (addressing.issuer) jwt.setIssuer(addressing.issuer);
  if (addressing.audience) jwt.setAudience(addressing.audience);
  return jwt.sign(secret);
}
