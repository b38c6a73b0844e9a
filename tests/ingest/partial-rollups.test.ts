import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { appendFile, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { factDatasets } from '../../core/datasets/index.js';
import { snapshotPath } from '../../core/snapshot-layout.js';
import { attachBase, openSnapshot } from '../../core/snapshot-open.js';
import { ingest, type IngestResult } from '../../ingest/ingest.js';
import { rollupStatements } from '../../ingest/rollups.js';
import { fixtureReferenceDir, rowsOf } from '../helpers/fixture-db.js';

// A correction rebuilds only the rollup partitions it touches (ingest/rollups.ts). Whatever it skips must be
// what a rebuild from scratch would have left as it was: the same files ingested as corrections into a live
// snapshot and all at once into an empty data directory must give identical fact and rollup tables.

let root: string;
let referenceDir: string;

// Every value a multiple of 0.5, so that sums of funding are exact in DOUBLE whatever order they are added in.
const regions = ['110000', '110100', '440000', '440100', '440300', '440106', '540000', '540100', '540102', '810000'];
const months = ['2023-01', '2023-02', '2023-03', '2024-01', '2024-02', '2024-03'];
const programs = ['knowledge_renewal', 'vocational_training'];
const fields = ['ai', 'general'];

function trainingCsv(rows: [string, string, string, string, number][]): string {
  return `month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny\n${rows
    .map(([m, r, p, f, n]) => `${m},${r},${p},${f},${n},${Math.floor(n / 2)},${n % 7},${n * 10.5}`)
    .join('\n')}\n`;
}

function originalTraining(): [string, string, string, string, number][] {
  const rows: [string, string, string, string, number][] = [];
  let i = 0;
  for (const m of months)
    for (const r of regions) for (const p of programs) for (const f of fields) rows.push([m, r, p, f, ((i++ * 37) % 101) + 1]);
  return rows;
}

const personTimes = (rows: [string, string, string, string, number][], m: string, r: string, p: string, f: string) =>
  rows.find((x) => x[0] === m && x[1] === r && x[2] === p && x[3] === f)![4];

async function writeFiles(dir: string, files: Record<string, string>): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    paths.push(join(dir, name));
    await writeFile(join(dir, name), text);
  }
  return paths;
}

let originals: string[];
let firstCorrections: string[];
let secondCorrections: string[];
const training = originalTraining();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'talent-partial-rollups-'));
  // The fixture reference with a county under Guangzhou and one under Lhasa, so the county rollup has rows.
  referenceDir = join(root, 'reference');
  await cp(fixtureReferenceDir, referenceDir, { recursive: true });
  await appendFile(
    join(referenceDir, 'region.csv'),
    '440106,county,440100,440000,天河区,Tianhe,,east,true,,,,300,200,fixture\n540102,county,540100,540000,城关区,Chengguan,,west,true,three_districts,,,100,60,fixture\n',
  );
  const quarters = ['2023Q1', '2023Q2', '2024Q1'];
  const occupations = ['2-02-10-09', '6-18-01-01'];
  let i = 0;
  const labor = quarters.flatMap((q) =>
    regions.flatMap((r) => occupations.map((o) => `${q},${r},${o},${((i++ * 13) % 50) + 1},${((i * 7) % 40) + 1}`)),
  );
  originals = await writeFiles(join(root, 'originals'), {
    'training.csv': trainingCsv(training),
    'labor_market.csv': `quarter,region_code,occupation_code,vacancies,job_seekers\n${labor.join('\n')}\n`,
    'competition.csv': `competition_code,year,region_code,trade,entrants,gold,silver,bronze,excellence\n${regions
      .map((r, k) => `national_skills,2023,${r},welding,${k + 5},${k % 2},1,2,3`)
      .join('\n')}\n`,
    'talent_stock.csv': `year,region_code,indicator_code,value\n${['110000', '440000', '540000'].flatMap((r, k) => [`2023,${r},postdoc_stations,${k + 2}`, `2024,${r},postdoc_stations,${k + 4}`]).join('\n')}\n`,
  });
  firstCorrections = await writeFiles(join(root, 'first'), {
    // Replaces a Guangzhou row and a Lhasa-county row, adds a month nobody reported yet.
    'training-fix.csv': trainingCsv([
      ['2024-02', '440100', 'knowledge_renewal', 'ai', 500],
      ['2023-03', '540102', 'vocational_training', 'general', 77],
      ['2024-04', '440106', 'knowledge_renewal', 'general', 41],
    ]),
    'labor-fix.csv': 'quarter,region_code,occupation_code,vacancies,job_seekers\n2024Q1,440300,2-02-10-09,999,3\n',
    'competition-fix.csv':
      'competition_code,year,region_code,trade,entrants,gold,silver,bronze,excellence\nnational_skills,2024,110100,welding,9,1,0,0,0\n',
    'talent-fix.csv': 'year,region_code,indicator_code,value\n2024,440000,postdoc_stations,11\n',
  });
  secondCorrections = await writeFiles(join(root, 'second'), {
    // The same Guangzhou key again, and Hong Kong (in a zone, outside the mainland).
    'training-fix-2.csv': trainingCsv([
      ['2024-02', '440100', 'knowledge_renewal', 'ai', 3],
      ['2024-01', '810000', 'vocational_training', 'ai', 60],
    ]),
    // A reference change: Lhasa joins a zone, which every zone rollup reads.
    'region_zone.csv': 'zone_code,region_code\njjj,540100\n',
  });
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** A corrected snapshot (perhaps layered: its base attached) as `a`, a whole one as `b`. */
async function openBoth(a: { dataDir: string; id: string }, b: string): Promise<{ connection: DuckDBConnection; close(): void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`ATTACH '${snapshotPath(a.dataDir, a.id)}' AS a (READ_ONLY)`);
  await attachBase(connection, a.dataDir, 'a');
  await connection.run(`ATTACH '${b}' AS b (READ_ONLY)`);
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** The three ingests into one data directory, each with its own limit on layering (undefined: the default). */
async function correct(dataDir: string, limits: [number | undefined, number | undefined]): Promise<IngestResult[]> {
  return [
    await ingest([referenceDir, ...originals], { dataDir, memoryLimit: '1GB' }),
    await ingest(firstCorrections, { dataDir, memoryLimit: '1GB', maxLayerBytes: limits[0] }),
    await ingest(secondCorrections, { dataDir, memoryLimit: '1GB', maxLayerBytes: limits[1] }),
  ];
}

