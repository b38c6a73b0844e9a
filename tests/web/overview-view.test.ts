import { describe, expect, it } from 'vitest';
import type { QueryRows } from '../../queries/contract.js';
import type { Code, Program, Province } from '../../web/src/data/references.js';
import type { ResultSet } from '../../web/src/decode.js';
import { translator, type Lang } from '../../web/src/i18n/index.js';
import { noStatus, neutral, statusStyles } from '../../web/src/ui/theme.js';
import { actionsModel, comparisonText, headlineOf, measuredPeriod, multiYearModel } from '../../web/src/view-models/overview-actions.js';
import { pathModel, progressModel, targetHeadings } from '../../web/src/view-models/overview.js';
import { scopeNames } from '../../web/src/view-models/scope.js';

const locale = (lang: Lang) => ({ lang, t: translator(lang) });
const en = locale('en');
const zh = locale('zh');

/** A result set as the client decodes it: the rows, their columns by name. */
function resultOf<R extends object>(rows: R[]): ResultSet<R> {
  return { columns: Object.keys(rows[0] ?? {}).map((name) => ({ name, type: 'string' })), rows, metadata: {} };
}

const program = (code: string, action: string, factTable: string, names: [string, string], units: [string, string]): Program => ({
  code,
  name_zh: names[0],
  name_en: names[1],
  parent: action,
  action,
  factTable,
  metric: factTable === 'training' ? 'person_times' : 'value',
  aggregation: 'sum',
  unit_zh: units[0],
  unit_en: units[1],
});
const renewal = program('knowledge_renewal', 'high_end', 'training', ['知识更新工程', 'Knowledge renewal'], ['人次', 'person-times']);
const postdocs = program('postdoc_recruits', 'high_end', 'talent_stock', ['博士后招收', 'Postdocs recruited'], ['人', 'persons']);
const vocational = program(
  'vocational_training',
  'skills_china',
  'training',
  ['职业技能培训', 'Vocational training'],
  ['人次', 'person-times'],
);
const guangdong = { code: '440000', name_zh: '广东省', name_en: 'Guangdong' } as Province;
const action = (code: string, zhName: string, enName: string): Code => ({ code, name_zh: zhName, name_en: enName, parent: null });
const refs = { programs: [vocational, renewal, postdocs], provinces: [guangdong], fields: [] as Code[] };

type Progress = QueryRows['annual-target-progress'];
const progressRow = (over: Partial<Progress> = {}): Progress => ({
  program_code: 'knowledge_renewal',
  name_zh: '知识更新工程',
  name_en: 'Knowledge renewal',
  unit_zh: '人次',
  unit_en: 'person-times',
  region_code: '000000',
  year: 2026,
  as_of: '2026-10',
  months_elapsed: 10,
  period: '2026-01/2026-10',
  period_complete: false,
  target: 1_000_000,
  cumulative_actual: 800_000,
  share_achieved: 0.8,
  expected_linear: 833_333,
  expected_seasonal: 750_000,
  seasonal_years: 3,
  expected_basis: 'seasonal',
  expected: 750_000,
  pace: 1.0667,
  required_monthly_rate: 100_000,
  recent_monthly_rate: 90_000,
  projection_basis: 'seasonal',
  projected_year_end: 1_050_000,
  projected_low: 980_000,
  projected_high: 1_120_000,
  projected_year_end_run_rate: 1_000_000,
  status: 'on_track',
  ...over,
});

describe('the headings name the programme, the region and the unit', () => {
  it('names a known programme and province, the nation for no region, and a code it does not know as itself', () => {
    expect(scopeNames(refs, { program: 'knowledge_renewal', region: '440000' }, en)).toEqual({
      program: 'Knowledge renewal',
      region: 'Guangdong',
      field: 'All fields',
      unit: 'person-times',
    });
    expect(scopeNames(refs, { program: 'knowledge_renewal', region: '' }, zh).region).toBe('全国');
    expect(scopeNames(refs, { program: 'no_such', region: '990000', field: 'ai' }, en)).toEqual({
      program: 'no_such',
      region: '990000',
      field: 'ai',
      unit: '',
    });
  });
  it('writes the unit lines of the progress and path cards', () => {
    const names = scopeNames(refs, { program: 'knowledge_renewal', region: '440000' }, en);
    expect(targetHeadings(names, en)).toEqual({
      progress: 'Knowledge renewal · Guangdong · person-times',
      path: 'Knowledge renewal · Guangdong · cumulative, person-times',
    });
    expect(targetHeadings(scopeNames(refs, { program: 'knowledge_renewal', region: '' }, zh), zh).path).toBe(
      '知识更新工程 · 全国 · 累计，人次',
    );
  });
});

