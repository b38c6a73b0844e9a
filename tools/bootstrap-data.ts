import { resolve } from 'node:path';
import { ensureDefaultData } from './default-data.js';

/**
 * The step before the server: when the data directory (TALENT_DATA_DIR, default ./data, as the server and the
 * ingest read it) has no snapshot yet, builds the default one — the shipped reference data, the published
 * national figures and the synthetic sample through the normal ingest; a live snapshot built by an older schema is rebuilt (the synthetic default)
 * or refused with what to do (ingested data). Run compiled, `node build/tools/bootstrap-data.js`, it needs production
 * dependencies only: `npm run serve` runs it before the server, and so does `npm start`'s bootstrap.
 */
const dataDir = resolve(process.env.TALENT_DATA_DIR ?? './data');
try {
  await ensureDefaultData(dataDir, (line) => console.log(line));
} catch (error) {
  // A snapshot this version cannot serve: say why and what to do, and do not start the server on it.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
