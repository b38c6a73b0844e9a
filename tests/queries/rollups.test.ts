import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import regionProfile from '../../queries/region-profile.js';
import regionComparison from '../../queries/region-comparison.js';
import { buildFixtureDb, rowsOf, type FixtureDb } from '../helpers/fixture-db.js';

// Every rollup (ingest/rollups.sql) must equal the aggregate of its facts. The expected tables are summed here
// in JavaScript, straight from the fact rows below, so that they share nothing with the SQL that builds them.
//
// Reference: tests/fixtures/zone-pressure/reference (README there) plus three counties, written to a temporary
// folder: 110101 under Beijing's prefecture 110100, 440306 under Shenzhen 440300, 540102 under Lhasa 540100.
//   gba members: prefectures 440100 and 440300, and province 810000 (Guangdong 440000 itself is not a member).
//   jjj members: province 110000 and its prefecture 110100, both: a Beijing fact row must count once in jjj.
//   hainan: no members.
const extraCounties = `110101,county,110100,110000,东城区,Dongcheng,,east,true,,,,,,fixture
440306,county,440300,440000,宝安区,Baoan,,east,true,,,,,,fixture
540102,county,540100,540000,城关区,Chengguan,,west,true,,,,,,fixture
`;

/** Region → [province, prefecture] as the reference defines them (a province's own rows have no prefecture). */
const ancestry: Record<string, [string, string | null]> = {
  '110000': ['110000', null],
  '110100': ['110000', '110100'],
  '110101': ['110000', '110100'],
  '440000': ['440000', null],
  '440100': ['440000', '440100'],
  '440300': ['440000', '440300'],
  '440305': ['440000', '440300'],
  '440306': ['440000', '440300'],
  '540000': ['540000', null],
  '540100': ['540000', '540100'],
  '540102': ['540000', '540100'],
  '810000': ['810000', null],
};
const zoneMembers: Record<string, string[]> = { gba: ['440100', '440300', '810000'], jjj: ['110000', '110100'], hainan: [] };
/** The mainland provinces of the reference (Hong Kong is outside the series) with their census figures. */
const mainland: Record<string, { workingAge: number; population: number }> = {
  '110000': { workingAge: 600, population: 1000 },
  '440000': { workingAge: 2000, population: 3000 },
  '540000': { workingAge: 300, population: 500 },
};
/** The zones' urgently-needed catalogues (zone_occupation.csv of that reference). */
const catalogue: Record<string, string[]> = {
  gba: ['2-02-10-09', '6-18-01-01', '6-18-01-02'],
  jjj: ['2-02-10-09', '2-02-10-10', '6-18-01-02'],
  hainan: [],
};
const occupationGroup: Record<string, string> = { '2-02-10-09': '2', '2-02-10-10': '2', '6-18-01-01': '6', '6-18-01-02': '6' };

