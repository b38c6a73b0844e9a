import { col, defineQuery, units } from '../lib/define.js';
import { param } from '../lib/params.js';
import { exportFilters, factRegionColumns, sourceColumn } from './common.js';

export default defineQuery({
  name: 'labor_market',
  title: { zh: '人力资源市场供求明细', en: 'Labour-market records' },
  description: {
    zh: '人力资源市场供求事实表（季度 × 地区 × 职业），附名称。',
    en: 'Labour-market facts (quarter × region × occupation) with names.',
  },
  module: import.meta.url,
  params: {
    ...exportFilters,
    occupations: param.codes(
      { zh: '职业或大类', en: 'Occupations or major groups' },
      { table: 'occupation', column: 'occupation_code' },
      '6',
    ),
  },
  columns: [
    col('quarter', 'string', '季度', 'Quarter'),
    ...factRegionColumns,
    col('region_level', 'string', '地区层级', 'Region level (province, prefecture or county)'),
    col('province_code', 'string', '省级代码', 'Province code'),
    col('occupation_code', 'string', '职业代码', 'Occupation code'),
    col('occupation_name_zh', 'string', '职业', 'Occupation (Chinese)'),
    col('occupation_name_en', 'string', '职业（英文）', 'Occupation'),
    col('group_code', 'string', '职业大类代码', 'Major group code'),
    col('vacancies', 'integer', '需求人数', 'Vacancies', units.persons),
    col('job_seekers', 'integer', '求职人数', 'Job seekers', units.persons),
    sourceColumn,
  ],
});
