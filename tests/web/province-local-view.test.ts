import { describe, expect, it } from 'vitest';
import type { QueryRows } from '../../queries/contract.js';
import { translator } from '../../web/src/i18n/index.js';
import { catalogueModel, povertyPrefecturesModel } from '../../web/src/view-models/province-local.js';
import { queryRow, resultOf } from './view-fixtures.js';

const en = { lang: 'en' as const, t: translator('en') };
type CatRow = QueryRows['catalogue-in-province'];
type PovRow = QueryRows['poverty-prefectures'];
const catRow = queryRow('catalogue-in-province');
const povRow = queryRow('poverty-prefectures');

describe("a province's catalogue occupations", () => {
  const zone = {
    quarter: '2026Q3',
    province_code: '440000',
    zone_code: 'gba',
    zone_name_zh: '粤港澳大湾区',
    zone_name_en: 'Greater Bay Area',
    theta: 1.5,
  };
  it('lists the tight ones first by rank, then the others, with the local, zone and national ratios', () => {
    const result = resultOf([
      catRow({
        ...zone,
        occupation_code: 'b',
        name_zh: '焊工',
        name_en: 'Welders',
        ratio: 1.2,
        tight: false,
        rank: 3,
        zone_ratio: 1.4,
        national_ratio: 1.1,
      }),
      catRow({
        ...zone,
        occupation_code: 'a',
        name_zh: '人工智能',
        name_en: 'AI engineers',
        ratio: 3.44,
        tight: true,
        rank: 1,
        zone_ratio: 3.82,
        national_ratio: 2.14,
      }),
      catRow({
        ...zone,
        occupation_code: 'c',
        name_zh: '电商',
        name_en: 'E-commerce',
        ratio: 2,
        tight: true,
        rank: 2,
        zone_ratio: 2.5,
        national_ratio: 1.5,
      }),
      catRow({
        ...zone,
        occupation_code: 'd',
        name_zh: '无',
        name_en: 'Unreported',
        ratio: null,
        tight: null,
        rank: null,
        zone_ratio: 1,
        national_ratio: 1,
      }),
    ]);
    const model = catalogueModel(result, { ...en, provinceName: 'Guangdong' });
    expect(model.message).toBeNull();
    expect(model.period).toBe('2026 Q3');
    expect(model.rows.map((r) => r.cells)).toEqual([
      ['AI engineers', '▲ Tight', '3.44', '3.82', '2.14'],
      ['E-commerce', '▲ Tight', '2.00', '2.50', '1.50'],
      ['Welders', '○ Not tight', '1.20', '1.40', '1.10'],
      ['Unreported', '–', '–', '1.00', '1.00'],
    ]);
    expect(model.summary).toBe(
      'Of the 4 occupations of the Greater Bay Area catalogue, 2 are tight in Guangdong (ratio above 1.5): AI engineers 3.44, E-commerce 2.00.',
    );
    expect(model.sourceNote).toBe('Catalogue: Greater Bay Area');
  });
  it('says so for a province in no strategic zone', () => {
    const model = catalogueModel(resultOf<CatRow>([], ['quarter']), { ...en, provinceName: 'Gansu' });
    expect(model.message).toBe('Gansu is in no strategic zone, so it has no urgently-needed catalogue.');
    expect(model.rows).toEqual([]);
  });
});

describe('the poverty areas prefecture by prefecture', () => {
  const part = {
    year: 2026,
    period_start: '2026-01',
    period_end: '2026-10',
    months_covered: 10,
    period_complete: false,
    province_code: '620000',
    province_name_zh: '甘肃省',
    province_name_en: 'Gansu',
    province_per_10k: 123.25,
    national_per_10k: 153.51,
  };
  it('gives each prefecture, then the group totals, then the province and the nation', () => {
    const result = resultOf([
      povRow({
        ...part,
        row_kind: 'group',
        poverty_group: 'three_states',
        name_en: 'Three states (total)',
        per_10k: 107.04,
        ratio_to_national: 0.6972,
        change_on_previous_year: 0.0164,
      }),
      povRow({
        ...part,
        row_kind: 'prefecture',
        poverty_group: 'three_states',
        region_code: '622900',
        name_en: 'Linxia',
        per_10k: 107.04,
        ratio_to_national: 0.6972,
        change_on_previous_year: 0.0164,
      }),
      povRow({
        ...part,
        row_kind: 'prefecture',
        poverty_group: 'three_districts',
        region_code: '623000',
        name_en: 'Gannan',
        per_10k: 138.84,
        ratio_to_national: 0.9044,
        change_on_previous_year: 0.0415,
      }),
      povRow({
        ...part,
        row_kind: 'all',
        name_en: 'Both (total)',
        per_10k: 115.6,
        ratio_to_national: 0.753,
        change_on_previous_year: 0.02,
      }),
    ]);
    const model = povertyPrefecturesModel(result, en)!;
    expect(model.period).toBe('Jan–Oct 2026');
    expect(model.rows.map((r) => [r.code, r.reference ?? false, ...r.cells])).toEqual([
      ['623000', false, 'Gannan', '138.8', '0.90', '+4.2%'],
      ['622900', false, 'Linxia', '107', '0.70', '+1.6%'],
      [null, true, 'Three states (total)', '107', '0.70', '+1.6%'],
      [null, true, 'Both (total)', '115.6', '0.75', '+2.0%'],
      [null, true, 'Gansu (whole province)', '123.3', '', ''],
      [null, true, 'National', '153.5', '1.00', ''],
    ]);
    expect(model.columns.map((c) => c.label)).toEqual(['Area', 'Per 10,000 (YTD)', 'vs nation', 'vs same months of 2025']);
    expect(model.summary).toBe('Jan–Oct 2026, Gannan, Linxia: 138.8, 107 per 10,000; national 153.5.');
    expect(povertyPrefecturesModel(resultOf<PovRow>([], ['year']), en)).toBeNull();
  });
});
