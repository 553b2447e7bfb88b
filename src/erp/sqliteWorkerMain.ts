/**
 * The body of one SQLite worker thread (see sqliteWorkerErp.ts): it owns one
 * better-sqlite3 connection and runs port calls posted to it, one at a time.
 *
 * Every call carries the instant its caller stops waiting. A call whose
 * caller has already given up is answered at once without touching the
 * database, and a running call waits for a lock (busy_timeout) only until
 * that instant, so a locked database cannot make this thread fall ever
 * further behind its callers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteErp } from './sqlite';
import { movableBuffers, type WorkerCall, type WorkerReply, type WorkerSetup } from './sqliteWorkerProtocol';

const setup = workerData as WorkerSetup;
const port = parentPort!;

let erp: SqliteErp;
try {
  erp = SqliteErp.open(setup.path);
  port.postMessage({ ready: true } satisfies WorkerReply);
} catch (error) {
  port.postMessage({ ready: false, error: describe(error) } satisfies WorkerReply);
  process.exit(1);
}

function describe(error: unknown): { message: string; code?: string } {
  const e = error as { message?: unknown; code?: unknown } | null;
  return {
    message: typeof e?.message === 'string' ? e.message : String(error),
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
  };
}

port.on('message', (call: WorkerCall) => {
  void run(call).then((reply) => port.postMessage(reply, 'ok' in reply && reply.ok ? movableBuffers(reply.result) : []));
});

async function run(call: WorkerCall): Promise<WorkerReply> {
  const waitMs = call.deadlineAt - Date.now();
  if (waitMs <= 0) return { id: call.id, ok: false, error: { message: 'deadline passed before the call started', code: 'PONTE_DEADLINE' } };
  const method = (erp as unknown as Record<string, unknown>)[call.method];
  if (typeof method !== 'function' || call.method === 'close' || call.method === 'constructor') {
    return { id: call.id, ok: false, error: { message: `not a port method: ${call.method}` } };
  }
  try {
    // A little past the caller's deadline: the caller's own timer decides, so a
    // locked database reads as ERP_TIMEOUT, like any other ERP that does not answer.
    erp.setBusyTimeout(waitMs + 50);
    const result: unknown = await (method as (...a: unknown[]) => Promise<unknown>).apply(erp, call.args);
    return { id: call.id, ok: true, result };
  } catch (error) {
    return { id: call.id, ok: false, error: describe(error) };
  }
}
