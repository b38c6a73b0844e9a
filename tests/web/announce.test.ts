import { describe, expect, it } from 'vitest';
import type { References } from '../../web/src/data/references.js';
import { translator } from '../../web/src/i18n/index.js';
import { describeFilterChange } from '../../web/src/view-models/announce.js';
import { program, provinces } from './view-fixtures.js';

const refs: References = {
  actions: [],
  programs: [program('knowledge_renewal', 'Knowledge renewal'), program('vocational_training', 'Vocational training')],
  fields: [{ code: 'ai', name_zh: '人工智能', name_en: 'Artificial intelligence', parent: null }],
  groups: [],
  occupations: [],
  zones: [{ code: 'gba', name_zh: '粤港澳大湾区', name_en: 'Greater Bay Area', parent: null }],
  competitions: [],
  provinces,
};
const zh = (previous: Record<string, string>, next: Record<string, string>) =>
  describeFilterChange(previous, next, refs, 'zh', translator('zh'));
const en = (previous: Record<string, string>, next: Record<string, string>) =>
  describeFilterChange(previous, next, refs, 'en', translator('en'));

describe('the announcement of a filter change', () => {
  it('says each changed filter by its value in words, in a fixed order', () => {
    expect(zh({}, { year: '2025', province: '440000' })).toBe('已更新：广东省 2025年');
    expect(en({}, { year: '2025', province: '440000' })).toBe('Updated: Guangdong 2025');
    expect(en({ program: 'vocational_training' }, { program: 'knowledge_renewal', field: 'ai' })).toBe(
      'Updated: Knowledge renewal Artificial intelligence',
    );
    expect(zh({}, { zone: 'gba' })).toBe('已更新：粤港澳大湾区');
  });

  it('says what a cleared filter falls back to', () => {
    expect(zh({ province: '440000', year: '2024' }, {})).toBe('已更新：全国 最新年份');
    expect(en({ field: 'ai' }, {})).toBe('Updated: All fields');
  });

  it('says nothing when no spoken filter changed', () => {
    expect(zh({ province: '440000' }, { province: '440000' })).toBeNull();
    expect(zh({}, { compare: '110000' })).toBeNull();
  });
});
