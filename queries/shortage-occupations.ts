import { col, defineQuery, units } from './lib/define.js';
import { labourColumns, occupationColumns } from './lib/columns.js';
import { param } from './lib/params.js';
import { zoneFilter } from './lib/common-params.js';

export default defineQuery({
  name: 'shortage-occupations',
  title: { zh: '紧缺职业排行', en: 'Shortage occupations' },
  description: {
    zh: '某季度全国（各省为单元）、某省（各地市为单元）或某重点区域（各成员地区为单元）的职业紧缺排行。紧缺得分 = 各单元缺口（需求减求职）之和 × 出现缺口的单元数 ÷ 有该职业数据的单元数；并给出上季度排名及名次变化（正数为上升）。',
    en: "Occupations ranked by shortage for one quarter, nationally (provinces as regions), within a province (its prefectures) or within a strategic zone (its member regions). Score = sum over regions of the gap (vacancies − seekers) × regions with a gap ÷ regions reporting the occupation; with the previous quarter's rank and the change (positive = moved up).",
  },
  module: import.meta.url,
  params: {
    quarter: param.quarter({ zh: '季度', en: 'Quarter' }),
    province: param.code(
      { zh: '省份（以地市为单元）', en: 'Province (prefectures as regions)' },
      { table: 'region', column: 'region_code', where: "level = 'province'" },
      null,
      '440000',
    ),
    zone: zoneFilter,
    limit: param.integer({ zh: '条数', en: 'Rows' }, 1, 500, 20),
  },
  columns: [
    col('quarter', 'string', '季度', 'Quarter'),
    ...occupationColumns,
    ...labourColumns,
    col('regions_reporting', 'integer', '有数据的地区数', 'Regions reporting'),
    col('regions_with_gap', 'integer', '有缺口的地区数', 'Regions with a gap'),
    col('score', 'number', '紧缺得分', 'Shortage score', units.persons),
    col('rank', 'integer', '排名', 'Rank'),
    col('previous_rank', 'integer', '上季度排名', 'Previous quarter rank'),
    col('rank_change', 'integer', '名次变化', 'Rank change (positive = up)'),
  ],
});
