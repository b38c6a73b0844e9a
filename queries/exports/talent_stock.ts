import { col, defineQuery } from '../lib/define.js';
import { param } from '../lib/params.js';
import { exportFilters } from './common.js';

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
  columns: [col('year', 'integer', '年份', 'Year'), col('value', 'number', '数值', 'Value')],
});
