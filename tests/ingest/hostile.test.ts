import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../ingest/ingest.js';
import { failureText } from '../../ingest/failure-text.js';
import { currentSnapshotId } from '../../core/snapshot-layout.js';
import { fixtureReferenceDir } from '../helpers/fixture-db.js';
import { hostileCases, hostileDir } from '../fixtures/hostile/make-hostile.js';

// Every file of the hostile corpus is refused with its own message, quickly, and nothing is published.
let root: string;
let dataDir: string;
let live: string | null;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'talent-hostile-'));
  dataDir = join(root, 'data');
  live = (await ingest([fixtureReferenceDir], { dataDir, memoryLimit: '1GB' })).snapshotId;
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** What no message a user sees may contain: engine wording, SQL, temporary paths, stack frames. */
const leaks = /\/tmp\/|talent-(ingest|report)-|SELECT |read_csv|read_json|read_parquet|Error:|Exception|DuckDB|duckdb|\bat .*\.(ts|js):\d+/;

describe('hostile files', () => {
  for (const hostile of hostileCases) {
    it(`${hostile.file}: refused with its reason`, async () => {
      const file = join(root, hostile.file);
      if (hostile.large) await hostile.write(file);
      else await copyFile(join(hostileDir, hostile.file), file);
      const started = Date.now();
      const error = await ingest([file], { dataDir, memoryLimit: '1GB', allowPartial: hostile.allowPartial }).then(
        () => null,
        (e: unknown) => e,
      );
      const seconds = (Date.now() - started) / 1000;
      expect(error, 'the file must be refused').not.toBeNull();
      const text = failureText(error);
      expect(text).toMatch(hostile.expected);
      expect(text.replaceAll(root, '<folder>')).not.toMatch(leaks);
      expect(text).not.toMatch(/^ingest failed/);
      expect(seconds).toBeLessThan(5);
      expect(await currentSnapshotId(dataDir)).toBe(live);
    }, 120_000);
  }
});
