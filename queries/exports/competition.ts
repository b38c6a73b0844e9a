import { col, defineQuery, units } from '../lib/define.js';
import { param } from '../lib/params.js';
import { exportFilters, factRegionColumns, sourceColumn } from './common.js';

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
    col('competition_code', 'string', '赛事代码', 'Competition code'),
    col('competition_name_zh', 'string', '赛事', 'Competition (Chinese)'),
    col('competition_name_en', 'string', '赛事（英文）', 'Competition'),
    col('year', 'integer', '年份', 'Year'),
    ...factRegionColumns,
    col('province_code', 'string', '省级代码', 'Province code'),
    col('trade', 'string', '赛项', 'Trade'),
    col('entrants', 'integer', '参赛人数', 'Entrants', units.persons),
    col('gold', 'integer', '金牌', 'Gold', units.medals),
    col('silver', 'integer', '银牌', 'Silver', units.medals),
    col('bronze', 'integer', '铜牌', 'Bronze', units.medals),
    col('excellence', 'integer', '优胜奖', 'Medallions for excellence', { zh: '个', en: 'awards' }),
    sourceColumn,
  ],
});
