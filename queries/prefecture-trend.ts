import { col, defineQuery, units } from './lib/define.js';
import { param } from './lib/params.js';
import { trainingProgram } from './lib/common-params.js';
import { periodColumns } from './lib/columns.js';

export default defineQuery({
  name: 'prefecture-trend',
  title: { zh: '地市培训趋势（对比全省、全国）', en: 'Prefecture training trend against its province and the nation' },
  description: {
    zh:
      '某地市某培训项目按年（默认）或按月的培训人次及每万名劳动年龄人口（2020年人口普查15–59岁）培训人次，并列其所在省份和全国的同口径数值。时期为全国报送了该项目的年份或月份；某地区在某时期没有记录时为0。' +
      '按年时，一年为1月至全国在该年最新报送的月份：尚未报完的年份为年初至今，period_start、period_end、months_covered 说明所覆盖的月份，period_complete 为否，不要与全年数值直接比较；按月时每行为一个月（months_covered=1，period_complete 为是）。' +
      '地市数值为记在该地市及其下辖县区的记录；也可以给县代码（如52个未摘帽贫困县），县的数值为记在该县的记录，列名仍为 prefecture_*；省份数值为全省合计（含记在省级、未分到地市的记录）；全国为大陆31个省份（培训人次和劳动年龄人口均不含港澳台，与“三区三州”分析一致）。' +
      '每万人培训人次 = 培训人次 × 10000 ÷ 劳动年龄人口，保留两位小数；劳动年龄人口缺失的地市其比率为空。from、to 为起止年份（含）。',
    en:
      'One prefecture’s person-times in one training programme by year (default) or month, and per 10,000 working-age people (aged 15–59, 2020 census), beside the same figures for its province and the nation. The periods are those in which the nation reported the programme; a scope with no rows in a period has 0. ' +
      'By year, a year runs from January to the latest month the nation reported in it: a year still being reported is year to date, labelled by period_start, period_end and months_covered with period_complete false, and is not to be compared with whole years as it stands. By month, each row is one month (months_covered 1, period_complete true). ' +
      'The prefecture counts the rows recorded at it or at its counties; a county code is accepted too (e.g. one of the 52 uncapped poverty counties), and a county counts the rows recorded at it, in the same prefecture_* columns; the province is its whole total, including rows kept at province level and not allocated to a prefecture; the nation is the 31 mainland provinces (training and working-age population alike, Hong Kong, Macao and Taiwan excluded, as in poverty-areas). ' +
      'per_10k = person-times × 10,000 ÷ working-age population, rounded to two decimals; null for a prefecture without a working-age population. from and to are the first and last years (inclusive).',
  },
  module: import.meta.url,
  params: {
    program: trainingProgram,
    prefecture: param.code(
      { zh: '地市（或县）', en: 'Prefecture (or county)' },
      { table: 'region', column: 'region_code', where: "level IN ('prefecture', 'county')" },
      '620100',
      '620100',
    ),
    grain: param.choice({ zh: '时间粒度', en: 'Time grain' }, ['year', 'month'] as const, 'year'),
    from: param.year({ zh: '起始年份', en: 'First year' }, { defaultNote: 'all years' }),
    to: param.year({ zh: '终止年份', en: 'Last year' }, { defaultNote: 'all years' }),
  },
  columns: [
    col('period', 'string', '时期', 'Period (YYYY or YYYY-MM)'),
    ...periodColumns,
    col('prefecture_code', 'string', '地市代码', 'Prefecture code'),
    col('name_zh', 'string', '地市', 'Prefecture (Chinese)'),
    col('name_en', 'string', '地市（英文）', 'Prefecture'),
    col('person_times', 'integer', '地市培训人次', 'Person-times (prefecture)', units.personTimes),
    col('working_age', 'integer', '地市劳动年龄人口', 'Working-age population (prefecture)', units.persons),
    col('per_10k', 'number', '地市每万人培训人次', 'Person-times per 10,000 working-age (prefecture)', units.per10k),
    col('province_code', 'string', '省份代码', 'Province code'),
    col('province_name_zh', 'string', '省份', 'Province (Chinese)'),
    col('province_name_en', 'string', '省份（英文）', 'Province'),
    col('province_person_times', 'integer', '全省培训人次', 'Person-times (province)', units.personTimes),
    col('province_working_age', 'integer', '全省劳动年龄人口', 'Working-age population (province)', units.persons),
    col('province_per_10k', 'number', '全省每万人培训人次', 'Person-times per 10,000 working-age (province)', units.per10k),
    col('national_person_times', 'integer', '全国培训人次', 'Person-times (nation, 31 mainland provinces)', units.personTimes),
    col('national_working_age', 'integer', '全国劳动年龄人口', 'Working-age population (nation, 31 mainland provinces)', units.persons),
    col('national_per_10k', 'number', '全国每万人培训人次', 'Person-times per 10,000 working-age (nation)', units.per10k),
  ],
});
