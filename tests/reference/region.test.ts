import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';

// region.csv is read with csv-parse in plain JS; the census copy independently with DuckDB SQL in
// exact integer arithmetic, so the two sides share neither code nor method with the build.
const dir = fileURLToPath(new URL('../../data/reference/', import.meta.url));
type Row = Record<string, string>;
const readCsv = (file: string): Row[] => parse<Row>(readFileSync(dir + file), { columns: true });

const regions = readCsv('region.csv');
const byCode = new Map(regions.map((r) => [r.region_code, r]));
const provinces = regions.filter((r) => r.level === 'province');
const mainland = provinces.filter((r) => r.in_mainland === 'true');

interface CensusTotal {
  province_code: string;
  population: string;
  working_age: string | null;
}

let census: Map<string, CensusTotal>;

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // working age = round-half-up(popu × share / 100) per prefecture, with the share in hundredths.
  const result = await connection.runAndReadAll(
    `SELECT province_code,
            sum(popu_2020::BIGINT)::VARCHAR AS population,
            sum((popu_2020::BIGINT * round(age_15_59_2020::DECIMAL(5, 2) * 100)::BIGINT + 5000) // 10000)::VARCHAR AS working_age
     FROM read_csv($path, all_varchar = true, header = true)
     WHERE city_code <> province_code
     GROUP BY province_code`,
    { path: `${dir}sources/census/census_city_2010-2020_v1_nocoord.csv` },
  );
  census = new Map((result.getRowObjectsJson() as unknown as CensusTotal[]).map((t) => [t.province_code, t]));
  connection.closeSync();
});

describe('region.csv', () => {
  it('has 34 provincial-level units, 31 of them in the mainland', () => {
    expect(provinces).toHaveLength(34);
    expect(mainland).toHaveLength(31);
    expect(
      provinces
        .filter((r) => r.in_mainland === 'false')
        .map((r) => r.region_code)
        .sort(),
    ).toEqual(['710000', '810000', '820000']);
  });

  it("gives every mainland province the census sums of its prefectures' population and working-age population", () => {
    expect(census.size).toBe(31);
    for (const p of mainland) {
      const total = census.get(p.region_code);
      expect(total, p.region_code).toBeDefined();
      expect(p.population_2020, p.region_code).toBe(total?.population);
      expect(p.working_age_2020, p.region_code).toBe(total?.working_age);
    }
  });

  it('matches the census bulletin for Guangdong', () => {
    expect(byCode.get('440000')?.population_2020).toBe('126012510');
  });

  it('leaves Hong Kong, Macao and Taiwan without population or macro-region', () => {
    for (const code of ['710000', '810000', '820000']) {
      expect(byCode.get(code)).toMatchObject({ population_2020: '', working_age_2020: '', macro_region: '' });
    }
  });

  it('hangs every prefecture under a province and every county under a prefecture of the same province', () => {
    const parentLevel: Record<string, string> = { prefecture: 'province', county: 'prefecture' };
    for (const r of regions.filter((x) => x.level !== 'province')) {
      const parent = byCode.get(r.parent_code);
      expect(parent?.level, `${r.region_code} → ${r.parent_code}`).toBe(parentLevel[r.level]);
      expect(parent?.province_code, r.region_code).toBe(r.province_code);
    }
  });

  it('places every provincial unit on the tile grid, and every mainland one in a macro-region', () => {
    for (const p of provinces) {
      expect(Number(p.tile_row), p.region_code).toBeGreaterThanOrEqual(1);
      expect(Number(p.tile_col), p.region_code).toBeGreaterThanOrEqual(1);
      expect(p.abbr, p.region_code).toMatch(/^[A-Z]{2}$/);
    }
    const tiles = new Set(provinces.map((p) => `${p.tile_row},${p.tile_col}`));
    expect(tiles.size).toBe(34);
    for (const p of mainland) expect(['east', 'central', 'west', 'northeast'], p.region_code).toContain(p.macro_region);
  });

  it('marks every Tibetan prefecture and its counties as a designated poverty area', () => {
    const tibet = regions.filter((r) => r.province_code === '540000' && r.level !== 'province');
    expect(tibet.filter((r) => r.level === 'prefecture')).toHaveLength(7);
    for (const r of tibet) expect(r.poverty_group, r.region_code).toBe('three_districts');
    expect(byCode.get('513400')?.poverty_group).toBe('three_states');
  });
});

describe('region_zone.csv', () => {
  const members = readCsv('region_zone.csv');

  it('puts exactly Hong Kong, Macao and the nine Guangdong cities in the Greater Bay Area', () => {
    const gba = members
      .filter((m) => m.zone_code === 'gba')
      .map((m) => m.region_code)
      .sort();
    expect(gba).toEqual(['440100', '440300', '440400', '440600', '440700', '441200', '441300', '441900', '442000', '810000', '820000']);
  });

  it('lists only regions and zones that exist', () => {
    const zones = new Set(readCsv('zone.csv').map((z) => z.zone_code));
    expect([...zones].sort()).toEqual(['gba', 'hainan', 'jjj', 'yrd']);
    for (const m of members) {
      expect(zones.has(m.zone_code), m.zone_code).toBe(true);
      expect(byCode.has(m.region_code), m.region_code).toBe(true);
    }
    expect(members.filter((m) => m.zone_code === 'jjj').map((m) => m.region_code)).toContain('130600'); // Baoding, home of Xiong'an
  });
});
