import { describe, expect, it } from 'vitest';
import type { QueryRows } from '../../queries/contract.js';
import type { Code, Program } from '../../web/src/data/references.js';
import type { ResultSet } from '../../web/src/decode.js';
import { translator, type Lang } from '../../web/src/i18n/index.js';
import { categorical, highlight, pastYears, reference, referenceDash } from '../../web/src/ui/theme.js';
import { byRegionModel, povertyModel } from '../../web/src/view-models/training-regions.js';
import {
  byFieldModel,
  byProgramModel,
  lastFullYear,
  seasonalModel,
  trainingHeadings,
  yearsPeriod,
} from '../../web/src/view-models/training.js';

const locale = (lang: Lang) => ({ lang, t: translator(lang) });
const en = locale('en');
const zh = locale('zh');

function resultOf<R extends object>(rows: R[]): ResultSet<R> {
  return { columns: Object.keys(rows[0] ?? {}).map((name) => ({ name, type: 'string' })), rows, metadata: {} };
}

type Trend = QueryRows['training-trend'];
const trend = (period: string, personTimes: number | null, extra: Partial<Trend> = {}): Trend => ({
  period,
  person_times: personTimes,
  participants: null,
  certificates: null,
  national_person_times: null,
  share_of_national: null,
  ...extra,
});
const code = (c: string, zhName: string, enName: string) => ({ code: c, name_zh: zhName, name_en: enName, parent: null });
const programs = [code('vocational_training', '职业技能培训', 'Vocational'), code('knowledge_renewal', '知识更新', 'Renewal')] as Program[];

describe('complete years and headings', () => {
  it('counts a year as complete once its December is in', () => {
    expect(lastFullYear('2026-10')).toBe(2025);
    expect(lastFullYear('2026-12')).toBe(2026);
  });
  it('names the filters each card follows', () => {
    const names = { program: 'Vocational', region: 'Guangdong', field: 'All fields', unit: 'person-times' };
    expect(trainingHeadings(names, en)).toEqual({
      byProgram: 'Guangdong · All fields · person-times, complete years',
      byField: 'Vocational · Guangdong · person-times',
      seasonal: 'Vocational · Guangdong · All fields · person-times',
      byRegion: 'Vocational · All fields · person-times per 10,000 working-age; dashed line: national',
      poverty: 'Vocational and Three Supports placements, per 10,000 working-age people',
    });
  });
});

describe('person-times by programme', () => {
  const results = [
    resultOf([trend('2023', 100), trend('2024', 200), trend('2025', 999)]),
    resultOf([trend('2023', 250), trend('2024', 300)]),
  ];
  it('draws complete years only, one coloured line per programme, and ranks the latest year in the summary', () => {
    const model = byProgramModel(programs, results, 2024, en)!;
    expect(model.points).toEqual([
      { x: 2023, y: 100, series: 'vocational_training' },
      { x: 2024, y: 200, series: 'vocational_training' },
      { x: 2023, y: 250, series: 'knowledge_renewal' },
      { x: 2024, y: 300, series: 'knowledge_renewal' },
    ]);
    expect(model.series).toEqual([
      { key: 'vocational_training', label: 'Vocational', color: categorical[0] },
      { key: 'knowledge_renewal', label: 'Renewal', color: categorical[1] },
    ]);
    expect(model.summary).toBe('Person-times by programme in 2024: Renewal 300; Vocational 200.');
    expect(model.yLabel).toBe('Person-times');
    expect(model.table.columns.map((c) => c.key)).toEqual(['program_code', 'year', 'person_times']);
    expect(model.table.rows).toHaveLength(4);
    expect(model.period).toBe('2023–2024');
    expect(yearsPeriod([2024, 2015, 2019], 'zh')).toBe('2015–2024年');
    expect(yearsPeriod([2025], 'zh')).toBe('2025年全年');
    expect(yearsPeriod([], 'en')).toBeUndefined();
  });
  it('is empty when no complete year has data', () => {
    expect(byProgramModel(programs, results, 2020, en)).toBeNull();
  });
});