// Facts at province (440000, 810000, 110000), prefecture and county level; odd counts so that sums are telling.
const training = [
  ['2023-11', '440000', 'vocational_training', 'general', 7, 5, 1, 70.5], // Guangdong itself: in no zone, no prefecture
  ['2023-12', '440100', 'vocational_training', 'general', 11, 8, 2, 110],
  ['2024-01', '440305', 'vocational_training', 'general', 13, 9, 3, 130], // two counties and their prefecture
  ['2024-01', '440306', 'vocational_training', 'general', 17, 10, 4, 170], //   add up in one group
  ['2024-01', '440300', 'vocational_training', 'general', 19, 11, 5, 190],
  ['2024-01', '440300', 'vocational_training', 'ai', 23, 12, 6, 230.25],
  ['2024-01', '440300', 'knowledge_renewal', 'ai', 29, 13, 7, 290],
  ['2024-01', '810000', 'vocational_training', 'general', 31, 14, 8, 310],
  ['2024-01', '110000', 'vocational_training', 'general', 37, 15, 9, 370], // Beijing at all three levels
  ['2024-01', '110100', 'vocational_training', 'general', 41, 16, 10, 410],
  ['2024-01', '110101', 'vocational_training', 'general', 43, 17, 11, 430],
  ['2024-02', '110101', 'vocational_training', 'general', 47, 18, 12, 470],
  ['2024-01', '540100', 'vocational_training', 'general', 53, 19, 13, 530],
  ['2024-01', '540102', 'vocational_training', 'general', 59, 20, 14, 590],
] as const;
const labor = [
  ['2024Q1', '440000', '2-02-10-09', 5, 1],
  ['2024Q1', '440100', '2-02-10-09', 7, 2],
  ['2024Q1', '440305', '2-02-10-09', 11, 3],
  ['2024Q1', '440306', '2-02-10-09', 13, 4],
  ['2024Q1', '440300', '6-18-01-01', 17, 5],
  ['2024Q1', '810000', '2-02-10-10', 19, 6],
  ['2024Q1', '110000', '2-02-10-09', 23, 7],
  ['2024Q1', '110100', '2-02-10-09', 29, 8],
  ['2024Q1', '110101', '2-02-10-09', 31, 9],
  ['2024Q2', '110101', '6-18-01-02', 37, 10],
  ['2024Q1', '540100', '2-02-10-09', 41, 11],
  ['2024Q1', '540102', '6-18-01-01', 43, 12],
] as const;
const competition = [
  ['national_skills', 2024, '440000', 'Welding', 10, 1, 0, 0, 2],
  ['national_skills', 2024, '440100', 'Welding', 5, 0, 1, 0, 1],
  ['national_skills', 2024, '440305', 'Welding', 3, 0, 0, 1, 0],
  ['national_skills', 2024, '440305', 'Plumbing', 4, 1, 0, 0, 0],
  ['national_skills', 2023, '110101', 'Welding', 6, 0, 0, 1, 1],
] as const;
const talentStock = [
  [2024, '440000', 'postdoc_stations', 4],
  [2024, '440100', 'postdoc_stations', 2.5],
  [2024, '440305', 'postdoc_stations', 1],
  [2023, '110000', 'postdoc_stations', 3],
  [2023, '110101', 'postdoc_stations', 0.5],
] as const;

const csv = (header: string, rows: readonly (readonly (string | number)[])[]) => `${header}\n${rows.map((r) => r.join(',')).join('\n')}\n`;

type Row = Record<string, string | number | null>;

/** Groups rows by the key columns and sums the measures: the rollup as it should be. */
function sumBy(rows: Row[], keys: string[], measures: string[]): Row[] {
  const groups = new Map<string, Row>();
  for (const row of rows) {
    const id = JSON.stringify(keys.map((k) => row[k]));
    const group = groups.get(id) ?? Object.fromEntries([...keys.map((k) => [k, row[k]]), ...measures.map((m) => [m, 0])]);
    for (const m of measures) group[m] = (group[m] as number) + (row[m] as number);
    groups.set(id, group);
  }
  return sorted([...groups.values()]);
}

const sorted = (rows: Row[]) => [...rows].sort((a, b) => (JSON.stringify(Object.values(a)) < JSON.stringify(Object.values(b)) ? -1 : 1));

const trainingRows: Row[] = training.map(([month, region, program, field, personTimes, participants, certificates, funding]) => ({
  month,
  year: Number(month.slice(0, 4)),
  region,
  province: ancestry[region][0],
  prefecture: ancestry[region][1],
  program,
  field,
  person_times: personTimes,
  participants,
  certificates,
  funding_cny: funding,
}));
const laborRows: Row[] = labor.map(([quarter, region, occupation, vacancies, seekers]) => ({
  quarter,
  region,
  province: ancestry[region][0],
  prefecture: ancestry[region][1],
  occupation,
  group: occupationGroup[occupation],
  vacancies,
  job_seekers: seekers,
}));
const trainingMeasures = ['person_times', 'participants', 'certificates', 'funding_cny'];
const laborMeasures = ['vacancies', 'job_seekers'];

/** A fact row is in a training zone when its province or its prefecture is a member: listed once per zone. */
const trainingInZones = trainingRows.flatMap((row) =>
  Object.entries(zoneMembers)
    .filter(([, members]) => members.includes(row.province as string) || members.includes(row.prefecture as string))
    .map(([zone]) => ({ ...row, zone })),
);
/** A labour row is in a zone when it, its prefecture or its province is a member; its unit is the broadest one. */
const laborInZones = laborRows.flatMap((row) =>
  Object.entries(zoneMembers).flatMap(([zone, members]) => {
    const unit = [row.province, row.prefecture, row.region].find((code) => code !== null && members.includes(code as string));
    return unit === undefined ? [] : [{ ...row, zone, unit }];
  }),
);

