import { col, defineQuery, units } from './lib/define.js';
import { param } from './lib/params.js';
import { trainingProgram } from './lib/common-params.js';
import { periodColumns } from './lib/columns.js';

export default defineQuery({
  name: 'poverty-counties',
  title: { zh: '52个未摘帽贫困县：培训和“三支一扶”', en: 'The 52 uncapped poverty counties: training and placements' },
  description: {
    zh:
      '2020年挂牌督战的52个未摘帽贫困县（地区表 poverty_county_52 为是的县）逐县给出某培训项目（默认补贴性职业技能培训）某年（默认该项目最新年份）的培训人次和每万名劳动年龄人口（2020年人口普查15–59岁）培训人次，所在省份和全国同一月份的比率，与全国之比（县比率÷全国比率），在所列各县中的名次（按每万人培训人次从高到低，1为最高，比率相同名次相同），上年同期培训人次和同比变化；以及该年“三支一扶”招募人数和每万名劳动年龄人口人数，并列所在省份和全国的同口径比率。' +
      '培训按同期比较：年内尚未报完的年份为1月至全国最新报送月份，与上年同月份比较，period_start、period_end、months_covered、period_complete 说明所覆盖的月份；该年全国未报送该项目时无结果。县的培训为记在该县的记录（未报送为0）；省份为全省合计（含记在省级、地市级的记录）；全国为大陆31个省份。' +
      '“三支一扶”为该自然年的年度数（人才存量数据，按年报送）：县为记在该县的记录，未报送时为空（未知，不是0）；省份为全省合计，全国为大陆31个省份合计。' +
      '合计行（row_kind=all，region_code 为空）为所列各县相加（人次、人数、劳动年龄人口分别相加后再求比率；未报送“三支一扶”的县不计入其人数）；指定省份时只列该省的县（如甘肃8个），合计为该省部分，合计行的省份比率为该省比率，否则为空。每万人比率保留两位小数，与全国之比和名次按未取整的比率计算。',
    en:
      'The 52 uncapped poverty counties put under listed supervision in 2020 (counties with poverty_county_52 in the region table), one county at a time, for one training programme (default subsidised vocational training) and year (default the latest year of the programme): person-times and person-times per 10,000 working-age people (aged 15–59, 2020 census), the rates of its province and of the nation over the same months, the ratio to the national rate (county rate ÷ national rate), the rank among the counties listed (by rate, highest first, 1 the highest; equal rates share a rank), the person-times of the same months of the previous year and the change on them; and the year’s Three Supports and One Assistance placements, per 10,000 working-age people, beside the province’s and the nation’s. ' +
      'Training is compared like for like: a year still being reported runs from January to the latest month the nation reported, against the same months of the previous year; period_start, period_end, months_covered and period_complete say which months. A year in which the nation did not report the programme returns no rows. A county counts the rows recorded at it (0 when it reported none); a province is its whole total (rows kept at province or prefecture level included); the nation is the 31 mainland provinces. ' +
      'Placements are the yearly count of the calendar year (talent stock, reported by year): a county’s are the rows recorded at it, null (unknown, not zero) when it reported none; the province’s its whole total, the nation’s the 31 mainland provinces. ' +
      "The total row (row_kind 'all', region_code null) sums the counties listed (person-times, placements and working-age population summed, then divided; a county without placements adds none). With a province, only its counties are listed (Gansu: 8), the total is its part and carries the province's rates; without, the total's province rates are null. Rates per 10,000 are rounded to two decimals; the ratio to the nation and the rank are taken on the unrounded rates.",
  },
  module: import.meta.url,
  params: {
    program: trainingProgram,
    year: param.year({ zh: '年份', en: 'Year' }, { defaultNote: 'the latest year the programme was reported' }),
    province: param.code(
      { zh: '省份（仅看其县）', en: 'Province (its counties only)' },
      { table: 'region', column: 'region_code', where: "level = 'province'" },
      null,
      '620000',
    ),
  },
  columns: [
    col('year', 'integer', '年份', 'Year'),
    ...periodColumns,
    col('row_kind', 'string', '行类型', "Row kind: 'county' or 'all' (the total of the counties listed)"),
    col('region_code', 'string', '县代码', 'County code (null on the total row)'),
    col('name_zh', 'string', '县', 'County or total (Chinese)'),
    col('name_en', 'string', '县（英文）', 'County or total'),
    col('prefecture_code', 'string', '地市代码', 'Prefecture code'),
    col('prefecture_name_zh', 'string', '地市', 'Prefecture (Chinese)'),
    col('prefecture_name_en', 'string', '地市（英文）', 'Prefecture'),
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
    col('rank', 'integer', '名次', 'Rank by person-times per 10,000 among the counties listed (1 = highest)'),
    col('previous_person_times', 'integer', '上年同期培训人次', 'Person-times in the same months of the previous year', units.personTimes),
    col('change_on_previous_year', 'number', '同比变化（同期）', 'Change on the same months of the previous year', units.share),
    col('placements', 'integer', '“三支一扶”人数', 'Three Supports and One Assistance placements (the year)', units.persons),
    col('placements_per_10k', 'number', '每万人“三支一扶”人数', 'Placements per 10,000 working-age', units.per10k),
    col(
      'province_placements_per_10k',
      'number',
      '所在省份每万人“三支一扶”人数',
      "The province's placements per 10,000 working-age",
      units.per10k,
    ),
    col(
      'national_placements_per_10k',
      'number',
      '全国每万人“三支一扶”人数',
      "The nation's placements per 10,000 working-age",
      units.per10k,
    ),
  ],
});
