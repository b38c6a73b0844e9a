import { col, defineQuery, units } from './lib/define.js';
import { programColumns } from './lib/columns.js';
import { param } from './lib/params.js';
import { provinceOrNation } from './lib/common-params.js';

const volume = { zh: '项目单位（见 unit_zh）', en: "the programme's unit (see unit_en)" };

export default defineQuery({
  name: 'programme-headlines',
  title: { zh: '各项目要览', en: 'Programme headlines' },
  description: {
    zh:
      '每个项目一行：所选范围（全国，或所选省份）在所选年份（默认各项目最新有数据的年份）的主要数值、其所属时期，以及上年同期数值。' +
      '培训项目（measure = cumulative）按项目计量列累计1月至该年全国最新报送月份，period 为所覆盖的月份（全年为“2025”，年内为“2026-01/2026-10”）；人才与平台指标为当年发生数（flow）或当年水平（level），period 为年份，均不跨年累计。' +
      'previous_period 为上年同期（年内为上年相同月份，如“2025-01/2025-10”）；培训项目只在全国上年同期报送的月份与本年相同时才给出上年同期数值，否则为空；人才与平台指标按年报送，尚在进行中的年份（全国培训最新报送月份所在、且未到12月的年份）其数值不覆盖全年，period_complete 为否，不与上年比较。' +
      '未报送为空（不是0）。change_on_previous_year = value ÷ previous_value − 1。period_complete 表示数值是否覆盖全年。annual_target 为该年该范围的年度目标（起止年均为该年；没有则为空），其进度和状态见 annual-target-progress。',
    en:
      'One row per programme: its headline figure for the chosen scope (the nation, or the chosen province) in the chosen year (default: the latest year the programme was reported), the period that figure covers, and the same period of the previous year. ' +
      "Training programmes (measure 'cumulative') count their own metric column from January to the latest month the nation reported in the year; period names the months covered ('2025' for a whole year, '2026-01/2026-10' for a part year). Talent and platform indicators give the year's flow ('flow') or the year's level ('level'); period is the year; neither is accumulated over years. " +
      "previous_period is the same period of the previous year (for a part year, the same months: '2025-01/2025-10'); a training programme's previous_value is given only when the nation reported the same months in the previous year, otherwise it is null. Talent and platform indicators are reported by year: in the year still being reported (that of the latest month the nation reported any training, unless December) their figure cannot cover the whole year, so period_complete is false and it is not compared with the previous year. " +
      'Nothing reported is null, never 0. change_on_previous_year = value ÷ previous_value − 1. period_complete says whether the figure covers the whole year. annual_target is the target set for exactly that year and scope (null if none); its progress and status are those of annual-target-progress.',
  },
  module: import.meta.url,
  params: {
    region: provinceOrNation,
    year: param.year({ zh: '年份', en: 'Year' }, { defaultNote: 'the latest year each programme was reported' }),
  },
  columns: [
    ...programColumns,
    col('action_code', 'string', '行动代码', 'Action code'),
    col(
      'measure',
      'string',
      '数值类型',
      "What the figure is: 'cumulative' (training, January to the latest month), 'flow' or 'level' (the year's)",
    ),
    col('region_code', 'string', '地区代码（000000为全国）', "Region code ('000000' = national)"),
    col('year', 'integer', '年份', 'Year'),
    col('period', 'string', '时期', "Period of the figure ('2025' whole year, '2026-01/2026-10' part year)"),
    col('period_complete', 'boolean', '全年已结束', 'The figure covers the whole year'),
    col('value', 'number', '数值', 'Value', volume),
    col('previous_period', 'string', '上年同期', "The same period of the previous year ('2024', '2025-01/2025-10')"),
    col('previous_value', 'number', '上年同期数值', 'Value in the same period of the previous year', volume),
    col('change_on_previous_year', 'number', '同比变化', 'Change on the same period of the previous year', units.share),
    col('annual_target', 'number', '年度目标', 'Annual target for the year and scope (null if none)', volume),
  ],
});
