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
    col('period_start', 'integer', '起始年', 'First year'),
    col('period_end', 'integer', '终止年', 'Last year'),
    col('value', 'number', '目标值', 'Target'),
  ],
});
