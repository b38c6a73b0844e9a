import { publishedTopics } from '../../core/datasets/published.js';
import { defineQuery } from '../lib/define.js';
import { param } from '../lib/params.js';
import { publishedFigureColumns } from '../published-figures.js';

export default defineQuery({
  name: 'published',
  title: { zh: '公开发布的全国数据（真实）', en: 'Published national figures (real)' },
  description: {
    zh: '从公开报道和公报中摘录的真实全国数据，每行一个数值，附期间、单位、约数标记和来源（标题、网址、日期）；不是合成样本。',
    en: 'Real national figures quoted from public reports, one value a row with its period, unit, approximate flag and source (title, address, date); not the synthetic sample.',
  },
  module: import.meta.url,
  params: {
    topics: param.choiceList({ zh: '主题', en: 'Topics' }, publishedTopics),
    limit: param.optionalInteger({ zh: '最多行数', en: 'Row limit' }, 1, 1_000_000, '1000'),
  },
  columns: publishedFigureColumns,
});
