import { col, defineQuery, units } from './lib/define.js';
import { param } from './lib/params.js';

/** The description of the six indicators, shared with region-comparison. */
export const indicatorNotes = {
  zh:
    '指标：training_per_10k 每万名劳动年龄人口补贴性职业技能培训量；knowledge_renewal_per_10k 知识更新工程培训量；certificates_per_10k 取证量（skill_certificate）——均按项目计量列、2020年人口普查15–59岁人口；' +
    'vacancy_seeker_ratio 该年最新有数据季度的求人倍率（需求人数÷求职人数，各省同一季度）；competition_medals 当年各项赛事金银铜牌合计；platforms_per_million 博士后站与专家服务基地合计每百万常住人口（各指标取不晚于该年的最新年份）。' +
    '地区中位数为同一四大区域省份的中位数；全国值 national_value 与省份值同口径：比率指标为全国总量之比（非各省平均），计数指标（奖牌数）为31个省份的平均数（全国合计 ÷ 31），national_basis 说明所用口径；z 分数与排名（1为最高）在大陆31个省份中计算（总体标准差）。period 为所用数据时期。按人口计算的指标若该省普查分母已知不完整，denominator_note_zh/en 给出说明。',
  en:
    "Indicators: training_per_10k (subsidised vocational training), knowledge_renewal_per_10k and certificates_per_10k (skill_certificate), each by the programme's metric per 10,000 people aged 15–59 (2020 census); " +
    'vacancy_seeker_ratio (vacancies ÷ job seekers in the latest quarter of the year with data, the same quarter for every province); competition_medals (gold + silver + bronze across competitions in the year); platforms_per_million (postdoctoral stations + expert service bases per million residents, each at its latest year up to the chosen one). ' +
    "macro_region_median is the median over the provinces of the same NBS macro-region; national_value is on the same basis as a province's value: for a rate, the nation as a whole (national totals divided, not a mean of provinces); for a count (medals), the average per province (national total ÷ 31), so that 'nation = 100' compares like with like; national_basis says which; z_score (population standard deviation) and rank (1 = highest) are among the 31 mainland provinces. period names the data period used (months for a year of training still being reported). denominator_note_zh/en: for a per-capita indicator of a province whose census denominator is known to be incomplete, a note saying so.",
};

/** Output columns, shared with region-comparison. */
export const indicatorColumns = [
  col('year', 'integer', '年份', 'Year'),
  col('region_code', 'string', '地区代码', 'Region code'),
  col('name_zh', 'string', '地区', 'Region (Chinese)'),
  col('name_en', 'string', '地区（英文）', 'Region'),
  col('macro_region', 'string', '四大区域', 'Macro-region'),
  col('indicator', 'string', '指标代码', 'Indicator code'),
  col('label_zh', 'string', '指标', 'Indicator (Chinese)'),
  col('label_en', 'string', '指标（英文）', 'Indicator'),
  col('unit_zh', 'string', '单位', 'Unit (Chinese)'),
  col('unit_en', 'string', '单位（英文）', 'Unit'),
  col('period', 'string', '数据时期', 'Data period (year, quarter or year range)'),
  col('value', 'number', '数值', 'Value'),
  col('macro_region_median', 'number', '所在区域中位数', "Median of the macro-region's provinces"),
  col('national_value', 'number', '全国', 'National value (a rate over the nation, or the average per province for a count)'),
  col('national_basis', 'string', '全国值口径', "Basis of national_value ('national_rate' or 'province_average')"),
  col('z_score', 'number', 'z 分数', 'z-score among the 31 mainland provinces', units.ratio),
  col('rank', 'integer', '排名', 'Rank among the 31 mainland provinces (1 = highest)'),
  col('denominator_note_zh', 'string', '分母说明', 'Note on an incomplete population denominator (Chinese)'),
  col('denominator_note_en', 'string', '分母说明（英文）', 'Note on an incomplete population denominator (per-capita indicators only)'),
  col('higher_is_better', 'boolean', '越高越好', 'Higher is better'),
];

export default defineQuery({
  name: 'region-profile',
  title: { zh: '省份画像', en: 'Province profile' },
  description: {
    zh: `某省份某年（默认培训数据最新年份）的六项指标，各一行，附所在区域中位数、全国值、z 分数和排名。${indicatorNotes.zh}`,
    en: `One province in one year (default: the latest year with training data), one row per indicator, with the macro-region median, the national value, and its z-score and rank. ${indicatorNotes.en}`,
  },
  module: import.meta.url,
  params: {
    region: param.code(
      { zh: '省份', en: 'Province' },
      { table: 'region', column: 'region_code', where: "level = 'province' AND in_mainland" },
      '440000',
      '440000',
    ),
    year: param.year({ zh: '年份', en: 'Year' }, { defaultNote: 'the latest year with training data' }),
  },
  columns: indicatorColumns,
});
