import { resolve } from 'node:path';
import { ensureDefaultData } from './default-data.js';

/**
 * The step before the server: when the data directory (TALENT_DATA_DIR, default ./data, as the server and the
 * ingest read it) has no snapshot yet, builds the default one — the shipped reference data and the synthetic
 * sample through the normal ingest. Run compiled, `node build/tools/bootstrap-data.js`, it needs production
 * dependencies only: `npm run serve` runs it before the server, and so does `npm start`'s bootstrap.
 */
const dataDir = resolve(process.env.TALENT_DATA_DIR ?? './data');
await ensureDefaultData(dataDir, (line) => console.log(line));
