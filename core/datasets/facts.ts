import type { ColumnSpec, DatasetSpec } from './types.js';
import { sourceColumn } from './reference.js';

const regionCode: ColumnSpec = {
  name: 'region_code',
  type: 'code',
  key: true,
  references: { table: 'region', column: 'region_code' },
  label: { zh: '地区代码', en: 'Region code' },
  aliases: ['地区代码', '行政区划代码', '地区编码', 'region'],
};

const count = (name: string, zh: string, en: string, aliases: string[], unit = { zh: '人', en: 'persons' }): ColumnSpec => ({
  name,
  type: 'count',
  required: true,
  label: { zh, en },
  unit,
  aliases: [zh, ...aliases],
});

export const training: DatasetSpec = {
  name: 'training',
  table: 'training',
  kind: 'fact',
  label: { zh: '培训', en: 'Training' },
  grain: 'month × region × programme × field',
  columns: [
    { name: 'month', type: 'month', key: true, label: { zh: '月份', en: 'Month' }, aliases: ['月份', '年月', 'period'] },
    regionCode,
    {
      name: 'program_code',
      type: 'code',
      key: true,
      references: { table: 'program', column: 'program_code' },
      label: { zh: '项目代码', en: 'Programme code' },
      aliases: ['项目代码', 'program', 'programme_code'],
    },
    {
      name: 'field_code',
      type: 'code',
      key: true,
      references: { table: 'field', column: 'field_code' },
      label: { zh: '领域代码', en: 'Field code' },
      aliases: ['领域代码', 'field'],
    },
    count('person_times', '人次', 'Person-times', ['培训人次'], { zh: '人次', en: 'person-times' }),
    count('participants', '人数', 'Participants', ['培训人数']),
    count('certificates', '证书数', 'Certificates issued', ['发证数', '取证人数'], { zh: '本', en: 'certificates' }),
    {
      name: 'funding_cny',
      type: 'number',
      required: true,
      min: 0,
      label: { zh: '资金（元）', en: 'Funding (CNY)' },
      unit: { zh: '元', en: 'CNY' },
      aliases: ['资金（元）', '资金', '补贴资金', 'funding'],
    },
    sourceColumn,
  ],
};

export const laborMarket: DatasetSpec = {
  name: 'labor_market',
  table: 'labor_market',
  kind: 'fact',
  label: { zh: '人力资源市场供求', en: 'Labour market' },
  grain: 'quarter × region × occupation',
  columns: [
    { name: 'quarter', type: 'quarter', key: true, label: { zh: '季度', en: 'Quarter' }, aliases: ['季度', 'period'] },
    regionCode,
    {
      name: 'occupation_code',
      type: 'code',
      key: true,
      references: { table: 'occupation', column: 'occupation_code' },
      label: { zh: '职业代码', en: 'Occupation code' },
      aliases: ['职业代码', 'occupation'],
    },
    count('vacancies', '需求人数', 'Vacancies', ['岗位需求数', '招聘人数']),
    count('job_seekers', '求职人数', 'Job seekers', ['求职者人数', 'seekers']),
    sourceColumn,
  ],
};

export const competition: DatasetSpec = {
  name: 'competition',
  table: 'competition',
  kind: 'fact',
  label: { zh: '技能竞赛', en: 'Skills competitions' },
  grain: 'competition × year × region × trade',
  columns: [
    {
      name: 'competition_code',
      type: 'code',
      key: true,
      references: { table: 'competition_event', column: 'competition_code' },
      label: { zh: '赛事代码', en: 'Competition code' },
      aliases: ['赛事代码', 'competition'],
    },
    { name: 'year', type: 'year', key: true, min: 1949, max: 2100, label: { zh: '年份', en: 'Year' }, aliases: ['年份', '年度'] },
    regionCode,
    { name: 'trade', type: 'text', key: true, label: { zh: '赛项', en: 'Trade' }, aliases: ['赛项', '项目', '比赛项目'] },
    count('entrants', '参赛人数', 'Entrants', []),
    count('gold', '金牌', 'Gold medals', ['金牌数'], { zh: '枚', en: 'medals' }),
    count('silver', '银牌', 'Silver medals', ['银牌数'], { zh: '枚', en: 'medals' }),
    count('bronze', '铜牌', 'Bronze medals', ['铜牌数'], { zh: '枚', en: 'medals' }),
    count('excellence', '优胜奖', 'Medallions for excellence', ['优胜奖数'], { zh: '个', en: 'awards' }),
    sourceColumn,
  ],
};

export const talentStock: DatasetSpec = {
  name: 'talent_stock',
  table: 'talent_stock',
  kind: 'fact',
  label: { zh: '人才与平台', en: 'Talent stock and platforms' },
  grain: 'year × region × indicator (a talent_stock programme)',
  columns: [
    { name: 'year', type: 'year', key: true, min: 1949, max: 2100, label: { zh: '年份', en: 'Year' }, aliases: ['年份', '年度'] },
    regionCode,
    {
      name: 'indicator_code',
      type: 'code',
      key: true,
      references: { table: 'program', column: 'program_code' },
      label: { zh: '指标代码', en: 'Indicator code' },
      aliases: ['指标代码', '项目代码', 'indicator'],
    },
    { name: 'value', type: 'number', required: true, min: 0, label: { zh: '数值', en: 'Value' }, aliases: ['数值', '数量'] },
    sourceColumn,
  ],
};
