/**
 * GraphiQL for developers (GRAPHIQL): a browser asking GET /graphql for HTML
 * gets a page that loads GraphiQL 3 and React 18 from Ponte itself, so it
 * works offline, sends no request to any other host and tells no server
 * version. Apollo's own landing page (a CDN page) is disabled in app.ts.
 *
 * The assets are a fixed list of files, looked up by exact name; their
 * names carry the package version, so a browser may keep them for good.
 * The page's own script and style are files too: the page's CSP then needs
 * nothing but 'self' (plus data: fonts, which GraphiQL's CSS embeds).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { notFound } from '../errors';
import { sendError } from './errorReply';

/** Where the assets are served; relative to the page, so a proxy's path prefix is kept. */
const ASSET_ROUTE = '/graphiql/assets/:name';
const ASSET_PATH = 'graphiql/assets/';

export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Opens on the editors, with the headers editor shown: that is where the token goes. */
const INIT_SCRIPT = `'use strict';
(function () {
  var defaultQuery = [
    '# Ponte. A token goes in the Headers editor below, as',
    '#   { "Authorization": "Bearer <token>" }',
    '# (npm run -s token -- --customer C00001, or --agent AG01 with',
    '#   "X-Acting-Customer": "C00001" beside it, or --service).',
    '# Headers are not stored by the browser. Run with Ctrl-Enter.',
    '',
    '{',
    '  catalog(first: 3) {',
    '    edges { node { sku erpDescription } }',
    '  }',
    '}',
    '',
  ].join('\\n');
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: window.location.pathname }),
      defaultQuery: defaultQuery,
      defaultEditorToolsVisibility: 'headers',
      shouldPersistHeaders: false,
    }),
  );
})();
`;

const PAGE_STYLE = `html, body, #graphiql { height: 100%; margin: 0; }
`;

interface Asset {
  contentType: string;
  /** A file on disk, read once on first use, or text of Ponte's own. */
  source: { file: string } | { text: string };
  /** Versioned vendor files never change under their name; Ponte's own do, with Ponte. */
  immutable: boolean;
}

function packageFile(name: string, relative: string): { file: string; version: string } {
  const manifest = require.resolve(`${name}/package.json`);
  const file = join(dirname(manifest), relative);
  if (!existsSync(file)) throw new Error(`GRAPHIQL is on but ${name}'s ${relative} is missing (npm ci installs it)`);
  return { file, version: (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version };
}

/** What the page loads, in order; each is served under its own file name. */
interface PageAssets {
  react: string;
  reactDom: string;
  graphiql: string;
  graphiqlStyle: string;
  init: string;
  style: string;
}

/** The assets by file name (the only names the asset route answers), and the page's names for them. */
function graphiqlAssets(): { byName: Map<string, Asset>; names: PageAssets } {
  const byName = new Map<string, Asset>();
  const vendor = (name: string, relative: string, servedAs: (version: string) => string, contentType: string): string => {
    const { file, version } = packageFile(name, relative);
    byName.set(servedAs(version), { contentType, source: { file }, immutable: true });
    return servedAs(version);
  };
  const own = (servedAs: string, text: string, contentType: string): string => {
    byName.set(servedAs, { contentType, source: { text }, immutable: false });
    return servedAs;
  };
  const names: PageAssets = {
    react: vendor('react', 'umd/react.production.min.js', (v) => `react-${v}.production.min.js`, JS),
    reactDom: vendor('react-dom', 'umd/react-dom.production.min.js', (v) => `react-dom-${v}.production.min.js`, JS),
    graphiql: vendor('graphiql', 'graphiql.min.js', (v) => `graphiql-${v}.min.js`, JS),
    graphiqlStyle: vendor('graphiql', 'graphiql.min.css', (v) => `graphiql-${v}.min.css`, CSS),
    init: own('ponte-graphiql.js', INIT_SCRIPT, JS),
    style: own('ponte-graphiql.css', PAGE_STYLE, CSS),
  };
  return { byName, names };
}

function graphiqlPage(names: PageAssets): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ponte · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSET_PATH}${names.graphiqlStyle}">
<link rel="stylesheet" href="${ASSET_PATH}${names.style}">
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${ASSET_PATH}${names.react}"></script>
<script src="${ASSET_PATH}${names.reactDom}"></script>
<script src="${ASSET_PATH}${names.graphiql}"></script>
<script src="${ASSET_PATH}${names.init}"></script>
</body>
</html>
`;
}

/**
 * True when the Accept header ranks text/html above JSON, as a browser's
 * navigation does (`text/html,…,*\/*;q=0.8`); a client asking for JSON, or
 * for anything (`*\/*`), gets GraphQL as before.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  let html = 0;
  let json = 0;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (!(weight >= 0 && weight <= 1)) continue;
    if (type === 'text/html') html = Math.max(html, weight);
    if (type === 'application/json' || type === 'application/graphql-response+json') json = Math.max(json, weight);
  }
  return html > 0 && html > json;
}

export interface Graphiql {
  /** Answers a browser's GET /graphql with the page. */
  sendPage(reply: FastifyReply): FastifyReply;
}

/** Serves the assets and returns the page sender; read the files' presence now, so a broken install fails at start. */
export function registerGraphiql(http: FastifyInstance): Graphiql {
  const { byName: assets, names } = graphiqlAssets();
  const loaded = new Map<string, Promise<Buffer | string>>();
  const page = graphiqlPage(names);
  http.get<{ Params: { name: string } }>(ASSET_ROUTE, async (request, reply) => {
    const asset = assets.get(request.params.name);
    if (!asset) return sendError(reply, notFound());
    const { source } = asset;
    let body = loaded.get(request.params.name);
    if (!body) {
      body = 'text' in source ? Promise.resolve(source.text) : readFile(source.file);
      loaded.set(request.params.name, body);
    }
    return reply
      .header('content-type', asset.contentType)
      .header('cache-control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .send(await body);
  });
  return {
    sendPage: (reply) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', GRAPHIQL_CSP)
        .header('cache-control', 'no-store')
        .header('vary', 'Accept')
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .send(page),
  };
}
