import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDefaultData } from '../../tools/default-data.js';
import { exportLake } from '../../tools/lake/export.js';
import { attachBase } from '../../core/snapshot-open.js';
import { ingest, type IngestResult } from '../../ingest/ingest.js';
import type { LakeManifest } from '../../tools/lake/manifest.js';

// A small default database: scale 0.15 keeps 21 months of the sample (2025-02 … 2026-10), so every fact spans two years.
const scale = 0.15;
let root: string;
let dataDir: string;
let lake: string;
let manifest: LakeManifest;
let instance: DuckDBInstance;
let db: DuckDBConnection;
let corrected: IngestResult;
const trainingHeader = 'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny,source';

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}
const lakeTable = (table: string): string => `read_parquet('${lake}/${table}/**/*.parquet', hive_partitioning = true)`;

/** Every file under a folder, relative to it with forward slashes. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lake-test-'));
  dataDir = join(root, 'data');
  lake = join(root, 'lake');
  await ensureDefaultData(dataDir, () => {}, { scale });
  // A correction (made up, so marked synthetic like the sample), layered over the default snapshot: the lake holds
  // the snapshot as its views read it.
  const fix = join(root, 'fix.csv');
  await writeFile(fix, `${trainingHeader}\n2026-10,620100,vocational_training,ai,12345,1,0,0,synthetic\n`);
  corrected = await ingest([fix], { dataDir });
  manifest = await exportLake({ dataDir, outDir: lake });
  // The snapshot is attached read-only beside the lake (its base too): every expected value below is SQL on the snapshot itself.
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
  const id = (await readFile(join(dataDir, 'current'), 'utf8')).trim();
  await db.run(`ATTACH '${join(dataDir, 'snapshots', `${id}.duckdb`)}' AS snap (READ_ONLY)`);
  await attachBase(db, dataDir, 'snap');
}, 180_000);

afterAll(async () => {
  db?.closeSync();
  instance?.closeSync();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('export-lake: the data read back', () => {
  // Row count and the sum of every measure, written out per table from the declared columns' meaning.
  const totals: Record<string, string> = {
    training: 'count(*), sum(person_times), sum(participants), sum(certificates), round(sum(funding_cny), 2), count(DISTINCT region_code)',
    labor_market: 'count(*), sum(vacancies), sum(job_seekers), count(DISTINCT occupation_code), min(quarter), max(quarter)',
    competition: 'count(*), sum(entrants), sum(gold), sum(silver), sum(bronze), sum(excellence), count(DISTINCT trade)',
    talent_stock: 'count(*), round(sum(value), 4), count(DISTINCT indicator_code)',
    region: 'count(*), sum(population_2020), sum(working_age_2020), count(*) FILTER (in_mainland), sum(tile_row)',
    target: 'count(*), round(sum(value), 4), count(DISTINCT source)',
    program: 'count(*), count(DISTINCT action_code)',
    occupation: 'count(*), count(DISTINCT group_code)',
  };

  it('holds the correction layered over the default snapshot', async () => {
    expect(corrected.start).toBe('layer');
    const row = await rows(
      `SELECT person_times FROM ${lakeTable('training')} WHERE month = DATE '2026-10-01' AND region_code = '620100' AND program_code = 'vocational_training' AND field_code = 'ai'`,
    );
    expect(row).toEqual([{ person_times: '12345' }]);
  });

  it('gives every fact table the same row count and sums as the snapshot', async () => {
    for (const [table, measures] of Object.entries(totals)) {
      const expected = await rows(`SELECT ${measures} FROM snap.${table}`);
      const actual = await rows(`SELECT ${measures} FROM ${lakeTable(table)}`);
      expect(actual, table).toEqual(expected);
      expect(Number(Object.values(expected[0])[0]), `${table} has rows`).toBeGreaterThan(0);
    }
  });

  it('holds every row of every table exactly (both ways, duplicates counted)', async () => {
    // A layered snapshot's fact tables are views of its base.
    const tables = (
      await rows(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'snap'
                  UNION SELECT view_name FROM duckdb_views() WHERE database_name = 'snap' AND NOT internal`)
    ).map((r) => String(r.table_name));
    const inLake = manifest.tables.map((t) => t.name);
    expect(inLake.sort()).toEqual(
      [
        'action',
        'competition',
        'competition_event',
        'field',
        'labor_market',
        'occupation',
        'program',
        'published',
        'region',
        'region_zone',
        'talent_stock',
        'target',
        'training',
        'zone',
        'zone_occupation',
      ].filter((t) => tables.includes(t)),
    );
    for (const table of inLake) {
      const columns = (await rows(`DESCRIBE snap.${table}`)).map((r) => `"${String(r.column_name)}"`).join(', ');
      const lakeRows = `SELECT ${columns} FROM ${lakeTable(table)}`;
      const snapRows = `SELECT ${columns} FROM snap.${table}`;
      const missing = await rows(`SELECT count(*) AS n FROM (${snapRows} EXCEPT ALL ${lakeRows})`);
      const extra = await rows(`SELECT count(*) AS n FROM (${lakeRows} EXCEPT ALL ${snapRows})`);
      expect([missing[0].n, extra[0].n], table).toEqual(['0', '0']);
    }
  });

  it('puts each fact row in the folder of its year and province', async () => {
    // Partition values from the folder names, against year(month) and the region's province in the snapshot.
    const byFolder = await rows(`
      SELECT year::INTEGER AS year, province_code::VARCHAR AS province, count(*) AS n, sum(person_times) AS person_times
      FROM ${lakeTable('training')} GROUP BY ALL ORDER BY ALL`);
    const bySnapshot = await rows(`
      SELECT year(t.month)::INTEGER AS year, r.province_code AS province, count(*) AS n, sum(t.person_times) AS person_times
      FROM snap.training t JOIN snap.region r USING (region_code) GROUP BY ALL ORDER BY ALL`);
    expect(byFolder).toEqual(bySnapshot);
    expect(new Set(byFolder.map((r) => r.year))).toEqual(new Set([2025, 2026]));

    const quarters = await rows(`
      SELECT count(*) AS wrong FROM ${lakeTable('labor_market')} l JOIN snap.region r USING (region_code)
      WHERE l.year <> year(l.quarter) OR l.province_code::VARCHAR <> r.province_code`);
    expect(quarters).toEqual([{ wrong: '0' }]);
    const years = await rows(`SELECT DISTINCT year::INTEGER AS y FROM ${lakeTable('competition')} ORDER BY y`);
    expect(years).toEqual(await rows(`SELECT DISTINCT year::INTEGER AS y FROM snap.competition ORDER BY y`));
  });

  it('writes months and quarters as DATE, with the partition columns only in the folder names', async () => {
    const types = await rows(`
      SELECT name, logical_type, converted_type FROM parquet_schema('${lake}/training/**/*.parquet') WHERE name IN ('month', 'year', 'province_code')
      UNION SELECT name, logical_type, converted_type FROM parquet_schema('${lake}/labor_market/**/*.parquet') WHERE name = 'quarter'`);
    expect(new Set(types.map((t) => `${String(t.name)}:${String(t.converted_type)}`))).toEqual(new Set(['month:DATE', 'quarter:DATE']));
    expect(await rows(`SELECT typeof(month) AS t FROM ${lakeTable('training')} LIMIT 1`)).toEqual([{ t: 'DATE' }]);
  });
});

describe('export-lake: the manifest', () => {
  it('names the snapshot it was read from and when', async () => {
    expect(manifest.data_version).toBe((await readFile(join(dataDir, 'current'), 'utf8')).trim());
    expect(JSON.parse(await readFile(join(lake, 'manifest.json'), 'utf8'))).toEqual(manifest);
    expect(Math.abs(Date.parse(manifest.generated_at) - Date.now())).toBeLessThan(10 * 60_000);
  });

  it('lists every file with the sha256 of its bytes and its row count', async () => {
    const listed = manifest.tables.flatMap((t) => t.files);
    expect(listed.map((f) => f.path).sort()).toEqual((await filesUnder(lake)).filter((f) => f !== 'manifest.json'));
    for (const file of listed) {
      const bytes = await readFile(join(lake, file.path));
      expect(file.sha256, file.path).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(file.bytes, file.path).toBe(bytes.length);
    }
    for (const table of manifest.tables) {
      const counted = await rows(`SELECT count(*) AS n FROM snap.${table.name}`);
      expect(table.row_count, table.name).toBe(Number(counted[0].n));
      expect(
        table.files.reduce((sum, f) => sum + f.rows, 0),
        table.name,
      ).toBe(table.row_count);
    }
    const sample = manifest.tables.find((t) => t.name === 'training')!.files[0];
    expect(await rows(`SELECT count(*) AS n FROM '${join(lake, sample.path)}'`)).toEqual([{ n: String(sample.rows) }]);
  });

  it('states the partitions: facts by year, training and labour market by province too, reference tables whole', () => {
    const partitions = Object.fromEntries(manifest.tables.map((t) => [t.name, t.partition_columns.map((p) => `${p.name} ${p.type}`)]));
    expect(partitions.training).toEqual(['year SMALLINT', 'province_code VARCHAR']);
    expect(partitions.labor_market).toEqual(['year SMALLINT', 'province_code VARCHAR']);
    expect(partitions.competition).toEqual(['year SMALLINT']);
    expect(partitions.talent_stock).toEqual(['year SMALLINT']);
    expect(partitions.region).toEqual([]);
    expect(manifest.tables.find((t) => t.name === 'region')!.files.map((f) => f.path)).toEqual(['region/part-0.parquet']);
  });

  it('gives each table its sources and licences: the sample as synthetic CC0, targets by their named sources', async () => {
    const training = manifest.tables.find((t) => t.name === 'training')!;
    expect(training.sources).toEqual([
      expect.objectContaining({ synthetic: true, rows: training.row_count, licence: expect.objectContaining({ name: 'CC0-1.0' }) }),
    ]);
    const target = manifest.tables.find((t) => t.name === 'target')!;
    const bySource = await rows(`SELECT source, count(*) AS n FROM snap.target GROUP BY source`);
    expect(target.sources.map((s) => [s.synthetic ? 'synthetic' : s.title, s.rows]).sort()).toEqual(
      bySource.map((r) => [r.source, Number(r.n)]).sort(),
    );
    expect(target.sources.filter((s) => !s.synthetic).every((s) => s.licence.name === 'source-terms')).toBe(true);
    const region = manifest.tables.find((t) => t.name === 'region')!;
    expect(region.sources.map((s) => s.licence.name)).toContain('MIT');
  });
});

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const runCli = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, ['tools/lake/cli.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe('export-lake: refusals and failures', () => {
  it('refuses a folder that already holds files, in words, and leaves it as it was', async () => {
    const out = join(root, 'busy');
    await mkdir(out);
    await writeFile(join(out, 'notes.txt'), 'mine');
    const result = await runCli('--out', out, '--data', dataDir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `export-lake: --out ${out} already holds files: choose a new or empty folder, or add --overwrite to replace it\n`,
    );
    expect(await filesUnder(out)).toEqual(['notes.txt']);
    expect((await readdir(root)).filter((name) => name.includes('.partial-'))).toEqual([]);
  });

  it('replaces that folder with --overwrite once the new lake is complete', async () => {
    const out = join(root, 'replaced');
    await mkdir(out);
    await writeFile(join(out, 'old.txt'), 'old');
    const result = await runCli('--out', out, '--data', dataDir, '--overwrite');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('synthetic sample');
    const files = await filesUnder(out);
    expect(files).not.toContain('old.txt');
    expect(files).toContain('manifest.json');
    expect((await readdir(root)).filter((name) => name.includes('.partial-') || name.includes('.previous'))).toEqual([]);
  });

  it('refuses a data directory without a snapshot, and an --out holding the data directory', async () => {
    const empty = join(root, 'no-data');
    await mkdir(empty);
    const none = await runCli('--out', join(root, 'never'), '--data', empty);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^export-lake: no snapshot in .*no-data: build one first/);
    expect(none.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    const around = await runCli('--out', root, '--data', dataDir, '--overwrite');
    expect(around.code).toBe(2);
    expect(around.stderr).toContain('would replace the data directory');
    expect(await readdir(join(dataDir, 'snapshots'))).not.toEqual([]);
  });

  it('says what is wrong with the arguments, with the usage, and writes nothing', async () => {
    const unknown = await runCli('--bogus');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^export-lake: unknown option '--bogus'\n\nUsage: npm run export-lake -- --out DIR/);
    const missing = await runCli('--data', dataDir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^export-lake: --out DIR is required\n/);
  });

  it('leaves nothing behind when the export fails part-way', async () => {
    const out = join(root, 'failed');
    let written = 0;
    const failing = exportLake({
      dataDir,
      outDir: out,
      onTable: () => {
        if (++written === 3) throw new Error('stopped on purpose');
      },
    });
    await expect(failing).rejects.toThrow('stopped on purpose');
    expect(written).toBe(3);
    expect((await readdir(root)).filter((name) => name.startsWith('failed') || name.startsWith('.failed'))).toEqual([]);
  });
});