let db: FixtureDb;
let reference: string;
beforeAll(async () => {
  reference = await mkdtemp(join(tmpdir(), 'rollups-reference-'));
  await cp(fileURLToPath(new URL('../fixtures/zone-pressure/reference', import.meta.url)), reference, { recursive: true });
  await appendFile(join(reference, 'region.csv'), extraCounties);
  db = await buildFixtureDb(
    {
      'training.csv': csv('month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny', training),
      'labor_market.csv': csv('quarter,region_code,occupation_code,vacancies,job_seekers', labor),
      'competition.csv': csv('competition_code,year,region_code,trade,entrants,gold,silver,bronze,excellence', competition),
      'talent_stock.csv': csv('year,region_code,indicator_code,value', talentStock),
    },
    reference,
  );
});
afterAll(async () => {
  await db.close();
  await rm(reference, { recursive: true, force: true });
});

const read = async (sql: string) => sorted((await rowsOf(db.connection, sql)) as Row[]);
const month = "strftime(month, '%Y-%m') AS month";
const quarter = "strftime(quarter, '%Y') || 'Q' || quarter(quarter) AS quarter";
const trainingSums =
  'person_times::DOUBLE AS person_times, participants::DOUBLE AS participants, certificates::DOUBLE AS certificates, funding_cny';
const laborSums = 'vacancies::DOUBLE AS vacancies, job_seekers::DOUBLE AS job_seekers';
const rename = (rows: Row[], names: Record<string, string>) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [names[k] ?? k, v])));

describe('region_ancestry', () => {
  it("maps every region to its province and prefecture (none for a province's own rows)", async () => {
    const rows = await read('SELECT region_code, province_code, prefecture_code FROM region_ancestry');
    const expected = Object.entries(ancestry).map(([region_code, [province_code, prefecture_code]]) => ({
      region_code,
      province_code,
      prefecture_code,
    }));
    expect(rows).toEqual(sorted(expected));
  });
});

