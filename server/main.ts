import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { ensureDefaultData } from '../tools/default-data.js';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { createContext } from './create-context.js';
import { ensureWebBuild } from '../tools/web-build.js';

const config = readConfig();
const dataDir = resolve(config.TALENT_DATA_DIR);
await ensureDefaultData(dataDir, (line) => console.log(line));
const ctx = await createContext({ ...config, TALENT_DATA_DIR: dataDir });
const webDir = await ensureWebBuild((line) => console.log(line));
const log = config.LOG_REQUESTS === 'true' ? (line: Record<string, unknown>) => console.log(JSON.stringify(line)) : undefined;
const server = createServer(createApp(ctx, { webDir, log }));

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