describe('person-times by field', () => {
  const fields: Code[] = [code('ai', '人工智能', 'AI'), code('marine', '海洋经济', 'Marine'), code('health', '医疗健康', 'Health')];
  it('keeps every point in the table but gives a line only to fields with some volume', () => {
    const results = [
      resultOf([trend('2024', 10, { participants: 8, certificates: 2 })]),
      resultOf([trend('2024', 0)]),
      resultOf([trend('2024', 30)]),
    ];
    const model = byFieldModel(fields, results, 2025, 'person-times', zh)!;
    expect(model.series.map((s) => [s.key, s.label, s.color])).toEqual([
      ['ai', '人工智能', categorical[0]],
      ['health', '医疗健康', categorical[1]],
    ]);
    expect(model.points).toHaveLength(3);
    expect(model.summary).toBe('各领域（人工智能、医疗健康）培训规模，至2025年。');
    expect(model.table.rows[0]).toEqual({ field_code: 'ai', year: 2024, person_times: 10, participants: 8, certificates: 2 });
    expect(model.yLabel).toBe('person-times');
  });
});

describe('the seasonal profile', () => {
  const months = (year: number, peak: number) =>
    Array.from({ length: 12 }, (_, i) => trend(`${year}-${String(i + 1).padStart(2, '0')}`, i + 1 === peak ? 500 : 100));
  it('draws the last four years, the current one highlighted and past ones in greys, and names the last full year’s peak', () => {
    const rows = [
      ...months(2021, 1),
      ...months(2022, 2),
      ...months(2023, 3),
      ...months(2024, 4),
      ...months(2025, 6).slice(0, 10),
      trend('2025', 1),
    ];
    const model = seasonalModel(resultOf(rows), 'person-times', en)!;
    expect(model.series).toEqual([
      { key: '2022', label: '2022', color: pastYears[0], strokeWidth: 2 },
      { key: '2023', label: '2023', color: pastYears[1], strokeWidth: 2 },
      { key: '2024', label: '2024', color: pastYears[2], strokeWidth: 2 },
      { key: '2025', label: '2025', color: highlight, strokeWidth: 3 },
    ]);
    expect(model.points).toHaveLength(12 * 3 + 10);
    expect(model.points[0]).toEqual({ x: 1, y: 100, series: '2022' });
    expect(model.summary).toBe('Monthly volume in 2022, 2023, 2024, 2025; the last complete year peaked in month 4.');
    // January 2022 to October 2025: the months drawn.
    expect(model.period).toBe('Jan 2022 – Oct 2025');
    expect(model.table.rows).toHaveLength(rows.length);
  });
  it('is empty without monthly rows', () => {
    expect(seasonalModel(resultOf([trend('2025', 1)]), '', en)).toBeNull();
  });
});

describe('person-times per 10,000 by province', () => {
  type RegionRow = QueryRows['training-by-region'];
  const region = (regionCode: string, nameZh: string, nameEn: string, personTimes: number, workingAge: number, rank: number): RegionRow =>
    ({
      year: 2025,
      period_start: '2025-01',
      period_end: '2025-12',
      months_covered: 12,
      period_complete: true,
      region_code: regionCode,
      name_zh: nameZh,
      name_en: nameEn,
      person_times: personTimes,
      working_age: workingAge,
      per_10k: (personTimes / workingAge) * 1e4,
      per_10k_annualised: (personTimes / workingAge) * 1e4,
      share_of_national: 0.25,
      change_on_previous_year: 0.1,
      rank_by: 'rate',
      rank,
    }) as RegionRow;
  const rows = [
    region('110000', '北京市', 'Beijing', 1_000, 1_000_000, 3),
    region('440000', '广东省', 'Guangdong', 6_000, 2_000_000, 1),
    region('650000', '新疆维吾尔自治区', 'Xinjiang', 2_000, 1_000_000, 2),
    region('310000', '上海市', 'Shanghai', 500, 1_000_000, 4),
  ];
  it('ranks the provinces by rate, highlights the chosen one, and draws the mainland rate as the reference', () => {
    const model = byRegionModel(resultOf(rows), '650000', 'person-times', en)!;
    expect(model.bars.map((b) => [b.label, b.value, b.highlight])).toEqual([
      ['Guangdong', 30, false],
      ['Xinjiang', 20, true],
      ['Beijing', 10, false],
      ['Shanghai', 5, false],
    ]);
    // (1,000 + 6,000 + 2,000 + 500) / 5,000,000 working-age × 10,000 = 19
    expect(model.reference).toEqual({ value: 19, label: 'National 19' });
    expect(model.summary).toBe('Highest per 10,000 in 2025 (full year): Guangdong 30, Xinjiang 20, Beijing 10; national 19.');
    expect(model.period).toBe('2025 (full year)');
    expect(model.xLabel).toBe('per 10,000 working-age');
    expect(model.bars[0].detail).toBe(
      'Per 10,000: 30\nPerson-times: 6,000 person-times\nShare of national: 25.0%\nChange on previous year: +10.0%\nRank: 1',
    );
  });
  it('labels a year still being reported as year to date, and its change as against the same months a year before', () => {
    // January to October 2026: Guangdong's 6,000 over 2,000,000 is 30 per 10,000 so far, 36 over twelve months.
    const partYear = rows.map((r) => ({
      ...r,
      year: 2026,
      period_start: '2026-01',
      period_end: '2026-10',
      months_covered: 10,
      period_complete: false,
      per_10k_annualised: (Number(r.per_10k) * 12) / 10,
    }));
    const model = byRegionModel(resultOf(partYear), '', 'person-times', en)!;
    expect(model.period).toBe('Jan–Oct 2026');
    expect(model.xLabel).toBe('per 10,000 working-age, year to date');
    expect(model.summary).toBe('Highest per 10,000 in Jan–Oct 2026: Guangdong 30, Xinjiang 20, Beijing 10; national 19.');
    expect(model.bars[0].detail!.split('\n')).toEqual([
      'Per 10,000 (year to date): 30; annualised 36',
      'Person-times: 6,000 person-times',
      'Share of national: 25.0%',
      'vs same months of 2025: +10.0%',
      'Rank: 1',
    ]);
    const zhModel = byRegionModel(resultOf(partYear), '', '人次', zh)!;
    expect(zhModel.period).toBe('2026年1–10月');
    expect(zhModel.xLabel).toBe('每万名劳动年龄人口（年初至今）');
    expect(zhModel.bars[0].detail!.split('\n')[3]).toBe('同比（与2025年同期）：+10.0%');
  });
  it('has no reference without working-age people, and is empty without rows', () => {
    const model = byRegionModel(resultOf(rows.map((r) => ({ ...r, working_age: null }))), '', '', zh)!;
    expect(model.reference).toBeUndefined();
    expect(model.summary).toContain('–');
    expect(byRegionModel(resultOf<RegionRow>([]), '', '', en)).toBeNull();
  });
});

