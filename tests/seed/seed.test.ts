import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factDatasets, keyColumns } from '../../core/datasets/index.js';
import { generateSample, type SeedResult } from '../../tools/seed/generate.js';
import { defaultOptions } from '../../tools/seed/options.js';

const reference = 'data/reference';
let dir: string;
let result: SeedResult;
let instance: DuckDBInstance;
let db: DuckDBConnection;

/** Rows of a query over the written files (views t, l, c, s) as plain objects. */
async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}
const one = async (sql: string): Promise<number> => Number(Object.values((await rows(sql))[0] ?? {})[0]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seed-test-'));
  result = await generateSample({ ...defaultOptions, outDir: dir, referenceDir: reference });
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
  // Read back as text, independently of the generator: formats are checked on the text.
  for (const [view, name] of [
    ['t', 'training'],
    ['l', 'labor_market'],
    ['c', 'competition'],
    ['s', 'talent_stock'],
  ]) {
    await db.run(`CREATE VIEW ${view} AS SELECT * FROM read_csv('${join(dir, `${name}.csv`)}', all_varchar = true, header = true)`);
  }
  for (const name of ['region', 'program', 'field', 'occupation', 'competition_event']) {
    await db.run(
      `CREATE VIEW ref_${name} AS SELECT * FROM read_csv('${join(reference, `${name}.csv`)}', all_varchar = true, header = true)`,
    );
  }
});

