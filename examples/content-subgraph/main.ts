/**
 * Starts the example content subgraph over the demo ERP's articles:
 *   node dist/examples/content-subgraph/main.js [--port 4001] [--erp .data/demo-erp.sqlite] [--host 127.0.0.1]
 * The only module here that reads the command line and the environment.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadCatalogFromDemoErp } from './catalog';
import { createContentSubgraph } from './server';

async function main(): Promise<void> {
  const logger = pino({ name: 'content-subgraph', level: process.env.LOG_LEVEL ?? 'info' });
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4001' },
      host: { type: 'string', default: '127.0.0.1' },
      erp: { type: 'string', default: '.data/demo-erp.sqlite' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer 0–65535, got ${values.port}`);
  const erp = resolve(values.erp);
  // Ponte generates the demo ERP on its first start; this example only reads it.
  if (!existsSync(erp)) throw new Error(`no demo ERP at ${erp}: start Ponte once (npm start) to generate it, or pass --erp <file>`);

  const articles = loadCatalogFromDemoErp(erp);
  const subgraph = await createContentSubgraph(articles, { port, host: values.host });
  logger.info({ url: subgraph.url, erp, articles: articles.length }, 'content subgraph listening');

  const stop = (signal: string) => {
    logger.info({ signal }, 'content subgraph stopping');
    subgraph.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'content subgraph failed to stop');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // pino may not exist yet (bad arguments): plain stderr, plain message.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
