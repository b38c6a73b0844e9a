import { col, defineQuery, units } from './lib/define.js';
import { programColumns } from './lib/columns.js';
import { param } from './lib/params.js';
import { provinceOrNation } from './lib/common-params.js';

const volume = { zh: '项目单位（见 unit_zh）', en: "the programme's unit (see unit_en)" };
const perYear = { zh: '项目单位/年', en: "programme's unit per year" };
const years = { zh: '年', en: 'years' };

export default defineQuery({
  name: 'multi-year-target-progress',
  title: { zh: '多年期目标完成进度', en: 'Progress towards multi-year targets' },
  description: {
    zh:
      '每个多年期目标（终止年 > 起始年，如“十四五”2021–2025年目标）一行，全国或所选省份自身的目标。累计完成：流量项目（汇总方式 sum；培训按项目计量列，人才与平台按数值）为期内截至年份（默认该项目最新有数据年份）各年之和；存量项目（last）为最新水平。' +
      '已过年数 = 期内已过月数/12（截至年份算到全国最新报送月份）。流量：预期 = 目标 × 已过年数/总年数，进度 pace = 累计 ÷ 预期；已观测年均 = 累计/已过年数，所需年均 = (目标 − 累计)/剩余年数（已完成为0）。' +
      '增速只用完整年份（全国12个月均有报送）：已观测年增速 = 期初年至最近完整年年量的复合增速；所需年增速 = 使最近完整年年量按此复合增速增长、剩余各年之和恰好补足缺口的增速（二分法求解；存量为 (目标/水平)^(1/剩余年数) − 1）；已完成为空。' +
      'growth_ratio = (1 + 已观测增速)/(1 + 所需增速)，≥ 1 表示保持现有增速即可达标；存量项目的 pace 即此比值。' +
      '状态：累计 ≥ 目标为 achieved；尚未开始为空；期满未完成为 missed（完成比例见 share_achieved）；进行中的状态只用于尚未期满的目标；期内：累计为0或进度无法计算为 falling_behind，pace ≥ 0.95 为 on_track，0.60–0.95 为 acceleration_needed，低于0.60 为 limited_progress。',
    en:
      "One row per multi-year target (period_end > period_start, e.g. the 14th Five-Year Plan's 2021–2025 targets), national or the chosen province's own. cumulative_actual: for flows (aggregation 'sum': training by the programme's metric column, talent_stock by value) the sum over the period's years up to the as-of year (default: the latest year the programme was reported); for stocks ('last') the latest level. " +
      'years_elapsed = months of the period elapsed / 12, counting the as-of year up to the latest month the nation reported. Flows: expected_to_date = target × years_elapsed / years in the period, pace = cumulative ÷ expected; observed_annual_volume = cumulative / years_elapsed; required_annual_volume = (target − cumulative) / years_remaining (0 once achieved). ' +
      "Growth uses complete years only (all twelve months reported nationally): observed_annual_growth = compound growth of annual volume from the period's first year to the last complete year; required_annual_growth = the constant compound growth of annual volume, starting from the last complete year, whose remaining years add up exactly to what is still missing (solved by bisection; for stocks (target / level)^(1 / remaining years) − 1); null once achieved. " +
      'growth_ratio = (1 + observed growth) / (1 + required growth): ≥ 1 means sustaining the observed growth reaches the target; it is also the pace of a stock. ' +
      "Status: 'achieved' when cumulative ≥ target; null before the period starts; after the period ends 'missed' (share_achieved says how much was reached) — the in-progress statuses are for open periods only; during the period 'falling_behind' when cumulative is 0 or pace cannot be computed, 'on_track' when pace ≥ 0.95, 'acceleration_needed' when 0.60 ≤ pace < 0.95, 'limited_progress' when pace < 0.60.",
  },
  module: import.meta.url,
  params: {
    program: param.code(
      { zh: '项目（空为全部）', en: 'Programme (empty = all)' },
      { table: 'program', column: 'program_code' },
      null,
      'vocational_training',
    ),
    region: provinceOrNation,
    as_of_year: param.year({ zh: '截至年份', en: 'As of year' }, { defaultNote: 'the latest year each programme was reported' }),
  },
  columns: [
    ...programColumns,
    col('aggregation', 'string', '汇总方式', "Aggregation over time ('sum' flow, 'last' stock)"),
    col('region_code', 'string', '地区代码（000000为全国）', "Region code ('000000' = national)"),
    col('period_start', 'integer', '起始年', 'First year'),
    col('period_end', 'integer', '终止年', 'Last year'),
    col('as_of_year', 'integer', '截至年份', 'As of year'),
    col('target', 'number', '目标', 'Target', volume),
    col('cumulative_actual', 'number', '累计完成', 'Cumulative actual', volume),
    col('years_elapsed', 'number', '已过年数', 'Years elapsed', years),
    col('years_remaining', 'number', '剩余年数', 'Years remaining', years),
    col('period_ended', 'boolean', '期满', 'Period ended'),
    col('share_achieved', 'number', '完成比例', 'Share of target achieved', units.share),
    col('expected_to_date', 'number', '预期完成', 'Expected to date (linear)', volume),
    col('pace', 'number', '进度', 'Pace', units.ratio),
    col('observed_annual_volume', 'number', '已观测年均', 'Observed average annual volume', perYear),
    col('required_annual_volume', 'number', '所需年均', 'Required average annual volume', perYear),
    col('last_full_year', 'integer', '最近完整年份', 'Last complete year'),
    col('observed_annual_growth', 'number', '已观测年增速', 'Observed compound annual growth', units.share),
    col('required_annual_growth', 'number', '所需年增速', 'Required compound annual growth', units.share),
    col('growth_ratio', 'number', '增速比', 'Growth ratio (1 + observed) / (1 + required)', units.ratio),
    col('status', 'string', '状态', 'Status (achieved, missed, on_track, acceleration_needed, limited_progress, falling_behind)'),
  ],
});
