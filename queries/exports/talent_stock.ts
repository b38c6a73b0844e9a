import { col, defineQuery } from '../lib/define.js';
import { param } from '../lib/params.js';
import { exportFilters, factRegionColumns, sourceColumn } from './common.js';

export default defineQuery({
  name: 'talent_stock',
  title: { zh: '人才与平台明细', en: 'Talent and platform records' },
  description: {
    zh: '人才与平台指标（年份 × 地区 × 指标），附名称和单位。',
    en: 'Talent and platform indicators (year × region × indicator) with names and units.',
  },
  module: import.meta.url,
  params: {
    ...exportFilters,
    programs: param.codes(
      { zh: '指标', en: 'Indicators' },
      { table: 'program', column: 'program_code', where: "fact_table = 'talent_stock'" },
      'postdoc_stations',
    ),
  },
  columns: [
    col('year', 'integer', '年份', 'Year'),
    ...factRegionColumns,
    col('province_code', 'string', '省级代码', 'Province code'),
    col('indicator_code', 'string', '指标代码', 'Indicator code'),
    col('indicator_name_zh', 'string', '指标', 'Indicator (Chinese)'),
    col('indicator_name_en', 'string', '指标（英文）', 'Indicator'),
    col('unit', 'string', '单位（英文）', 'Unit (English)'),
    col('value', 'number', '数值（单位见 unit 列）', 'Value (in the unit of the unit column)'),
    sourceColumn,
  ],
});
