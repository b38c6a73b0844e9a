import { col, defineQuery, units } from './lib/define.js';
import { programColumns } from './lib/columns.js';
import { annualTargetParams, asOfInYear } from './lib/common-params.js';

const volume = { zh: '项目单位（见 unit_zh）', en: "the programme's unit (see unit_en)" };
const perMonth = { zh: '项目单位/月', en: "programme's unit per month" };

export default defineQuery({
  name: 'annual-target-progress',
  title: { zh: '年度目标完成进度', en: 'Progress towards the annual target' },
  description: {
    zh:
      '某培训项目某年（默认最新年份）1月至截至月份（默认该年最新月份）的累计完成量与年度目标（全国，或所选省份自身的年度目标；该省无目标则为空）之比。period 为所覆盖的月份（全年为“2025”，年内为“2026-01/2026-10”），period_complete 表示12个月是否已全部覆盖。' +
      '预期进度：线性 = 目标 × 已过月数/12；季节性 = 目标 × 前三个完整年份（全国12个月均有报送且该范围有数据）1月至同月完成量占全年比重的平均值；有季节性参考时用季节性，否则用线性（expected_basis；无目标时为空）。' +
      '进度 pace = 累计完成 ÷ 预期。所需月均 = (目标 − 累计)/(12 − 已过月数)（12个月已过为空，已完成为0）。' +
      '年末预计 projected_year_end：有季节性参考时 = 累计 ÷ 截至月份的季节性累计比重（与 pace × 目标相等，因此预计与状态一致），区间为每个参考年份各自比重得出的最低和最高预计；无参考时用近3个月月均 × 剩余月数（projection_basis 说明）。projected_year_end_run_rate 为按近3个月月均外推的第二种预计。' +
      '状态：累计 ≥ 目标为 achieved；全年已结束而未达到为 missed；年内：累计为0或无法计算进度为 falling_behind，pace ≥ 0.95 为 on_track，0.60 ≤ pace < 0.95 为 acceleration_needed，pace < 0.60 为 limited_progress；无目标时为空。',
    en:
      "Cumulative volume of a training programme (its own metric) from January to the as-of month (default: the latest month reported in the year, default the latest year) against its annual target: the national one, or the chosen province's own target (none if the province has no target of its own). period names the months covered ('2025' for a whole year, '2026-01/2026-10' for a part year); period_complete says whether all twelve are in. " +
      "Expected to date: linear = target × months elapsed / 12; seasonal = target × the share of the year's volume that fell in January..the same month, averaged over the three latest complete years before (all twelve months reported nationally, some volume in the scope); seasonal when there is such a year, else linear (expected_basis; null when there is no target). " +
      'pace = cumulative ÷ expected. required_monthly_rate = (target − cumulative) / (12 − months elapsed), null after December, 0 once achieved. ' +
      "projected_year_end: with a seasonal profile, cumulative ÷ the profile's share of the year by the as-of month (equal to pace × target, so projection and status always agree), with a band from the lowest and highest projection that each history year's own shares give; without one, cumulative + the mean of the last three months × the remaining months (projection_basis says which). projected_year_end_run_rate is that run-rate projection as a second figure. " +
      "Status: 'achieved' when cumulative ≥ target; 'missed' when the year is complete and it was not reached; in an open year 'falling_behind' when cumulative is 0 or pace cannot be computed, 'on_track' when pace ≥ 0.95, 'acceleration_needed' when 0.60 ≤ pace < 0.95, 'limited_progress' when pace < 0.60; null when there is no target. as_of must fall in year.",
  },
  module: import.meta.url,
  check: asOfInYear,
  params: annualTargetParams,
  columns: [
    ...programColumns,
    col('region_code', 'string', '地区代码（000000为全国）', "Region code ('000000' = national)"),
    col('year', 'integer', '年份', 'Year'),
    col('as_of', 'string', '截至月份', 'As of month'),
    col('months_elapsed', 'integer', '已过月数', 'Months elapsed'),
    col('period', 'string', '时期', "Months covered ('2025' whole year, '2026-01/2026-10' part year)"),
    col('period_complete', 'boolean', '全年已结束', 'All twelve months covered'),
    col('target', 'number', '年度目标', 'Annual target', volume),
    col('cumulative_actual', 'integer', '累计完成', 'Cumulative actual', volume),
    col('share_achieved', 'number', '完成比例', 'Share of target achieved', units.share),
    col('expected_linear', 'number', '线性预期', 'Expected to date (linear)', volume),
    col('expected_seasonal', 'number', '季节性预期', 'Expected to date (seasonal)', volume),
    col('seasonal_years', 'integer', '季节性参考年数', 'Years behind the seasonal path'),
    col('expected_basis', 'string', '预期口径', 'Basis of the expectation (seasonal or linear)'),
    col('expected', 'number', '预期完成', 'Expected to date (the basis used)', volume),
    col('pace', 'number', '进度', 'Pace (cumulative ÷ expected)', units.ratio),
    col('required_monthly_rate', 'number', '所需月均', 'Required monthly rate', perMonth),
    col('recent_monthly_rate', 'number', '近3个月月均', 'Recent monthly rate (last 3 months)', perMonth),
    col('projection_basis', 'string', '预计口径', 'Basis of the projection (seasonal or run_rate)'),
    col('projected_year_end', 'number', '年末预计', 'Projected year end', volume),
    col('projected_low', 'number', '年末预计（低）', 'Projected year end (low)', volume),
    col('projected_high', 'number', '年末预计（高）', 'Projected year end (high)', volume),
    col('projected_year_end_run_rate', 'number', '年末预计（按近期月均）', 'Projected year end at the recent run rate', volume),
    col('status', 'string', '状态', 'Status (achieved, missed, on_track, acceleration_needed, limited_progress, falling_behind)'),
  ],
});
