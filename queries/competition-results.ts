import { col, defineQuery, units } from './lib/define.js';
import { regionColumns } from './lib/columns.js';
import { param } from './lib/params.js';
import { competitionFilter } from './lib/common-params.js';

export default defineQuery({
  name: 'competition-results',
  title: { zh: '技能竞赛奖牌榜', en: 'Competition medal table' },
  description: {
    zh: '某项赛事（或全部赛事）某年（或历年合计）各省的金、银、铜牌和优胜奖数、参赛人数、奖牌总数及加权得分（金3、银2、铜1），按得分排名，得分相同时金牌多者在前。',
    en: 'Gold, silver and bronze medals, medallions for excellence, entrants, total medals and a weighted score (gold 3, silver 2, bronze 1) by province for one competition (or all) in one year (or all years), ranked by score, then by gold.',
  },
  module: import.meta.url,
  params: {
    competition: competitionFilter,
    year: param.year({ zh: '年份', en: 'Year' }, { defaultNote: 'latest year with data for the competition' }),
    scope: param.choice({ zh: '统计范围', en: 'Scope' }, ['year', 'all_years'] as const, 'year'),
  },
  columns: [
    col('year', 'integer', '年份', 'Year (null for all years)'),
    col('from_year', 'integer', '起始年', 'First year counted'),
    col('to_year', 'integer', '终止年', 'Last year counted'),
    ...regionColumns,
    col('gold', 'integer', '金牌', 'Gold', units.medals),
    col('silver', 'integer', '银牌', 'Silver', units.medals),
    col('bronze', 'integer', '铜牌', 'Bronze', units.medals),
    col('excellence', 'integer', '优胜奖', 'Medallions for excellence', { zh: '个', en: 'awards' }),
    col('entrants', 'integer', '参赛人数', 'Entrants', units.persons),
    col('medals', 'integer', '奖牌总数', 'Medals', units.medals),
    col('score', 'integer', '加权得分', 'Weighted score (3·gold + 2·silver + bronze)'),
    col('rank', 'integer', '排名', 'Rank'),
  ],
});
