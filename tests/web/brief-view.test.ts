import { describe, expect, it } from 'vitest';
import type { QueryRows } from '../../queries/contract.js';
import { translator } from '../../web/src/i18n/index.js';
import { briefRankModel, briefShortageModel } from '../../web/src/view-models/brief.js';
import { queryRow, resultOf, leagueYearOpen as open } from './view-fixtures.js';

const en = { lang: 'en' as const, t: translator('en') };
const zh = { lang: 'zh' as const, t: translator('zh') };

const leagueRow = queryRow('province-target-league');
// Four provinces ranked by pace; Shanghai has no target and no rank. Two of the three judged are behind.
const league = resultOf([
  leagueRow({ ...open, region_code: '440000', name_zh: '广东省', name_en: 'Guangdong', pace: 0.9612, status: 'on_track', rank: 1 }),
  leagueRow({ ...open, region_code: '620000', name_zh: '甘肃省', name_en: 'Gansu', pace: 0.9451, status: 'acceleration_needed', rank: 2 }),
  leagueRow({
    ...open,
    region_code: '650000',
    name_zh: '新疆维吾尔自治区',
    name_en: 'Xinjiang',
    pace: 0.5459,
    status: 'limited_progress',
    rank: 3,
  }),
  leagueRow({ ...open, region_code: '310000', name_zh: '上海市', name_en: 'Shanghai', pace: null, status: null, rank: null }),
]);

describe("the brief's place among the provinces", () => {
  it('gives the rank of the ranked provinces, the pace rounded down, the provinces behind and the period', () => {
    const model = briefRankModel(league, '620000', en)!;
    expect(model.status).toBe('acceleration_needed');
    expect(model.period).toBe('Jan–Oct 2026');
    expect(model.asOf).toBe('Through Oct 2026');
    expect(model.kpis.map((k) => [k.id, k.value])).toEqual([
      ['rank', '2 of 3'],
      ['pace', '94%'], // 0.9451 rounded down: never the 95% of "on track"
      ['behind', '2 / 3'],
    ]);
    expect(model.summary).toBe('Jan–Oct 2026: Gansu ranks 2 of 3 provinces by pace; status: Acceleration needed.');
    expect(model.table.rows).toEqual([
      expect.objectContaining({ rank: 2, of: 3, region_code: '620000', name: 'Gansu', pace: 0.9451, period: '2026-01/2026-10' }),
    ]);
    expect(model.bullet).toBeNull();
  });

  it('says it in Chinese, and has nothing for a province not in the league', () => {
    const model = briefRankModel(league, '620000', zh)!;
    expect(model.period).toBe('2026年1–10月');
    expect(model.asOf).toBe('截至2026年10月');
    expect(model.kpis[0].value).toBe('第 2 / 3 位');
    expect(briefRankModel(league, '990000', zh)).toBeNull();
  });

  it('names a finished year as a whole year', () => {
    const done = resultOf([
      leagueRow({
        ...open,
        period: '2025',
        year: 2025,
        period_complete: true,
        region_code: '620000',
        name_en: 'Gansu',
        status: 'missed',
        rank: 1,
        pace: 0.8,
      }),
    ]);
    const model = briefRankModel(done, '620000', en)!;
    expect([model.period, model.asOf]).toEqual(['2025 (full year)', '2025 (full year)']);
  });
});

describe("the brief's local shortages", () => {
  const occupationRow = queryRow('shortage-occupations');
  const rows = [1, 2, 3, 4, 5, 6, 7].map((rank) =>
    occupationRow({
      quarter: '2026Q3',
      occupation_code: `o${rank}`,
      name_zh: `职业${rank}`,
      name_en: `Occupation ${rank}`,
      rank,
      score: 100 - rank * 10,
      rank_change: 0,
    }),
  );

  it('keeps the top five, in rank order, with the quarter as the period', () => {
    const model = briefShortageModel(resultOf(rows), en)!;
    expect(model.bars.map((b) => [b.label, b.value])).toEqual([
      ['1. Occupation 1', 90],
      ['2. Occupation 2', 80],
      ['3. Occupation 3', 70],
      ['4. Occupation 4', 60],
      ['5. Occupation 5', 50],
    ]);
    expect(model.period).toBe('2026 Q3');
    expect(briefShortageModel(resultOf(rows), zh)!.period).toBe('2026年第3季度');
    expect(model.table.rows).toHaveLength(5);
  });

  it('has nothing without rows', () => {
    expect(briefShortageModel(resultOf<QueryRows['shortage-occupations']>([], ['quarter']), en)).toBeNull();
  });
});
