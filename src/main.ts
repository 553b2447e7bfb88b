/**
 * `npm start`: reads the configuration, opens the ERP (generating the demo on
 * first start), serves the API and prints how to call it.
 */
import 'reflect-metadata';
import pino from 'pino';
import { createPonteApp } from './app';
import { loadConfig, type Config } from './config/config';
import { demoTokenSecret, mintDemoTokens, startupBanner } from './startupBanner';
import { ConfigError } from './errors';
import { openErp } from './erp/openErp';
import { developmentSecret } from './auth/developmentSecret';
import { buildFeatureServices } from './featureServices';
import { loadCatalogFromDemoErp } from '../examples/content-subgraph/catalog';
import { createContentSubgraph } from '../examples/content-subgraph/server';

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
  // The zero-configuration demo shows the whole product: the example content
  // subgraph on the next port, composed with Ponte (GATEWAY=off: Ponte alone).
  const gateway = config.gateway;
  const demoPath = erp.demo !== null && config.erp.kind === 'demo' ? config.erp.path : null;
  const showContent = demoPath !== null && gateway.enabled && gateway.subgraphs.length === 0 && gateway.supergraphFile === null;
  const content = showContent
    ? await createContentSubgraph(loadCatalogFromDemoErp(demoPath), { port: config.port === 0 ? 0 : config.port + 1 })
    : null;
  if (content) config = { ...config, gateway: { ...gateway, subgraphs: [{ name: 'content', url: content.url }] } };
  const app = await createPonteApp({
    config,
    adapter: erp.adapter,
    logger,
    extendServices: (base) => buildFeatureServices({ ...base, demo: erp.demo !== null, sqlite: erp.sqlite }),
    onClose: async () => {
      await content?.close();
      erp.sqlite?.close();
    },
  });
  const url = await app.listen(config.host, config.port);
  const metricsUrl = await app.listenMetrics();
  const secret = demoTokenSecret(config.auth, erp.demo);
  const tokens = secret && erp.demo ? await mintDemoTokens(secret, erp.demo) : null;
  process.stdout.write(`${startupBanner(url, metricsUrl, erp.demo, tokens, content?.url ?? null)}\n`);
  if (config.cache.warmUp) {
    app.warmUp().then(
      (report) => logger.info(report, 'cache warm-up finished'),
      (error: unknown) => logger.warn({ err: error }, 'cache warm-up stopped: customers are read as they arrive'),
    );
  }

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
