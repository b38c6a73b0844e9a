import { describe, expect, it } from 'vitest';
import type { Code } from '../../web/src/data/references.js';
import { translator } from '../../web/src/i18n/index.js';
import { medalColors } from '../../web/src/ui/theme.js';
import { competitionHeadings, competitionTrendModel, medalTableModel } from '../../web/src/view-models/competitions.js';
import { provinces, queryRow, resultOf } from './view-fixtures.js';

const en = { lang: 'en' as const, t: translator('en') };
const zh = { lang: 'zh' as const, t: translator('zh') };
const competitions: Code[] = [
  { code: 'worldskills', name_zh: '世界技能大赛', name_en: 'WorldSkills', parent: null },
  { code: 'national', name_zh: '全国技能大赛', name_en: 'National Skills Competition', parent: null },
];

describe("the cards' unit lines", () => {
  const lists = { ...en, competitions, provinces };
  it('name the competition, the year or all years, and the province or the nation', () => {
    expect(competitionHeadings({ competition: 'worldskills', year: '2024', scope: 'year', region: '440000' }, lists)).toEqual({
      competitionName: 'WorldSkills',
      table: 'WorldSkills · 2024 · medals',
      medals: 'WorldSkills · Guangdong · medals',
      entrants: 'WorldSkills · Guangdong · persons',
    });
    expect(competitionHeadings({ competition: '', year: '', scope: 'all_years', region: '' }, lists)).toMatchObject({
      table: 'All competitions · All years · medals',
      medals: 'All competitions · National · medals',
    });
    expect(competitionHeadings({ competition: 'x', year: '', scope: 'year', region: '' }, lists).table).toBe('x · Latest year · medals');
  });
});

describe('the medal table', () => {
  const resultRow = queryRow('competition-results');
  const rows = [
    resultRow({
      year: 2025,
      name_zh: '广东省',
      name_en: 'Guangdong',
      rank: 1,
      gold: 3,
      silver: 1,
      bronze: 0,
      medals: 4,
      entrants: 20,
      excellence: 2,
      score: 11,
    }),
    resultRow({
      year: 2025,
      name_zh: '北京市',
      name_en: 'Beijing',
      rank: 2,
      gold: 1,
      silver: 1,
      bronze: 1,
      medals: 3,
      entrants: 10,
      score: 6,
    }),
    resultRow({ year: 2025, name_zh: '上海市', name_en: 'Shanghai', rank: 3, gold: 0, silver: null, bronze: 0, medals: 0, entrants: 1 }),
    resultRow({ year: 2025, name_zh: '西藏自治区', name_en: 'Tibet', rank: 31, medals: 0, entrants: 0 }),
  ];
  const model = medalTableModel(resultOf(rows), { ...en, competitionName: 'WorldSkills' })!;

  it('leaves out provinces without a medal or an entrant, and stacks gold, silver and bronze', () => {
    expect(model.rows.map((r) => [r.label, r.values, r.note])).toEqual([
      ['1. Guangdong', { gold: 3, silver: 1, bronze: 0 }, '4'],
      ['2. Beijing', { gold: 1, silver: 1, bronze: 1 }, '3'],
      ['3. Shanghai', { gold: 0, silver: 0, bronze: 0 }, '0'],
    ]);
    expect(model.rows[0].detail).toBe('Medallions for excellence: 2\nEntrants: 20\nWeighted score: 11');
    expect(model.table.rows).toHaveLength(3);
    expect(model.segments).toEqual([
      { key: 'gold', label: 'Gold', color: medalColors.gold },
      { key: 'silver', label: 'Silver', color: medalColors.silver },
      { key: 'bronze', label: 'Bronze', color: medalColors.bronze },
    ]);
  });

  it('states the period on the axis and the top three in the summary', () => {
    expect(model.xLabel).toBe('medals (2025)');
    expect(model.period).toBe('2025'); // the card's unit line ends with the year shown, chosen or the latest
    expect(model.summary).toBe('WorldSkills (2025), top three: Guangdong (gold 3), Beijing (gold 1), Shanghai (gold 0).');
    const allYears = rows.map((r) => ({ ...r, year: null, from_year: 2010, to_year: 2025 }));
    const zhModel = medalTableModel(resultOf(allYears), { ...zh, competitionName: '全部赛事' })!;
    expect(zhModel.rows[0].label).toBe('1. 广东');
    expect(zhModel.xLabel).toBe(`${translator('zh')('medalsUnit')}（2010–2025）`);
    expect(zhModel.period).toBe('2010–2025年');
  });

  it('is empty when no province took part', () => {
    expect(medalTableModel(resultOf([rows[3]]), { ...en, competitionName: 'WorldSkills' })).toBeNull();
  });
});

describe('the trends of medals and entrants', () => {
  const trendRow = queryRow('competition-trend');
  const result = resultOf([
    trendRow({ year: 2023, competition_code: 'worldskills', entrants: 100, medals: 5 }),
    trendRow({ year: 2024, competition_code: 'worldskills', entrants: 120, medals: 6 }),
    trendRow({ year: 2024, competition_code: 'provincial', entrants: 3_000, medals: null }),
  ]);

  it('draws a line per competition, named from the reference list or else by its code', () => {
    const model = competitionTrendModel(result, { ...en, competitions, measure: 'medals' })!;
    expect(model.series).toEqual([
      { key: 'worldskills', label: 'WorldSkills' },
      { key: 'provincial', label: 'provincial' },
    ]);
    expect(model.points).toEqual([
      { x: 2023, y: 5, series: 'worldskills' },
      { x: 2024, y: 6, series: 'worldskills' },
      { x: 2024, y: null, series: 'provincial' },
    ]);
    expect(model.yLabel).toBe('medals');
    expect(model.summary).toBe('Medals by competition, 2023–2024: WorldSkills, provincial.');
    expect(model.table.columns.map((c) => c.key)).toEqual(['year', 'competition_code', 'name_zh', 'name_en', 'medals']);
  });

  it('reads entrants in persons', () => {
    const model = competitionTrendModel(result, { ...en, competitions, measure: 'entrants' })!;
    expect(model.points.map((p) => p.y)).toEqual([100, 120, 3_000]);
    expect([model.yLabel, model.format(3_000)]).toEqual(['persons', '3,000']);
    expect(model.summary).toBe('Entrants by competition, 2023–2024: WorldSkills, provincial.');
    expect(model.table.columns.map((c) => c.key).at(-1)).toBe('entrants');
  });
});
