/**
 * The ceiling: a bare `node:http` server answering every POST /graphql with
 * the same pre-serialized bytes (CEILING_BODY, a file holding the exact body
 * Ponte answered for the page). What HTTP on loopback costs on this machine
 * with this load generator; no server can beat it on this page.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const file = process.env.CEILING_BODY;
if (!file) {
  process.stderr.write('CEILING_BODY is not set\n');
  process.exit(1);
}
const body = readFileSync(file);
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) };
const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/readyz') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    return;
  }
  // Read (and drop) the request body before answering, as any server must.
  req.on('data', () => undefined);
  req.on('end', () => {
    res.writeHead(200, headers).end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 4200), process.env.HOST ?? '127.0.0.1');
const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
