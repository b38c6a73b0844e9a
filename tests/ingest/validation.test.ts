import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ingest } from '../../ingest/ingest.js';
import { InvalidFileError } from '../../ingest/ingest-file.js';
import { currentSnapshotId } from '../../core/snapshot-layout.js';
import { fixtureReferenceDir } from '../helpers/fixture-db.js';

// Rows count the header as row 1 (here, rows are lines). Each data row below has exactly the problem its comment names.
const bad = [
  'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny', // 1
  '2024-01,110100,knowledge_renewal,ai,10,8,0,1000', //                    2 good
  '2024-02,440100,knowledge_renewal,ai,-5,8,0,1000', //                    3 negative count
  '2024-13,440100,knowledge_renewal,ai,5,8,0,1000', //                     4 no such month
  '2024-03,999999,knowledge_renewal,ai,5,8,0,1000', //                     5 unknown region
  '2024-01,110100,knowledge_renewal,ai,10,8,0,1000', //                    6 repeats line 2's key
  '2024-04,440100,no_such_programme,ai,5,4,0,10', //                       7 unknown programme
  '2024-05,440100,knowledge_renewal,ai,12.5,4,0,', //                      8 fractional count + missing funding
  '2024-06,440300,knowledge_renewal,general,3,3,0,30', //                  9 good
].join('\n');

let root: string;
let dataDir: string;
let referenceSnapshot: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'talent-validation-'));
  dataDir = join(root, 'data');
  referenceSnapshot = (await ingest([fixtureReferenceDir], { dataDir })).snapshotId!;
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('validation', () => {
  it('refuses a bad file whole, naming line, column, value and reason for each problem', async () => {
    const file = join(root, 'bad.csv');
    await writeFile(file, bad);
    const error = await ingest([file], { dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidFileError);
    const { outcome } = error as InvalidFileError;
    expect(outcome.position).toBe('row');
    expect(outcome.rowsRead).toBe(8);
    expect(outcome.rejected).toBe(6); // lines 3, 4, 5, 6, 7, 8
    expect(outcome.problemCount).toBe(7); // line 8 has two
    expect(outcome.problems.map((p) => [p.line, p.column, p.value, p.reason])).toEqual([
      [3, 'person_times', '-5', 'must not be negative'],
      [4, 'month', '2024-13', expect.stringMatching(/^expected a month/)],
      [5, 'region_code', '999999', 'unknown code: not in region.region_code'],
      [6, 'month, region_code, program_code, field_code', '2024-01 | 110100 | knowledge_renewal | ai', 'duplicate key: same as row 2'],
      [7, 'program_code', 'no_such_programme', 'unknown code: not in program.program_code'],
      [8, 'funding_cny', null, 'required value is missing'],
      [8, 'person_times', '12.5', 'expected a whole number ≥ 0'],
    ]);
    // Nothing was published: the reference snapshot is still live.
    expect(await currentSnapshotId(dataDir)).toBe(referenceSnapshot);
  });

  it('numbers rows from the header, skipping blank lines as the reader does', async () => {
    // Physical lines: 1 header, 2 good, 3 blank, 4 negative count → the fourth line is the file's third row.
    const file = join(root, 'blank-line.csv');
    await writeFile(
      file,
      'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny\n2024-01,110100,knowledge_renewal,ai,1,1,0,0\n\n2024-02,110100,knowledge_renewal,ai,-1,1,0,0\n',
    );
    const { outcome } = (await ingest([file], { dataDir }).catch((e: unknown) => e)) as InvalidFileError;
    expect(outcome.problems.map((p) => [p.line, p.column])).toEqual([[3, 'person_times']]);
  });

  it('reports at most 20 problems and the total', async () => {
    const lines = ['month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny'];
    for (let i = 0; i < 30; i++) lines.push(`2024-01,110100,knowledge_renewal,ai,-${i + 1},1,0,0`);
    const file = join(root, 'many.csv');
    await writeFile(file, lines.join('\n'));
    const { outcome } = (await ingest([file], { dataDir }).catch((e: unknown) => e)) as InvalidFileError;
    // 30 negative counts, and 29 repeats of the key first used on line 2.
    expect(outcome.problemCount).toBe(59);
    expect(outcome.problems).toHaveLength(20);
  });

  it('names missing required columns', async () => {
    const file = join(root, 'training-missing.csv');
    await writeFile(file, 'month,region_code,program_code,person_times\n2024-01,110100,knowledge_renewal,1\n');
    await expect(ingest([file], { dataDir, dataset: 'training' })).rejects.toThrow(
      /missing required column\(s\) for dataset 'training': field_code .*participants .*certificates .*funding_cny/,
    );
  });

  it('says when a file matches no dataset', async () => {
    const file = join(root, 'unknown.csv');
    await writeFile(file, 'a,b\n1,2\n');
    await expect(ingest([file], { dataDir })).rejects.toThrow(/match no dataset; name it with --dataset/);
  });

  it('--allow-partial loads the good rows and writes the rejected ones with reasons beside the input', async () => {
    const file = join(root, 'partial.csv');
    await writeFile(file, bad);
    const result = await ingest([file], { dataDir, allowPartial: true });
    expect(result.files[0]).toMatchObject({ accepted: 2, added: 2, rejected: 6, rejectsFile: `${file}.rejects.csv` });
    const rejects = parse(await readFile(`${file}.rejects.csv`, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rejects.map((r) => r.line)).toEqual(['3', '4', '5', '6', '7', '8']);
    expect(rejects[0]).toMatchObject({ month: '2024-02', person_times: '-5', reasons: 'person_times: must not be negative (-5)' });
    expect(rejects[5].reasons).toBe('funding_cny: required value is missing; person_times: expected a whole number ≥ 0 (12.5)');
  });
});
