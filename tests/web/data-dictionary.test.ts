import { describe, expect, it } from 'vitest';
import { translator } from '../../web/src/i18n/index.js';
import type { AnyEntry } from '../../web/src/view-models/data-catalog.js';
import { dictionaryRows } from '../../web/src/view-models/data-dictionary.js';

const columns: AnyEntry['columns'] = [
  { name: 'month', type: 'string', label: { zh: '月份', en: 'Month' } },
  { name: 'region_code', type: 'string', label: { zh: '地区代码', en: 'Region code' } },
  { name: 'region_name_zh', type: 'string', label: { zh: '地区', en: 'Region (Chinese)' } },
  { name: 'level', type: 'string', label: { zh: '层级', en: 'Level' } },
  { name: 'funding_cny', type: 'number', label: { zh: '资金', en: 'Funding' }, unit: { zh: '元', en: 'CNY' } },
];
const base = {
  name: 'training',
  title: { zh: '培训明细', en: 'Training' },
  description: { zh: '', en: '' },
  params: [],
  url: '',
  example: '',
};
const dataset: AnyEntry = {
  ...base,
  columns,
  table: 'training',
  grain: 'month × region × programme × field',
  rules: {
    month: { stored_as: 'month', key: true, required: true },
    region_code: {
      stored_as: 'code',
      key: true,
      required: true,
      references: { table: 'region', column: 'region_code', also_allowed: ['000000'] },
    },
    level: { stored_as: 'text', key: false, required: true, allowed: ['province', 'prefecture', 'county'] },
    funding_cny: { stored_as: 'number', key: false, required: true, min: 0, max: 100 },
  },
  sources: [],
  licence: null,
};

describe('the data dictionary', () => {
  it('lists every column of the export in order, with names in both languages, type, unit and the rules of its table', () => {
    expect(dictionaryRows(dataset, 'zh', translator('zh'))).toEqual([
      { name: 'month', labelZh: '月份', labelEn: 'Month', type: '文本', unit: '', rules: ['主键', '存储为 month'] },
      {
        name: 'region_code',
        labelZh: '地区代码',
        labelEn: 'Region code',
        type: '文本',
        unit: '',
        rules: ['主键', '存储为 code', '须为 region.region_code 中的代码', '另可为 000000'],
      },
      { name: 'region_name_zh', labelZh: '地区', labelEn: 'Region (Chinese)', type: '文本', unit: '', rules: ['由参考表连接而来'] },
      {
        name: 'level',
        labelZh: '层级',
        labelEn: 'Level',
        type: '文本',
        unit: '',
        rules: ['必填', '存储为 text', '取值：province, prefecture, county'],
      },
      {
        name: 'funding_cny',
        labelZh: '资金',
        labelEn: 'Funding',
        type: '数值',
        unit: '元',
        rules: ['必填', '存储为 number', '最小 0', '最大 100'],
      },
    ]);
  });

  it('words the rules in English', () => {
    const rows = dictionaryRows(dataset, 'en', translator('en'));
    expect(rows.map((r) => [r.type, r.unit, r.rules.join(' · ')])).toEqual([
      ['text', '', 'key · stored as month'],
      ['text', '', 'key · stored as code · a code of region.region_code · or 000000'],
      ['text', '', 'joined from a reference table'],
      ['text', '', 'required · stored as text · one of: province, prefecture, county'],
      ['number', 'CNY', 'required · stored as number · min 0 · max 100'],
    ]);
  });

  it('gives an analytic (no table behind it) its columns without rules', () => {
    const rows = dictionaryRows({ ...base, columns }, 'en', translator('en'));
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.rules.length === 0)).toBe(true);
  });
});