describe('the annual target progress card', () => {
  it('states the figures, the status and the share of the target against the share expected, for the months covered', () => {
    const model = progressModel(resultOf([progressRow()]), en)!;
    expect(model.summary).toBe(
      'Through Oct 2026: 800,000 person-times against an annual target of 1,000,000 (80.0%); status: On track; projected year end 1,050,000.',
    );
    expect(model.period).toBe('Jan–Oct 2026');
    expect(model.status).toBe('on_track');
    expect(model.asOf).toBe('Through Oct 2026 (10 months elapsed)');
    expect(model.kpis).toEqual([
      { id: 'cumulative', label: 'Cumulative actual', value: '800,000', unit: 'person-times', note: 'target 1,000,000, 80.0% achieved' },
      // 800,000 ÷ 750,000 = 1.0667: 106%, rounded down.
      { id: 'pace', label: 'Pace', value: '106%', note: 'cumulative ÷ seasonal expectation (750,000)' },
      { id: 'required', label: 'Monthly rate still needed', value: '100,000', note: 'last 3 months: 90,000 a month' },
      { id: 'projected', label: 'Projected year end', value: '1,050,000', note: 'band 980,000 – 1,120,000' },
    ]);
    expect(model.bullet).toEqual({
      rows: [
        {
          label: 'Year to date',
          achieved: 0.8,
          expected: 0.75,
          color: statusStyles.on_track.color,
          note: '',
          detail: 'Cumulative actual: 800,000\nExpected by now (seasonal expectation): 750,000',
        },
      ],
      labels: { achieved: 'Share achieved', expected: 'Expected by now', target: 'Target' },
      axis: 'Share of target',
      achievedColor: statusStyles.on_track.color,
    });
    expect(model.table.rows).toHaveLength(1);
  });
  it('writes Chinese numbers in 万 and the months as 2026年1–10月', () => {
    const model = progressModel(resultOf([progressRow({ status: 'falling_behind' })]), zh)!;
    expect(model.summary).toBe('截至2026年10月累计完成 80万人次，年度目标 100万，完成 80.0%，状态：明显滞后；年末预计 105万。');
    expect(model.period).toBe('2026年1–10月');
    expect(model.asOf).toBe('截至2026年10月（已过 10 个月）');
    expect(model.bullet?.rows[0].label).toBe('当年累计');
    expect(model.bullet?.achievedColor).toBe(statusStyles.falling_behind.color);
  });
  it('never rounds a pace or share across a status threshold: 0.9451 is 94%, 0.99996 of the target is 99.9%', () => {
    // The sample's national row: pace 0.9451 (acceleration needed, below 0.95), 751,921 of 1,000,000 (75.19%).
    const sample = progressModel(
      resultOf([progressRow({ cumulative_actual: 751_921, share_achieved: 0.751921, pace: 0.9450831, status: 'acceleration_needed' })]),
      zh,
    )!;
    expect(sample.kpis[1].value).toBe('94%');
    expect(sample.kpis[0].note).toBe('目标 100万，完成 75.1%');
    const close = progressModel(resultOf([progressRow({ cumulative_actual: 999_960, share_achieved: 0.99996, pace: 0.99996 })]), en)!;
    expect(close.kpis[0].note).toBe('target 1,000,000, 99.9% achieved');
    expect(close.kpis[1].value).toBe('99%');
  });
  it('says a complete year is the full year: its actual, no monthly rate still needed, a missed target missed', () => {
    const year = progressRow({
      year: 2025,
      as_of: '2025-12',
      months_elapsed: 12,
      period: '2025',
      period_complete: true,
      cumulative_actual: 980_000,
      share_achieved: 0.98,
      expected: 1_000_000,
      pace: 0.98,
      required_monthly_rate: null,
      projected_year_end: 980_000,
      status: 'missed',
    });
    const model = progressModel(resultOf([year]), zh)!;
    expect(model.period).toBe('2025年全年');
    expect(model.asOf).toBe('2025年全年');
    expect(model.summary).toBe('2025年全年累计完成 98万人次，年度目标 100万，完成 98.0%，状态：未完成。');
    expect(model.kpis[2]).toEqual({
      id: 'required',
      label: '剩余月份所需月均',
      value: null,
      missing: '不适用：全年已结束',
      note: '全年已结束',
    });
    expect(model.kpis[3]).toEqual({ id: 'projected', label: '全年完成', value: '98万', note: '2025年全年' });
    expect(model.bullet?.rows[0].label).toBe('2025年全年');
    expect(model.bullet?.achievedColor).toBe(statusStyles.missed.color);
    expect(progressModel(resultOf([year]), en)!.summary).toBe(
      '2025 (full year): 980,000 person-times against an annual target of 1,000,000 (98.0%); status: Missed.',
    );
  });
  it('shows a figure not reported as missing, never as 0', () => {
    const model = progressModel(
      resultOf([
        progressRow({ cumulative_actual: null, share_achieved: null, pace: null, projected_year_end: null, recent_monthly_rate: null }),
      ]),
      en,
    )!;
    expect(model.kpis[0].value).toBeNull();
    expect(model.kpis[1].value).toBeNull();
    expect(model.kpis[3].value).toBeNull();
    expect(model.kpis[2].note).toBe('last 3 months: no data reported a month');
    expect(model.summary).toBe('Through Oct 2026: no data reported.');
    expect(progressModel(resultOf([progressRow({ cumulative_actual: null })]), zh)!.summary).toBe('截至2026年10月：未报送数据。');
    expect(model.bullet).toBeNull();
  });
  it('has no bullet without a target, and says so', () => {
    const model = progressModel(resultOf([progressRow({ target: null, share_achieved: null, pace: null, status: null })]), en)!;
    expect(model.summary).toBe('Through Oct 2026: 800,000 person-times; there is no annual target for this scope.');
    expect(model.bullet).toBeNull();
    expect(model.kpis[0].note).toBe('No annual target for this scope');
    expect(model.kpis[1]).toMatchObject({ value: null, missing: 'No annual target for this scope' });
    expect(progressModel(resultOf([progressRow({ status: null })]), en)?.bullet?.achievedColor).toBe(noStatus);
  });
  it('reads the months from the as-of month when a row does not name its period', () => {
    const model = progressModel(resultOf([progressRow({ period: null, period_complete: null })]), en)!;
    expect(model.period).toBe('Jan–Oct 2026');
  });
  it('is empty without a row', () => {
    expect(progressModel(resultOf<Progress>([]), en)).toBeNull();
  });
});

