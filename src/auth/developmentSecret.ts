/**
 * The HS256 secret used outside production when none is configured, kept in
 * .data/ so tokens minted by one process (the start-up banner, `npm run
 * token`) are accepted by the next.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../projectRoot';

export function developmentSecret(): Uint8Array {
  const dir = join(projectRoot(), '.data');
  const file = join(dir, 'dev-jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}
