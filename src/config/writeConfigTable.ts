/** Rewrites README.md's configuration table from src/config/envSchema.ts. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../projectRoot';
import { withConfigTable } from './configTable';

const file = join(projectRoot(), 'README.md');
writeFileSync(file, withConfigTable(readFileSync(file, 'utf8')));
process.stdout.write('README.md: config table written\n');
