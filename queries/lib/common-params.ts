import { param } from './params.js';

/** Parameters several queries share, declared once. */
export const trainingProgram = param.code(
  { zh: '培训项目', en: 'Training programme' },
  { table: 'program', column: 'program_code', where: "fact_table = 'training'" },
  'vocational_training',
  'knowledge_renewal',
);

export const regionFilter = param.code({ zh: '地区', en: 'Region' }, { table: 'region', column: 'region_code' }, null, '440000');

export const zoneFilter = param.code({ zh: '重点区域', en: 'Strategic zone' }, { table: 'zone', column: 'zone_code' }, null, 'gba');

export const occupationGroup = param.code(
  { zh: '职业大类', en: 'Occupation major group' },
  { table: 'occupation', column: 'group_code', where: "level = 'group'" },
  null,
  '2',
);

/** A strategic zone that must be chosen (zoneFilter is the optional one). */
export const zoneRequired = param.code({ zh: '重点区域', en: 'Strategic zone' }, { table: 'zone', column: 'zone_code' }, 'gba', 'gba');

export const competitionFilter = param.code(
  { zh: '赛事', en: 'Competition' },
  { table: 'competition_event', column: 'competition_code' },
  null,
  'national_skills',
);

export const talentIndicator = param.code(
  { zh: '人才与平台指标', en: 'Talent or platform indicator' },
  { table: 'program', column: 'program_code', where: "fact_table = 'talent_stock'" },
  'postdoc_stations',
  'postdoc_stations',
);

/** The training programme whose target is tracked; knowledge renewal is the one with a yearly national target. */
const targetTrainingProgram = param.code(
  { zh: '培训项目', en: 'Training programme' },
  { table: 'program', column: 'program_code', where: "fact_table = 'training'" },
  'knowledge_renewal',
  'knowledge_renewal',
);

/** A province, or the nation when absent (the SQL also reads '000000', the national code of the target table, as the nation). */
export const provinceOrNation = param.code(
  { zh: '省份（空为全国）', en: 'Province (empty = national)' },
  { table: 'region', column: 'region_code', where: "level = 'province'", alsoAllowed: ['000000'] },
  null,
  '440000',
);

/** as_of, when given with a year, must be a month of that year. */
export function asOfInYear(values: { year: number | null; as_of: string | null }): { name: string; reason: string }[] {
  if (values.year === null || values.as_of === null || values.as_of.startsWith(`${values.year}-`)) return [];
  return [{ name: 'as_of', reason: `${values.as_of} is not a month of the chosen year ${values.year}` }];
}

/** The parameters of annual-target-progress and annual-target-path, which read the same month path. */
export const annualTargetParams = {
  program: targetTrainingProgram,
  year: param.year({ zh: '年份', en: 'Year' }, { defaultNote: "the as-of month's year, else the latest year the programme was reported" }),
  region: provinceOrNation,
  as_of: param.month({ zh: '截至月份', en: 'As of month' }),
};
