import { col, defineQuery, units } from './lib/define.js';
import { param } from './lib/params.js';
import { zoneFilter } from './lib/common-params.js';

export default defineQuery({
  name: 'zone-pressure',
  title: { zh: '重点区域紧缺压力', en: 'Strategic-zone pressure' },
  description: {
    zh: '某季度各重点区域急需紧缺人才目录中求人倍率（区域内需求人数÷求职人数）高于阈值θ的职业数及占比（有求职人数为0而有需求的职业也计入），以及区域全部职业和目录职业的需求、求职人数与求人倍率。',
    en: "For each strategic zone and one quarter: how many occupations of its urgently-needed catalogue have a vacancy-to-seeker ratio across the zone above θ (vacancies with no seekers count as above), their share of the catalogue occupations reported, and the zone's vacancies, job seekers and ratio for all occupations and for the catalogue.",
  },
  module: import.meta.url,
  params: {
    theta: param.number({ zh: '求人倍率阈值θ', en: 'Ratio threshold θ' }, 0.1, 10, 1.5),
    quarter: param.quarter({ zh: '季度', en: 'Quarter' }),
    zone: zoneFilter,
  },
  columns: [
    col('quarter', 'string', '季度', 'Quarter'),
    col('zone_code', 'string', '区域代码', 'Zone code'),
    col('name_zh', 'string', '区域', 'Zone (Chinese)'),
    col('name_en', 'string', '区域（英文）', 'Zone'),
    col('theta', 'number', '阈值θ', 'Threshold θ', units.ratio),
    col('catalogue_size', 'integer', '目录职业数', 'Catalogue occupations'),
    col('occupations_reported', 'integer', '有数据的目录职业数', 'Catalogue occupations reported'),
    col('occupations_over_theta', 'integer', '高于阈值的职业数', 'Occupations above θ'),
    col('share_over_theta', 'number', '高于阈值的占比', 'Share of reported above θ', units.share),
    col('vacancies', 'integer', '需求人数（全部职业）', 'Vacancies (all occupations)', units.persons),
    col('job_seekers', 'integer', '求职人数（全部职业）', 'Job seekers (all occupations)', units.persons),
    col('ratio', 'number', '求人倍率（全部职业）', 'Vacancies per job seeker (all occupations)', units.ratio),
    col('catalogue_vacancies', 'integer', '需求人数（目录职业）', 'Vacancies (catalogue)', units.persons),
    col('catalogue_job_seekers', 'integer', '求职人数（目录职业）', 'Job seekers (catalogue)', units.persons),
    col('catalogue_ratio', 'number', '求人倍率（目录职业）', 'Vacancies per job seeker (catalogue)', units.ratio),
  ],
});
