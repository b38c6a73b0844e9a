import { col, defineQuery, sqlFile } from '../lib/define.js';
import { param } from '../lib/params.js';

export default defineQuery({
  name: 'reference-lists',
  title: { zh: '代码表', en: 'Code lists' },
  description: {
    zh: '行动、项目、领域、职业、重点区域和赛事的代码与中英文名称。项目的 detail 为“事实表|计量指标|汇总方式|中文单位|英文单位”。',
    en: "Codes with Chinese and English names of actions, programmes, fields, occupations, zones and competitions. A programme's detail is 'fact_table|metric|aggregation|unit_zh|unit_en'.",
  },
  sql: sqlFile(import.meta.url),
  params: {
    lists: param.choiceList({ zh: '代码表', en: 'Lists' }, ['action', 'program', 'field', 'occupation', 'zone', 'competition'] as const),
  },
  columns: [
    col('list', 'string', '代码表', 'List'),
    col('code', 'string', '代码', 'Code'),
    col('name_zh', 'string', '中文名称', 'Name (Chinese)'),
    col('name_en', 'string', '英文名称', 'Name (English)'),
    col('parent_code', 'string', '上级代码', 'Parent code'),
    col('detail', 'string', '说明', 'Detail'),
  ],
});
