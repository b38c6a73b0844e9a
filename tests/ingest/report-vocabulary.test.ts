import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal, scaleText, sumDecimals, totalMatches } from '../../ingest/report/decimal.js';
import { NameIndex, regionShortNames } from '../../ingest/report/names.js';
import { isFootnote, parseUnit, periodHeader, periodInText, totalKind, unitLine } from '../../ingest/report/vocabulary.js';

describe('report words', () => {
  it('reads unit lines and bracketed units as a power of ten and a base unit', () => {
    expect(parseUnit('万人次')).toEqual({ text: '万人次', exponent: 4, base: '人次' });
    expect(parseUnit('万元')).toEqual({ text: '万元', exponent: 4, base: '元' });
    expect(parseUnit('亿元')).toEqual({ text: '亿元', exponent: 8, base: '元' });
    expect(parseUnit('名')).toEqual({ text: '名', exponent: 0, base: '人' });
    expect(parseUnit('万')).toEqual({ text: '万', exponent: 4, base: null });
    expect(parseUnit('甘肃省')).toBeNull();
    expect(unitLine('填报单位：甘肃省人力资源和社会保障厅  单位：人次、人、元')?.map((u) => u.text)).toEqual(['人次', '人', '元']);
    expect(unitLine('单位：元/万元')?.map((u) => [u.exponent, u.base])).toEqual([
      [0, '元'],
      [4, '元'],
    ]);
    expect(unitLine('填报单位：甘肃省人力资源和社会保障厅')).toBeNull();
  });

  it('knows total labels and footnotes', () => {
    expect(['合计', '总计', '全省', '小计', '甘肃省合计', '全 省', '兰州市小计'].map(totalKind)).toEqual([
      'total',
      'total',
      'total',
      'subtotal',
      'total',
      'total',
      'subtotal',
    ]);
    expect(['兰州市', '甘肃省', '合计人次'].map(totalKind)).toEqual([null, null, null]);
    expect(['注：资金含补助', '填表人：王某', '1. 本表按月填报', '兰州市'].map(isFootnote)).toEqual([true, true, true, false]);
  });

  it('reads periods from headers and from titles or file names', () => {
    expect(periodHeader('3月', 'month')).toEqual({ type: 'month', year: null, part: 3 });
    expect(periodHeader('2025年12月', 'month')).toEqual({ type: 'month', year: 2025, part: 12 });
    expect(periodHeader('13月', 'month')).toBeNull();
    expect(periodHeader('三季度', 'quarter')).toEqual({ type: 'quarter', year: null, part: 3 });
    expect(periodHeader('2025年第1季度', 'quarter')).toEqual({ type: 'quarter', year: 2025, part: 1 });
    expect(periodHeader('2024年', 'year')).toEqual({ type: 'year', year: 2024, part: null });
    expect(periodInText('2025年3月甘肃省专业技术人才知识更新工程培训情况统计表')).toEqual({ year: 2025, month: 3 });
    expect(periodInText('2025年第二季度人力资源市场供求')).toEqual({ year: 2025, quarter: 2 });
    expect(periodInText('2025年1-3月统计表')).toEqual({ year: 2025, range: '2025年1-3月' });
    expect(periodInText('gansu-2025-04.xlsx')).toEqual({ year: 2025, month: 4 });
    expect(periodInText('统计表.xlsx')).toBeNull();
  });
});

describe('exact decimals', () => {
  it('scales declared units without binary rounding', () => {
    expect(scaleText(parseDecimal('8.25')!, 4)).toBe('82500');
    expect(scaleText(parseDecimal('1.23456')!, 4)).toBe('12345.6');
    expect(scaleText(parseDecimal('1,200')!, 0)).toBe('1200');
  });

  it('compares a total at the precision it is written in', () => {
    const sum = sumDecimals(['12.5', '8.25', '4.3', '3.05'].map((t) => parseDecimal(t)!));
    expect(formatDecimal(sum)).toBe('28.10');
    expect(totalMatches(parseDecimal('28.1')!, sum)).toBe(true);
    expect(totalMatches(parseDecimal('28.2')!, sum)).toBe(false);
    // 1.004 + 1.004 = 2.008, written as 2.01 in a form of two decimals.
    expect(totalMatches(parseDecimal('2.01')!, sumDecimals([parseDecimal('1.004')!, parseDecimal('1.004')!]))).toBe(true);
  });
});

describe('region names', () => {
  it('has the common short forms', () => {
    expect(regionShortNames('临夏回族自治州').sort()).toEqual(['临夏', '临夏州']);
    expect(regionShortNames('兰州市')).toEqual(['兰州']);
    expect(regionShortNames('广西壮族自治区')).toEqual(['广西']);
    expect(regionShortNames('新疆维吾尔自治区')).toEqual(['新疆']);
    expect(regionShortNames('积石山保安族东乡族撒拉族自治县').sort()).toEqual(['积石山', '积石山县']);
    expect(regionShortNames('内蒙古自治区')).toEqual(['内蒙古']);
    expect(regionShortNames('城关区')).toEqual(['城关']);
  });

  const index = new NameIndex('region', [
    { code: '110000', nameZh: '北京市', nameEn: 'Beijing', parent: null, province: '110000' },
    { code: '110100', nameZh: '北京市', nameEn: 'Beijing', parent: '110000', province: '110000' },
    { code: '110105', nameZh: '朝阳区', nameEn: 'Chaoyang District', parent: '110100', province: '110000' },
    { code: '220000', nameZh: '吉林省', nameEn: 'Jilin', parent: null, province: '220000' },
    { code: '220100', nameZh: '长春市', nameEn: 'Changchun', parent: '220000', province: '220000' },
    { code: '220104', nameZh: '朝阳区', nameEn: 'Chaoyang District', parent: '220100', province: '220000' },
  ]);

  it('resolves a name within a province, and says which candidates an ambiguous name has', () => {
    expect(index.resolve('朝阳区', '220000')).toEqual({ kind: 'found', code: '220104', how: 'name' });
    expect(index.resolve('朝阳区')).toEqual({
      kind: 'ambiguous',
      candidates: [
        { code: '110105', place: '北京市朝阳区' },
        { code: '220104', place: '吉林省长春市朝阳区' },
      ],
    });
    // A municipality and its one prefecture share the name: the outer one is meant.
    expect(index.resolve('北京')).toEqual({ kind: 'found', code: '110000', how: 'short name' });
    expect(index.resolve('Changchun')).toEqual({ kind: 'found', code: '220100', how: 'English name' });
    expect(index.resolve('长春市', '110000')).toEqual({ kind: 'unknown', elsewhere: [{ code: '220100', place: '吉林省长春市' }] });
  });
});
