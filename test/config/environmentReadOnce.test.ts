/**
 * Configuration flows in once: main.ts hands process.env to loadConfig and
 * nothing else in the service reads it (a module reading its own variable
 * would escape validation, README's table and the tests' configurations).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../../src/projectRoot';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

test('only src/main.ts reads process.env', () => {
  const root = projectRoot();
  const readers = ['src', 'resolvers', 'loaders']
    .flatMap((dir) => sources(join(root, dir)))
    .filter((file) => /process\.env\b/.test(readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
    .map((file) => relative(root, file));
  assert.deepEqual(readers, ['src/main.ts']);
});
