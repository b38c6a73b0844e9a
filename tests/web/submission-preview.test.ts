import { describe, expect, it } from 'vitest';
import type { Submission } from '../../core/submission.js';
import { translator } from '../../web/src/i18n/index.js';
import { previewLines, previewPlan, type AnswerRow } from '../../web/src/view-models/submission-preview.js';
import { listMayChange, newlyPublished } from '../../web/src/view-models/submission.js';

const zh = translator('zh');
const en = translator('en');
const report = (periods: string[]): Submission['report'] => ({
  rowsRead: 2,
  rowsAccepted: 2,
  rowsRejected: 0,
  added: 0,
  replaced: 2,
  periods,
  problems: [],
  problemCount: 0,
});
const of = (dataset: string, province: string | null, periods: string[]) => ({ dataset, province, report: report(periods) });

// Two programme-headlines rows as the API answers them (JSON), a training programme and a talent indicator.
const headline = (program: string, value: number | null, period: string, measure = 'cumulative'): AnswerRow => ({
  program_code: program,
  name_zh: program === 'vocational_training' ? '补贴性职业技能培训' : '高技能人才',
  name_en: program === 'vocational_training' ? 'Subsidised vocational skills training' : 'Highly skilled workers',
  unit_zh: '人次',
  unit_en: 'person-times',
  measure,
  period,
  value,
});

describe('which analytic previews a submission', () => {
  it('training: programme-headlines for the province and the year of its latest month; only training programmes', () => {
    const plan = previewPlan(of('training', '620000', ['2026-09', '2026-10']))!;
    expect([plan.query, plan.params]).toEqual(['programme-headlines', { region: '620000', year: '2026' }]);
    const rows = [headline('vocational_training', 1000, '2026-01/2026-10'), headline('high_skill', 5, '2026', 'flow')];
    expect(plan.figures(rows, 'zh', zh).map((f) => [f.key, f.label, f.unit, f.value, f.period])).toEqual([
      ['vocational_training', '补贴性职业技能培训', '人次', 1000, '2026-01/2026-10'],
    ]);
  });
  it("talent_stock: the same analytic's talent and platform indicators; a planner's national file is the nation's", () => {
    const plan = previewPlan(of('talent_stock', null, ['2025']))!;
    expect(plan.params).toEqual({ region: '', year: '2025' });
    const rows = [headline('vocational_training', 1000, '2025'), headline('high_skill', 5, '2025', 'flow')];
    expect(plan.figures(rows, 'en', en).map((f) => f.key)).toEqual(['high_skill']);
  });
  it("labor_market: talent-gap of the file's latest quarter, the province's rows; competition: its medals of the year", () => {
    const labour = previewPlan(of('labor_market', '620000', ['2026Q2', '2026Q3']))!;
    expect([labour.query, labour.params]).toEqual(['talent-gap', { quarter: '2026Q3', level: 'province' }]);
    const gap = [
      { region_code: '620000', group_code: '2', group_name_zh: '专业技术人员', gap: -40, quarter: '2026Q3' },
      { region_code: '440000', group_code: '2', group_name_zh: '专业技术人员', gap: 90, quarter: '2026Q3' },
    ];
    expect(labour.figures(gap, 'zh', zh).map((f) => [f.label, f.value, f.period])).toEqual([['专业技术人员', -40, '2026Q3']]);
    const medals = previewPlan(of('competition', '620000', ['2025']))!;
    expect([medals.query, medals.params]).toEqual(['competition-results', { year: '2025', scope: 'year' }]);
    const table = [{ region_code: '620000', year: 2025, gold: 2, silver: 1, bronze: 0, excellence: 3, entrants: 40 }];
    expect(medals.figures(table, 'zh', zh).map((f) => [f.label, f.value])).toEqual([
      ['金牌', 2],
      ['银牌', 1],
      ['铜牌', 0],
      ['优胜奖', 3],
      ['参赛人数', 40],
    ]);
  });
  it('none without a period, or without a province where the analytic is by province', () => {
    expect(previewPlan(of('training', '620000', []))).toBeNull();
    expect(previewPlan(of('labor_market', null, ['2026Q3']))).toBeNull();
    expect(previewPlan(of('region', null, ['2026']))).toBeNull();
  });
});

describe('the before/after table', () => {
  const f = (value: number | null, period: string | null) => ({ key: 'k', label: '培训', unit: '人次', value, period });
  it('gives each figure with its period and the difference between figures of the same period, signed', () => {
    expect(previewLines([f(12345, '2026-01/2026-10')], [f(12474, '2026-01/2026-10')], 'zh', zh)).toEqual([
      {
        key: 'k',
        label: '培训',
        live: '12,345 人次',
        livePeriod: '2026年1–10月',
        candidate: '12,474 人次',
        candidatePeriod: '2026年1–10月',
        difference: '+129 人次',
        changed: true,
      },
    ]);
    expect(previewLines([f(500, '2026')], [f(480, '2026')], 'en', en)[0]!.difference).toBe('−20 人次');
    expect(previewLines([f(500, '2026')], [f(500, '2026')], 'zh', zh)[0]).toMatchObject({ difference: '±0 人次', changed: false });
  });
  it('puts the figures the file changes first, the others after, each in the order of the live answer', () => {
    const g = (key: string, value: number) => ({ key, label: key, unit: '', value, period: '2026' });
    const lines = previewLines([g('a', 1), g('b', 2), g('c', 3)], [g('a', 1), g('b', 5), g('c', 3), g('d', 4)], 'zh', zh);
    expect(lines.map((l) => [l.key, l.changed])).toEqual([
      ['b', true],
      ['d', true],
      ['a', false],
      ['c', false],
    ]);
  });
  it('does not subtract figures of different periods, nor a missing one (not reported is not zero)', () => {
    const wider = previewLines([f(900, '2026-01/2026-09')], [f(1000, '2026-01/2026-10')], 'zh', zh)[0]!;
    expect([wider.livePeriod, wider.candidatePeriod, wider.difference]).toEqual(['2026年1–9月', '2026年1–10月', '时期不同，不作比较']);
    const added = previewLines([], [f(70, '2026')], 'en', en)[0]!;
    expect([added.live, added.livePeriod, added.candidate, added.difference]).toEqual([
      'not reported',
      '–',
      '70 人次',
      'not comparable (one not reported)',
    ]);
  });
});

describe('the list while a submission may still change', () => {
  it('is read again while any is validated or approved', () => {
    expect(listMayChange([{ status: 'published' }, { status: 'approved' }])).toBe(true);
    expect(listMayChange([{ status: 'validated' }])).toBe(true);
    expect(listMayChange([{ status: 'published' }, { status: 'refused' }, { status: 'returned' }, { status: 'withdrawn' }])).toBe(false);
  });
  it('names the data versions published since it was last read, the newest first', () => {
    const before = [
      { id: 'a', status: 'approved' as const },
      { id: 'b', status: 'published' as const },
      { id: 'c', status: 'approved' as const },
    ];
    const after = [
      { id: 'a', status: 'published' as const, snapshotId: '20261130T070000000-aaaa' },
      { id: 'b', status: 'published' as const, snapshotId: '20261129T070000000-bbbb' },
      { id: 'c', status: 'published' as const, snapshotId: '20261130T080000000-cccc' },
    ];
    expect(newlyPublished(before, after)).toEqual(['20261130T080000000-cccc', '20261130T070000000-aaaa']);
    expect(newlyPublished(after, after)).toEqual([]);
  });
});
