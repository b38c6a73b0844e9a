import { col, defineQuery, units } from './lib/define.js';
import { param } from './lib/params.js';
import { trainingProgram } from './lib/common-params.js';

export default defineQuery({
  name: 'poverty-areas',
  title: { zh: '“三区三州”培训与“三支一扶”', en: 'Training and placements in the designated poverty areas' },
  description: {
    zh:
      '按年给出“三区三州”（标有贫困地区类别的地市，可只看“三区”或“三州”）每万名劳动年龄人口的某培训项目培训人次（默认补贴性职业技能培训；各项目人次相加会重复计算“其中”项目，故一次只看一个项目）与全国之比，以及每万名劳动年龄人口“三支一扶”人数。' +
      '全国按大陆31个省份口径（培训人次和劳动年龄人口均不含港澳台）。计入地区的是记在这些地市或其下辖县区的数据，记在省级的不计入；只有县级标注而所在地市未标注的不计（县无劳动年龄人口）。某年地区内没有任何“三支一扶”记录时（常见于只按省报送）为空而非0。',
    en:
      "By year: person-times of one training programme (default subsidised vocational training; adding programmes would double-count the 'of which' ones) per 10,000 working-age people in the designated poverty areas (prefectures flagged three_districts or three_states; optionally one group) against the national rate, and Three Supports and One Assistance placements (talent_stock indicator three_supports) per 10,000 working-age people in the areas and nationally. " +
      'National means the 31 mainland provinces (training and working-age population alike). The areas count rows recorded at their prefectures or the counties under them, never rows kept at province level; a flagged county under an unflagged prefecture is left out (counties have no working-age population). Area placements are null, not 0, in a year with no placement row inside the areas (typical when placements are reported by province only).',
  },
  module: import.meta.url,
  params: {
    program: trainingProgram,
    group: param.code(
      { zh: '贫困地区类别（空为全部）', en: 'Poverty-area group (empty = both)' },
      { table: 'region', column: 'poverty_group', where: 'poverty_group IS NOT NULL' },
      null,
      'three_districts',
    ),
  },
  columns: [
    col('year', 'integer', '年份', 'Year'),
    col('area_person_times', 'integer', '地区培训人次', 'Person-times in the areas', units.personTimes),
    col('area_working_age', 'integer', '地区劳动年龄人口', 'Working-age population of the areas', units.persons),
    col('area_per_10k', 'number', '地区每万人培训人次', 'Person-times per 10,000 working-age (areas)', units.per10k),
    col('national_per_10k', 'number', '全国每万人培训人次', 'Person-times per 10,000 working-age (nation)', units.per10k),
    col('ratio_to_national', 'number', '与全国之比', "Ratio of the areas' rate to the national rate", units.ratio),
    col('area_placements', 'number', '地区“三支一扶”人数', 'Three Supports placements in the areas', units.persons),
    col('area_placements_per_10k', 'number', '地区每万人“三支一扶”', 'Placements per 10,000 working-age (areas)', units.per10k),
    col('national_placements_per_10k', 'number', '全国每万人“三支一扶”', 'Placements per 10,000 working-age (nation)', units.per10k),
  ],
});
