import { describe, expect, it } from 'vitest';
import type { QueryRows } from '../../queries/contract.js';
import { translator } from '../../web/src/i18n/index.js';
import { statusStyles } from '../../web/src/ui/theme.js';
import { behindStatuses, isBehind, leagueModel, leagueTargetSource } from '../../web/src/view-models/overview-league.js';
import { provinces, queryRow, resultOf, leagueYearOpen as open } from './view-fixtures.js';

type LeagueRow = QueryRows['province-target-league'];
const leagueRow = queryRow('province-target-league');
const province = (code: string, zhName: string, enName: string, over: Partial<LeagueRow>) =>
  leagueRow({ ...open, region_code: code, name_zh: zhName, name_en: enName, ...over });

// Ranked by pace as the analytic returns them; Shanghai has no target of its own and comes last.
const rows = [
  province('440000', '广东省', 'Guangdong', {
    target: 119_926,
    cumulative_actual: 91_607,
    pace: 0.9612,
    projected_year_end: 115_267,
    status: 'on_track',
    rank: 1,
  }),
  // 0.9451 is below the 0.95 of "on track": printed 94%, never 95%.
  province('110000', '北京市', 'Beijing', {
    target: 22_386,
    cumulative_actual: 17_142,
    pace: 0.9451,
    projected_year_end: 21_157,
    status: 'acceleration_needed',
    rank: 2,
  }),
  province('650000', '新疆维吾尔自治区', 'Xinjiang', {
    target: 2_445,
    cumulative_actual: 1_149,
    pace: 0.5459,
    projected_year_end: 1_335,
    status: 'limited_progress',
    rank: 3,
  }),
  province('310000', '上海市', 'Shanghai', { target: null, cumulative_actual: null, pace: null, status: null, rank: null }),
];
const en = { lang: 'en' as const, t: translator('en'), provinces };
const zh = { lang: 'zh' as const, t: translator('zh'), provinces };

describe('the provinces behind their own targets', () => {
  it('counts acceleration needed, limited progress, falling behind and missed as behind', () => {
    expect(behindStatuses).toEqual(['acceleration_needed', 'limited_progress', 'falling_behind', 'missed']);
    expect(['on_track', 'achieved', null, 'missed', 'falling_behind'].map(isBehind)).toEqual([false, false, false, true, true]);
  });
});