describe('training rollups', () => {
  it('rollup_training_province_month sums every fact row into its province', async () => {
    const rows = await read(
      `SELECT ${month}, province_code, program_code, field_code, ${trainingSums} FROM rollup_training_province_month`,
    );
    const expected = sumBy(trainingRows, ['month', 'province', 'program', 'field'], trainingMeasures);
    expect(rows).toEqual(rename(expected, { province: 'province_code', program: 'program_code', field: 'field_code' }));
  });

  it('rollup_training_national_month sums every fact row into the nation', async () => {
    const rows = await read(`SELECT ${month}, program_code, field_code, ${trainingSums} FROM rollup_training_national_month`);
    const expected = sumBy(trainingRows, ['month', 'program', 'field'], trainingMeasures);
    expect(rows).toEqual(rename(expected, { program: 'program_code', field: 'field_code' }));
  });

  it('rollup_training_province_year sums every fact row into its province and year', async () => {
    const rows = await read(
      `SELECT year::INTEGER AS year, province_code, program_code, field_code, ${trainingSums} FROM rollup_training_province_year`,
    );
    const expected = sumBy(trainingRows, ['year', 'province', 'program', 'field'], trainingMeasures);
    expect(rows).toEqual(rename(expected, { province: 'province_code', program: 'program_code', field: 'field_code' }));
  });

  it('rollup_training_prefecture_month sums prefecture and county rows into their prefecture, and leaves province rows out', async () => {
    const rows = await read(
      `SELECT ${month}, province_code, prefecture_code, program_code, field_code, ${trainingSums} FROM rollup_training_prefecture_month`,
    );
    const expected = sumBy(
      trainingRows.filter((r) => r.prefecture !== null),
      ['month', 'province', 'prefecture', 'program', 'field'],
      trainingMeasures,
    );
    expect(rows).toEqual(
      rename(expected, { province: 'province_code', prefecture: 'prefecture_code', program: 'program_code', field: 'field_code' }),
    );
  });

  it('rollup_training_county_month keeps the county rows alone, fields summed, under their prefecture and province', async () => {
    const rows = await read(
      `SELECT ${month}, province_code, prefecture_code, county_code, program_code, ${trainingSums} FROM rollup_training_county_month`,
    );
    const counties = new Set(['110101', '440305', '440306', '540102']);
    const expected = sumBy(
      trainingRows.filter((r) => counties.has(String(r.region))),
      ['month', 'province', 'prefecture', 'region', 'program'],
      trainingMeasures,
    );
    expect(rows).toEqual(
      rename(expected, { province: 'province_code', prefecture: 'prefecture_code', region: 'county_code', program: 'program_code' }),
    );
    // By hand: Dongcheng 110101 in January 2024 is its one row (43 person-times), in February its other (47).
    expect(rows.filter((r) => r.county_code === '110101').map((r) => r.person_times)).toEqual([43, 47]);
  });

  it('rollup_training_prefecture_year sums prefecture and county rows into their prefecture, and leaves province rows out', async () => {
    const rows = await read(
      `SELECT year::INTEGER AS year, province_code, prefecture_code, program_code, field_code, ${trainingSums} FROM rollup_training_prefecture_year`,
    );
    const expected = sumBy(
      trainingRows.filter((r) => r.prefecture !== null),
      ['year', 'province', 'prefecture', 'program', 'field'],
      trainingMeasures,
    );
    expect(rows).toEqual(
      rename(expected, { province: 'province_code', prefecture: 'prefecture_code', program: 'program_code', field: 'field_code' }),
    );
  });

  it('rollup_training_zone_month sums each fact row once into every zone whose member is its province or prefecture', async () => {
    const rows = await read(
      `SELECT zone_code, ${month}, province_code, program_code, field_code, ${trainingSums} FROM rollup_training_zone_month`,
    );
    const expected = sumBy(trainingInZones, ['zone', 'month', 'province', 'program', 'field'], trainingMeasures);
    expect(rows).toEqual(rename(expected, { zone: 'zone_code', province: 'province_code', program: 'program_code', field: 'field_code' }));
  });

  it('counts a Beijing row once in jjj although both Beijing and its prefecture are members (hand-worked)', async () => {
    const [jjj] = await rowsOf(
      db.connection,
      `SELECT sum(person_times)::INTEGER AS person_times FROM rollup_training_zone_month WHERE zone_code = 'jjj' AND month = DATE '2024-01-01'`,
    );
    // 110000 (37) + 110100 (41) + 110101 (43); counted once per member it would be 37 + 2×41 + 2×43 = 205.
    expect(jjj.person_times).toBe(121);
    // gba: 440300's two counties and itself (13 + 17 + 19 + 23 + 29) and Hong Kong (31); Guangdong's own row is out.
    const gba = await rowsOf(
      db.connection,
      `SELECT ${month}, sum(person_times)::INTEGER AS person_times FROM rollup_training_zone_month WHERE zone_code = 'gba' GROUP BY ALL ORDER BY month`,
    );
    expect(gba).toEqual([
      { month: '2023-12', person_times: 11 },
      { month: '2024-01', person_times: 132 },
    ]);
  });
});

