import { col, defineQuery, units } from './lib/define.js';
import { param } from './lib/params.js';
import { trainingProgram } from './lib/common-params.js';
import { periodColumns } from './lib/columns.js';

export default defineQuery({
  name: 'poverty-prefectures',
  title: { zh: '“三区三州”各地市培训', en: 'Training in the designated poverty areas, prefecture by prefecture' },
  description: {
    zh:
      '“三区三州”（标有贫困地区类别 three_districts 或 three_states 的地市）逐个地市给出某培训项目（默认补贴性职业技能培训）某年（默认该项目最新年份）的培训人次、每万名劳动年龄人口（2020年人口普查15–59岁）培训人次、所在省份和全国同一月份的每万人培训人次、与全国之比（地市比率÷全国比率）、上年同期培训人次和同比变化（本期÷上年同期−1）。' +
      '口径与 poverty-areas 一致：计入地市的是记在该地市或其下辖县区的记录；省份为全省合计（含记在省级的记录）；全国为大陆31个省份（培训人次和劳动年龄人口均不含港澳台）。' +
      '年内尚未报完的年份按同期比较：该年1月至全国最新报送月份，与上年同月份比较，所有比率为这些月份的累计（年初至今），period_start、period_end、months_covered、period_complete 说明所覆盖的月份。该年全国未报送该项目时无结果。' +
      '合计行：row_kind=group 为每类（“三区”“三州”）一行，row_kind=all 为两类合计一行，均为所列地市相加（人次、劳动年龄人口分别相加后再求比率；region_code 为空）；指定省份时只列该省的地市，合计为该省部分，合计行的 province_per_10k 为该省比率，否则为空。没有贫困地区地市的省份无结果。每万人比率保留两位小数，与全国之比按未取整的比率计算。',
    en:
      'The designated poverty areas (prefectures flagged three_districts or three_states) one prefecture at a time, for one training programme (default subsidised vocational training) and year (default the latest year of the programme): person-times, person-times per 10,000 working-age people (aged 15–59, 2020 census), the rate of its province and of the nation over the same months, the ratio to the national rate (prefecture rate ÷ national rate), the person-times of the same months of the previous year and the change on them (current ÷ previous − 1). ' +
      'Definitions as in poverty-areas: a prefecture counts the rows recorded at it or at its counties; a province is its whole total (rows kept at province level included); the nation is the 31 mainland provinces (training and working-age population alike, Hong Kong, Macao and Taiwan excluded). ' +
      'A year still being reported is compared like for like: January to the latest month the nation reported, against the same months of the previous year, and every rate is then year to date; period_start, period_end, months_covered and period_complete say which months. A year in which the nation did not report the programme returns no rows. ' +
      "Total rows: row_kind 'group' is one row per group (three districts, three states) and row_kind 'all' one row for both, each the sum of the prefectures listed (person-times and working-age population summed, then divided; region_code null). With a province, only its prefectures are listed, the totals are its part of each group and their province_per_10k is its rate; without, the totals' province_per_10k is null. A province without a designated prefecture returns no rows. Rates per 10,000 are rounded to two decimals; the ratio to the nation is taken on the unrounded rates.",
  },
  module: import.meta.url,
  params: {
    program: trainingProgram,
    year: param.year({ zh: '年份', en: 'Year' }, { defaultNote: 'the latest year the programme was reported' }),
    province: param.code(
      { zh: '省份（仅看其地市）', en: 'Province (its prefectures only)' },
      { table: 'region', column: 'region_code', where: "level = 'province'" },
      null,
      '620000',
    ),
  },
  columns: [
    col('year', 'integer', '年份', 'Year'),
    ...periodColumns,
    col('row_kind', 'string', '行类型', "Row kind: 'prefecture', 'group' (one group's total) or 'all' (both groups)"),
    col('poverty_group', 'string', '贫困地区类别', "Poverty-area group ('three_districts' or 'three_states'; null on the 'all' row)"),
    col('region_code', 'string', '地市代码', 'Prefecture code (null on total rows)'),
    col('name_zh', 'string', '地市', 'Prefecture or total (Chinese)'),
    col('name_en', 'string', '地市（英文）', 'Prefecture or total'),
    col('province_code', 'string', '省份代码', 'Province code'),
    col('province_name_zh', 'string', '省份', 'Province (Chinese)'),
    col('province_name_en', 'string', '省份（英文）', 'Province'),
    col('person_times', 'integer', '培训人次', 'Person-times (months covered)', units.personTimes),
    col('working_age', 'integer', '劳动年龄人口', 'Working-age population', units.persons),
    col('per_10k', 'number', '每万人培训人次', 'Person-times per 10,000 working-age', units.per10k),
    col(
      'province_per_10k',
      'number',
      '所在省份每万人培训人次',
      "The province's person-times per 10,000 working-age (same months)",
      units.per10k,
    ),
    col('national_per_10k', 'number', '全国每万人培训人次', "The nation's person-times per 10,000 working-age (same months)", units.per10k),
    col('ratio_to_national', 'number', '与全国之比', 'Ratio of the rate to the national rate', units.ratio),
    col('previous_person_times', 'integer', '上年同期培训人次', 'Person-times in the same months of the previous year', units.personTimes),
    col('change_on_previous_year', 'number', '同比变化（同期）', 'Change on the same months of the previous year', units.share),
  ],
});