describe('the league of provinces against their own targets', () => {
  const model = leagueModel(resultOf(rows), en)!;

  it('says in its headline how many of the provinces with a target are behind, and names its period', () => {
    // Beijing (acceleration needed) and Xinjiang (limited progress) of the three with a target.
    expect(model.headline).toBe('2 of 3 provinces are behind their own targets');
    expect([model.behind, model.withTarget]).toEqual([2, 3]);
    expect(model.period).toBe('Jan–Oct 2026');
    expect(leagueModel(resultOf(rows), zh)!.headline).toBe('2个省份落后于本省目标进度（共3个有目标的省份）');
    expect(model.summary).toBe(
      'Jan–Oct 2026: 2 of 3 provinces are behind their own targets. Furthest ahead: Guangdong 96%, Beijing 94%, Xinjiang 54%; furthest behind: Guangdong 96%, Beijing 94%, Xinjiang 54%.',
    );
  });

  it('colours each tile by its status, with the symbol on the tile and symbol, word and figures in its tooltip', () => {
    expect(model.tiles.map((t) => t.code)).toEqual(['110000', '310000', '440000', '650000', '810000']);
    expect(model.color.kind).toBe('category');
    expect([...model.color.tiles.keys()]).toEqual(['440000', '110000', '650000']);
    expect(model.color.tiles.get('110000')).toEqual({
      color: statusStyles.acceleration_needed.color,
      mark: '▲',
      text: '▲ Acceleration needed; Pace 94%; Cumulative actual 17,142 / Target 22,386',
    });
    // Shanghai has no target: no colour of a status (the tile map writes it as having none).
    expect(model.color.tiles.has('310000')).toBe(false);
    expect(model.color.legend).toEqual([
      { label: '● On track (1)', color: statusStyles.on_track.color },
      { label: '▲ Acceleration needed (1)', color: statusStyles.acceleration_needed.color },
      { label: '◆ Limited progress (1)', color: statusStyles.limited_progress.color },
    ]);
  });

  it('ranks the provinces in a table of printed figures, the pace rounded down, nothing reported as missing', () => {
    expect(model.columns).toEqual({
      rank: 'Rank',
      name: 'Province',
      target: 'Target',
      cumulative: 'Cumulative actual',
      pace: 'Pace',
      projected: 'Projected year end',
      status: 'Status',
    });
    expect(model.entries.map((e) => [e.rank, e.name, e.target, e.cumulative, e.pace, e.projected, e.status, e.behind])).toEqual([
      ['1', 'Guangdong', '119,926', '91,607', '96%', '115,267', 'on_track', false],
      ['2', 'Beijing', '22,386', '17,142', '94%', '21,157', 'acceleration_needed', true],
      ['3', 'Xinjiang', '2,445', '1,149', '54%', '1,335', 'limited_progress', true],
      ['', 'Shanghai', null, null, null, null, null, false],
    ]);
    expect(model.entries[0].compact).toEqual({ target: '120K', cumulative: '91.6K', projected: '115K' });
    const zhModel = leagueModel(resultOf(rows), zh)!;
    expect(zhModel.entries[0]).toMatchObject({ name: '广东省', short: '广东', target: '12万', cumulative: '9.2万' });
  });

  it('gives the table view and the CSV every figure, with the status as symbol and word', () => {
    expect(model.table.columns.map((c) => c.key)).toEqual([
      'rank',
      'region_code',
      'name',
      'target',
      'cumulative_actual',
      'share_achieved',
      'expected',
      'pace',
      'projected_year_end',
      'projected_low',
      'projected_high',
      'status',
      'status_label',
      'period',
    ]);
    expect(model.table.rows.map((r) => r.status_label)).toEqual(['● On track', '▲ Acceleration needed', '◆ Limited progress', 'No target']);
    expect(model.table.rows[1]).toMatchObject({ pace: 0.9451, period: '2026-01/2026-10' });
  });

  it('in a complete year counts the missed, and shows the actual where the projection was', () => {
    const year = { period: '2025', period_complete: true, year: 2025, as_of: '2025-12', months_elapsed: 12 };
    const complete = leagueModel(
      resultOf([
        province('440000', '广东省', 'Guangdong', { ...year, target: 100, cumulative_actual: 120, pace: 1.2, status: 'achieved', rank: 1 }),
        province('110000', '北京市', 'Beijing', {
          ...year,
          target: 100,
          cumulative_actual: 90,
          pace: 0.9,
          projected_year_end: 95,
          status: 'missed',
          rank: 2,
        }),
      ]),
      zh,
    )!;
    expect(complete.headline).toBe('1个省份未完成本省年度目标（共2个有目标的省份）');
    expect(complete.period).toBe('2025年全年');
    expect(complete.columns.projected).toBe('全年完成');
    expect(complete.entries[1]).toMatchObject({ projected: '90', status: 'missed', behind: true });
    expect(complete.color.tiles.get('110000')).toMatchObject({ color: statusStyles.missed.color, mark: '■' });
    expect(complete.color.legend.map((l) => l.label)).toEqual(['✔ 已完成（1）', '■ 未完成（1）']);
  });

  it('says so when no province has a target of its own, and is empty without rows', () => {
    const none = leagueModel(resultOf([rows[3]]), en)!;
    expect(none.headline).toBe('No province has a target of its own for the chosen year.');
    expect([none.behind, none.withTarget, none.color.legend]).toEqual([0, 0, []]);
    expect(leagueModel(resultOf<LeagueRow>([], ['region_code']), en)).toBeNull();
  });
});

describe("where the provinces' targets come from", () => {
  const withSource = (source: string | null, target: number | null = 100) => leagueRow({ ...open, target, target_source: source });
  const t = { lang: 'en' as const, t: translator('en') };

  it("says the sample's province targets are its apportionment of the national target", () => {
    const sample = [withSource('synthetic'), withSource('synthetic'), withSource(null, null)];
    expect(leagueTargetSource(sample, t)).toBe("province targets: the sample's apportionment of the national target (synthetic)");
    expect(leagueTargetSource(sample, { lang: 'zh', t: translator('zh') })).toBe('省级目标为样例按全国目标分摊的合成数据');
    const model = leagueModel(resultOf(rows.map((r) => ({ ...r, target_source: r.target === null ? null : 'synthetic' }))), en)!;
    expect(model.sourceNote).toBe("province targets: the sample's apportionment of the national target (synthetic)");
  });
  it('names other sources once each, and says nothing without province targets', () => {
    expect(leagueTargetSource([withSource('a province report'), withSource('synthetic'), withSource('a province report')], t)).toBe(
      'province targets: a province report; synthetic',
    );
    // A source on a row without a target says nothing of the league's targets.
    expect(leagueTargetSource([withSource('a plan', null)], t)).toBeNull();
    expect(leagueTargetSource([], t)).toBeNull();
  });
});
