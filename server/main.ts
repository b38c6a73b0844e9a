import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { webDist } from '../core/repo-paths.js';
import { currentSnapshotId } from '../core/snapshot-layout.js';
import { createApp } from './app.js';
import { answerClientErrors } from './client-errors.js';
import { readConfig } from './config.js';
import { createContext } from './create-context.js';

// The server only opens snapshots and serves: the default snapshot and the web app are built before it starts
// (`npm start`'s prestart, or `node build/tools/bootstrap-data.js` and `npm run build` — see README, Production).
const config = readConfig();
const dataDir = resolve(config.TALENT_DATA_DIR);
if (!(await currentSnapshotId(dataDir))) {
  console.error(
    `no snapshot in ${dataDir}: build the default one with \`node build/tools/bootstrap-data.js\` (npm start and npm run serve do)`,
  );
  console.error('or load your files with `node build/ingest/cli.js <file-or-folder>…` (npm run ingest in development)');
  process.exit(1);
}
const ctx = await createContext({ ...config, TALENT_DATA_DIR: dataDir });
const webDir = existsSync(join(webDist, 'index.html')) ? webDist : undefined;
if (!webDir) console.log(`no web app in ${webDist}: serving the API only (npm run build builds it)`);
const log = config.LOG_REQUESTS === 'true' ? (line: Record<string, unknown>) => console.log(JSON.stringify(line)) : undefined;
const server = createServer(createApp(ctx, { webDir, log, exportsPerMinute: config.EXPORTS_PER_MINUTE }));
answerClientErrors(server);

server.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  console.log(`talent-dashboard serving snapshot ${ctx.store.snapshotId} from ${dataDir}`);
  console.log(`open http://localhost:${port}/  (API: http://localhost:${port}/api/queries)`);
});

function shutdown(signal: string): void {
  console.log(`${signal}: closing`);
  server.close(() => {
    ctx.store.close();
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