describe('labour-market rollups', () => {
  it('rollup_labor_province_quarter sums every fact row into its province', async () => {
    const rows = await read(`SELECT ${quarter}, province_code, occupation_code, ${laborSums} FROM rollup_labor_province_quarter`);
    const expected = sumBy(laborRows, ['quarter', 'province', 'occupation'], laborMeasures);
    expect(rows).toEqual(rename(expected, { province: 'province_code', occupation: 'occupation_code' }));
  });

  it('rollup_labor_prefecture_quarter sums prefecture and county rows by occupation group, and leaves province rows out', async () => {
    const rows = await read(
      `SELECT ${quarter}, province_code, prefecture_code, group_code, ${laborSums} FROM rollup_labor_prefecture_quarter`,
    );
    const expected = sumBy(
      laborRows.filter((r) => r.prefecture !== null),
      ['quarter', 'province', 'prefecture', 'group'],
      laborMeasures,
    );
    expect(rows).toEqual(rename(expected, { province: 'province_code', prefecture: 'prefecture_code', group: 'group_code' }));
  });

  it('rollup_labor_zone_quarter sums each fact row once per zone, into its broadest member', async () => {
    const rows = await read(
      `SELECT zone_code, ${quarter}, province_code, unit_code, occupation_code, ${laborSums} FROM rollup_labor_zone_quarter`,
    );
    const expected = sumBy(laborInZones, ['zone', 'quarter', 'province', 'unit', 'occupation'], laborMeasures);
    expect(rows).toEqual(
      rename(expected, { zone: 'zone_code', province: 'province_code', unit: 'unit_code', occupation: 'occupation_code' }),
    );
  });

  it("rollup_labor_prefecture_catalogue_quarter sums prefecture and county rows of a zone's provinces, for the occupations of their zones' catalogues", async () => {
    const rows = await read(
      `SELECT ${quarter}, province_code, prefecture_code, occupation_code, ${laborSums} FROM rollup_labor_prefecture_catalogue_quarter`,
    );
    /** A province is in a zone when one of the zone's members lies in it; it keeps those zones' catalogues. */
    const wanted = (province: string | number | null, occupation: string | number | null) =>
      Object.entries(zoneMembers).some(
        ([zone, members]) => members.some((m) => ancestry[m][0] === province) && catalogue[zone].includes(occupation as string),
      );
    const expected = sumBy(
      laborRows.filter((r) => r.prefecture !== null && wanted(r.province, r.occupation)),
      ['quarter', 'province', 'prefecture', 'occupation'],
      laborMeasures,
    );
    expect(rows).toEqual(rename(expected, { province: 'province_code', prefecture: 'prefecture_code', occupation: 'occupation_code' }));
  });

  it('keeps Guangdong and Beijing prefectures in their catalogues, and leaves Tibet (in no zone) and province rows out (hand-worked)', async () => {
    const rows = await rowsOf(
      db.connection,
      `SELECT ${quarter}, province_code, prefecture_code, occupation_code, vacancies::INTEGER AS vacancies, job_seekers::INTEGER AS job_seekers
       FROM rollup_labor_prefecture_catalogue_quarter ORDER BY ALL`,
    );
    expect(rows).toEqual([
      {
        quarter: '2024Q1',
        province_code: '110000',
        prefecture_code: '110100',
        occupation_code: '2-02-10-09',
        vacancies: 29 + 31,
        job_seekers: 8 + 9,
      },
      {
        quarter: '2024Q1',
        province_code: '440000',
        prefecture_code: '440100',
        occupation_code: '2-02-10-09',
        vacancies: 7,
        job_seekers: 2,
      },
      {
        quarter: '2024Q1',
        province_code: '440000',
        prefecture_code: '440300',
        occupation_code: '2-02-10-09',
        vacancies: 11 + 13,
        job_seekers: 3 + 4,
      },
      {
        quarter: '2024Q1',
        province_code: '440000',
        prefecture_code: '440300',
        occupation_code: '6-18-01-01',
        vacancies: 17,
        job_seekers: 5,
      },
      {
        quarter: '2024Q2',
        province_code: '110000',
        prefecture_code: '110100',
        occupation_code: '6-18-01-02',
        vacancies: 37,
        job_seekers: 10,
      },
    ]);
  });

  it('puts every Beijing row in the one jjj unit 110000, and Shenzhen counties in the gba unit 440300 (hand-worked)', async () => {
    const units = await rowsOf(
      db.connection,
      `SELECT zone_code, unit_code, sum(vacancies)::INTEGER AS vacancies FROM rollup_labor_zone_quarter WHERE quarter = DATE '2024-01-01' GROUP BY ALL ORDER BY ALL`,
    );
    expect(units).toEqual([
      { zone_code: 'gba', unit_code: '440100', vacancies: 7 },
      { zone_code: 'gba', unit_code: '440300', vacancies: 11 + 13 + 17 },
      { zone_code: 'gba', unit_code: '810000', vacancies: 19 },
      { zone_code: 'jjj', unit_code: '110000', vacancies: 23 + 29 + 31 },
    ]);
  });
});

