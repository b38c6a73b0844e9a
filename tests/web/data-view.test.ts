import { describe, expect, it } from 'vitest';
import type { CatalogParam } from '../../core/wire.js';
import { translator } from '../../web/src/i18n/index.js';
import { paramField, previewParams } from '../../web/src/view-models/data.js';
import { choiceLabel, namesOf, previewCell, resolveCodes, type Names } from '../../web/src/view-models/data-names.js';

const param = (over: Partial<CatalogParam>): CatalogParam => ({
  name: 'x',
  label: { zh: '参数', en: 'Parameter' },
  type: 'string',
  list: false,
  default: null,
  example: 'e',
  ...over,
});
const zh = translator('zh');
const en = translator('en');
const names: Names = new Map([
  ['530000', { zh: '云南省', en: 'Yunnan' }],
  ['440300', { zh: '深圳市', en: 'Shenzhen' }],
  ['knowledge_renewal', { zh: '专业技术人才知识更新工程', en: 'Knowledge Renewal Project' }],
]);

describe('names beside codes', () => {
  it('writes a known code as its name in the language with the code in brackets, an unknown one as the code', () => {
    expect(choiceLabel('530000', 'zh', zh, names)).toBe('云南省（530000）');
    expect(choiceLabel('530000', 'en', en, names)).toBe('Yunnan (530000)');
    expect(choiceLabel('999999', 'en', en, names)).toBe('999999');
    // Words of fixed lists are translated; one whose name is the value itself is not repeated.
    expect(choiceLabel('all_years', 'zh', zh, names)).toBe('全部年份（all_years）');
    expect(choiceLabel('year', 'en', en, names)).toBe('year');
  });

  it('knows the names of the reference lists, the provinces and any region rows given', () => {
    const code = (c: string, zhName: string, enName: string) => ({ code: c, name_zh: zhName, name_en: enName, parent: null });
    const known = namesOf(
      {
        actions: [],
        programs: [],
        fields: [code('ai', '人工智能', 'Artificial intelligence')],
        groups: [],
        occupations: [],
        zones: [code('gba', '粤港澳大湾区', 'Greater Bay Area')],
        competitions: [],
        provinces: [code('530000', '云南省', 'Yunnan')],
      },
      [{ region_code: '530100', name_zh: '昆明市', name_en: 'Kunming' }],
    );
    expect([...known.keys()]).toEqual(['ai', 'gba', '530000', '530100']);
    expect(choiceLabel('530100', 'zh', zh, known)).toBe('昆明市（530100）');
    expect(choiceLabel('gba', 'en', en, known)).toBe('Greater Bay Area (gba)');
  });

  it('reads names typed in full as codes, in either language, keeping anything else for the server to refuse', () => {
    expect(resolveCodes('云南省, 440300，shenzhen、xyz', names)).toEqual(['530000', '440300', '440300', 'xyz']);
    expect(resolveCodes(' 530000 ', names)).toEqual(['530000']);
  });
});

describe('the form field of a catalog parameter', () => {
  it('asks for a single value with a fixed list in a select of names with codes, its empty choice naming the default', () => {
    const scope = param({ name: 'scope', label: { zh: '统计范围', en: 'Scope' }, default: 'year', allowed: ['year', 'all_years'] });
    expect(paramField(scope, 'zh', zh, names)).toMatchObject({
      id: 'param-scope',
      label: '统计范围（scope）',
      choices: [
        { value: 'year', label: '年（year）' },
        { value: 'all_years', label: '全部年份（all_years）' },
      ],
      suggestions: null,
      emptyChoice: '— 年（year） —',
      hint: '文本',
    });
    const region = param({ name: 'region', allowed: ['530000', '110000'] });
    expect(paramField(region, 'en', en, names).choices).toEqual([
      { value: '530000', label: 'Yunnan (530000)' },
      { value: '110000', label: '110000' },
    ]);
  });

  it('asks for a year in a ranged input whose placeholder says, translated, what an empty field means', () => {
    const from = param({ name: 'from_year', type: 'integer', default_note: 'no lower bound', min: 2000, max: 2100, example: '2024' });
    expect(paramField(from, 'zh', zh)).toMatchObject({
      numeric: true,
      step: null,
      range: { min: '2000', max: '2100' },
      placeholder: '不限起始年',
      hint: '整数 · 2000–2100',
    });
    expect(paramField(from, 'en', en).placeholder).toBe('no lower bound');
    const theta = paramField(param({ name: 'theta', type: 'number', default: 1.5, min: 1, max: 5 }), 'en', en);
    expect([theta.step, theta.placeholder, theta.hint]).toEqual(['any', '1.5', 'number · 1–5']);
    expect(paramField(param({ example: '2026Q3' }), 'en', en).placeholder).toBe('e.g. 2026Q3');
    expect(paramField(param({ example: '2026Q3' }), 'zh', zh).placeholder).toBe('例：2026Q3');
  });

  it('suggests the regions it knows by name for a list of region codes, and says how many codes the table has', () => {
    const regions = param({
      name: 'regions',
      type: 'string[]',
      list: true,
      allowed_from: { table: 'region', column: 'region_code', count: 3346 },
      example: '440000,110000',
    });
    const field = paramField(regions, 'en', en, names);
    expect(field).toMatchObject({ label: 'Parameter (regions)', list: true, choices: null, placeholder: 'e.g. 440000,110000' });
    expect(field.suggestions).toEqual([
      { value: '440300', label: 'Shenzhen (440300)' },
      { value: '530000', label: 'Yunnan (530000)' },
    ]);
    expect(field.hint).toBe('list of codes, comma-separated · one of 3,346 codes of table region');
    expect(paramField(regions, 'zh', zh, names).hint).toBe('代码列表，逗号分隔 · region 表中的 3,346 个代码之一');
  });
});

describe('the preview', () => {
  const limit = [param({ name: 'limit', type: 'integer' })];
  it('shows the first 100 rows of a dataset given no limit, else what was asked', () => {
    expect(previewParams('dataset', limit, { year: '2025' })).toEqual({ year: '2025', limit: 100 });
    expect(previewParams('dataset', limit, { limit: '5' })).toEqual({ limit: '5' });
    expect(previewParams('dataset', [], {})).toEqual({});
    expect(previewParams('query', limit, {})).toEqual({});
  });

  it('writes numbers as the tables of the app do: grouped, decimals to four places, years and codes as they are', () => {
    expect(previewCell(1234567, { name: 'person_times', type: 'integer' })).toBe('1,234,567');
    expect(previewCell(1234.56789, { name: 'funding_cny', type: 'number' })).toBe('1,234.5679');
    expect(previewCell(2.5, { name: 'ratio', type: 'number' })).toBe('2.5');
    expect(previewCell(-1200, { name: 'change', type: 'integer' })).toBe('\u22121,200');
    expect(previewCell(2024, { name: 'year', type: 'integer' })).toBe('2024');
    expect(previewCell(2026, { name: 'period_start', type: 'integer' })).toBe('2026');
    expect(previewCell(null, { name: 'funding_cny', type: 'number' })).toBe('–');
    expect(previewCell(true, { name: 'in_mainland', type: 'boolean' })).toBe('true');
    expect(previewCell('2024-03', { name: 'month', type: 'string' })).toBe('2024-03');
  });
});
