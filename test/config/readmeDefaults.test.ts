/**
 * README's configuration table says what the code does: every variable the
 * schema reads is in README with its default, README names no variable the
 * schema does not read, and a default shown is the one loadConfig applies.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configTable, TABLE_END, TABLE_START, variableDocs } from '../../src/config/configTable';
import { EnvSchema } from '../../src/config/envSchema';
import { loadConfig, type Config } from '../../src/config/config';
import { projectRoot } from '../../src/projectRoot';

const REGENERATE = 'node dist/src/config/writeConfigTable.js rewrites it';

function readmeTable(): string {
  const readme = readFileSync(join(projectRoot(), 'README.md'), 'utf8');
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  assert.ok(start >= 0 && end > start, 'README.md: the config table markers are missing');
  return readme.slice(start + TABLE_START.length, end).trim();
}

/** Variable → default cell, as README shows them; a row may name several variables. */
function readmeDefaults(table: string): Map<string, string> {
  const defaults = new Map<string, string>();
  for (const line of table.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const names = [...(cells[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!);
    for (const name of names) defaults.set(name, cells[2] ?? '');
  }
  return defaults;
}

/** The parts of a Config that do not change from one load to the next. */
function stable(config: Config): unknown {
  return { ...config, files: { ...config.files, linkKey: null } };
}

const devSecret = () => new Uint8Array(48);

describe('README configuration table', () => {
  const docs = variableDocs();
  const documented = readmeDefaults(readmeTable());

  test('every variable the schema reads is in README', () => {
    const missing = docs.map((d) => d.name).filter((name) => !documented.has(name));
    assert.deepEqual(missing, [], `missing from README.md: ${missing.join(', ')} (${REGENERATE})`);
  });

  test('README names no variable the schema does not read', () => {
    const read = new Set(Object.keys(EnvSchema.shape));
    const unknown = [...documented.keys()].filter((name) => !read.has(name));
    assert.deepEqual(unknown, [], `in README.md but read by nobody: ${unknown.join(', ')}`);
  });

  test("README's defaults are the schema's", () => {
    const wrong = docs.filter((d) => documented.get(d.name) !== d.default).map((d) => `${d.name}: README ${JSON.stringify(documented.get(d.name))}, schema ${JSON.stringify(d.default)}`);
    assert.deepEqual(wrong, [], `${wrong.join('; ')} (${REGENERATE})`);
  });

  test('README holds the table as printed, meanings included', () => {
    assert.equal(readmeTable(), configTable(), `README.md's config table is out of date (${REGENERATE})`);
  });

  test('every variable has a meaning', () => {
    assert.deepEqual(docs.filter((d) => d.meaning === '').map((d) => d.name), []);
  });
});

describe('a default shown is the default applied', () => {
  const unset = stable(loadConfig({}, devSecret));
  for (const doc of variableDocs()) {
    const value = /^`(.*)`$/.exec(doc.default)?.[1] ?? (/^\d+$/.test(doc.default) ? doc.default : null);
    if (value === null) continue;
    test(`${doc.name}=${value} is the same as unset`, () => {
      assert.deepEqual(stable(loadConfig({ [doc.name]: value }, devSecret)), unset);
    });
  }

  test('set but blank is the same as unset', () => {
    const blank = Object.fromEntries(
      variableDocs()
        .filter((d) => !['LOG_LEVEL', 'CACHE_WARM_UP', 'RATE_LIMITS', 'INTROSPECTION', 'DEBUG_HEADERS', 'GATEWAY', 'STATS_PAGE'].includes(d.name))
        .map((d) => [d.name, ' ']),
    );
    assert.deepEqual(stable(loadConfig(blank, devSecret)), unset);
  });
});
