import { col, defineQuery, units } from './lib/define.js';
import { regionColumns } from './lib/columns.js';
import { param } from './lib/params.js';
import { occupationGroup } from './lib/common-params.js';

export default defineQuery({
  name: 'talent-gap',
  title: { zh: '各地区人才供需缺口', en: 'Regional talent gap' },
  description: {
    zh: '某季度各省（或各地市）按职业大类的岗位需求人数、求职人数、缺口（需求减求职）、求人倍率（需求÷求职）及其环比、同比变化，以及需求区位熵（该地区该大类需求占比÷全国该大类需求占比）。',
    en: "Vacancies, job seekers, gap (vacancies − seekers) and vacancy-to-seeker ratio by province (or prefecture) and occupation major group for one quarter, their change on the previous quarter and on the same quarter a year before, and the demand location quotient (the group's share of the region's vacancies ÷ its share of national vacancies).",
  },
  module: import.meta.url,
  params: {
    quarter: param.quarter({ zh: '季度', en: 'Quarter' }),
    level: param.choice({ zh: '地区层级', en: 'Region level' }, ['province', 'prefecture'] as const, 'province'),
    province: param.code(
      { zh: '省份（仅看其地市）', en: 'Province (its prefectures only)' },
      { table: 'region', column: 'region_code', where: "level = 'province'" },
      null,
      '440000',
    ),
    group: occupationGroup,
  },
  columns: [
    col('quarter', 'string', '季度', 'Quarter'),
    ...regionColumns,
    col('province_code', 'string', '省级代码', 'Province code'),
    col('group_code', 'string', '职业大类代码', 'Major group code'),
    col('group_name_zh', 'string', '职业大类', 'Major group (Chinese)'),
    col('group_name_en', 'string', '职业大类（英文）', 'Major group'),
    col('vacancies', 'integer', '需求人数', 'Vacancies', units.persons),
    col('job_seekers', 'integer', '求职人数', 'Job seekers', units.persons),
    col('gap', 'integer', '缺口', 'Gap (vacancies − job seekers)', units.persons),
    col('ratio', 'number', '求人倍率', 'Vacancies per job seeker', units.ratio),
    col('ratio_change_on_previous_quarter', 'number', '求人倍率环比变化', 'Ratio change on previous quarter', units.ratio),
    col('ratio_change_on_previous_year', 'number', '求人倍率同比变化', 'Ratio change on same quarter last year', units.ratio),
    col('gap_change_on_previous_quarter', 'integer', '缺口环比变化', 'Gap change on previous quarter', units.persons),
    col('gap_change_on_previous_year', 'integer', '缺口同比变化', 'Gap change on same quarter last year', units.persons),
    col('location_quotient', 'number', '需求区位熵', 'Demand location quotient', units.ratio),
  ],
});
