import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../ingest/ingest.js';
import { InvalidFileError } from '../../ingest/ingest-file.js';
import { fixtureReferenceDir } from '../helpers/fixture-db.js';

// A file loads in one pass when every value is valid, and is then checked for repeated keys (ingest/fast-load.ts:
// by a bitmap of key positions where every key column is a period or a reference code, by hash otherwise). A count
// too high only sends a clean file to the exact line-by-line validator; one too low (a key given no position, or
// two repeated keys on different bits) would let a repeat through. So each dataset's rows, whose keys differ from
// the first row's in one column each, must load, and the same rows with one key repeated must be refused, naming it.
const files: Record<string, { header: string; rows: string[]; repeat: string }> = {
  training: {
    header: 'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny',
    rows: [
      '2024-01,110100,knowledge_renewal,ai,10,8,0,0',
      '2024-02,110100,knowledge_renewal,ai,11,8,0,0',
      '2023-12,110100,knowledge_renewal,ai,12,8,0,0',
      '2024-01,440100,knowledge_renewal,ai,13,8,0,0',
      '2024-01,110100,vocational_training,ai,14,8,0,0',
      '2024-01,110100,knowledge_renewal,general,15,8,0,0',
    ],
    repeat: '2024-01,440100,knowledge_renewal,ai,99,8,0,0',
  },
  labor_market: {
    header: 'quarter,region_code,occupation_code,vacancies,job_seekers',
    rows: ['2024Q1,110100,2-02-10-09,5,4', '2024Q2,110100,2-02-10-09,5,4', '2024Q1,440100,2-02-10-09,5,4', '2024Q1,110100,6-18-01-01,5,4'],
    repeat: '2024Q2,110100,2-02-10-09,7,7',
  },
  talent_stock: {
    header: 'year,region_code,indicator_code,value',
    rows: ['2023,110000,postdoc_stations,2', '2024,110000,postdoc_stations,3', '2023,440000,postdoc_stations,4'],
    repeat: '2023,440000,postdoc_stations,9',
  },
  // A free-text key column (trade): counted by hash.
  competition: {
    header: 'competition_code,year,region_code,trade,entrants,gold,silver,bronze,excellence',
    rows: [
      'national_skills,2023,110100,welding,5,1,1,1,1',
      'national_skills,2023,110100,plumbing,5,1,1,1,1',
      'national_skills,2024,110100,welding,5,1,1,1,1',
    ],
    repeat: 'national_skills,2023,110100,plumbing,6,0,0,0,0',
  },
};

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'talent-duplicate-keys-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('repeated keys in a file loaded in one pass', () => {
  for (const [dataset, { header, rows, repeat }] of Object.entries(files)) {
    it(`${dataset}: keys differing in one column each load; one repeated is refused with its row`, async () => {
      const dataDir = join(root, dataset);
      const clean = join(root, `${dataset}.csv`);
      await writeFile(clean, `${[header, ...rows].join('\n')}\n`);
      const loaded = await ingest([fixtureReferenceDir, clean], { dataDir });
      expect(loaded.files.find((f) => f.dataset === dataset)).toMatchObject({ added: rows.length, rejected: 0 });

      const repeated = join(root, `${dataset}-repeated.csv`);
      await writeFile(repeated, `${[header, ...rows, repeat].join('\n')}\n`);
      const error = await ingest([fixtureReferenceDir, repeated], { dataDir: join(root, `${dataset}-repeated`) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidFileError);
      // The row repeated (the header is row 1).
      const row = rows.findIndex((r) => sameKey(dataset, r, repeat)) + 2;
      expect((error as InvalidFileError).outcome.problems.map((p) => [p.line, p.reason])).toEqual([
        [rows.length + 2, `duplicate key: same as row ${row}`],
      ]);
    });
  }
});

/** Whether two rows of a dataset's file have the same key (its first columns, as laid out above). */
function sameKey(dataset: string, a: string, b: string): boolean {
  const width = { training: 4, labor_market: 3, talent_stock: 3, competition: 4 }[dataset]!;
  return a.split(',').slice(0, width).join() === b.split(',').slice(0, width).join();
}

describe('unknown codes in key columns of a file loaded in one pass', () => {
  // The bitmap of keys gives a key with an unknown code no position: the rows are counted, and the file goes to the
  // line-by-line validator, which names them.
  it('refuses a region, programme or field not in its reference table, naming each', async () => {
    const { header, rows } = files.training;
    const unknown = [
      '2024-03,999999,knowledge_renewal,ai,1,1,0,0',
      '2024-03,110100,no_such_programme,ai,1,1,0,0',
      '2024-03,110100,knowledge_renewal,no_such_field,1,1,0,0',
    ];
    const file = join(root, 'unknown-codes.csv');
    await writeFile(file, `${[header, ...rows, ...unknown].join('\n')}\n`);
    const error = await ingest([fixtureReferenceDir, file], { dataDir: join(root, 'unknown-codes') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidFileError);
    expect((error as InvalidFileError).outcome.problems.map((p) => [p.line, p.column, p.value])).toEqual([
      [rows.length + 2, 'region_code', '999999'],
      [rows.length + 3, 'program_code', 'no_such_programme'],
      [rows.length + 4, 'field_code', 'no_such_field'],
    ]);
  });

  it('refuses a month in the future, counted in the same pass (the only problem of the file)', async () => {
    const { header, rows } = files.training;
    const next = new Date();
    next.setUTCMonth(next.getUTCMonth() + 2);
    const month = next.toISOString().slice(0, 7);
    const file = join(root, 'future.csv');
    await writeFile(file, `${[header, ...rows, `${month},110100,knowledge_renewal,ai,1,1,0,0`].join('\n')}\n`);
    const error = await ingest([fixtureReferenceDir, file], { dataDir: join(root, 'future') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidFileError);
    const problems = (error as InvalidFileError).outcome.problems;
    expect(problems.map((p) => [p.line, p.column, p.value])).toEqual([[rows.length + 2, 'month', month]]);
    expect(problems[0].reason).toMatch(/a period in the future/);
  });
});
