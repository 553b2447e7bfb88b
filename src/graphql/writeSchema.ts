/** `npm run schema`: writes the generated SDL to schema/schema.graphql. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../projectRoot';
import { printPonteSchema } from './buildSchema';

printPonteSchema().then(
  (sdl) => {
    writeFileSync(join(projectRoot(), 'schema', 'schema.graphql'), sdl);
    process.stdout.write('schema/schema.graphql written\n');
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
