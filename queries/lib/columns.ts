import { col, units } from './define.js';

/** Output columns several analytics share, declared once. */

export const programColumns = [
  col('program_code', 'string', '项目代码', 'Programme code'),
  col('name_zh', 'string', '项目', 'Programme (Chinese)'),
  col('name_en', 'string', '项目（英文）', 'Programme'),
  col('unit_zh', 'string', '单位', 'Unit (Chinese)'),
  col('unit_en', 'string', '单位（英文）', 'Unit'),
];

export const occupationColumns = [
  col('occupation_code', 'string', '职业代码', 'Occupation code'),
  col('name_zh', 'string', '职业', 'Occupation (Chinese)'),
  col('name_en', 'string', '职业（英文）', 'Occupation'),
  col('group_code', 'string', '职业大类代码', 'Major group code'),
];

export const labourColumns = [
  col('vacancies', 'integer', '需求人数', 'Vacancies', units.persons),
  col('job_seekers', 'integer', '求职人数', 'Job seekers', units.persons),
  col('ratio', 'number', '求人倍率', 'Vacancies per job seeker', units.ratio),
];

export const regionColumns = [
  col('region_code', 'string', '地区代码', 'Region code'),
  col('name_zh', 'string', '地区', 'Region (Chinese)'),
  col('name_en', 'string', '地区（英文）', 'Region'),
  col('macro_region', 'string', '四大区域', 'Macro-region'),
];

/** The months a row covers (a year still being reported is year to date), as training-by-region labels them. */
export const periodColumns = [
  col('period_start', 'string', '起始月份', 'First month covered'),
  col('period_end', 'string', '截至月份', 'Last month covered'),
  col('months_covered', 'integer', '覆盖月数', 'Months covered'),
  col('period_complete', 'boolean', '时期完整（年：12个月）', 'Whole period (a year: all twelve months)'),
];
