/**
 * README's configuration table, printed from envSchema.ts so that a default
 * or a meaning is written in one place. writeConfigTable.ts puts it into
 * README.md; test/config/readmeDefaults.test.ts fails when README differs.
 */
import type { z } from 'zod';
import { GATEWAY_VARIABLES, LIMIT_VARIABLES, SERVICE_VARIABLES } from './envSchema';

/** README's lines between these two markers are the table. */
export const TABLE_START = '<!-- config table: printed from src/config/envSchema.ts by `npx tsc -p . && node dist/src/config/writeConfigTable.js` -->';
export const TABLE_END = '<!-- end of config table -->';

export interface VariableDoc {
  name: string;
  /** As README shows it: a value in backticks, a phrase, or '' (unset means nothing is set). */
  default: string;
  meaning: string;
}

function documented(name: string, schema: z.ZodType): VariableDoc {
  const meta = schema.meta() ?? {};
  let shown = meta.unset ?? '';
  if (schema.def.type === 'default') {
    const value = (schema.def as unknown as { defaultValue: unknown }).defaultValue;
    shown = typeof value === 'number' ? String(value) : `\`${String(value)}\``;
  }
  return { name, default: shown, meaning: meta.description ?? '' };
}

const section = (variables: Record<string, z.ZodType>) => Object.entries(variables).map(([name, schema]) => documented(name, schema));

/** Every variable, in README's order. */
export function variableDocs(): VariableDoc[] {
  return [...section(SERVICE_VARIABLES), ...section(LIMIT_VARIABLES), ...section(GATEWAY_VARIABLES)];
}

const row = (doc: VariableDoc) => `| \`${doc.name}\` |${doc.default === '' ? '' : ` ${doc.default}`} | ${doc.meaning} |`;

export function configTable(): string {
  return [
    '| variable | default | meaning |',
    '|---|---|---|',
    ...section(SERVICE_VARIABLES).map(row),
    '| **Limits** (see "Limits" below) | | |',
    ...section(LIMIT_VARIABLES).map(row),
    '| **Gateway** (see "Gateway mode" below) | | |',
    ...section(GATEWAY_VARIABLES).map(row),
  ].join('\n');
}

/** README with its table replaced by the current one. */
export function withConfigTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md: the config table markers are missing (${TABLE_START} … ${TABLE_END})`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${configTable()}\n${readme.slice(end)}`;
}
