/**
 * Configuration: read once from the environment at start-up (main.ts),
 * validated, and passed down. No other module reads process.env.
 *
 *   types.ts       the Config the rest of Ponte sees
 *   envSchema.ts   every variable: range, default, meaning (written once)
 *   loadConfig.ts  environment → Config, every problem reported at once
 *   configTable.ts README's table, printed from envSchema.ts
 */
export type * from './types';
export { loadConfig } from './loadConfig';
