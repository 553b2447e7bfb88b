/** Messages between the SQLite worker threads and the main thread. */

export interface WorkerSetup {
  /** The database file; it must exist. */
  path: string;
}

export interface WorkerCall {
  id: number;
  /** An ErpPort method name. */
  method: string;
  args: unknown[];
  /** Epoch ms after which the caller no longer waits for the answer. */
  deadlineAt: number;
}

export interface WorkerFailure {
  message: string;
  /** SQLite's code (SQLITE_BUSY, …) or PONTE_DEADLINE. */
  code?: string;
}

export type WorkerReply =
  | { ready: true }
  | { ready: false; error: WorkerFailure }
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: WorkerFailure };
