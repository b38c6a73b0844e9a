import { col, defineQuery, units } from '../lib/define.js';
import { param } from '../lib/params.js';
import { exportFilters, factRegionColumns, sourceColumn } from './common.js';

export default defineQuery({
  name: 'training',
  title: { zh: '培训明细', en: 'Training records' },
  description: {
    zh: '培训事实表（月 × 地区 × 项目 × 领域），附地区、项目、领域名称。',
    en: 'Training facts (month × region × programme × field) with region, programme and field names.',
  },
  module: import.meta.url,
  params: {
    ...exportFilters,
    programs: param.codes(
      { zh: '项目', en: 'Programmes' },
      { table: 'program', column: 'program_code', where: "fact_table = 'training'" },
      'knowledge_renewal',
    ),
    fields: param.codes({ zh: '领域', en: 'Fields' }, { table: 'field', column: 'field_code' }, 'ai'),
  },
  columns: [
    col('month', 'string', '月份', 'Month'),
    ...factRegionColumns,
    col('region_level', 'string', '地区层级', 'Region level (province, prefecture or county)'),
    col('province_code', 'string', '省级代码', 'Province code'),
    col('program_code', 'string', '项目代码', 'Programme code'),
    col('program_name_zh', 'string', '项目', 'Programme (Chinese)'),
    col('program_name_en', 'string', '项目（英文）', 'Programme'),
    col('field_code', 'string', '领域代码', 'Field code'),
    col('field_name_zh', 'string', '领域', 'Field (Chinese)'),
    col('field_name_en', 'string', '领域（英文）', 'Field'),
    col('person_times', 'integer', '培训人次', 'Person-times', units.personTimes),
    col('participants', 'integer', '培训人数', 'Participants', units.persons),
    col('certificates', 'integer', '发证数', 'Certificates', { zh: '本', en: 'certificates' }),
    col('funding_cny', 'number', '资金', 'Funding', units.cny),
    sourceColumn,
  ],
});