describe('competition and talent-stock rollups', () => {
  it('rollup_competition_province_year sums every row (all trades) into its province', async () => {
    const rows = await read(
      'SELECT year::INTEGER AS year, province_code, competition_code, entrants::DOUBLE AS entrants, gold::DOUBLE AS gold, silver::DOUBLE AS silver, bronze::DOUBLE AS bronze, excellence::DOUBLE AS excellence FROM rollup_competition_province_year',
    );
    const facts = competition.map(([code, year, region, , entrants, gold, silver, bronze, excellence]) => ({
      year,
      province: ancestry[region][0],
      code,
      entrants,
      gold,
      silver,
      bronze,
      excellence,
    }));
    const expected = sumBy(facts, ['year', 'province', 'code'], ['entrants', 'gold', 'silver', 'bronze', 'excellence']);
    expect(rows).toEqual(rename(expected, { province: 'province_code', code: 'competition_code' }));
  });

  it('rollup_talent_stock_province_year sums every row into its province', async () => {
    const rows = await read('SELECT year::INTEGER AS year, province_code, indicator_code, value FROM rollup_talent_stock_province_year');
    const facts = talentStock.map(([year, region, indicator, value]) => ({ year, province: ancestry[region][0], indicator, value }));
    expect(rows).toEqual(
      rename(sumBy(facts, ['year', 'province', 'indicator'], ['value']), { province: 'province_code', indicator: 'indicator_code' }),
    );
  });
});

describe('programme rollups (target tracking)', () => {
  // The reference's programmes: vocational_training and knowledge_renewal are training counted in person-times;
  // postdoc_stations is talent stock. Scopes: the nation ('000000') and every province, mainland or not.
  const provinces = ['110000', '440000', '540000', '810000'];
  const calendar = [...new Set(trainingRows.map((r) => `${r.program}|${r.month}`))].map((key) => key.split('|'));
  const volume = (rows: Row[]) => (rows.length ? rows.reduce((sum, r) => sum + (r.person_times as number), 0) : null);

  /** programme × month × scope: a province has every month the nation reported, NULL where it reported nothing. */
  const programMonths: Row[] = calendar.flatMap(([program, month]) => {
    const rows = trainingRows.filter((r) => r.program === program && r.month === month);
    return [
      { program_code: program, month, region_code: '000000', volume: volume(rows) },
      ...provinces.map((province) => ({
        program_code: program,
        month,
        region_code: province,
        volume: volume(rows.filter((r) => r.province === province)),
      })),
    ];
  });

  it('rollup_program_month holds each training programme month by month for the nation and every province', async () => {
    const rows = await read(`SELECT program_code, ${month}, region_code, volume::DOUBLE AS volume FROM rollup_program_month`);
    expect(rows).toEqual(sorted(programMonths));
  });

  it('rollup_program_year adds up the months of a year, with the months the nation reported, and talent stock by year', async () => {
    const rows = await read('SELECT program_code, year, region_code, volume, months_reported, last_month FROM rollup_program_year');
    const years = [...new Set(programMonths.map((r) => `${r.program_code}|${(r.month as string).slice(0, 4)}|${r.region_code}`))].map(
      (key) => {
        const [program, year, region] = key.split('|');
        const months = programMonths.filter(
          (r) => r.program_code === program && (r.month as string).startsWith(year) && r.region_code === region,
        );
        const known = months.filter((r) => r.volume !== null);
        return {
          program_code: program,
          year: Number(year),
          region_code: region,
          volume: known.length ? known.reduce((sum, r) => sum + (r.volume as number), 0) : null,
          months_reported: months.length,
          last_month: Math.max(...months.map((r) => Number((r.month as string).slice(5)))),
        };
      },
    );
    const stock = [...new Set(talentStock.map(([year, , indicator]) => `${indicator}|${year}`))].flatMap((key) => {
      const [indicator, year] = key.split('|');
      const rows = talentStock.filter(([y, , code]) => code === indicator && y === Number(year));
      const sum = (list: typeof rows) => (list.length ? list.reduce((total, r) => total + r[3], 0) : null);
      return ['000000', ...provinces].map((region) => ({
        program_code: indicator,
        year: Number(year),
        region_code: region,
        volume: sum(region === '000000' ? rows : rows.filter(([, code]) => ancestry[code][0] === region)),
        months_reported: 12,
        last_month: 12,
      }));
    });
    expect(rows).toEqual(sorted([...years, ...stock]));
  });
});

