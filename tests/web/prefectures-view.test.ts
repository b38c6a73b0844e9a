import { describe, expect, it } from 'vitest';
import { translator } from '../../web/src/i18n/index.js';
import { prefectureMapModel, prefectureShort, prefectureTrendModel } from '../../web/src/view-models/prefectures.js';
import { queryRow, resultOf } from './view-fixtures.js';

const regionRow = queryRow('training-by-region');
const trendRow = queryRow('prefecture-trend');
const en = { lang: 'en' as const, t: translator('en') };
const zh = { lang: 'zh' as const, t: translator('zh') };

// Two prefectures over Jan–Oct 2026: Lanzhou 150 per 10,000 (rank 1), Linxia 100 (rank 2); Gansu 120, the nation 140.
const part = {
  year: 2026,
  period_start: '2026-01',
  period_end: '2026-10',
  months_covered: 10,
  period_complete: false,
  parent_per_10k: 120,
  national_per_10k: 140,
};
const rows = [
  regionRow({
    ...part,
    region_code: '622900',
    name_zh: '临夏回族自治州',
    name_en: 'Linxia Hui Autonomous Prefecture',
    person_times: 1000,
    per_10k: 100,
    change_on_previous_year: -0.05,
    rank: 2,
  }),
  regionRow({
    ...part,
    region_code: '620100',
    name_zh: '兰州市',
    name_en: 'Lanzhou',
    person_times: 3000,
    per_10k: 150,
    change_on_previous_year: 0.1,
    rank: 1,
  }),
];

describe('the prefectures of a province', () => {
  it('shortens prefecture names', () => {
    expect(prefectureShort('兰州市', 'Lanzhou', 'zh')).toBe('兰州');
    expect(prefectureShort('临夏回族自治州', 'Linxia Hui Autonomous Prefecture', 'zh')).toBe('临夏');
    expect(prefectureShort('甘南藏族自治州', 'Gannan Tibetan Autonomous Prefecture', 'en')).toBe('Gannan');
  });

  it('colours by the rate and ranks the prefectures, the province and the nation as reference rows', () => {
    const model = prefectureMapModel(resultOf(rows), { ...en, provinceName: 'Gansu' })!;
    expect(model.period).toBe('Jan–Oct 2026');
    expect([...model.values]).toEqual([
      ['622900', 100],
      ['620100', 150],
    ]);
    expect(model.names.get('622900')).toBe('Linxia Hui Autonomous Prefecture');
    expect(model.shortNames.get('622900')).toBe('Linxia');
    // The scale reaches the reference rates too: 100 (Linxia) to 150 (Lanzhou), 120 and 140 inside.
    expect(model.color.domain).toEqual([100, 150]);
    expect(model.rows.map((r) => [r.code, ...r.cells])).toEqual([
      ['620100', '1', 'Lanzhou', '150', '3,000', '+10.0%'],
      ['622900', '2', 'Linxia Hui Autonomous Prefecture', '100', '1,000', '−5.0%'],
      [null, '', 'Gansu (whole province)', '120', '', ''],
      [null, '', 'National', '140', '', ''],
    ]);
    expect(model.columns.at(-1)!.label).toBe('vs same months of 2025');
    expect(model.format(150)).toBe('150 person-times per 10,000 working-age (year to date)');
    expect(model.summary).toContain('1 above the province (120)');
    expect(prefectureMapModel(resultOf([]), { ...en, provinceName: 'Gansu' })).toBeNull();
  });

  it("gives a prefecture's whole years beside its province and the nation, the year in progress in a note", () => {
    const whole = (period: string, per: number, prov: number, nat: number, pt: number) =>
      trendRow({
        period,
        period_complete: true,
        months_covered: 12,
        period_start: `${period}-01`,
        period_end: `${period}-12`,
        prefecture_code: '620100',
        name_zh: '兰州市',
        name_en: 'Lanzhou',
        province_name_zh: '甘肃省',
        province_name_en: 'Gansu',
        per_10k: per,
        province_per_10k: prov,
        national_per_10k: nat,
        person_times: pt,
      });
    const result = resultOf([
      whole('2024', 140, 110, 150, 42000),
      whole('2025', 160, 120, 155, 48000),
      trendRow({ ...whole('2026', 147.37, 123.25, 153.51, 44483), period_complete: false, months_covered: 10, period_end: '2026-10' }),
    ]);
    const model = prefectureTrendModel(result, zh)!;
    expect(model.period).toBe('2024–2025年');
    expect(model.panels[0].points.filter((p) => p.series === 'prefecture').map((p) => [p.x, p.y])).toEqual([
      [2024, 140],
      [2025, 160],
    ]);
    expect(model.panels[0].points.filter((p) => p.series === 'nation').map((p) => p.y)).toEqual([150, 155]);
    expect(model.panels[1].points.map((p) => p.y)).toEqual([42000, 48000]);
    expect(model.series.map((s) => s.label)).toEqual(['兰州市', '甘肃省', '全国']);
    expect(model.note).toBe('2026年1–10月（年初至今，不与全年比较）：兰州市每万人147.4，甘肃省123.3，全国153.5。');
  });
});
