import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.js';
import { answerClientErrors } from '../../server/client-errors.js';
import type { Config } from '../../server/config.js';
import type { AppContext } from '../../server/context.js';
import { createContext } from '../../server/create-context.js';

export interface RunningServer {
  url: string;
  ctx: AppContext;
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Serve the built web app from this folder too. */
  webDir?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Dataset exports a client may start a minute (the server's default when absent; 0: no limit). */
  exportsPerMinute?: number;
}

/** A real server listening on a loopback port, serving the snapshot in dataDir (and the web app, if asked). */
export async function startServer(dataDir: string, overrides: Partial<Config> = {}, options: ServerOptions = {}): Promise<RunningServer> {
  const ctx = await createContext({
    TALENT_DATA_DIR: dataDir,
    QUERY_TIMEOUT_MS: 15_000,
    CACHE_MB: 64,
    SNAPSHOT_POLL_MS: 50,
    DUCKDB_MEMORY_LIMIT: '1GB',
    DUCKDB_THREADS: 2,
    ...overrides,
  });
  const logs: Record<string, unknown>[] = [];
  const server: Server = createServer(
    createApp(ctx, { log: (line) => logs.push(line), webDir: options.webDir, exportsPerMinute: options.exportsPerMinute }),
  );
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    logs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          ctx.store.close();
          resolve();
        });
      }),
  };
}
