/**
 * Ponte in a child process (node dist/src/main.js), so the load generator
 * and the server never share an event loop: what is measured is the server,
 * not the server plus the client's JSON parsing.
 *
 * The port is found by listening on port 0 on loopback and closing again
 * (the banner's URL would otherwise have to be parsed); the child only ever
 * binds 127.0.0.1. It is stopped with SIGTERM (graceful), then SIGKILL after
 * a grace period, by its own pid, whatever way the harness ends.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';

export interface ChildServerOptions {
  /** Absolute path of dist/src/main.js. */
  mainJs: string;
  cwd: string;
  env: Record<string, string>;
  /** Extra node flags for the child (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** How long to wait for /readyz. */
  readyTimeoutMs?: number;
  /** Arguments after the script, given the chosen port (servers that take `--port` rather than PORT). */
  args?(port: number): string[];
  /** Readiness other than `GET /readyz` → 200 (e.g. a GraphQL server with no /readyz): true once it answers. */
  ready?(url: string): Promise<boolean>;
}

/** Readiness of a plain GraphQL server: `{ __typename }` answered with 200. */
export async function answersGraphql(url: string): Promise<boolean> {
  const res = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
    headersTimeout: 1000,
    bodyTimeout: 1000,
  });
  await res.body.dump();
  return res.statusCode === 200;
}

export interface ChildServer {
  url: string;
  pid: number;
  /** Warn/error log lines the server printed (pino JSON, LOG_LEVEL=warn). */
  logLines(): string[];
  /** Seconds of CPU (user + system) the child has used so far; null off Linux. */
  cpuSeconds(): number | null;
  /** Resident memory of the child in bytes; null off Linux. */
  rssBytes(): number | null;
  /** False once the process has exited (a crash shows here). */
  alive(): boolean;
  /** How it exited, once it has. */
  exitInfo(): { code: number | null; signal: NodeJS.Signals | null } | null;
  stop(): Promise<void>;
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

/** Linux clock ticks per second for /proc/<pid>/stat; 100 on every mainstream kernel. */
const CLK_TCK = 100;

function procStat(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; fields after ")" are fixed.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), options.mainJs, ...(options.args?.(port) ?? [])], {
    cwd: options.cwd,
    env: { ...options.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '' || line.startsWith('Ponte is listening')) continue;
      // Keep the first lines only: a server logging every request must not fill the harness's memory.
      if (lines.length < 500) lines.push(line);
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);

  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the Ponte child process');

  const stop = async (): Promise<void> => {
    if (exited) return;
    child.kill('SIGTERM');
    const graceful = await Promise.race([exitPromise.then(() => true), sleep(5000).then(() => false)]);
    if (!graceful && !exited) {
      child.kill('SIGKILL');
      await Promise.race([exitPromise, sleep(2000)]);
    }
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      const e = exited as { code: number | null; signal: NodeJS.Signals | null };
      throw new Error(`${options.mainJs} exited before it was ready (code ${e.code}, signal ${e.signal}):\n${lines.slice(-20).join('\n')}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.mainJs} was not ready within ${options.readyTimeoutMs ?? 60_000} ms:\n${lines.slice(-20).join('\n')}`);
    }
    try {
      if (options.ready) {
        if (await options.ready(url)) break;
      } else {
        const res = await request(`${url}/readyz`, { method: 'GET', headersTimeout: 1000, bodyTimeout: 1000 });
        await res.body.dump();
        if (res.statusCode === 200) break;
      }
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }

  return {
    url,
    pid,
    logLines: () => [...lines],
    cpuSeconds() {
      const f = procStat(pid);
      // Fields 14 and 15 of /proc/<pid>/stat (utime, stime); index 11 and 12 after the name.
      return f ? (Number(f[11]) + Number(f[12])) / CLK_TCK : null;
    },
    rssBytes() {
      const f = procStat(pid);
      // Field 24 (rss, in pages of 4 KiB on x86-64 and arm64 Linux).
      return f ? Number(f[21]) * 4096 : null;
    },
    alive: () => exited === null,
    exitInfo: () => exited,
    stop,
  };
}