describe('the path to the annual target', () => {
  type PathRow = QueryRows['annual-target-path'];
  const month = (m: number): PathRow => {
    const past = m <= 3;
    return {
      month: `2026-${String(m).padStart(2, '0')}`,
      actual_monthly: past ? 100 : null,
      cumulative_actual: past ? 100 * m : null,
      expected_cumulative_seasonal: 90 * m,
      expected_cumulative_linear: 100 * m,
      projected_cumulative: past ? null : 100 * m + 20,
      projected_low: past ? null : 100 * m - 50,
      projected_high: past ? null : 100 * m + 50,
      target: 1_500,
    };
  };
  it('turns months into numbers 1–12 and says where the year stands', () => {
    const model = pathModel(resultOf(Array.from({ length: 12 }, (_, i) => month(i + 1))), 'person-times', en)!;
    expect(model.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(model.months[2]).toEqual({
      month: 3,
      actual: 300,
      seasonal: 270,
      linear: 300,
      projected: null,
      low: null,
      high: null,
      target: 1500,
    });
    expect(model.summary).toBe(
      'By month 3: 300 cumulative against 270 expected on the seasonal path; projected 1,220 at year end against a target of 1,500.',
    );
    expect(model.labels.unit).toBe('person-times');
    expect(model.labels.target).toBe('Target');
    // Cumulative figures for January to March: the months the card covers.
    expect(model.period).toBe('Jan–Mar 2026');
  });
  it('covers the whole year once December is in', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ ...month(i + 1), cumulative_actual: 100 * (i + 1) }));
    expect(pathModel(resultOf(rows), '人次', zh)!.period).toBe('2026年全年');
    const none = Array.from({ length: 12 }, (_, i) => ({ ...month(i + 1), cumulative_actual: null }));
    expect(pathModel(resultOf(none), '', en)!.period).toBeUndefined();
  });
  it('is empty without months', () => {
    expect(pathModel(resultOf<PathRow>([]), '', en)).toBeNull();
  });
});

