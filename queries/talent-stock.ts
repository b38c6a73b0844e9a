import { col, defineQuery, units } from './lib/define.js';
import { regionColumns } from './lib/columns.js';
import { param } from './lib/params.js';
import { talentIndicator } from './lib/common-params.js';

export default defineQuery({
  name: 'talent-stock',
  title: { zh: '人才与平台指标', en: 'Talent and platform indicators' },
  description: {
    zh: '某项人才或平台指标某年各省的数值、每百万常住人口数值、占全国比重、同比变化和排名。存量指标取当年末水平，流量指标取当年发生数，均不跨年累计。',
    en: "One talent or platform indicator by province for one year: value, per million residents (2020 census), share of the national total, change on the previous year and rank. Stock indicators give the year's level, flow indicators the year's flow; neither is accumulated over years.",
  },
  module: import.meta.url,
  params: {
    indicator: talentIndicator,
    year: param.year({ zh: '年份', en: 'Year' }, { defaultNote: 'latest year with data for the indicator' }),
    level: param.choice({ zh: '地区层级', en: 'Region level' }, ['province'] as const, 'province'),
  },
  columns: [
    col('year', 'integer', '年份', 'Year'),
    ...regionColumns,
    col('unit_zh', 'string', '单位', 'Unit (Chinese)'),
    col('unit_en', 'string', '单位（英文）', 'Unit'),
    col('aggregation', 'string', '汇总方式', 'Stock (last) or flow (sum)'),
    col('value', 'number', '数值', 'Value'),
    col('population', 'integer', '常住人口（2020）', 'Population (2020)', units.persons),
    col('per_million', 'number', '每百万人', 'Per million residents', { zh: '每百万常住人口', en: 'per 1,000,000 residents' }),
    col('share_of_national', 'number', '占全国比重', 'Share of national total', units.share),
    col('previous_value', 'number', '上年数值', 'Previous year value'),
    col('change_on_previous_year', 'number', '同比变化', 'Change on previous year', units.share),
    col('rank', 'integer', '排名', 'Rank'),
  ],
});
