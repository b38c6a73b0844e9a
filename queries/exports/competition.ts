import { col, defineQuery, units } from '../lib/define.js';
import { param } from '../lib/params.js';
import { exportFilters } from './common.js';

export default defineQuery({
  name: 'competition',
  title: { zh: '技能竞赛明细', en: 'Competition records' },
  description: {
    zh: '技能竞赛事实表（赛事 × 年份 × 地区 × 赛项），附名称。',
    en: 'Competition facts (competition × year × region × trade) with names.',
  },
  module: import.meta.url,
  params: {
    ...exportFilters,
    competitions: param.codes(
      { zh: '赛事', en: 'Competitions' },
      { table: 'competition_event', column: 'competition_code' },
      'national_skills',
    ),
  },
  columns: [
    col('year', 'integer', '年份', 'Year'),
    col('gold', 'integer', '金牌', 'Gold', units.medals),
    col('silver', 'integer', '银牌', 'Silver', units.medals),
    col('bronze', 'integer', '铜牌', 'Bronze', units.medals),
  ],
});
