import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/app.js';
import type { AppContext } from '../../server/context.js';
import { createContext } from '../../server/create-context.js';

export const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface WebServer {
  url: string;
  ctx: AppContext;
  close(): Promise<void>;
}

/** The real API and the built web app on one loopback port (tests/helpers/http-server.ts serves the API only). */
export async function startWebServer(dataDir: string, webDir = webDist, port = 0): Promise<WebServer> {
  const ctx = await createContext({ TALENT_DATA_DIR: dataDir, QUERY_TIMEOUT_MS: 15_000, CACHE_MB: 64, SNAPSHOT_POLL_MS: 1000, DUCKDB_MEMORY_LIMIT: '1GB', DUCKDB_THREADS: 2 });
  const server: Server = createServer(createApp(ctx, { webDir }));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    ctx,
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

// Manual use: npx tsx tests/e2e/web-server.ts <dataDir> [port]
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const running = await startWebServer(process.argv[2] ?? 'data', webDist, Number(process.argv[3] ?? 8080));
  console.log(`serving ${running.ctx.store.snapshotId} at ${running.url}`);
}
