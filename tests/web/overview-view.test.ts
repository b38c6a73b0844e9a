import { describe, expect, it } from 'vitest';
import type { DatasetRows, QueryRows } from '../../queries/contract.js';
import type { Code, Program, Province } from '../../web/src/data/references.js';
import type { ResultSet } from '../../web/src/decode.js';
import { translator, type Lang } from '../../web/src/i18n/index.js';
import { noStatus, neutral, statusStyles } from '../../web/src/ui/theme.js';
import {
  actionsModel,
  annualHeadline,
  annualTargetCodes,
  levelHeadline,
  multiYearModel,
} from '../../web/src/view-models/overview-actions.js';
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
  projected_year_end: 1_050_000,
  projected_low: 980_000,
  projected_high: 1_120_000,
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
  it('states the figures, the status and the share of the target against the share expected', () => {
    const model = progressModel(resultOf([progressRow()]), en)!;
    expect(model.summary).toBe(
      'By Oct 2026, 800,000 person-times against an annual target of 1,000,000 (80.0%); status: On track; projected year end 1,050,000.',
    );
    expect(model.status).toBe('on_track');
    expect(model.asOf).toBe('As of Oct 2026 (10 months elapsed)');
    expect(model.kpis).toEqual([
      { id: 'cumulative', label: 'Cumulative actual', value: '800,000', unit: 'person-times', note: 'target 1,000,000, 80.0% achieved' },
      { id: 'pace', label: 'Pace', value: '1.07', note: 'cumulative ÷ seasonal expectation (750,000)' },
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
  it('writes Chinese numbers in 万', () => {
    const model = progressModel(resultOf([progressRow({ status: 'falling_behind' })]), zh)!;
    expect(model.summary).toBe('截至2026年10月累计完成 80万人次，年度目标 100万，完成 80.0%，状态：明显滞后；年末预计 105万。');
    expect(model.bullet?.rows[0].label).toBe('当年累计');
    expect(model.bullet?.achievedColor).toBe(statusStyles.falling_behind.color);
  });
  it('has no bullet without a target, and says so', () => {
    const model = progressModel(resultOf([progressRow({ target: null, share_achieved: null, status: null })]), en)!;
    expect(model.summary).toBe('By Oct 2026, 800,000 person-times; there is no annual target for this scope.');
    expect(model.bullet).toBeNull();
    expect(model.kpis[0].note).toBe('No annual target for this scope');
    expect(progressModel(resultOf([progressRow({ status: null })]), en)?.bullet?.achievedColor).toBe(noStatus);
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
  });
  it('is empty without months', () => {
    expect(pathModel(resultOf<PathRow>([]), '', en)).toBeNull();
  });
});

describe('the eight actions', () => {
  const target = (code: string, start: number, end: number, region = '000000') =>
    ({ program_code: code, period_start: start, period_end: end, region_code: region }) as DatasetRows['target'];
  const stock = (region: string, value: number | null) => ({ region_code: region, year: 2025, value }) as QueryRows['talent-stock'];
  const multi = (code: string, status: string) => ({ program_code: code, status }) as QueryRows['multi-year-target-progress'];

  it('knows which programmes have an annual target in the scope', () => {
    const targets = [target('a', 2026, 2026), target('b', 2021, 2025), target('c', 2026, 2026, '440000')];
    expect([...annualTargetCodes(targets, '')]).toEqual(['a']);
    expect([...annualTargetCodes(targets, '440000')]).toEqual(['c']);
  });
  it('gives a training programme its year-to-date volume, with a status only when it has an annual target', () => {
    const row = progressRow({ target: null, status: 'on_track' });
    expect(annualHeadline(renewal, row, new Set(['knowledge_renewal']), en)).toEqual({
      program: renewal,
      value: 800_000,
      unit: 'person-times',
      period: 'to Oct 2026',
      status: 'on_track',
    });
    expect(annualHeadline(renewal, row, new Set(), en).status).toBeNull();
    expect(annualHeadline(renewal, undefined, new Set(), zh)).toEqual({
      program: renewal,
      value: null,
      unit: '人次',
      period: '',
      status: null,
    });
  });
  it('gives a counted programme its latest level: the provinces summed, or the one province', () => {
    const rows = [stock('110000', 30), stock('440000', 12), stock('650000', null)];
    expect(levelHeadline(postdocs, rows, '', en)).toMatchObject({ value: 42, period: '2025', unit: 'persons', status: null });
    expect(levelHeadline(postdocs, rows, '440000', en).value).toBe(12);
    expect(levelHeadline(postdocs, rows, '310000', en).value).toBeNull();
    expect(levelHeadline(postdocs, [], '', en)).toMatchObject({ value: null, period: '' });
  });
  it('groups the programmes by action, each action with the worst status of its targets', () => {
    const actions = [
      action('skills_china', '技能中国行动', 'Skills China'),
      action('high_end', '高端人才引领行动', 'High-end talent'),
      action('vitality', '活力', 'Vitality'),
    ];
    const headlines = [
      { program: vocational, value: 1_234_567, unit: 'person-times', period: 'to Oct 2026', status: 'on_track' },
      { program: renewal, value: 800_000, unit: 'person-times', period: 'to Oct 2026', status: 'achieved' },
      { program: postdocs, value: null, unit: 'persons', period: '', status: null },
    ];
    const model = actionsModel(actions, headlines, [multi('postdoc_recruits', 'falling_behind')], en);
    expect(model.actions).toEqual([
      {
        code: 'skills_china',
        name: 'Skills China',
        status: 'on_track',
        programs: [
          {
            code: 'vocational_training',
            name: 'Vocational training',
            value: '1,234,567 person-times',
            period: 'to Oct 2026',
            status: 'on_track',
          },
        ],
      },
      {
        code: 'high_end',
        name: 'High-end talent',
        status: 'falling_behind',
        programs: [
          {
            code: 'knowledge_renewal',
            name: 'Knowledge renewal',
            value: '800,000 person-times',
            period: 'to Oct 2026',
            status: 'achieved',
          },
          { code: 'postdoc_recruits', name: 'Postdocs recruited', value: '–', period: '', status: 'falling_behind' },
        ],
      },
      { code: 'vitality', name: 'Vitality', status: null, programs: [] },
    ]);
    expect(model.summary).toBe(
      'Target status of the eight actions: Skills China: On track; High-end talent: Falling behind; Vitality: No target',
    );
    expect(model.table.columns.map((c) => c.key)).toEqual([
      'action_code',
      'program_code',
      'value',
      'unit',
      'period',
      'annual_status',
      'multi_year_status',
    ]);
    expect(model.table.rows[2]).toMatchObject({
      program_code: 'postdoc_recruits',
      annual_status: null,
      multi_year_status: 'falling_behind',
    });
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
      target: 1_000,
      cumulative_actual: 900,
      share_achieved: 0.9,
      expected_to_date: 1_000,
      pace: 0.9,
      observed_annual_growth: null,
      required_annual_growth: null,
      status: 'acceleration_needed',
      ...over,
    }) as MultiRow;

  it('draws one bar per target, coloured by status, with the expected share for flows only', () => {
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
      ['Vocational training (2021–2025)', 0.9, 1, statusStyles.acceleration_needed.color, '▲ Acceleration needed'],
      ['Stations (2021–2025)', 1.2, null, statusStyles.achieved.color, '✔ Achieved'],
    ]);
    expect(model.rows[0].detail).toBe(
      'Cumulative actual: 900 person-times\nTarget: 1,000 person-times\nPace: 0.90\nStatus: Acceleration needed',
    );
    expect(model.summary).toBe(
      'Multi-year targets (2021–2025): Vocational training (2021–2025) 90.0% (▲ Acceleration needed); Stations (2021–2025) 120.0% (✔ Achieved)',
    );
    expect(model.achievedColor).toBe(neutral);
    expect(model.table.rows).toHaveLength(3);
  });
  it('adds the growth line when a growth is required, and has no bar without a target', () => {
    const model = multiYearModel(resultOf([row({ observed_annual_growth: 0.05, required_annual_growth: 0.08, status: null })]), zh)!;
    expect(model.rows[0].detail.split('\n')[3]).toBe('已观测 / 所需年增速：5.0% / 8.0%');
    expect(model.rows[0].color).toBe(neutral);
    expect(multiYearModel(resultOf([row({ target: null })]), en)).toBeNull();
  });
});
