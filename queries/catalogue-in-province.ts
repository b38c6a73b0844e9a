import { col, defineQuery, units } from './lib/define.js';
import { labourColumns, occupationColumns } from './lib/columns.js';
import { param } from './lib/params.js';

export default defineQuery({
  name: 'catalogue-in-province',
  title: { zh: '本省的重点区域急需紧缺职业', en: "A zone's urgently-needed catalogue in the province" },
  description: {
    zh:
      '某省份所属各重点区域（该省、其地市或县区是区域成员即属于该区域：广东→粤港澳大湾区，河北→京津冀，海南→海南自由贸易港，上海、江苏、浙江、安徽→长三角）的急需紧缺人才目录，逐个职业给出某季度（默认最新季度）在全省（或所选地市）的岗位需求人数、求职人数、求人倍率（需求÷求职）、是否紧缺、在本省该目录职业中的紧缺排名、上年同季度的求人倍率及同比变化（本季度倍率−上年同季度倍率），并列全区域和全国同季度的求人倍率作参考。' +
      '紧缺：求人倍率高于阈值θ（与 zone-pressure 相同，默认1.5；有需求而求职人数为0也算紧缺，需求和求职均为0不算）；该地区该季度没有该职业记录时需求、求职为空，是否紧缺和排名为空。排名：倍率从高到低（有需求而无求职者排最前，倍率无法计算的排最后）。' +
      '全省为全省全部记录（含记在省级的记录，也含不在区域内的地市）；选地市时为记在该地市及其下辖县区的记录（prefecture 须为该省的地市），prefecture_in_zone 表示该地市或其省份是否为区域成员（未选地市时为空）。全区域的每条记录只计一次（见 zone-pressure）；全国为大陆31个省份。不属于任何重点区域的省份（如甘肃）无结果。',
    en:
      'For each strategic zone a province belongs to (it, one of its prefectures or one of its counties is a member: Guangdong → gba, Hebei → jjj, Hainan → hainan, Shanghai, Jiangsu, Zhejiang and Anhui → yrd), every occupation of the zone’s urgently-needed catalogue in one quarter (default the latest): vacancies, job seekers and their ratio (vacancies ÷ job seekers) in the whole province (or the chosen prefecture), whether it is tight, its rank among the catalogue’s occupations there, the ratio in the same quarter a year before and the change on it (this quarter’s ratio − that one), and for reference the ratio across the whole zone and across the nation in the quarter. ' +
      'Tight means a ratio above θ, as zone-pressure counts it (default 1.5 as there; vacancies with no job seekers are tight, no vacancies and no seekers are not); an occupation the area has no row for in the quarter has null vacancies and seekers, and a null tight and rank. Rank: highest ratio first (vacancies with no seekers first, no ratio last). ' +
      'The province is every row in it (rows kept at province level and prefectures outside the zone included); a prefecture is the rows recorded at it or at its counties (it must be a prefecture of the province), and prefecture_in_zone says whether it or its province is a member of the zone (null without a prefecture). The zone counts each row once (see zone-pressure); the nation is the 31 mainland provinces. A province in no zone (e.g. Gansu) returns no rows.',
  },
  module: import.meta.url,
  params: {
    province: param.code(
      { zh: '省份', en: 'Province' },
      { table: 'region', column: 'region_code', where: "level = 'province'" },
      '440000',
      '440000',
    ),
    quarter: param.quarter({ zh: '季度', en: 'Quarter' }),
    theta: param.number({ zh: '求人倍率阈值θ', en: 'Ratio threshold θ' }, 0.1, 10, 1.5),
    prefecture: param.code(
      { zh: '地市（该省的，空为全省）', en: 'Prefecture of the province (empty = whole province)' },
      { table: 'region', column: 'region_code', where: "level = 'prefecture'" },
      null,
      '440300',
    ),
  },
  /** A prefecture's code starts with its province's two digits (GB/T 2260). */
  check: ({ province, prefecture }) =>
    province !== null && prefecture !== null && prefecture.slice(0, 2) !== province.slice(0, 2)
      ? [{ name: 'prefecture', reason: `${prefecture} is not a prefecture of the province ${province}` }]
      : [],
  columns: [
    col('quarter', 'string', '季度', 'Quarter'),
    col('province_code', 'string', '省份代码', 'Province code'),
    col('area_code', 'string', '地区代码', 'Code of the area measured (the province or the prefecture)'),
    col('area_level', 'string', '地区层级', "Level of the area ('province' or 'prefecture')"),
    col('area_name_zh', 'string', '地区', 'Area (Chinese)'),
    col('area_name_en', 'string', '地区（英文）', 'Area'),
    col(
      'prefecture_in_zone',
      'boolean',
      '地市属于该区域',
      'The prefecture or its province is a member of the zone (null for the province)',
    ),
    col('zone_code', 'string', '区域代码', 'Zone code'),
    col('zone_name_zh', 'string', '区域', 'Zone (Chinese)'),
    col('zone_name_en', 'string', '区域（英文）', 'Zone'),
    col('theta', 'number', '阈值θ', 'Threshold θ', units.ratio),
    ...occupationColumns,
    ...labourColumns,
    col('tight', 'boolean', '紧缺', 'Tight (ratio above θ)'),
    col('rank', 'integer', '紧缺排名', 'Rank by ratio among the catalogue’s occupations in the area (1 = tightest)'),
    col('previous_ratio', 'number', '上年同季度求人倍率', 'Vacancies per job seeker in the same quarter a year before', units.ratio),
    col('ratio_change_on_previous_year', 'number', '求人倍率同比变化', 'Ratio change on the same quarter a year before', units.ratio),
    col('zone_ratio', 'number', '全区域求人倍率', 'Vacancies per job seeker across the zone', units.ratio),
    col('national_ratio', 'number', '全国求人倍率', 'Vacancies per job seeker across the nation (31 mainland provinces)', units.ratio),
  ],
});
