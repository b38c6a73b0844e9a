import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import definition from '../../queries/programme-headlines.js';
import { buildFixtureDb, type FixtureDb } from '../helpers/fixture-db.js';
import { runByParams } from '../helpers/run-query.js';

// Reference: tests/fixtures/talent-stock/reference — knowledge_renewal and vocational_training (training,
// person-times), postdoc_stations (a stock: 'last') and expert_service (a flow: 'sum'); one annual target,
// knowledge renewal, national, 2024: 1000.
//
// Knowledge renewal by month (person-times):
//   Guangzhou (440100): 2023 every month 10; 2024 Jan–Jun 40, 40, 40, 60, (May: no row), 50 → 230.
//   Beijing (110100):   2023 Jan–Jun 5 each (30); 2024 Jan–Jun 20 each → 120.
//   The nation reported Jan–Jun 2024 (May through Beijing) and all of 2023: the same months Jan–Jun in both.
//   National 2024 Jan–Jun 230 + 120 = 350; 2023 Jan–Jun 60 + 30 = 90 → change 350/90 − 1.
//   Guangdong 2024 230; 2023 Jan–Jun 60 → change 230/60 − 1. Tibet reported nothing.
// Vocational training (Guangzhou only): 2023 Feb–Dec 7 each (77; no January anywhere); 2024 Jan–Mar 11, 12, 13
//   in field 'general' and 4 more in January in field 'ai' → 40. Jan–Mar 2023 were not all reported (no
//   January), so 2024's figure has no comparison.
const month = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;
const trainingRows = [
  'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny',
  ...Array.from({ length: 12 }, (_, i) => `${month(2023, i + 1)},440100,knowledge_renewal,general,10,1,0,0`),
  ...[40, 40, 40, 60, null, 50].flatMap((v, i) =>
    v === null ? [] : [`${month(2024, i + 1)},440100,knowledge_renewal,general,${v},1,0,0`],
  ),
  ...Array.from({ length: 6 }, (_, i) => `${month(2023, i + 1)},110100,knowledge_renewal,general,5,1,0,0`),
  ...Array.from({ length: 6 }, (_, i) => `${month(2024, i + 1)},110100,knowledge_renewal,general,20,1,0,0`),
  ...Array.from({ length: 11 }, (_, i) => `${month(2023, i + 2)},440100,vocational_training,general,7,1,0,0`),
  ...[11, 12, 13].map((v, i) => `${month(2024, i + 1)},440100,vocational_training,general,${v},1,0,0`),
  `${month(2024, 1)},440100,vocational_training,ai,4,1,0,0`,
  '',
].join('\n');

// The latest month the nation reported any training is June 2024: 2024 is the year still being reported, and a
// talent or platform figure of 2024 (reported by year) is not compared with 2023's.
// Postdoctoral stations (year's level): 2022 Beijing 45, Guangzhou 15 → national 60, Guangdong 15;
// 2023 Beijing 50, Guangzhou 20, Shenzhen 10 → national 80, Guangdong 30;
// 2024 Beijing 40, Guangdong (province row) 30, Shenzhen 12 → national 82, Guangdong 42.
// Experts serving the grassroots (year's flow): only 2022, Lhasa 7 → Tibet and the nation 7.
const talentStockRows = `year,region_code,indicator_code,value
2022,110000,postdoc_stations,45
2022,440100,postdoc_stations,15
2023,110000,postdoc_stations,50
2023,440100,postdoc_stations,20
2023,440300,postdoc_stations,10
2024,110000,postdoc_stations,40
2024,440000,postdoc_stations,30
2024,440300,postdoc_stations,12
2022,540100,expert_service,7
`;

let db: FixtureDb;
beforeAll(async () => {
  db = await buildFixtureDb(
    { 'training.csv': trainingRows, 'talent_stock.csv': talentStockRows },
    fileURLToPath(new URL('../fixtures/talent-stock/reference', import.meta.url)),
  );
});
afterAll(() => db.close());

type Row = Record<string, unknown>;
const byCode = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.program_code, r]));
const headline = (r: Row) => ({
  measure: r.measure,
  region_code: r.region_code,
  year: r.year,
  period: r.period,
  period_complete: r.period_complete,
  value: r.value,
  previous_period: r.previous_period,
  previous_value: r.previous_value,
  annual_target: r.annual_target,
});