describe('rollups after a correction', () => {
  // Corrections layered over the first snapshot (the second over a copy of the first's layers); the second
  // layered, then written whole with its layers (materialised); both into whole copies.
  const chains = {
    layered: [undefined, undefined],
    materialised: [undefined, 0],
    whole: [0, 0],
  } as const;
  const corrections: Record<string, { dataDir: string; results: IngestResult[] }> = {};
  let corrected: { dataDir: string; results: IngestResult[] };
  let scratch: { dataDir: string; result: IngestResult };

  beforeAll(async () => {
    for (const [name, limits] of Object.entries(chains)) {
      const dataDir = join(root, name);
      corrections[name] = { dataDir, results: await correct(dataDir, [...limits]) };
    }
    corrected = corrections.layered;
    const scratchDir = join(root, 'scratch');
    scratch = {
      dataDir: scratchDir,
      result: await ingest([referenceDir, ...originals, ...firstCorrections, ...secondCorrections], {
        dataDir: scratchDir,
        memoryLimit: '1GB',
      }),
    };
  }, 120_000);

  it('starts each snapshot as its limit says', () => {
    expect(corrections.layered.results.map((r) => r.start)).toEqual(['empty', 'layer', 'layer']);
    expect(corrections.materialised.results.map((r) => r.start)).toEqual(['empty', 'layer', 'materialise']);
    expect(corrections.whole.results.map((r) => r.start)).toEqual(['empty', 'copy', 'copy']);
  });

  it('rebuilds only the partitions a correction touches', () => {
    const [first, second, third] = corrected.results;
    expect(first.rollups?.mode).toBe('full');
    expect(scratch.result.rollups?.mode).toBe('full');
    // Guangzhou 2024-02 and Lhasa 2023-03 and Guangzhou 2024-04: three (month, province) pairs in two provinces;
    // one quarter of Guangdong; Beijing 2024; Guangdong 2024.
    expect(second.rollups).toMatchObject({
      mode: 'partial',
      partitions: { training: 3, labor_market: 1, competition: 1, talent_stock: 1 },
    });
    expect(second.rollups?.inPart).toEqual(
      expect.arrayContaining([
        'rollup_training_province_month',
        'rollup_training_national_month',
        'rollup_training_province_year',
        'rollup_training_prefecture_month',
        'rollup_training_prefecture_year',
        'rollup_training_county_month',
        'rollup_training_zone_month',
        'rollup_labor_province_quarter',
        'rollup_competition_province_year',
        'rollup_talent_stock_province_year',
        'rollup_program_month',
      ]),
    );
    // Summed from several rollups across periods: rebuilt whole.
    expect(second.rollups?.tables).toContain('rollup_province_indicator_year');
    expect(second.rollups?.inPart).not.toContain('rollup_province_indicator_year');
    // Guangdong 2024-02 and Hong Kong 2024-01; the zone change rebuilds the zone rollups whole.
    expect(third.rollups).toMatchObject({ mode: 'partial', partitions: { training: 2 } });
    expect(third.rollups?.tables).toEqual(expect.arrayContaining(['rollup_training_zone_month', 'rollup_labor_zone_quarter']));
    expect(third.rollups?.tables).not.toContain('rollup_labor_province_quarter');
  });

  it.each(Object.keys(chains))(
    'gives every fact and rollup table exactly as a rebuild from scratch of the same files (%s)',
    async (chain) => {
      const tables = [...factDatasets.map((d) => d.table), ...rollupStatements().map((s) => s.table)];
      const { dataDir, results } = corrections[chain];
      const both = await openBoth({ dataDir, id: results[2].snapshotId! }, snapshotPath(scratch.dataDir, scratch.result.snapshotId!));
      try {
        const differences: Record<string, unknown>[] = [];
        for (const table of tables) {
          const [row] = await rowsOf(
            both.connection,
            `SELECT '${table}' AS t, (SELECT count(*) FROM a.${table}) AS rows,
             (SELECT count(*) FROM (SELECT * FROM a.${table} EXCEPT ALL SELECT * FROM b.${table})) AS only_corrected,
             (SELECT count(*) FROM (SELECT * FROM b.${table} EXCEPT ALL SELECT * FROM a.${table})) AS only_scratch`,
          );
          differences.push(row);
        }
        expect(differences.filter((d) => d.only_corrected !== 0 || d.only_scratch !== 0)).toEqual([]);
        // Not vacuous: the rollups the corrections fall in have rows.
        const counts = Object.fromEntries(differences.map((d) => [d.t, d.rows]));
        for (const table of [
          'rollup_training_province_month',
          'rollup_training_county_month',
          'rollup_training_zone_month',
          'rollup_labor_zone_quarter',
        ])
          expect(counts[table]).toBeGreaterThan(0);
      } finally {
        both.close();
      }
    },
  );

  it('sums the corrected rows into the province month (worked from the files)', async () => {
    const instance = await openSnapshot(corrected.dataDir, corrected.results[2].snapshotId!);
    const connection = await instance.connect();
    try {
      // Guangdong, February 2024, knowledge renewal, AI: Guangzhou's row corrected twice (last: 3), Guangdong's own
      // row, Shenzhen's and Tianhe's as first ingested.
      const expected =
        3 +
        personTimes(training, '2024-02', '440000', 'knowledge_renewal', 'ai') +
        personTimes(training, '2024-02', '440300', 'knowledge_renewal', 'ai') +
        personTimes(training, '2024-02', '440106', 'knowledge_renewal', 'ai');
      const rows = await rowsOf(
        connection,
        `SELECT person_times FROM rollup_training_province_month
         WHERE month = DATE '2024-02-01' AND province_code = '440000' AND program_code = 'knowledge_renewal' AND field_code = 'ai'`,
      );
      expect(rows).toEqual([{ person_times: expected }]);
      // The month only the first correction reported: Tianhe's 41 person-times, in Guangdong, Guangzhou and Tianhe.
      const april = await rowsOf(
        connection,
        `SELECT 'province' AS level, person_times FROM rollup_training_province_month WHERE month = DATE '2024-04-01'
         UNION ALL SELECT 'prefecture', person_times FROM rollup_training_prefecture_month WHERE month = DATE '2024-04-01' AND prefecture_code = '440100'
         UNION ALL SELECT 'county', person_times FROM rollup_training_county_month WHERE month = DATE '2024-04-01' AND county_code = '440106'
         ORDER BY level`,
      );
      expect(april).toEqual([
        { level: 'county', person_times: 41 },
        { level: 'prefecture', person_times: 41 },
        { level: 'province', person_times: 41 },
      ]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
