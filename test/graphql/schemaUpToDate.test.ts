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
  if (generated === checkedIn) return;
  const a = checkedIn.split('\n');
  const b = generated.split('\n');
  let line = 0;
  while (line < Math.max(a.length, b.length) && a[line] === b[line]) line++;
  assert.fail(
    'schema/schema.graphql is stale: run npm run schema\n' +
      `first difference at line ${line + 1}:\n  checked in: ${JSON.stringify(a[line] ?? '<end of file>')}\n  generated:  ${JSON.stringify(b[line] ?? '<end of file>')}`,
  );
});
