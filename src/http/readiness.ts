/**
 * GET /readyz: what Ponte observes of the ERP right now (a read, and a write
 * probe of the staging tables that is rolled back) and how stale the answers
 * it gives are. 200 only when both probes pass; 503 otherwise, with the same
 * report, so monitoring sees an ERP outage even while the shop keeps being
 * answered from the caches (route traffic on /healthz, not on /readyz).
 */
import type { ErpHealth } from '../erp/erpHealth';
import type { ErpPort } from '../erp/port';
import type { StaleServing } from '../cache/staleServing';
import { ErpFailure } from '../errors';

type ProbeResult = 'ok' | 'unavailable' | 'timeout';

export interface ReadinessReport {
  status: 'ready' | 'unavailable';
  erp: {
    dialect: string;
    read: ProbeResult;
    write: ProbeResult;
    lastSuccessAt: string | null;
    lastFailureAt: string | null;
  };
  cache: {
    entries: number;
    /** When the oldest expired fact served in the last minute was read; null when every answer was fresh. */
    staleSince: string | null;
  };
}

async function probe(run: () => Promise<void>): Promise<ProbeResult> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return error instanceof ErpFailure && error.kind === 'timeout' ? 'timeout' : 'unavailable';
  }
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function checkReadiness(deps: {
  erp: ErpPort;
  health: ErpHealth;
  staleServing: StaleServing;
  cacheEntries: () => number;
}): Promise<ReadinessReport> {
  const [read, write] = await Promise.all([probe(() => deps.erp.ping()), probe(() => deps.erp.probeWrite())]);
  return {
    status: read === 'ok' && write === 'ok' ? 'ready' : 'unavailable',
    erp: {
      dialect: deps.erp.dialect,
      read,
      write,
      lastSuccessAt: iso(deps.health.lastSuccessAt),
      lastFailureAt: iso(deps.health.lastFailureAt),
    },
    cache: { entries: deps.cacheEntries(), staleSince: iso(deps.staleServing.current()) },
  };
}