describe('the former poverty areas against the nation', () => {
  type PovertyRow = QueryRows['poverty-areas'];
  const year = (y: number, area: number, nation: number, areaPlacements: number | null, nationPlacements: number | null): PovertyRow => ({
    year: y,
    area_person_times: null,
    area_working_age: null,
    area_per_10k: area,
    national_per_10k: nation,
    ratio_to_national: area / nation,
    area_placements: null,
    area_placements_per_10k: areaPlacements,
    national_placements_per_10k: nationPlacements,
  });
  it('draws training and placements side by side for complete years, the areas highlighted against the dashed nation', () => {
    const model = povertyModel(
      resultOf([year(2023, 120, 100, 0.5, 0.4), year(2024, 150, 100, 0.6, 0.4), year(2025, 1, 1, 1, 1)]),
      2024,
      en,
    )!;
    expect(model.panels.map((p) => p.title)).toEqual(['Person-times per 10k', 'Three Supports placements per 10k']);
    expect(model.panels[0].points).toEqual([
      { x: 2023, y: 120, series: 'areas' },
      { x: 2023, y: 100, series: 'nation' },
      { x: 2024, y: 150, series: 'areas' },
      { x: 2024, y: 100, series: 'nation' },
    ]);
    expect(model.panels[0].format(12.345)).toBe('12.3');
    expect(model.panels[1].format(0.456)).toBe('0.46');
    expect(model.panels[1].empty).toBe('No data for the current filters. Try changing them.');
    expect(model.series).toEqual([
      { key: 'areas', label: 'Poverty areas', color: highlight, strokeWidth: 2.5 },
      { key: 'nation', label: 'National', color: reference, dash: referenceDash },
    ]);
    expect(model.note).toBeNull();
    expect(model.summary).toBe(
      'In 2024, 150 person-times per 10,000 in the poverty areas against 100 nationally: 1.50 times the national rate.',
    );
    expect(model.period).toBe('2023–2024');
  });
  it('notes when placements are known for the nation only', () => {
    const model = povertyModel(resultOf([year(2024, 150, 100, null, 0.4)]), 2024, en)!;
    expect(model.note).toBe(
      'The areas have no Three Supports records (typical when placements are reported by province only): only the nation is shown.',
    );
    expect(povertyModel(resultOf([year(2024, 150, 100, null, null)]), 2024, en)!.note).toBeNull();
  });
});
