import { z } from 'zod';
import { publishedTopics } from '../core/datasets/published.js';
import { col, defineQuery } from './lib/define.js';
import type { ParamSpec } from './lib/params.js';

const emptyToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

const topic: ParamSpec<string | null> = {
  schema: z.preprocess(emptyToNull, z.enum(publishedTopics).nullable()),
  sqlType: 'VARCHAR',
  label: { zh: '主题', en: 'Topic' },
  default: null,
  defaultNote: 'all topics',
  allowed: publishedTopics,
  example: 'worldskills',
};

const indicator: ParamSpec<string | null> = {
  schema: z.preprocess(
    emptyToNull,
    z
      .string()
      .regex(/^[A-Za-z0-9_]{1,40}$/, 'expected an indicator code (letters, digits and _)')
      .nullable(),
  ),
  sqlType: 'VARCHAR',
  label: { zh: '指标代码', en: 'Indicator code' },
  default: null,
  defaultNote: 'all indicators',
  example: 'PES_RATIO',
};

/** The columns of a published figure, as the analytic and the dataset export return them. */
export const publishedFigureColumns = [
  col('indicator_code', 'string', '指标代码', 'Indicator code'),
  col('indicator_zh', 'string', '指标', 'Indicator (Chinese)'),
  col('indicator_en', 'string', '指标（英文）', 'Indicator'),
  col('topic', 'string', '主题', 'Topic'),
  col('program_code', 'string', '对应项目代码', 'Matching programme code'),
  col('period', 'string', '期间（如来源所载）', 'Period (as cited)'),
  col('period_kind', 'string', '期间类型', 'Period kind (year, quarter, years, year_end, as_of)'),
  col('period_start', 'date', '期间起始日', 'Period start (first day)'),
  col('period_end', 'date', '期间截止日', 'Period end (last day)'),
  col('value', 'number', '数值（单位见 unit_zh 列）', 'Value (in the unit of unit_zh)'),
  col('value_as_printed', 'string', '原文数值', 'Value as printed'),
  col('approximate', 'boolean', '约数', 'Printed as approximate'),
  col('qualifier', 'string', '约数限定词', 'Qualifier (about, nearly, more_than)'),
  col('unit_zh', 'string', '单位', 'Unit (Chinese)'),
  col('unit_en', 'string', '单位（英文）', 'Unit'),
  col('source_title', 'string', '来源标题', 'Source title'),
  col('source_url', 'string', '来源网址', 'Source address'),
  col('source_date', 'string', '来源日期', 'Source date (as cited)'),
] as const;

export default defineQuery({
  name: 'published-figures',
  title: { zh: '公开发布的全国数据', en: 'Published national figures' },
  description: {
    zh: '从公开报道和公报中摘录的真实全国数据（非合成样本）：世界技能大赛奖牌、全国技能大赛、公共就业服务机构季度求人倍率及若干年度指标。每行一个数值，注明期间、单位、是否约数及来源（标题、网址、日期）。',
    en: 'Real national figures quoted from public reports (not the synthetic sample): WorldSkills medals, the national skills competitions, the public employment service’s quarterly vacancy-to-seeker ratio and scattered annual items. One value a row with its period, unit, whether it was printed as approximate, and its source (title, address, date).',
  },
  module: import.meta.url,
  params: { topic, indicator },
  columns: publishedFigureColumns,
});
