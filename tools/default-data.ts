import { join } from 'node:path';
import { referenceDir } from '../core/repo-paths.js';
import { ingest } from '../ingest/ingest.js';
import { currentSnapshotId } from '../core/snapshot-layout.js';
import { generateSample } from './seed/generate.js';
import { defaultOptions } from './seed/options.js';

/**
 * The embedded default: when the data directory has no snapshot yet, generate the synthetic sample and
 * load the shipped reference data and the sample through the normal ingest path.
 */
export async function ensureDefaultData(dataDir: string, say: (line: string) => void = () => {}): Promise<string> {
  const live = await currentSnapshotId(dataDir);
  if (live) return live;
  const started = Date.now();
  const sampleDir = join(dataDir, 'sample');
  say(`no snapshot in ${dataDir}: building the default database from the shipped reference data and the synthetic sample …`);
  await generateSample({ ...defaultOptions, outDir: sampleDir, referenceDir });
  const result = await ingest([referenceDir, sampleDir], { dataDir });
  for (const file of result.files) say(`  ${file.dataset}: ${file.rowsRead.toLocaleString('en-US')} rows`);
  say(`built snapshot ${result.snapshotId} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.snapshotId!;
}
