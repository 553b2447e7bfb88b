/**
 * The domain (orders, pricing, stock, visibility) never imports the layers
 * above it: GraphQL, HTTP, resolvers or loaders. Those wire the domain; the
 * domain takes plain values and narrow interfaces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { projectRoot } from '../../src/projectRoot';

const DOMAIN = ['src/orders', 'src/pricing', 'src/stock', 'src/visibility', 'src/stats'];
const UPPER = ['resolvers', 'loaders', 'src/graphql', 'src/http'];
/** Packages of the layers above: the domain neither serves nor speaks GraphQL or HTTP. */
const UPPER_PACKAGES = /^(graphql|type-graphql|graphql-tag|dataloader|fastify|undici|@apollo\/|@as-integrations\/|@fastify\/|@escape\.tech\/)/;
/** "No file over ~400 lines": tables of data (src/demo/data) excepted. */
const MAX_LINES = 400;

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

test('the domain imports nothing from GraphQL, HTTP, resolvers or loaders', () => {
  const root = projectRoot();
  const offending: string[] = [];
  for (const file of DOMAIN.flatMap((d) => sources(join(root, d)))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:import|export)[^'"]*from\s+['"](\.[^'"]+)['"]/g)) {
      const target = relative(root, resolve(dirname(file), match[1]!));
      if (UPPER.some((layer) => target === layer || target.startsWith(`${layer}/`))) offending.push(`${relative(root, file)} → ${target}`);
    }
  }
  assert.deepEqual(offending, []);
});

test('the domain imports no GraphQL, HTTP or loader package', () => {
  const root = projectRoot();
  const offending: string[] = [];
  for (const file of DOMAIN.flatMap((d) => sources(join(root, d)))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:import|export)[^'"]*from\s+['"]([^.'"][^'"]*)['"]/g)) {
      if (UPPER_PACKAGES.test(match[1]!)) offending.push(`${relative(root, file)} → ${match[1]}`);
    }
  }
  assert.deepEqual(offending, []);
});

test(`no source file is over ${MAX_LINES} lines, data tables excepted`, () => {
  const root = projectRoot();
  const long = ['src', 'resolvers', 'loaders']
    .flatMap((d) => sources(join(root, d)))
    .filter((file) => !relative(root, file).startsWith('src/demo/data/'))
    .map((file) => ({ file: relative(root, file), lines: readFileSync(file, 'utf8').split('\n').length }))
    .filter(({ lines }) => lines > MAX_LINES);
  assert.deepEqual(long, []);
});
