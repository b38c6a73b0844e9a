import { describe, expect, it } from 'vitest';
import type { CatalogParam } from '../../core/wire.js';
import { paramField, previewParams } from '../../web/src/view-models/data.js';

const param = (over: Partial<CatalogParam>): CatalogParam => ({
  name: 'x',
  label: { zh: '参数', en: 'Parameter' },
  type: 'string',
  list: false,
  default: null,
  example: 'e',
  ...over,
});

describe('the form field of a catalog parameter', () => {
  it('asks for a single value with a fixed list in a select whose empty choice names the default', () => {
    const field = paramField(
      param({ name: 'scope', label: { zh: '统计范围', en: 'Scope' }, default: 'year', allowed: ['year', 'all_years'] }),
      'en',
    );
    expect(field).toMatchObject({
      id: 'param-scope',
      label: 'Scope (scope)',
      choices: ['year', 'all_years'],
      suggestions: null,
      emptyChoice: '— year —',
      hint: 'string',
    });
    expect(paramField(param({ allowed: ['a'] }), 'zh')).toMatchObject({ label: '参数（x）', emptyChoice: '—' });
  });

  it('asks for a number in a ranged input, the default note as its placeholder', () => {
    const year = paramField(
      param({ name: 'year', type: 'integer', default_note: 'latest year', min: 2000, max: 2100, example: '2024' }),
      'en',
    );
    expect(year).toMatchObject({
      choices: null,
      numeric: true,
      step: null,
      range: { min: '2000', max: '2100' },
      placeholder: 'latest year',
    });
    expect(year.hint).toBe('integer · 2000–2100');
    const theta = paramField(param({ name: 'theta', type: 'number', default: 1.5, min: 1, max: 5 }), 'en');
    expect([theta.step, theta.placeholder]).toEqual(['any', '1.5']);
    expect(paramField(param({ example: '2026Q3' }), 'en').placeholder).toBe('2026Q3');
  });

  it('suggests the allowed values of a list, naming the first twelve in the hint', () => {
    const codes = Array.from({ length: 13 }, (_, i) => String(i + 1));
    const field = paramField(param({ name: 'regions', type: 'string[]', list: true, allowed: codes }), 'en');
    expect(field).toMatchObject({ label: 'Parameter (regions, list)', choices: null, suggestions: codes });
    expect(field.hint).toBe('string[] · 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, …');
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
});
