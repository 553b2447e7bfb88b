/**
 * `npm run -s token -- --customer C00042 | --agent AG01 [--acting C00001] | --service`:
 * a development token signed the way the server started from the same
 * environment checks it (AUTH_JWT_SECRET, or the development secret in
 * .data/ that `npm start` uses without one; AUTH_ISSUER / AUTH_AUDIENCE).
 * Only the token goes to stdout, so `TOKEN=$(npm run -s token -- --service)`
 * works; the X-Acting-Customer header to send with it goes to stderr.
 *
 * Exit codes: 0 minted, 2 a usage or configuration error, 1 refused
 * (production without --allow-production, or a server that verifies
 * tokens against a JWKS and so holds no key to sign with).
 *
 * An entry point like src/main.ts, and like it the only reader of
 * process.env in its program (hence outside src/, whose one reader is main.ts).
 */
import { developmentSecret } from '../src/auth/developmentSecret';
import { mintToken } from '../src/auth/mintToken';
import { parseTokenArgs, TOKEN_USAGE } from '../src/auth/tokenRequest';
import { loadConfig, type Config } from '../src/config/config';
import { ConfigError } from '../src/errors';

/** The demo tokens' lifetime. */
const DEFAULT_TTL_SECONDS = 12 * 3600;

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const parsed = parseTokenArgs(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(`${TOKEN_USAGE}\n`);
    return;
  }
  if (parsed.kind === 'usage') fail(2, `${parsed.problems.join('\n')}\n${TOKEN_USAGE}`);
  const { request } = parsed;

  let config: Config;
  try {
    config = loadConfig(process.env, developmentSecret);
  } catch (error) {
    if (error instanceof ConfigError) fail(2, error.message);
    throw error;
  }
  const { auth } = config;
  if (config.production && !request.allowProduction) {
    fail(1, 'NODE_ENV=production: a token signed with the production secret is a real credential; add --allow-production if that is what you want.');
  }
  if (auth.secret === null) fail(1, 'AUTH_JWKS_URL is set: Ponte holds no key to sign with; tokens come from the identity provider.');
  const ttlSeconds = request.ttlSeconds ?? Math.min(DEFAULT_TTL_SECONDS, auth.maxTokenAgeSeconds);
  if (ttlSeconds > auth.maxTokenAgeSeconds) fail(2, `--ttl: at most ${auth.maxTokenAgeSeconds} s (AUTH_MAX_TOKEN_AGE): the server refuses a longer-lived token.`);

  const token = await mintToken(auth.secret, request.claims, ttlSeconds, { issuer: auth.issuer, audience: auth.audience });
  process.stdout.write(`${token}\n`);
  if (request.acting !== null) process.stderr.write(`X-Acting-Customer: ${request.acting}\n`);
}

main().catch((error: unknown) => fail(1, `token: ${error instanceof Error ? error.message : String(error)}`));
