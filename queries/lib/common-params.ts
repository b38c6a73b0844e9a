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
