import type { ColumnSpec, DatasetSpec } from './types.js';

/** The subjects the published figures are grouped by (the `topic` column). */
export const publishedTopics = [
  'worldskills',
  'national_competition',
  'labour_market',
  'knowledge_renewal',
  'vocational_training',
  'technical_schools',
  'certificates',
  'postdoctoral',
  'experts',
  'grassroots',
] as const;

/**
 * What a period covers: a calendar year or quarter, several years together, a level at the end of a year, or
 * a level at another month (a running total "so far" when the source was written).
 */
export const publishedPeriodKinds = ['year', 'quarter', 'years', 'year_end', 'as_of'] as const;

/** How a value printed as approximate was qualified: 约 (about), 近 (nearly), 多 / 以上 / 超过 (more than). */
export const publishedQualifiers = ['about', 'nearly', 'more_than'] as const;

const text = (name: string, zh: string, en: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  type: 'text',
  required: true,
  label: { zh, en },
  aliases: [zh],
  ...extra,
});

/**
 * Real national figures quoted from public reports (WorldSkills medals, the national skills competitions, the
 * public employment service's quarterly vacancy-to-seeker ratio, scattered annual items), one value a row with
 * its source. Shipped in data/published/ beside the synthetic sample and never mixed with it.
 */
export const published: DatasetSpec = {
  name: 'published',
  table: 'published',
  kind: 'reference',
  label: { zh: '公开发布的全国数据', en: 'Published national figures' },
  grain: 'one published value: indicator × period × source',
  columns: [
    {
      name: 'indicator_code',
      type: 'code',
      key: true,
      label: { zh: '指标代码', en: 'Indicator code' },
      aliases: ['指标代码'],
    },
    text('indicator_zh', '指标', 'Indicator (Chinese)'),
    text('indicator_en', '指标（英文）', 'Indicator (English)'),
    text('topic', '主题', 'Topic', { allowed: publishedTopics }),
    {
      name: 'program_code',
      type: 'code',
      references: { table: 'program', column: 'program_code' },
      label: { zh: '对应项目代码', en: 'Matching programme code' },
      aliases: ['对应项目代码'],
      description: 'the programme whose metric the figure measures, where one does',
    },
    { name: 'period', type: 'text', key: true, label: { zh: '期间（如来源所载）', en: 'Period (as cited)' }, aliases: ['期间'] },
    text('period_kind', '期间类型', 'Period kind', { allowed: publishedPeriodKinds }),
    {
      name: 'period_first_month',
      type: 'month',
      required: true,
      label: { zh: '期间首月', en: 'First month of the period' },
      aliases: ['期间首月'],
    },
    {
      name: 'period_last_month',
      type: 'month',
      required: true,
      label: { zh: '期间末月', en: 'Last month of the period' },
      aliases: ['期间末月'],
    },
    {
      name: 'value',
      type: 'number',
      required: true,
      min: 0,
      label: { zh: '数值', en: 'Value' },
      aliases: ['数值'],
      description: 'in the unit of unit_zh; for an approximate value, the number printed beside its qualifier',
    },
    text('value_as_printed', '原文数值', 'Value as printed'),
    { name: 'approximate', type: 'boolean', required: true, label: { zh: '约数', en: 'Approximate' }, aliases: ['约数'] },
    {
      name: 'qualifier',
      type: 'text',
      allowed: publishedQualifiers,
      label: { zh: '约数限定词', en: 'Qualifier of an approximate value' },
      aliases: ['约数限定词'],
    },
    text('unit_zh', '单位', 'Unit (Chinese)'),
    text('unit_en', '单位（英文）', 'Unit (English)'),
    text('source_title', '来源标题', 'Source title'),
    { name: 'source_url', type: 'text', key: true, label: { zh: '来源网址', en: 'Source address' }, aliases: ['来源网址'] },
    text('source_date', '来源日期', 'Source date', { description: 'as cited: a day, a month or a year' }),
  ],
};
