/**
 * `npm start`: reads the configuration, opens the ERP (generating the demo on
 * first start), serves the API and prints how to call it.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { createPonteApp } from './app';
import { mintToken } from './auth/mintToken';
import { loadConfig, type Config } from './config/config';
import { ConfigError } from './errors';
import { openErp } from './erp/openErp';
import { projectRoot } from './projectRoot';
import { buildServices } from './services';

/** A development secret kept in .data/, so demo tokens survive restarts. */
function developmentSecret(): Uint8Array {
  const dir = join(projectRoot(), '.data');
  const file = join(dir, 'dev-jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

async function banner(config: Config, url: string, metricsUrl: string | null, demo: { demoCustomer: string; demoAgent: string } | null): Promise<string> {
  const metrics = metricsUrl ? `metrics ${metricsUrl}/metrics` : 'metrics off';
  const lines = [`Ponte is listening: ${url}/graphql  (health ${url}/healthz, readiness ${url}/readyz, ${metrics})`];
  if (demo && config.auth.secret && !config.production) {
    const customer = await mintToken(config.auth.secret, { role: 'customer', customer: demo.demoCustomer });
    const agent = await mintToken(config.auth.secret, { role: 'agent', agent: demo.demoAgent });
    const service = await mintToken(config.auth.secret, { role: 'service' });
    lines.push(
      '',
      'Demo tokens (valid 12 h):',
      `  customer ${demo.demoCustomer}: export PONTE_CUSTOMER_TOKEN=${customer}`,
      `  agent ${demo.demoAgent}:    export PONTE_AGENT_TOKEN=${agent}`,
      `  service:         export PONTE_SERVICE_TOKEN=${service}`,
      '',
      'Try:',
      `  curl -s ${url}/graphql -H 'content-type: application/json' -H "authorization: Bearer $PONTE_CUSTOMER_TOKEN" \\`,
      `    -d '{"query":"{ me { code companyName } catalog(first: 3) { edges { node { sku description availability { status available } } } } }"}'`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env, developmentSecret);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel });
  const erp = await openErp(config.erp, config.erpLimits, config.demo, logger);
  const app = await createPonteApp({
    config,
    adapter: erp.adapter,
    logger,
    extendServices: (base) => buildServices({ ...base, demo: erp.demo !== null, sqlite: erp.sqlite }),
  });
  const url = await app.listen(config.host, config.port);
  const metricsUrl = await app.listenMetrics();
  process.stdout.write(`${await banner(config, url, metricsUrl, erp.demo)}\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Ponte failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
