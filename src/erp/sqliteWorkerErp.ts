/**
 * The SQLite ERP off the main thread. better-sqlite3 is synchronous: on the
 * main thread a locked database (busy_timeout) or a slow statement would
 * freeze every request, /healthz included, and no deadline could fire. Here
 * each port call is posted to a small pool of worker threads, each with its
 * own connection (SQLite serves several readers at once), and the main
 * thread only waits on a promise.
 *
 * The result is an ordinary ErpPort: the guard (guardedErp.ts) counts and
 * bounds its calls exactly as for SQL Server. Every call tells its worker
 * when the caller stops waiting (the ERP deadline), so a worker stuck on a
 * lock never keeps serving calls nobody is waiting for.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ErpPort } from './port';
import type { WorkerCall, WorkerFailure, WorkerReply, WorkerSetup } from './sqliteWorkerProtocol';

export interface SqliteWorkerOptions {
  /** Worker threads (connections). Default 2: this is sized for 2-core machines. */
  workers?: number;
  /** How long a caller waits for one call, in ms: the ERP deadline. */
  callTimeoutMs: number;
  /** Methods whose callers wait longer (guardedErp.ts slowOperations), with their deadlines in ms. */
  slowCalls?: ReadonlyMap<string, number>;
}

/** An error from the worker, shaped like better-sqlite3's (message + code). */
export class SqliteWorkerError extends Error {
  readonly code: string | undefined;
  constructor(failure: WorkerFailure) {
    super(failure.message);
    this.name = 'SqliteWorkerError';
    this.code = failure.code;
  }
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

class WorkerConnection {
  readonly pending = new Map<number, Pending>();
  /**
   * Calls given to this connection and not yet settled, counted the moment
   * the pool picks it: `pending` only fills once the call is posted, a
   * microtask later, so calls made together would all pick the same thread.
   */
  assigned = 0;
  /** Calls given to this connection since it opened (test hook). */
  taken = 0;
  private readonly worker: Worker;
  readonly ready: Promise<void>;
  /** False once the thread has exited: it takes no more calls. */
  alive = true;

  /** @param onExit called when the thread ends (crash, out of memory, or close). */
  constructor(setup: WorkerSetup, onExit: () => void = () => undefined) {
    // A worker's objects are rows on their way out (posted, then garbage):
    // a small young generation collects them often and cheaply instead of
    // letting two threads each grow tens of MB of garbage during a large
    // read (a probe of the statistics: 142 → 120 MiB of peak growth, no slower).
    this.worker = new Worker(join(__dirname, 'sqliteWorkerMain.js'), { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    // The pool must not keep a finished process alive; close() ends it properly.
    this.worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.once('error', reject);
      this.worker.on('message', (reply: WorkerReply) => {
        if ('ready' in reply) {
          if (reply.ready) resolve();
          else reject(new SqliteWorkerError(reply.error));
          return;
        }
        const waiter = this.pending.get(reply.id);
        if (!waiter) return;
        this.pending.delete(reply.id);
        if (reply.ok) waiter.resolve(reply.result);
        else waiter.reject(new SqliteWorkerError(reply.error));
      });
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', () => {
      this.alive = false;
      this.failAll(new Error('SQLite worker exited'));
      onExit();
    });
  }

  /** Ends the thread as a crash would (tests prove the pool replaces it). */
  kill(): Promise<number> {
    return this.worker.terminate();
  }

  post(call: WorkerCall): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.set(call.id, { resolve, reject });
      this.worker.postMessage(call);
    });
  }

  private failAll(error: unknown): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Structured cloning turns a Buffer into a plain Uint8Array; file contents must stay Buffers. */
function revive(method: string, result: unknown): unknown {
  if (method === 'documentFileContent' && result !== null && typeof result === 'object') {
    const row = result as { content: Uint8Array };
    return { ...row, content: Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength) };
  }
  return result;
}

/** What openSqliteWorkerErp returns: the port, and a test hook. */
export type SqliteWorkerPort = ErpPort & {
  /** Test-only: ends worker `index` as a crash would. */
  killWorker(index: number): Promise<void>;
  /** Test-only: how many calls each worker has been given. */
  callsTaken(): number[];
};

/**
 * Opens `path` in a pool of worker threads; resolves once every connection
 * is open. A thread that dies (a crash, out of memory) fails the calls it
 * held and is replaced, so the pool never shrinks while Ponte runs.
 */
export async function openSqliteWorkerErp(path: string, options: SqliteWorkerOptions): Promise<SqliteWorkerPort> {
  let closing = false;
  const connections: WorkerConnection[] = [];
  const open = (index: number): WorkerConnection => {
    const connection = new WorkerConnection({ path }, () => {
      if (!closing && connections[index] === connection) connections[index] = open(index);
    });
    // A replacement that cannot open fails its calls; the next death tries again.
    connection.ready.catch(() => undefined);
    return connection;
  };
  for (let i = 0; i < Math.max(1, options.workers ?? 2); i++) connections.push(open(i));
  try {
    await Promise.all(connections.map((c) => c.ready));
  } catch (error) {
    closing = true;
    await Promise.all(connections.map((c) => c.close()));
    throw error;
  }
  let nextId = 1;
  const call = (method: string, args: unknown[]): Promise<unknown> => {
    // The least busy live connection: one stuck behind a lock stops getting work.
    let target: WorkerConnection | null = null;
    for (const c of connections) if (c.alive && (target === null || c.assigned < target.assigned)) target = c;
    if (target === null) return Promise.reject(new Error('no SQLite worker is running'));
    const id = nextId++;
    const connection = target;
    connection.assigned += 1;
    connection.taken += 1;
    return connection.ready
      .then(() => connection.post({ id, method, args, deadlineAt: Date.now() + (options.slowCalls?.get(method) ?? options.callTimeoutMs) }))
      .then((r) => revive(method, r))
      .finally(() => (connection.assigned -= 1));
  };
  const base = {
    dialect: 'sqlite' as const,
    async close(): Promise<void> {
      closing = true;
      await Promise.all(connections.map((c) => c.close()));
    },
    async killWorker(index: number): Promise<void> {
      await connections[index]?.kill();
    },
    callsTaken(): number[] {
      return connections.map((c) => c.taken);
    },
  };
  return new Proxy(base, {
    get(target, property) {
      if (property in target) return target[property as keyof typeof target];
      if (typeof property !== 'string' || property === 'then') return undefined;
      return (...args: unknown[]) => call(property, args);
    },
  }) as unknown as SqliteWorkerPort;
}
