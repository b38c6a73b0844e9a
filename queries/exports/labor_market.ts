import { col, defineQuery, units } from '../lib/define.js';
import { param } from '../lib/params.js';
import { exportFilters } from './common.js';

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
    col('region_code', 'string', '地区代码', 'Region code'),
    col('vacancies', 'integer', '需求人数', 'Vacancies', units.persons),
    col('job_seekers', 'integer', '求职人数', 'Job seekers', units.persons),
  ],
});