afterAll(async () => {
  db?.closeSync();
  instance?.closeSync();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('seed: the files', () => {
  it('writes each fact with exactly its declared columns, in a sample-sized number of rows', async () => {
    for (const spec of factDatasets) {
      const header = (await readFile(join(dir, `${spec.table}.csv`), 'utf8')).split('\n', 1)[0];
      expect(header).toBe(spec.columns.map((c) => c.name).join(','));
    }
    const count = (name: string) => result.files.find((f) => f.dataset === name)?.rows ?? 0;
    expect(count('training')).toBeGreaterThan(300_000);
    // 0.81 M at scale 1: 342 prefectures and the 52 poverty counties that report on their own.
    expect(count('training')).toBeLessThan(900_000);
    expect(count('labor_market')).toBeLessThanOrEqual(1_000_000);
    expect(await one('SELECT count(*) FROM t')).toBe(count('training'));
  });

  it('has unique keys in every file', async () => {
    const views: Record<string, string> = { training: 't', labor_market: 'l', competition: 'c', talent_stock: 's' };
    for (const spec of factDatasets) {
      const keys = keyColumns(spec)
        .map((c) => c.name)
        .join(', ');
      const duplicates = await one(`SELECT count(*) FROM (SELECT ${keys} FROM ${views[spec.table]} GROUP BY ALL HAVING count(*) > 1)`);
      expect(duplicates, spec.name).toBe(0);
    }
  });

  it("marks every row 'synthetic' and writes periods as YYYY-MM, YYYYQn and years", async () => {
    for (const v of ['t', 'l', 'c', 's']) expect(await one(`SELECT count(*) FROM ${v} WHERE source IS DISTINCT FROM 'synthetic'`)).toBe(0);
    expect(await one(`SELECT count(*) FROM t WHERE NOT regexp_full_match(month, '\\d{4}-(0[1-9]|1[0-2])')`)).toBe(0);
    expect(await one(`SELECT count(*) FROM l WHERE NOT regexp_full_match(quarter, '\\d{4}Q[1-4]')`)).toBe(0);
    expect(await rows('SELECT min(month) AS lo, max(month) AS hi FROM t')).toEqual([{ lo: '2015-01', hi: '2026-10' }]);
    expect(await rows('SELECT min(quarter) AS lo, max(quarter) AS hi FROM l')).toEqual([{ lo: '2015Q1', hi: '2026Q3' }]);
  });

  it('uses only codes of the reference', async () => {
    const missing = (view: string, column: string, ref: string, refColumn: string) =>
      one(`SELECT count(*) FROM ${view} WHERE ${column} NOT IN (SELECT ${refColumn} FROM ${ref})`);
    for (const v of ['t', 'l', 'c', 's']) expect(await missing(v, 'region_code', 'ref_region', 'region_code')).toBe(0);
    expect(await missing('t', 'program_code', "ref_program WHERE fact_table = 'training'", 'program_code')).toBe(0);
    expect(await missing('s', 'indicator_code', "ref_program WHERE fact_table = 'talent_stock'", 'program_code')).toBe(0);
    expect(await missing('t', 'field_code', 'ref_field', 'field_code')).toBe(0);
    expect(await missing('l', 'occupation_code', "ref_occupation WHERE level = 'occupation'", 'occupation_code')).toBe(0);
    expect(await missing('c', 'competition_code', 'ref_competition_event', 'competition_code')).toBe(0);
  });
});

describe('seed: the numbers', () => {
  it('writes counts as non-negative integers, with certificates ≤ participants ≤ person-times', async () => {
    const bad = await one(`SELECT count(*) FROM t WHERE NOT (regexp_full_match(person_times || participants || certificates, '\\d+')
      AND certificates::BIGINT <= participants::BIGINT AND participants::BIGINT <= person_times::BIGINT AND funding_cny::DOUBLE >= 0)`);
    expect(bad).toBe(0);
    expect(await one(`SELECT count(*) FROM l WHERE NOT regexp_full_match(vacancies || ',' || job_seekers, '\\d+,\\d+')`)).toBe(0);
  });

  it('keeps "of which" programmes within their parent on every key', async () => {
    for (const [child, parent] of [
      ['migrant_training', 'vocational_training'],
      ['high_skill_certificate', 'skill_certificate'],
    ]) {
      const over = await one(`SELECT count(*) FROM t AS k LEFT JOIN t AS p
          ON p.month = k.month AND p.region_code = k.region_code AND p.field_code = k.field_code AND p.program_code = '${parent}'
        WHERE k.program_code = '${child}' AND (p.person_times IS NULL OR k.person_times::BIGINT > p.person_times::BIGINT
          OR k.certificates::BIGINT > p.certificates::BIGINT)`);
      expect(over, child).toBe(0);
    }
  });

  it('trains about a million person-times a year in knowledge renewal, some years short of it', async () => {
    const years = await rows(`SELECT left(month, 4) AS year, sum(person_times::BIGINT)::DOUBLE AS total FROM t
      WHERE program_code = 'knowledge_renewal' AND month BETWEEN '2019' AND '2026' GROUP BY ALL ORDER BY year`);
    expect(years.map((y) => y.year)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    for (const { total } of years) expect(Math.abs(Number(total) / 1_000_000 - 1)).toBeLessThanOrEqual(0.15);
    expect(years.some((y) => Number(y.total) < 1_000_000)).toBe(true);
  });

  it('has a January–February lull', async () => {
    const relative = await one(`WITH m AS (SELECT right(month, 2) AS m, sum(person_times::BIGINT) AS v FROM t
        WHERE month BETWEEN '2015-01' AND '2025-12' GROUP BY ALL)
      SELECT avg(v) FILTER (WHERE m IN ('01', '02')) / avg(v) FROM m`);
    expect(relative).toBeLessThan(0.8);
    expect(relative).toBeGreaterThan(0.3);
  });

  it('holds WorldSkills only in the years it was held', async () => {
    const years = await rows(`SELECT DISTINCT year FROM c WHERE competition_code = 'worldskills' ORDER BY year`);
    expect(years.map((y) => y.year)).toEqual(['2015', '2017', '2019', '2022', '2024']);
  });
});

describe('seed: province targets', () => {
  it('apportions each national annual target by the provinces’ shares of the previous year', async () => {
    // Worked out here from the written training file and the reference target, not by the generator's SQL.
    const national =
      await rows(`SELECT period_start AS year, value::DOUBLE AS value FROM read_csv('${reference}/target.csv', all_varchar = true)
      WHERE program_code = 'knowledge_renewal' AND region_code = '000000' AND period_start = period_end`);
    const written = await rows(`SELECT period_start AS year, region_code, value::BIGINT AS value, source
      FROM read_csv('${join(dir, 'target.csv')}', all_varchar = true) WHERE program_code = 'knowledge_renewal'`);
    const volume = await rows(`SELECT left(month, 4)::INTEGER AS year, left(region_code, 2) || '0000' AS province,
      sum(person_times::BIGINT)::DOUBLE AS v FROM t WHERE program_code = 'knowledge_renewal' GROUP BY ALL`);
    expect(written.every((r) => r.source === 'synthetic')).toBe(true);
    for (const { year, value } of national) {
      const provinces = written.filter((r) => r.year === year);
      expect(provinces, `year ${year}`).toHaveLength(31);
      const previous = volume.filter((v) => v.year === Number(year) - 1);
      if (!previous.length) continue;
      const total = previous.reduce((sum, v) => sum + Number(v.v), 0);
      for (const province of provinces) {
        const share = Number(previous.find((v) => v.province === province.region_code)?.v ?? 0) / total;
        expect(Number(province.value), `${year} ${String(province.region_code)}`).toBe(Math.round(Number(value) * share));
      }
      const sum = provinces.reduce((acc, r) => acc + Number(r.value), 0);
      expect(Math.abs(sum - Number(value))).toBeLessThanOrEqual(31);
    }
  });
});

describe('seed: determinism', () => {
  const digest = async (path: string) =>
    createHash('sha256')
      .update(await readFile(path))
      .digest('hex');

  it('gives the 52 poverty counties rows of their own, and only them below the prefectures', async () => {
    const flagged = "SELECT region_code FROM ref_region WHERE level = 'county' AND poverty_county_52 = 'true'";
    const countiesIn = (view: string) =>
      rows(`SELECT DISTINCT v.region_code FROM ${view} v JOIN ref_region r USING (region_code) WHERE r.level = 'county' ORDER BY 1`);
    const expected = await rows(`${flagged} ORDER BY 1`);
    expect(expected).toHaveLength(52);
    expect(await countiesIn('t')).toEqual(expected);
    expect(await countiesIn('l')).toEqual(expected);
    expect(await countiesIn('s')).toEqual(expected);
    // Placements moved to a county leave its province's count: each year's national total stays the configured
    // one, 38,000 in 2025 (tools/seed/sql/talent-stock-prep.sql), whole and unchanged by the counties.
    expect(await one("SELECT sum(value::BIGINT) FROM s WHERE indicator_code = 'three_supports' AND year = '2025'")).toBe(38_000);
  });

  it('writes byte-identical files on a second run', async () => {
    const runs = await Promise.all([0, 1].map(() => mkdtemp(join(tmpdir(), 'seed-twice-'))));
    try {
      for (const out of runs) await generateSample({ ...defaultOptions, scale: 0.05, outDir: out, referenceDir: reference });
      for (const spec of factDatasets) {
        const [a, b] = await Promise.all(runs.map((out) => digest(join(out, `${spec.table}.csv`))));
        expect(a, spec.name).toBe(b);
      }
    } finally {
      await Promise.all(runs.map((out) => rm(out, { recursive: true, force: true })));
    }
  });

  it('writes the same rows as Parquet with --format parquet', async () => {
    const out = await mkdtemp(join(tmpdir(), 'seed-parquet-'));
    try {
      const csv = await generateSample({ ...defaultOptions, scale: 0.05, outDir: out, referenceDir: reference });
      const parquet = await generateSample({ ...defaultOptions, scale: 0.05, outDir: out, referenceDir: reference, format: 'parquet' });
      expect(parquet.files.map((f) => f.rows)).toEqual(csv.files.map((f) => f.rows));
      const path = join(out, 'training.parquet');
      const same = await one(`SELECT count(*) FROM (SELECT * FROM read_parquet('${path}')
        EXCEPT SELECT * FROM read_csv('${join(out, 'training.csv')}', types = {'region_code': 'VARCHAR', 'month': 'VARCHAR'}))`);
      expect(same).toBe(0);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
