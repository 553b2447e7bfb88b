/**
 * schema/schema.graphql is the checked-in contract clients and the gateway
 * read; it must be exactly what the code generates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printPonteSchema } from '../../src/graphql/buildSchema';
import { projectRoot } from '../../src/projectRoot';

test('schema/schema.graphql is what the code generates', async () => {
  const checkedIn = readFileSync(join(projectRoot(), 'schema', 'schema.graphql'), 'utf8');
  const generated = await printPonteSchema();
  assert.equal(generated, checkedIn, 'schema/schema.graphql is stale: run npm run schema');
});