describe('the eight actions', () => {
  type MultiRow = QueryRows['multi-year-target-progress'];
  const multi = (code: string, status: string | null, over: Partial<MultiRow> = {}) =>
    ({
      program_code: code,
      status,
      target: 100,
      period_start: 2021,
      period_end: 2025,
      as_of_year: 2026,
      share_achieved: 0.93159,
      ...over,
    }) as MultiRow;
  type HeadlineRow = QueryRows['programme-headlines'];
  const headlineRow = (over: Partial<HeadlineRow>): HeadlineRow =>
    ({
      program_code: 'knowledge_renewal',
      measure: 'cumulative',
      region_code: '000000',
      year: 2026,
      period: '2026-01/2026-10',
      period_complete: false,
      value: 751_921,
      previous_period: '2025-01/2025-10',
      previous_value: 810_811,
      change_on_previous_year: 751_921 / 810_811 - 1,
      annual_target: 1_000_000,
      ...over,
    }) as HeadlineRow;

  it("gives a training programme its volume in the year, the months of it, the same months' change, and its annual status", () => {
    expect(headlineOf(renewal, headlineRow({}), 'acceleration_needed', en)).toEqual({
      program: renewal,
      value: 751_921,
      unit: 'person-times',
      period: 'through Oct 2026',
      periodCode: '2026-01/2026-10',
      kind: 'training',
      status: 'acceleration_needed',
      previousPeriod: '2025-01/2025-10',
      previousValue: 810_811,
      change: 751_921 / 810_811 - 1,
    });
    // 751,921 ÷ 810,811 − 1 = −0.07263: −7.3%, against the same ten months of 2025.
    expect(comparisonText(headlineOf(renewal, headlineRow({}), null, en), en)).toBe('vs same months of 2025 −7.3%');
    expect(comparisonText(headlineOf(renewal, headlineRow({}), null, zh), zh)).toBe('同比（与2025年同期）−7.3%');
    // No annual target in the scope: no status, whatever annual-target-progress said.
    expect(headlineOf(renewal, headlineRow({ annual_target: null }), 'on_track', en).status).toBeNull();
    const year = headlineRow({ year: 2025, period: '2025', period_complete: true, previous_period: '2024' });
    expect(headlineOf(renewal, year, null, zh).period).toBe('2025年全年');
  });
  it("gives a counted programme the year's figure and the change on the previous year; none reported is null, not 0", () => {
    const row = headlineRow({
      program_code: 'postdoc_recruits',
      measure: 'flow',
      period: '2025',
      period_complete: true,
      value: 42,
      previous_period: '2024',
      previous_value: 40,
      change_on_previous_year: 0.05,
      annual_target: null,
    });
    const hl = headlineOf(postdocs, row, null, en);
    expect(hl).toMatchObject({ value: 42, unit: 'persons', period: '2025', periodCode: '2025', kind: 'level', status: null });
    expect(headlineOf(postdocs, row, null, zh).period).toBe('2025年');
    expect(comparisonText(hl, en)).toBe('Change on previous year +5.0%');
    expect(comparisonText(headlineOf(postdocs, row, null, zh), zh)).toBe('同比变化 +5.0%');
    const none = headlineOf(postdocs, { ...row, value: null, previous_value: null, change_on_previous_year: null }, null, en);
    expect([none.value, none.change, comparisonText(none, en)]).toEqual([null, null, null]);
    expect(headlineOf(postdocs, undefined, null, zh)).toMatchObject({ value: null, period: '', periodCode: '', previousPeriod: '' });
    // A flow of the year still being reported says it is the year so far (and the analytic gives no comparison).
    const part = {
      ...row,
      period: '2026',
      period_complete: false,
      previous_period: '2025',
      previous_value: null,
      change_on_previous_year: null,
    };
    expect(headlineOf(postdocs, part, null, en).period).toBe('2026 (year to date)');
    expect(headlineOf(postdocs, part, null, zh).period).toBe('2026年（年初至今）');
    expect(comparisonText(headlineOf(postdocs, part, null, en), en)).toBeNull();
  });

  const actions = [
    action('skills_china', '技能中国行动', 'Skills China'),
    action('high_end', '高端人才引领行动', 'High-end talent'),
    action('vitality', '活力', 'Vitality'),
  ];
  const training = (program: Program, value: number | null, status: string | null, change: number | null = null) => ({
    program,
    value,
    unit: 'person-times',
    period: 'through Oct 2026',
    periodCode: '2026-01/2026-10',
    kind: 'training' as const,
    status,
    previousPeriod: '2025-01/2025-10',
    previousValue: null,
    change,
  });
  const headlines = [
    training(vocational, 1_234_567, 'on_track', 0.0221),
    training(renewal, 800_000, 'acceleration_needed'),
    {
      program: postdocs,
      value: null,
      unit: 'persons',
      period: '2026',
      periodCode: '2026',
      kind: 'level' as const,
      status: null,
      previousPeriod: '2025',
      previousValue: 30,
      change: null,
    },
  ];

  it('lists each programme with its figure, the period of it and its annual status, and its multi-year target apart', () => {
    const model = actionsModel(actions, headlines, [multi('postdoc_recruits', 'missed'), multi('vocational_training', 'achieved')], en);
    expect(model.actions).toEqual([
      {
        code: 'skills_china',
        name: 'Skills China',
        status: 'on_track',
        period: 'worst target status, through Oct 2026',
        programs: [
          {
            code: 'vocational_training',
            name: 'Vocational training',
            value: '1,234,567 person-times',
            period: 'through Oct 2026',
            // 0.0221: +2.2% on January–October 2025.
            comparison: 'vs same months of 2025 +2.2%',
            status: 'on_track',
            // 0.93159 is 93.1% rounded down.
            target: { label: '2021–2025 target', status: 'achieved', share: '93.1%', note: null },
          },
        ],
      },
      {
        code: 'high_end',
        name: 'High-end talent',
        status: 'acceleration_needed',
        period: 'worst target status, through Oct 2026',
        programs: [
          {
            code: 'knowledge_renewal',
            name: 'Knowledge renewal',
            value: '800,000 person-times',
            period: 'through Oct 2026',
            comparison: null,
            status: 'acceleration_needed',
            target: null,
          },
          {
            code: 'postdoc_recruits',
            name: 'Postdocs recruited',
            value: null,
            period: '2026',
            comparison: null,
            status: null,
            target: { label: '2021–2025 target', status: 'missed', share: '93.1%', note: null },
          },
        ],
      },
      { code: 'vitality', name: 'Vitality', status: null, period: 'worst target status, through Oct 2026', programs: [] },
    ]);
    expect(model.period).toBe('training: Jan–Oct 2026; talent and platforms: 2026');
    expect(model.summary).toBe(
      'Target status of the eight actions (through Oct 2026): Skills China: On track; High-end talent: Acceleration needed; Vitality: No target',
    );
    expect(model.table.columns.map((c) => c.key)).toEqual([
      'action_code',
      'program_code',
      'value',
      'unit',
      'period',
      'previous_period',
      'previous_value',
      'change_on_previous_year',
      'annual_status',
      'multi_year_period',
      'multi_year_status',
      'multi_year_share_achieved',
    ]);
    expect(model.table.rows[2]).toMatchObject({
      program_code: 'postdoc_recruits',
      period: '2026',
      previous_period: '2025',
      previous_value: 30,
      change_on_previous_year: null,
      annual_status: null,
      multi_year_period: '2021–2025',
      multi_year_status: 'missed',
    });
  });
  it("counts a multi-year target's status in its action's badge only when the chosen year falls in the target's period", () => {
    const in2026 = actionsModel(actions, headlines, [multi('postdoc_recruits', 'missed')], en);
    expect(in2026.actions[1].status).toBe('acceleration_needed');
    const in2025 = actionsModel(actions, headlines, [multi('postdoc_recruits', 'missed', { as_of_year: 2025 })], en);
    expect(in2025.actions[1].status).toBe('missed');
  });
  it('says a multi-year target not started yet, with no share', () => {
    const model = actionsModel(actions, headlines, [multi('postdoc_recruits', null, { as_of_year: 2019, share_achieved: 0 })], zh);
    expect(model.actions[1].programs[1].target).toEqual({ label: '2021–2025年目标', status: null, share: null, note: '尚未开始' });
  });
});

