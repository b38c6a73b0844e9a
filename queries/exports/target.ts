import { col, defineQuery } from '../lib/define.js';
import { param } from '../lib/params.js';

export default defineQuery({
  name: 'target',
  title: { zh: '目标', en: 'Targets' },
  description: {
    zh: '各项目的年度和五年目标（000000 表示全国），附来源。',
    en: 'Annual and multi-year programme targets (000000 = national) with their sources.',
  },
  module: import.meta.url,
  params: {
    programs: param.codes({ zh: '项目', en: 'Programmes' }, { table: 'program', column: 'program_code' }, 'knowledge_renewal'),
  },
  columns: [
    col('program_code', 'string', '项目代码', 'Programme code'),
    col('program_name_zh', 'string', '项目', 'Programme (Chinese)'),
    col('program_name_en', 'string', '项目（英文）', 'Programme'),
    col('unit_zh', 'string', '单位', 'Unit (Chinese)'),
    col('unit_en', 'string', '单位（英文）', 'Unit'),
    col('period_start', 'integer', '起始年', 'First year'),
    col('period_end', 'integer', '终止年', 'Last year'),
    col('region_code', 'string', '地区代码（000000 为全国）', 'Region code (000000 = national)'),
    col('value', 'number', '目标值', 'Target'),
    col('source', 'string', '来源', 'Source'),
    col('note', 'string', '说明', 'Note'),
  ],
});
