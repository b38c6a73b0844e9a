// Times every catalog query in-process (defaults and examples; 2 warm-ups, then 20 runs) on the live
// snapshot of a data directory: `npx tsx bench/query-latency.ts <data-dir>`. Used for the 100-million-row
// figures, where the full harness (CSV and Parquet, bare loads, exports) would take far longer.
import { openSnapshot } from '../core/snapshot-open.js';
import { readFileSync } from 'node:fs';
import { loadRegistry } from '../queries/registry.js';
import { runQuery } from '../queries/lib/run.js';
const dataDir = process.argv[2];
const id = readFileSync(`${dataDir}/current`, 'utf8').trim();
const instance = await openSnapshot(dataDir, id);
const connection = await instance.connect();
const rows = (await connection.runAndReadAll('SELECT count(*) FROM training')).getRows()[0][0];
console.log(`snapshot ${id}: ${rows} training rows`);
for (const q of (await loadRegistry()).values()) {
  for (const [label, raw] of [
    ['defaults', {}],
    ['examples', Object.fromEntries(Object.entries(q.params).map(([k, s]) => [k, s.example]))],
  ] as const) {
    const values = q.schema.parse(raw);
    const times: number[] = [];
    for (let i = 0; i < 22; i++) {
      const t = performance.now();
      await runQuery(connection, q, values);
      if (i >= 2) times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`${q.name}\t${label}\tp50 ${times[10].toFixed(1)}\tp95 ${times[18].toFixed(1)}`);
  }
}
