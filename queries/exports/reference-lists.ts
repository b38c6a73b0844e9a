import { col, defineQuery } from '../lib/define.js';
import { param } from '../lib/params.js';

export default defineQuery({
  name: 'reference-lists',
  title: { zh: '代码表', en: 'Code lists' },
  description: {
    zh: '行动、项目、领域、职业、重点区域和赛事的代码与中英文名称，以及行动序号、职业和赛事层级、项目的事实表、计量指标、汇总方式和单位。',
    en: "Codes with Chinese and English names of actions, programmes, fields, occupations, zones and competitions, with an action's order, an occupation's or competition's level, and a programme's fact table, metric, aggregation over time and unit.",
  },
  module: import.meta.url,
  params: {
    lists: param.choiceList({ zh: '代码表', en: 'Lists' }, ['action', 'program', 'field', 'occupation', 'zone', 'competition'] as const),
  },
  columns: [
    col('list', 'string', '代码表', 'List'),
    col('code', 'string', '代码', 'Code'),
    col('name_zh', 'string', '中文名称', 'Name (Chinese)'),
    col('name_en', 'string', '英文名称', 'Name (English)'),
    col('parent_code', 'string', '上级代码', 'Parent code'),
    col('seq', 'integer', '序号', 'Order (actions)'),
    col('level', 'string', '层级', 'Level (occupations, competitions)'),
    col('fact_table', 'string', '事实表', 'Fact table (programmes)'),
    col('metric', 'string', '计量指标', 'Metric (programmes)'),
    col('aggregation', 'string', '汇总方式', 'Aggregation over time (programmes)'),
    col('unit_zh', 'string', '单位（中文）', 'Unit, Chinese (programmes)'),
    col('unit_en', 'string', '单位（英文）', 'Unit, English (programmes)'),
  ],
});
