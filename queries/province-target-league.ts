import { col, defineQuery, units } from './lib/define.js';
import { regionColumns } from './lib/columns.js';
import { annualTargetParams, asOfInYear } from './lib/common-params.js';

const volume = { zh: '项目单位', en: "the programme's unit" };
const { program, year, as_of } = annualTargetParams;

export default defineQuery({
  name: 'province-target-league',
  title: { zh: '各省年度目标进度排名', en: 'Provinces against their own annual targets' },
  description: {
    zh: '31个省（区、市）各自年度目标的完成进度，按进度（pace）从高到低排名；口径与“年度目标完成进度”完全相同（同一截至月份、季节性预期、年末预计与状态）。没有本省目标的省份进度、状态和排名为空，排在最后。',
    en: 'The 31 mainland provinces against their own annual targets for a training programme, ranked by pace (highest first), with exactly the definitions of annual-target-progress (the same as-of month, seasonal expectation, year-end projection and status). A province without a target of its own has no pace, status or rank and comes last.',
  },
  module: import.meta.url,
  check: asOfInYear,
  params: { program, year, as_of },
  columns: [
    col('program_code', 'string', '项目代码', 'Programme code'),
    col('year', 'integer', '年份', 'Year'),
    col('as_of', 'string', '截至月份', 'As of month'),
    col('months_elapsed', 'integer', '已过月数', 'Months elapsed'),
    col('period', 'string', '时期', "Months covered ('2025' whole year, '2026-01/2026-10' part year)"),
    col('period_complete', 'boolean', '全年已结束', 'All twelve months covered'),
    ...regionColumns,
    col('target', 'number', '本省年度目标', "The province's annual target", volume),
    col('cumulative_actual', 'integer', '累计完成', 'Cumulative actual', volume),
    col('share_achieved', 'number', '完成比例', 'Share of target achieved', units.share),
    col('expected_basis', 'string', '预期口径', 'Basis of the expectation (seasonal or linear)'),
    col('expected', 'number', '预期完成', 'Expected to date', volume),
    col('pace', 'number', '进度', 'Pace (cumulative ÷ expected)', units.ratio),
    col('projected_year_end', 'number', '年末预计', 'Projected year end', volume),
    col('projected_low', 'number', '年末预计（低）', 'Projected year end (low)', volume),
    col('projected_high', 'number', '年末预计（高）', 'Projected year end (high)', volume),
    col('status', 'string', '状态', 'Status (achieved, missed, on_track, acceleration_needed, limited_progress, falling_behind)'),
    col('rank', 'integer', '排名', 'Rank by pace among provinces with a target (1 = furthest ahead)'),
    col('target_source', 'string', '目标来源', "Where the province's target comes from (null without a target)"),
  ],
});
