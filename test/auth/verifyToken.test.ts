/**
 * Token verification remembers tokens it verified (a storefront sends the
 * same one on every request), without ever accepting more than a fresh
 * verification would.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mintToken } from '../../src/auth/mintToken';
import { createTokenVerifier } from '../../src/auth/verifyToken';
import { loadConfig } from '../../src/config/config';
import { PonteError } from '../../src/errors';
import { TEST_SECRET } from '../helpers/testServer';

const secret = new TextEncoder().encode(TEST_SECRET);
const auth = loadConfig({ AUTH_JWT_SECRET: TEST_SECRET }).auth;

describe('remembered tokens', () => {
  test('a remembered token is refused once it expires', async () => {
    let clock = Date.now();
    const verify = createTokenVerifier(auth, () => clock);
    const token = await mintToken(secret, { role: 'customer', customer: 'C1' }, 120);
    assert.deepEqual(await verify(`Bearer ${token}`), { role: 'customer', customer: 'C1' });
    assert.deepEqual(await verify(`Bearer ${token}`), { role: 'customer', customer: 'C1' });
    clock += 121_000;
    await assert.rejects(verify(`Bearer ${token}`), (e: unknown) => e instanceof PonteError && e.code === 'UNAUTHENTICATED' && /expired/.test(e.message));
  });

  test('another token, even one differing by a character, is verified afresh', async () => {
    const verify = createTokenVerifier(auth);
    const token = await mintToken(secret, { role: 'service' }, 120);
    await verify(`Bearer ${token}`);
    // The signature's first character: every one of its bits is signature
    // (the last character of a base64url HMAC carries padding bits, so
    // changing it can leave the decoded signature as it was).
    const at = token.lastIndexOf('.') + 1;
    const other = token[at] === 'A' ? 'B' : 'A';
    await assert.rejects(verify(`Bearer ${token.slice(0, at)}${other}${token.slice(at + 1)}`), (e: unknown) => e instanceof PonteError && e.code === 'UNAUTHENTICATED');
  });

  test('a refused token is not remembered: it stays refused', async () => {
    const verify = createTokenVerifier(auth);
    const forged = await mintToken(new TextEncoder().encode('another-secret-at-least-32-bytes-long!!'), { role: 'service' }, 120);
    for (let i = 0; i < 2; i++) await assert.rejects(verify(`Bearer ${forged}`), (e: unknown) => e instanceof PonteError && e.code === 'UNAUTHENTICATED');
  });
});