describe('rollup_province_indicator_year', () => {
  /**
   * The six indicators of every mainland province in a year, from the facts as region-profile documents them.
   * The reference's programmes: vocational_training and knowledge_renewal count person-times, skill_certificate
   * is not declared (so nothing counts), and postdoc_stations is the only platform indicator with rows.
   */
  function indicators(year: number | null): Row[] {
    const inYear = (y: number) => year !== null && y === year;
    const quarters = labor
      .map(([q]) => q)
      .filter((q) => inYear(Number(q.slice(0, 4))))
      .sort();
    const quarter = quarters.at(-1) ?? null;
    const stationYears = talentStock
      .filter(([y, , indicator]) => indicator === 'postdoc_stations' && year !== null && y <= year)
      .map(([y]) => y);
    const stationYear = stationYears.length ? Math.max(...stationYears) : null;
    const period = year === null ? null : String(year);
    // Training indicators cover the months the nation reported training in the year (any programme, Hong Kong too):
    // a year that stops before December is labelled by its months, e.g. 2024 (January, February) '2024-01/2024-02'.
    const trainingMonths = training.filter(([month]) => inYear(Number(month.slice(0, 4)))).map(([month]) => month);
    const lastTrainingMonth = trainingMonths.length ? trainingMonths.reduce((a, b) => (a > b ? a : b)) : null;
    const trainingPeriod =
      year === null
        ? null
        : lastTrainingMonth !== null && !lastTrainingMonth.endsWith('-12')
          ? `${year}-01/${lastTrainingMonth}`
          : String(year);
    return Object.entries(mainland).flatMap(([province, { workingAge, population }]) => {
      const ofProvince = (region: string) => ancestry[region][0] === province;
      const trained = (program: string) =>
        training
          .filter(([month, region, code]) => inYear(Number(month.slice(0, 4))) && ofProvince(region) && code === program)
          .reduce((sum, r) => sum + r[4], 0);
      const market = labor.filter(([q, region]) => q === quarter && ofProvince(region));
      const medals = competition.filter(([, y, region]) => inYear(y) && ofProvince(region)).reduce((sum, r) => sum + r[5] + r[6] + r[7], 0);
      const stations = talentStock.filter(([y, region]) => y === stationYear && ofProvince(region)).reduce((sum, r) => sum + r[3], 0);
      return [
        {
          seq: 1,
          indicator: 'training_per_10k',
          numerator: trained('vocational_training') * 10000,
          denominator: workingAge,
          period: trainingPeriod,
        },
        {
          seq: 2,
          indicator: 'knowledge_renewal_per_10k',
          numerator: trained('knowledge_renewal') * 10000,
          denominator: workingAge,
          period: trainingPeriod,
        },
        { seq: 3, indicator: 'certificates_per_10k', numerator: 0, denominator: workingAge, period: trainingPeriod },
        {
          seq: 4,
          indicator: 'vacancy_seeker_ratio',
          numerator: market.reduce((sum, r) => sum + r[3], 0),
          denominator: market.reduce((sum, r) => sum + r[4], 0),
          period: quarter === null ? null : quarter,
        },
        { seq: 5, indicator: 'competition_medals', numerator: medals, denominator: null, period },
        {
          seq: 6,
          indicator: 'platforms_per_million',
          numerator: stations * 1e6,
          denominator: population,
          period: stationYear === null ? null : String(stationYear),
        },
      ].map((row) => ({ year, region_code: province, ...row }));
    });
  }

  const columns = 'year::INTEGER AS year, region_code, seq::INTEGER AS seq, indicator, numerator, denominator, period';

  it.each([2000, 2022, 2023, 2024, 2025, 2100, null])(
    'holds every mainland province × indicator of %s as the facts give it',
    async (year) => {
      const rows = await read(
        `SELECT ${columns} FROM rollup_province_indicator_year WHERE year IS NOT DISTINCT FROM ${year === null ? 'NULL' : year}`,
      );
      expect(rows).toEqual(sorted(indicators(year)));
    },
  );

  it('holds every year the region queries accept, and the NULL year', async () => {
    for (const definition of [regionProfile, regionComparison])
      expect([definition.params.year.min, definition.params.year.max]).toEqual([2000, 2100]);
    const [range] = await rowsOf(
      db.connection,
      'SELECT min(year)::INTEGER AS first, max(year)::INTEGER AS last, count(DISTINCT year)::INTEGER AS years, count(*) FILTER (WHERE year IS NULL)::INTEGER AS no_year, count(*)::INTEGER AS n FROM rollup_province_indicator_year',
    );
    expect(range).toEqual({ first: 2000, last: 2100, years: 101, no_year: 3 * 6, n: 102 * 3 * 6 });
  });
});
