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

/**
 * The buffers of the typed arrays a result holds at its top level (the
 * statistics' columns), moved to the caller instead of copied: this thread
 * never reads them again. Only arrays that own their whole buffer: a Node
 * Buffer may share a pooled one with unrelated data.
 */
export function movableBuffers(result: unknown): ArrayBuffer[] {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return [];
  const buffers = new Set<ArrayBuffer>();
  for (const value of Object.values(result)) {
    if (!ArrayBuffer.isView(value) || Buffer.isBuffer(value)) continue;
    const buffer = value.buffer;
    if (buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === buffer.byteLength) buffers.add(buffer);
  }
  return [...buffers];
}
