/**
 * `npm run token`'s command line: which principal to mint a development
 * token for. Everything wrong with the arguments is reported at once, as a
 * usage error, before any configuration is read.
 */
import { parseArgs } from 'node:util';
import type { TokenClaims } from './mintToken';
import { CLAIM_CODE } from './verifyToken';

export const TOKEN_USAGE = [
  'usage: npm run -s token -- --customer CODE',
  '                           --agent CODE [--acting CUSTOMER]',
  '                           --service [--acting CUSTOMER]',
  '       options: --ttl SECONDS (default 12 h, at most AUTH_MAX_TOKEN_AGE)',
  '                --allow-production (mint with the production secret, NODE_ENV=production)',
  'Prints the token alone on stdout: TOKEN=$(npm run -s token -- --service)',
].join('\n');

export interface TokenRequest {
  claims: TokenClaims;
  /** The customer an agent or service acts for: a header, not a claim. */
  acting: string | null;
  /** Seconds; null = the default (12 h, capped by the server's AUTH_MAX_TOKEN_AGE). */
  ttlSeconds: number | null;
  allowProduction: boolean;
}

export type ParsedTokenArgs = { kind: 'help' } | { kind: 'request'; request: TokenRequest } | { kind: 'usage'; problems: string[] };

function code(value: string | undefined, flag: string, problems: string[]): string | undefined {
  if (value !== undefined && !CLAIM_CODE.test(value)) problems.push(`${flag}: 1 to 50 printable ASCII characters without spaces, got ${JSON.stringify(value.slice(0, 60))}`);
  return value;
}

export function parseTokenArgs(args: string[]): ParsedTokenArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        customer: { type: 'string' },
        agent: { type: 'string' },
        service: { type: 'boolean' },
        acting: { type: 'string' },
        ttl: { type: 'string' },
        'allow-production': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // parseArgs explains unknown flags, missing values and positionals itself.
    return { kind: 'usage', problems: [(error as Error).message] };
  }
  if (values.help) return { kind: 'help' };
  const problems: string[] = [];
  const customer = code(values.customer, '--customer', problems);
  const agent = code(values.agent, '--agent', problems);
  const acting = code(values.acting, '--acting', problems) ?? null;
  const roles = [customer !== undefined, agent !== undefined, values.service === true].filter(Boolean).length;
  if (roles !== 1) problems.push('name exactly one of --customer, --agent, --service');
  if (customer !== undefined && acting !== null) problems.push('--acting: a customer acts for itself; only an agent or a service names a customer');
  let ttlSeconds: number | null = null;
  if (values.ttl !== undefined) {
    ttlSeconds = /^\d{1,9}$/.test(values.ttl) ? Number(values.ttl) : NaN;
    if (!(ttlSeconds >= 60)) problems.push(`--ttl: whole seconds, at least 60, got ${JSON.stringify(values.ttl.slice(0, 20))}`);
  }
  if (problems.length > 0) return { kind: 'usage', problems };
  const claims: TokenClaims =
    customer !== undefined ? { role: 'customer', customer } : agent !== undefined ? { role: 'agent', agent } : { role: 'service' };
  return { kind: 'request', request: { claims, acting, ttlSeconds, allowProduction: values['allow-production'] === true } };
}
