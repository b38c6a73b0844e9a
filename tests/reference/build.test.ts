import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workingAge } from '../../tools/reference/census.js';
import { englishNamer, joinSyllables } from '../../tools/reference/english-names.js';
import { referenceDir, sourcesDir } from '../../tools/reference/paths.js';
import { buildRegionFiles } from '../../tools/reference/region-build.js';
import type { NameInput } from '../../tools/reference/region-rows.js';

describe('build-regions', () => {
  const out = mkdtempSync(join(tmpdir(), 'regions-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('reproduces the shipped region, zone and region_zone files from the source copies', () => {
    const { log } = buildRegionFiles(sourcesDir, out);
    for (const file of ['region.csv', 'zone.csv', 'region_zone.csv']) {
      expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(referenceDir, file), 'utf8'));
    }
    expect(log).toContain('added prefecture 659011 新星市 (county-level unit under the province, as the census treats its siblings)');
  });
});

describe('working-age population', () => {
  it('rounds half up exactly, with the share taken in hundredths', () => {
    expect(workingAge(21893095, '68.5')).toBe(14996770); // 14,996,770.075
    expect(workingAge(200, '62.25')).toBe(125); // exactly 124.5
    expect(workingAge(null, '60')).toBeNull();
    expect(workingAge(1000, '')).toBeNull();
  });
});

describe('English names', () => {
  // A stub romaniser: one syllable per character from a small table.
  const table: Record<string, string> = {
    保: 'bao',
    定: 'ding',
    东: 'dong',
    城: 'cheng',
    大: 'dai',
    厂: 'chang',
    西: 'xi',
    安: 'an',
    石: 'shi',
    柱: 'zhu',
    阿: 'a',
    坝: 'ba',
  };
  const name = englishNamer((hanzi) => [...hanzi].map((c) => table[c] ?? 'x'));
  const unit = (code: string, nameZh: string, level: NameInput['level'] = 'county'): NameInput => ({
    code,
    nameZh,
    level,
    provinceZh: '河北省',
  });

  it('drops 市 for prefectures and translates county-level suffixes', () => {
    expect(name(unit('130600', '保定市', 'prefecture'))).toBe('Baoding');
    expect(name(unit('110101', '东城区'))).toBe('Dongcheng District');
    expect(name(unit('130600', '保定市'))).toBe('Baoding City');
  });

  it('names ethnic groups of autonomous counties and uses place-name readings', () => {
    expect(name(unit('131028', '大厂回族自治县'))).toBe('Dachang Hui Autonomous County');
    expect(name(unit('500240', '石柱土家族苗族自治县'))).toBe('Shizhu Tujia and Miao Autonomous County');
    expect(name(unit('513231', '阿坝县'))).toBe('Aba County');
  });

  it("puts an apostrophe before a syllable starting with a vowel (Xi'an)", () => {
    expect(joinSyllables(['xi', 'an'])).toBe("Xi'an");
  });

  it('prefers hand-written names for prefectures from other languages', () => {
    expect(name(unit('540100', '拉萨市', 'prefecture'))).toBe('Lhasa');
  });
});