describe('the multi-year targets', () => {
  type MultiRow = QueryRows['multi-year-target-progress'];
  const row = (over: Partial<MultiRow>): MultiRow =>
    ({
      program_code: 'vocational_training',
      name_zh: '职业技能培训',
      name_en: 'Vocational training',
      unit_zh: '万人次',
      unit_en: 'person-times',
      aggregation: 'sum',
      period_start: 2021,
      period_end: 2025,
      as_of_year: 2026,
      years_elapsed: 5,
      target: 1_000,
      cumulative_actual: 900,
      share_achieved: 0.9,
      expected_to_date: 1_000,
      pace: 0.9,
      observed_annual_growth: null,
      required_annual_growth: null,
      status: 'missed',
      ...over,
    }) as MultiRow;

  it('draws one bar per target, coloured by status, with the expected share for flows only, and names the months counted', () => {
    const result = resultOf([
      row({}),
      row({
        program_code: 'stations',
        name_en: 'Stations',
        aggregation: 'last',
        share_achieved: null,
        cumulative_actual: 1_200,
        status: 'achieved',
      }),
      row({ program_code: 'none', target: null }),
    ]);
    const model = multiYearModel(result, en)!;
    expect(model.rows.map((r) => [r.label, r.achieved, r.expected, r.color, r.note])).toEqual([
      ['Vocational training (2021–2025)', 0.9, 1, statusStyles.missed.color, '■ Missed'],
      ['Stations (2021–2025)', 1.2, null, statusStyles.achieved.color, '✔ Achieved'],
    ]);
    expect(model.rows[0].detail).toBe('Cumulative actual: 900 person-times\nTarget: 1,000 person-times\nPace: 90%\nStatus: Missed');
    expect(model.summary).toBe(
      'Multi-year targets (2021–2025): Vocational training (2021–2025) 90.0% (■ Missed); Stations (2021–2025) 120.0% (✔ Achieved)',
    );
    expect(model.period).toBe('2021–2025');
    expect(model.achievedColor).toBe(neutral);
    expect(model.table.rows).toHaveLength(3);
  });
  it('counts the months elapsed as of the chosen year, and says when a period has not started', () => {
    expect(measuredPeriod({ period_start: 2021, years_elapsed: 4 })).toBe('2021-01/2024-12');
    // 3 years and 10 months: January 2021 to October 2024.
    expect(measuredPeriod({ period_start: 2021, years_elapsed: 46 / 12 })).toBe('2021-01/2024-10');
    expect(measuredPeriod({ period_start: 2021, years_elapsed: 0 })).toBeNull();
    const asOf2024 = multiYearModel(resultOf([row({ as_of_year: 2024, years_elapsed: 4, status: 'acceleration_needed' })]), zh)!;
    expect(asOf2024.period).toBe('2021–2024年');
    expect(asOf2024.rows[0].label).toBe('职业技能培训（2021–2025年）');
    const before = multiYearModel(
      resultOf([row({ as_of_year: 2019, years_elapsed: 0, cumulative_actual: 0, share_achieved: 0, status: null })]),
      zh,
    )!;
    expect(before.rows[0].note).toBe('尚未开始');
    expect(before.period).toBeUndefined();
  });
  it('rounds the share beside a status down and writes a figure not reported as missing', () => {
    const model = multiYearModel(resultOf([row({ share_achieved: 0.99996, pace: 0.99996 })]), en)!;
    expect(model.summary).toContain('99.9% (■ Missed)');
    expect(model.rows[0].detail).toContain('Pace: 99%');
    const missing = multiYearModel(resultOf([row({ cumulative_actual: null, share_achieved: null, status: null })]), en)!;
    expect(missing.rows[0].text).toBe('— no data reported');
    expect(missing.rows[0].detail.split('\n')[0]).toBe('Cumulative actual: no data reported');
  });
  it('adds the growth line when a growth is required, and has no bar without a target', () => {
    const model = multiYearModel(resultOf([row({ observed_annual_growth: 0.05, required_annual_growth: 0.08, status: null })]), zh)!;
    expect(model.rows[0].detail.split('\n')[3]).toBe('已观测 / 所需年增速：5.0% / 8.0%');
    expect(model.rows[0].color).toBe(neutral);
    expect(multiYearModel(resultOf([row({ target: null })]), en)).toBeNull();
  });
});
