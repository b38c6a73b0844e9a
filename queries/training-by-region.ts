import { col, defineQuery, units } from './lib/define.js';
import { regionColumns } from './lib/columns.js';
import { param } from './lib/params.js';
import { trainingProgram } from './lib/common-params.js';

export default defineQuery({
  name: 'training-by-region',
  title: { zh: '各地区培训情况', en: 'Training by region' },
  description: {
    zh: '某一项目某年各省（或各地市）的培训人次、每万名劳动年龄人口培训人次、占全国比重、同比变化和排名。',
    en: 'Person-times trained in one programme and year by province (or prefecture): per 10,000 working-age people, share of the national total, change on the previous year and rank.',
  },
  module: import.meta.url,
  params: {
    program: trainingProgram,
    year: param.year({ zh: '年份', en: 'Year' }),
    level: param.choice({ zh: '地区层级', en: 'Region level' }, ['province', 'prefecture'] as const, 'province'),
    province: param.code(
      { zh: '省份（仅看其地市）', en: 'Province (its prefectures only)' },
      { table: 'region', column: 'region_code', where: "level = 'province'" },
      null,
      '440000',
    ),
    field: param.code({ zh: '领域', en: 'Field' }, { table: 'field', column: 'field_code' }, null, 'ai'),
  },
  columns: [
    col('year', 'integer', '年份', 'Year'),
    ...regionColumns,
    col('person_times', 'integer', '培训人次', 'Person-times', units.personTimes),
    col('certificates', 'integer', '发证数', 'Certificates', { zh: '本', en: 'certificates' }),
    col('working_age', 'integer', '劳动年龄人口', 'Working-age population', units.persons),
    col('per_10k', 'number', '每万人培训人次', 'Person-times per 10,000 working-age', units.per10k),
    col('share_of_national', 'number', '占全国比重', 'Share of national total', units.share),
    col('previous_person_times', 'integer', '上年培训人次', 'Previous year person-times', units.personTimes),
    col('change_on_previous_year', 'number', '同比变化', 'Change on previous year', units.share),
    col('rank', 'integer', '排名', 'Rank'),
  ],
});
