import { col, defineQuery, units } from './lib/define.js';
import { labourColumns, occupationColumns } from './lib/columns.js';
import { param } from './lib/params.js';
import { zoneRequired } from './lib/common-params.js';

export default defineQuery({
  name: 'zone-tightest-occupations',
  title: { zh: '重点区域最紧缺的目录职业', en: 'Tightest catalogue occupations in a zone' },
  description: {
    zh: '某重点区域急需紧缺人才目录中的职业按区域内求人倍率（需求人数÷求职人数）从高到低排列（有需求而无求职者的排在最前），并给出需求、求职人数和缺口。仅列出该季度有数据的职业。',
    en: "A strategic zone's urgently-needed catalogue occupations ranked by vacancies per job seeker across the zone (vacancies with no seekers first), with vacancies, job seekers and gap. Only occupations with data in the quarter are listed.",
  },
  module: import.meta.url,
  params: {
    zone: zoneRequired,
    quarter: param.quarter({ zh: '季度', en: 'Quarter' }),
    limit: param.integer({ zh: '条数', en: 'Rows' }, 1, 500, 10),
  },
  columns: [
    col('quarter', 'string', '季度', 'Quarter'),
    col('zone_code', 'string', '区域代码', 'Zone code'),
    ...occupationColumns,
    ...labourColumns,
    col('gap', 'integer', '缺口', 'Gap (vacancies − job seekers)', units.persons),
    col('rank', 'integer', '排名', 'Rank'),
  ],
});
