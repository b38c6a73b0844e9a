import { col, defineQuery, units } from './lib/define.js';
import { regionColumns } from './lib/columns.js';
import { param } from './lib/params.js';
import { trainingProgram } from './lib/common-params.js';

export default defineQuery({
  name: 'training-by-region',
  title: { zh: '各地区培训情况', en: 'Training by region' },
  description: {
    zh:
      '某一项目某年各省（或各地市）的培训人次、每万名劳动年龄人口培训人次、占全国比重、同比变化和排名。年内尚未报完的年份按同期比较：该年1月至全国最新报送月份，与上年同月份比较；per_10k 为这些月份的累计（年初至今），per_10k_annualised 为按12个月折算的年率。' +
      'period_start、period_end、months_covered 说明所覆盖的月份，period_complete 表示是否全年。默认按每万人培训人次排名（rank_by=volume 时按人次）。' +
      '参考比率（同一月份、同一领域筛选）：parent_per_10k 为地市所在省份的全省每万人培训人次（全省合计含记在省级、未分到地市的记录；省级行为空，其上级即全国）；national_per_10k 为全国每万人培训人次，全国指大陆31个省份（培训人次和劳动年龄人口均不含港澳台，与 poverty-areas 一致；share_of_national 的分母仍为全国全部记录）。两者保留两位小数。denominator_note_zh/en：已知普查分母不完整的地区（吉林不含通化、保定不含定州和雄安、兵团师市无人口等，见 docs/reference-data.md）给出说明，其比率偏高；其余为空。',
    en:
      'Person-times trained in one programme and year by province (or prefecture): per 10,000 working-age people, share of the national total, change on the previous year and rank. ' +
      'A year still being reported is compared like for like: January to the latest month the nation reported, against the same months of the previous year; per_10k is then year to date and per_10k_annualised scales it to twelve months. ' +
      'period_start, period_end and months_covered say which months; period_complete whether the year is whole. Ranked by the per-10,000 rate (rank_by=volume: by person-times). ' +
      "Reference rates over the same months (and field): parent_per_10k is a prefecture's province's own rate (the province's whole total, rows kept at province level and not allocated to a prefecture included; null on province rows, whose parent is the nation, the next column); national_per_10k is the nation's rate over the 31 mainland provinces (training and working-age population alike, Hong Kong, Macao and Taiwan excluded, as in poverty-areas; share_of_national still divides by every row). Both rounded to two decimals. denominator_note_zh/en: where a region's census denominator is known to be incomplete (Jilin without Tonghua, Baoding without Dingzhou and Xiong'an, the XPCC cities without population — docs/reference-data.md), a note saying so, since its rates read high; null elsewhere.",
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
    rank_by: param.choice({ zh: '排名依据', en: 'Rank by' }, ['rate', 'volume'] as const, 'rate'),
    field: param.code({ zh: '领域', en: 'Field' }, { table: 'field', column: 'field_code' }, null, 'ai'),
  },
  columns: [
    col('year', 'integer', '年份', 'Year'),
    col('period_start', 'string', '起始月份', 'First month covered'),
    col('period_end', 'string', '截至月份', 'Last month covered'),
    col('months_covered', 'integer', '覆盖月数', 'Months covered'),
    col('period_complete', 'boolean', '全年', 'Whole year'),
    ...regionColumns,
    col('person_times', 'integer', '培训人次', 'Person-times', units.personTimes),
    col('certificates', 'integer', '发证数', 'Certificates', { zh: '本', en: 'certificates' }),
    col('working_age', 'integer', '劳动年龄人口', 'Working-age population', units.persons),
    col('per_10k', 'number', '每万人培训人次（所覆盖月份）', 'Person-times per 10,000 working-age (months covered)', units.per10k),
    col('per_10k_annualised', 'number', '每万人培训人次（折算全年）', 'Person-times per 10,000 working-age, annualised', units.per10k),
    col('share_of_national', 'number', '占全国比重', 'Share of national total', units.share),
    col('previous_person_times', 'integer', '上年同期培训人次', 'Person-times in the same months of the previous year', units.personTimes),
    col('change_on_previous_year', 'number', '同比变化（同期）', 'Change on the same months of the previous year', units.share),
    col('rank_by', 'string', '排名依据', 'What the rank is by (rate or volume)'),
    col('rank', 'integer', '排名', 'Rank'),
    col(
      'parent_per_10k',
      'number',
      '所在省份每万人培训人次（所覆盖月份）',
      "The province's own person-times per 10,000 working-age, months covered (prefecture rows; null for provinces)",
      units.per10k,
    ),
    col(
      'national_per_10k',
      'number',
      '全国每万人培训人次（所覆盖月份）',
      "The nation's person-times per 10,000 working-age, months covered",
      units.per10k,
    ),
    col('denominator_note_zh', 'string', '分母说明', 'Note on an incomplete denominator (Chinese)'),
    col(
      'denominator_note_en',
      'string',
      '分母说明（英文）',
      'Note on an incomplete denominator, where the census population is known to be incomplete',
    ),
  ],
});