describe('programme-headlines', () => {
  it('gives every programme one row, the nation by default, each in its own latest year', async () => {
    const rows = await runByParams(db.connection, definition);
    expect(rows.map((r) => r.program_code)).toEqual(['expert_service', 'knowledge_renewal', 'postdoc_stations', 'vocational_training']);
    const h = byCode(rows);
    expect(headline(h.knowledge_renewal)).toEqual({
      measure: 'cumulative',
      region_code: '000000',
      year: 2024,
      period: '2024-01/2024-06',
      period_complete: false,
      value: 350,
      previous_period: '2023-01/2023-06',
      previous_value: 90,
      annual_target: 1000,
    });
    expect(h.knowledge_renewal.change_on_previous_year).toBeCloseTo(350 / 90 - 1, 12);
    expect(h.knowledge_renewal).toMatchObject({ action_code: 'high_end', unit_en: 'person-times', name_en: 'Knowledge-renewal project' });
    // January 2023 was not reported: Jan–Mar 2024 has nothing like for like to compare with.
    expect(headline(h.vocational_training)).toEqual({
      measure: 'cumulative',
      region_code: '000000',
      year: 2024,
      period: '2024-01/2024-03',
      period_complete: false,
      value: 40,
      previous_period: '2023-01/2023-03',
      previous_value: null,
      annual_target: null,
    });
    expect(h.vocational_training.change_on_previous_year).toBeNull();
    // 2024 is still being reported: its level is not compared with the end of 2023.
    expect(headline(h.postdoc_stations)).toEqual({
      measure: 'level',
      region_code: '000000',
      year: 2024,
      period: '2024',
      period_complete: false,
      value: 82,
      previous_period: '2023',
      previous_value: null,
      annual_target: null,
    });
    expect(h.postdoc_stations.change_on_previous_year).toBeNull();
    expect(headline(h.expert_service)).toEqual({
      measure: 'flow',
      region_code: '000000',
      year: 2022,
      period: '2022',
      period_complete: true,
      value: 7,
      previous_period: '2021',
      previous_value: null,
      annual_target: null,
    });
  });

  it("reads a province's own figures, and says nothing (null, not 0) where it reported nothing", async () => {
    const gd = byCode(await runByParams(db.connection, definition, { region: '440000' }));
    expect([gd.knowledge_renewal.region_code, gd.knowledge_renewal.value, gd.knowledge_renewal.previous_value]).toEqual([
      '440000',
      230,
      60,
    ]);
    expect(gd.knowledge_renewal.change_on_previous_year).toBeCloseTo(230 / 60 - 1, 12);
    // The national target is not Guangdong's.
    expect(gd.knowledge_renewal.annual_target).toBeNull();
    expect([gd.postdoc_stations.value, gd.postdoc_stations.previous_value]).toEqual([42, null]);
    expect(gd.expert_service.value).toBeNull();

    const xz = byCode(await runByParams(db.connection, definition, { region: '540000' }));
    expect([xz.knowledge_renewal.period, xz.knowledge_renewal.value, xz.knowledge_renewal.previous_value]).toEqual([
      '2024-01/2024-06',
      null,
      null,
    ]);
    expect([xz.postdoc_stations.period, xz.postdoc_stations.value]).toEqual(['2024', null]);
    expect([xz.expert_service.period, xz.expert_service.value]).toEqual(['2022', 7]);
  });

  it('reads the chosen year for every programme, naming it even where nothing was reported', async () => {
    const y2023 = byCode(await runByParams(db.connection, definition, { year: '2023' }));
    // Knowledge renewal 2023: all twelve months, Guangzhou 120 + Beijing 30; nothing in 2022 to compare with.
    expect(headline(y2023.knowledge_renewal)).toMatchObject({
      period: '2023',
      period_complete: true,
      value: 150,
      previous_period: '2022',
      previous_value: null,
      annual_target: null,
    });
    // Vocational training 2023: January to December as reported (February–December, 11 × 7).
    expect([y2023.vocational_training.period, y2023.vocational_training.value]).toEqual(['2023', 77]);
    // A whole year of talent data: 2023 against 2022, national 80 against 60, Guangdong 30 against 15.
    expect(headline(y2023.postdoc_stations)).toMatchObject({ period: '2023', period_complete: true, value: 80, previous_value: 60 });
    expect(y2023.postdoc_stations.change_on_previous_year).toBeCloseTo(80 / 60 - 1, 12);
    const gd2023 = byCode(await runByParams(db.connection, definition, { year: '2023', region: '440000' }));
    expect([
      gd2023.postdoc_stations.value,
      gd2023.postdoc_stations.previous_value,
      gd2023.postdoc_stations.change_on_previous_year,
    ]).toEqual([30, 15, 1]);

    const y2022 = byCode(await runByParams(db.connection, definition, { year: '2022' }));
    expect(headline(y2022.knowledge_renewal)).toMatchObject({ year: 2022, period: '2022', period_complete: false, value: null });
    expect([y2022.expert_service.value, y2022.postdoc_stations.value, y2022.postdoc_stations.previous_period]).toEqual([7, 60, '2021']);
  });
});
