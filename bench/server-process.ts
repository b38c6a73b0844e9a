import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MB } from './stats.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident set size now, in MB (from /proc/<pid>/status). */
  rssMb(): number;
  stop(): Promise<void>;
}

export interface ServerSettings {
  dataDir: string;
  cacheMb: number;
  /** Extra environment (e.g. DUCKDB_MEMORY_LIMIT). */
  env?: Record<string, string>;
}

/** VmRSS of a process in MB; NaN once it has gone. */
export function readRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? Number.NaN : (Number(kb) * 1024) / MB;
  } catch {
    return Number.NaN;
  }
}

/**
 * Starts the real server (server/main.ts) as a child process on a free loopback port, so that its memory can
 * be read from /proc and its CPU is not shared with the harness's event loop. Request logging is off: a
 * log line per request to a pipe would measure the pipe, not the server.
 */
export async function startServerProcess(settings: ServerSettings): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      TALENT_DATA_DIR: settings.dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      CACHE_MB: String(settings.cacheMb),
      LOG_REQUESTS: 'false',
      SNAPSHOT_POLL_MS: '60000',
      // A benchmark of a slow query should report its time, not a 503.
      QUERY_TIMEOUT_MS: '600000',
      ...settings.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await listeningUrl(child);
  const pid = child.pid!;
  return {
    url,
    pid,
    rssMb: () => readRssMb(pid),
    stop: () => stopChild(child),
  };
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /open http:\/\/localhost:(\d+)\//.exec(output)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (code ${code}) before listening:\n${output.slice(-4000)}`)));
    child.once('error', reject);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface RssSampler {
  /** Stops sampling; the peak and the last value seen, in MB. */
  stop(): { peakMb: number; lastMb: number; samples: number };
}

/** Samples a process's RSS every `intervalMs` (default 10 ms) and keeps the peak. */
export function sampleRss(pid: number, intervalMs = 10): RssSampler {
  let peakMb = readRssMb(pid);
  let lastMb = peakMb;
  let samples = 1;
  const timer = setInterval(() => {
    const rss = readRssMb(pid);
    if (Number.isNaN(rss)) return;
    lastMb = rss;
    samples++;
    if (rss > peakMb) peakMb = rss;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const rss = readRssMb(pid);
      if (!Number.isNaN(rss)) {
        lastMb = rss;
        peakMb = Math.max(peakMb, rss);
      }
      return { peakMb, lastMb, samples };
    },
  };
}
