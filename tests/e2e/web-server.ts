import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../helpers/http-server.js';

export const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export type WebServer = RunningServer;

/** The real API and the built web app on one loopback port. */
export function startWebServer(dataDir: string, webDir = webDist, port = 0): Promise<WebServer> {
  return startServer(dataDir, { SNAPSHOT_POLL_MS: 1000 }, { webDir, port });
}

// Manual use: npx tsx tests/e2e/web-server.ts <dataDir> [port]
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const running = await startWebServer(process.argv[2] ?? 'data', process.env.WEB_DIR ?? webDist, Number(process.argv[3] ?? 8080));
  console.log(`serving ${running.ctx.store.snapshotId} at ${running.url}`);
}
