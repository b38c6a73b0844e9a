import { describe, expect, it } from 'vitest';
import type { QueryRows } from '../../queries/contract.js';
import { translator } from '../../web/src/i18n/index.js';
import { povertyCountiesModel } from '../../web/src/view-models/poverty-counties.js';
import { queryRow, resultOf } from './view-fixtures.js';

const en = { lang: 'en' as const, t: translator('en') };
const zh = { lang: 'zh' as const, t: translator('zh') };
const row = queryRow('poverty-counties');
type Row = QueryRows['poverty-counties'];

// Gansu's counties, January to October 2026, as poverty-counties returns them (rank order, then the total).
const period = { year: 2026, period_start: '2026-01', period_end: '2026-10', months_covered: 10, period_complete: false };
const gansu = { province_code: '620000', province_name_zh: '甘肃省', province_name_en: 'Gansu', province_per_10k: 123.23 };
const rates = { national_per_10k: 153.46, province_placements_per_10k: 0.72, national_placements_per_10k: 0.37 };
const county = (code: string, zhName: string, enName: string, prefZh: string, prefEn: string, rank: number, extra: Partial<Row>) =>
  row({
    ...period,
    ...gansu,
    ...rates,
    row_kind: 'county',
    region_code: code,
    name_zh: zhName,
    name_en: enName,
    prefecture_name_zh: prefZh,
    prefecture_name_en: prefEn,
    rank,
    ...extra,
  });
const gansuRows = [
  county('621226', '礼县', 'Li County', '陇南市', 'Longnan', 2, {
    per_10k: 144.13,
    ratio_to_national: 0.9392,
    change_on_previous_year: -0.031,
    placements_per_10k: 1.57,
  }),
  county('621027', '镇原县', 'Zhenyuan', '庆阳市', 'Qingyang', 1, {
    per_10k: 146.44,
    ratio_to_national: 0.9543,
    change_on_previous_year: 0.052,
    placements_per_10k: null,
  }),
  row({
    ...period,
    ...gansu,
    ...rates,
    row_kind: 'all',
    region_code: null,
    name_zh: '本省未摘帽贫困县合计',
    name_en: "The province's uncapped poverty counties (total)",
    per_10k: 145.2,
    ratio_to_national: 0.9462,
    change_on_previous_year: 0.01,
    placements_per_10k: 1.55,
  }),
];

describe('the 52 poverty counties card', () => {
  it("ranks a province's counties, then its total, the province and the nation, with the year's placements", () => {
    const model = povertyCountiesModel(resultOf(gansuRows), en)!;
    expect(model.period).toBe('Jan–Oct 2026');
    expect(model.columns.map((c) => c.label)).toEqual([
      'Rank',
      'County',
      'Prefecture',
      'Per 10,000 (YTD)',
      'vs nation',
      'vs same months of 2025',
      'Three Supports placements per 10,000 (2026)',
    ]);
    expect(model.rows.map((r) => [r.reference ?? false, ...r.cells])).toEqual([
      [false, '1', 'Zhenyuan', 'Qingyang', '146.4', '0.95', '+5.2%', 'not reported'],
      [false, '2', 'Li County', 'Longnan', '144.1', '0.94', '−3.1%', '1.57'],
      [true, '', 'The counties listed', '', '145.2', '0.95', '+1.0%', '1.55'],
      [true, '', 'Gansu (whole province)', '', '123.2', '', '', '0.72'],
      [true, '', 'National', '', '153.5', '1.00', '', '0.37'],
    ]);
    expect(model.bars.map((b) => [b.label, b.value])).toEqual([
      ['Zhenyuan', 146.44],
      ['Li County', 144.13],
    ]);
    expect(model.reference).toEqual({ value: 153.46, label: 'National 153.5' });
    expect(model.summary).toBe(
      'Jan–Oct 2026, 2 counties: from 144.1 per 10,000 in Li County to 146.4 in Zhenyuan; 145.2 all together, national 153.5.',
    );
  });

  it('names each county’s province when the whole nation is listed, in Chinese too', () => {
    const guangxi = county('451228', '都安瑶族自治县', "Du'an", '河池市', 'Hechi', 3, {
      province_code: '450000',
      province_name_zh: '广西壮族自治区',
      province_name_en: 'Guangxi',
      per_10k: 90,
    });
    const total = { ...gansuRows[2], province_code: null, province_per_10k: null };
    const model = povertyCountiesModel(resultOf([gansuRows[0], gansuRows[1], guangxi, total]), zh)!;
    expect(model.columns.map((c) => c.label)).toContain('省份');
    expect(model.bars.map((b) => b.label)).toEqual(['镇原县（甘肃省）', '礼县（甘肃省）', '都安瑶族自治县（广西壮族自治区）']);
    // No province line when the counties are of several provinces.
    expect(model.rows.filter((r) => r.reference).map((r) => r.cells[1])).toEqual(['所列各县合计', '全国']);
  });

  it('has no model when no county is listed', () => {
    expect(povertyCountiesModel(resultOf<Row>([], ['year']), en)).toBeNull();
  });
});
