/**
 * GET /stats: the warehouse statistics page, static files that call
 * /graphql from the browser with the token the manager types in. Only the
 * files listed here are served (no path from the URL ever reaches the file
 * system), read once at start so a checkout missing one fails at start-up,
 * not on a manager's first visit.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../errors';
import { projectRoot } from '../projectRoot';
import { sendError } from './errorReply';

/**
 * The page talks to its own origin only: scripts and styles from files (no
 * inline code, so an injected string cannot run), data from /graphql, no
 * frames, no forms posting elsewhere.
 */
export const STATS_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface StaticFile {
  body: Buffer;
  contentType: string;
  etag: string;
}

/** URL path under /stats/assets/ → where the file lives and what it is. */
function assetSources(): Record<string, { path: string; contentType: string }> {
  const page = join(projectRoot(), 'public', 'stats');
  // chart.js exports no subpath for its browser build: it sits beside the CommonJS entry.
  const chartDist = dirname(require.resolve('chart.js'));
  return {
    'stats.js': { path: join(page, 'stats.js'), contentType: 'text/javascript; charset=utf-8' },
    'stats.css': { path: join(page, 'stats.css'), contentType: 'text/css; charset=utf-8' },
    'chart.umd.min.js': { path: join(chartDist, 'chart.umd.min.js'), contentType: 'text/javascript; charset=utf-8' },
  };
}

function load(path: string, contentType: string): StaticFile {
  const body = readFileSync(path);
  return { body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/**
 * Every file is revalidated on each visit (`no-cache` + ETag): a deploy
 * changes them under the same names, and a 304 costs one small round trip.
 */
function send(request: FastifyRequest, reply: FastifyReply, file: StaticFile): FastifyReply {
  reply
    .header('content-security-policy', STATS_PAGE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-cache')
    .header('etag', file.etag);
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  return reply.header('content-type', file.contentType).send(file.body);
}

/** Registers /stats, /stats/ and /stats/assets/<name>. */
export function registerStatsPage(http: FastifyInstance): void {
  const html = load(join(projectRoot(), 'public', 'stats', 'index.html'), 'text/html; charset=utf-8');
  const assets = new Map(Object.entries(assetSources()).map(([name, source]) => [name, load(source.path, source.contentType)]));
  const page = async (request: FastifyRequest, reply: FastifyReply) => send(request, reply, html);
  http.get('/stats', page);
  http.get('/stats/', page);
  http.get<{ Params: { name: string } }>('/stats/assets/:name', async (request, reply) => {
    const file = assets.get(request.params.name);
    return file ? send(request, reply, file) : sendError(reply, notFound());
  });
}
