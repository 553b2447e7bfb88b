/**
 * What `npm start` prints once listening. Demo tokens are signed only with
 * a secret Ponte made up itself: a token minted with a configured secret
 * would be a real credential printed to a terminal and its logs.
 */
import type { AuthConfig } from './config/config';
import { mintToken } from './auth/mintToken';

export interface DemoAccounts {
  demoCustomer: string;
  demoAgent: string;
}

export interface DemoTokens {
  customer: string;
  agent: string;
  service: string;
}

/** The secret to sign demo tokens with, or null when none may be printed. */
export function demoTokenSecret(auth: AuthConfig, demo: DemoAccounts | null): Uint8Array | null {
  return demo !== null && auth.generatedSecret && auth.secret !== null ? auth.secret : null;
}

export async function mintDemoTokens(secret: Uint8Array, demo: DemoAccounts): Promise<DemoTokens> {
  const [customer, agent, service] = await Promise.all([
    mintToken(secret, { role: 'customer', customer: demo.demoCustomer }),
    mintToken(secret, { role: 'agent', agent: demo.demoAgent }),
    mintToken(secret, { role: 'service' }),
  ]);
  return { customer, agent, service };
}

/**
 * @param metricsUrl where /metrics is served (its own listener), or null when it is off.
 * @param contentUrl the example content subgraph composed into /graphql (the demo's gateway mode), or null.
 */
export function startupBanner(url: string, metricsUrl: string | null, demo: DemoAccounts | null, tokens: DemoTokens | null, contentUrl: string | null = null): string {
  const metrics = metricsUrl ? `metrics ${metricsUrl}/metrics` : 'metrics off';
  const lines = [`Ponte is listening: ${url}/graphql  (health ${url}/healthz, readiness ${url}/readyz, ${metrics})`];
  if (contentUrl) lines.push(`Gateway mode: /graphql composes Ponte with the example content subgraph at ${contentUrl} (GATEWAY=off serves Ponte alone)`);
  if (demo && tokens) {
    lines.push(
      '',
      'Demo tokens (valid 12 h):',
      `  customer ${demo.demoCustomer}: export PONTE_CUSTOMER_TOKEN=${tokens.customer}`,
      `  agent ${demo.demoAgent}:    export PONTE_AGENT_TOKEN=${tokens.agent}`,
      `  service:         export PONTE_SERVICE_TOKEN=${tokens.service}`,
      '',
      'Try:',
      `  curl -s ${url}/graphql -H 'content-type: application/json' -H "authorization: Bearer $PONTE_CUSTOMER_TOKEN" \\`,
      `    -d '{"query":"{ me { code companyName } catalog(first: 3) { edges { node { sku erpDescription availability { status available } } } } }"}'`,
    );
    if (contentUrl) {
      lines.push(
        '',
        'A category page, content and live prices in one query:',
        `  curl -s ${url}/graphql -H 'content-type: application/json' -H "authorization: Bearer $PONTE_CUSTOMER_TOKEN" \\`,
        `    -d '{"query":"{ catalog(first: 3) { edges { node { sku title slug images { url alt } price { unitPrice } availability { status } } } } }"}'`,
      );
    }
  }
  return lines.join('\n');
}
