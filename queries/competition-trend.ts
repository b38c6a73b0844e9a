import { col, defineQuery, units } from './lib/define.js';
import { competitionFilter, regionFilter } from './lib/common-params.js';

export default defineQuery({
  name: 'competition-trend',
  title: { zh: '技能竞赛历年成绩', en: 'Competition results over the years' },
  description: {
    zh: '各赛事逐年的参赛人数、金银铜牌数、奖牌总数和获奖省份数；可只看某一地区（含其下属地区）。',
    en: 'Entrants, gold, silver and bronze medals, total medals and provinces winning any medal, by year and competition; optionally for one region (and the regions below it).',
  },
  module: import.meta.url,
  params: {
    competition: competitionFilter,
    region: regionFilter,
  },
  columns: [
    col('year', 'integer', '年份', 'Year'),
    col('competition_code', 'string', '赛事代码', 'Competition code'),
    col('name_zh', 'string', '赛事', 'Competition (Chinese)'),
    col('name_en', 'string', '赛事（英文）', 'Competition'),
    col('entrants', 'integer', '参赛人数', 'Entrants', units.persons),
    col('gold', 'integer', '金牌', 'Gold', units.medals),
    col('silver', 'integer', '银牌', 'Silver', units.medals),
    col('bronze', 'integer', '铜牌', 'Bronze', units.medals),
    col('medals', 'integer', '奖牌总数', 'Medals', units.medals),
    col('provinces_with_medals', 'integer', '获奖省份数', 'Provinces with medals'),
  ],
});
