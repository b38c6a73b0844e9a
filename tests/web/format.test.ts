import { describe, expect, it } from 'vitest';
import {
  capitalize,
  floorAt,
  formatChange,
  formatCompact,
  formatExact,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPercentFloor,
  formatQuarter,
  formatRatio,
  formatSignedInteger,
} from '../../web/src/i18n/format.js';

describe('formatNumber in Chinese groups by 万 and 亿', () => {
  it('keeps numbers under 10,000 whole, with separators', () => {
    expect(formatNumber(0, 'zh')).toBe('0');
    expect(formatNumber(9876, 'zh')).toBe('9,876');
  });
  it('writes 10,000 and more in 万 with one decimal', () => {
    // 1,234,567 / 10,000 = 123.4567 → 123.5万
    expect(formatNumber(1_234_567, 'zh')).toBe('123.5万');
    expect(formatNumber(10_000, 'zh')).toBe('1万');
    // 12,345 / 10,000 = 1.2345 → 1.2万
    expect(formatNumber(12_345, 'zh')).toBe('1.2万');
    // 56,789,012 / 10,000 = 5678.9012 → 5,678.9万
    expect(formatNumber(56_789_012, 'zh')).toBe('5,678.9万');
  });
  it('writes 100 million and more in 亿 with up to two decimals', () => {
    expect(formatNumber(120_000_000, 'zh')).toBe('1.2亿');
    // 123,456,789 / 10^8 = 1.23456789 → 1.23亿
    expect(formatNumber(123_456_789, 'zh')).toBe('1.23亿');
    // 99,999,999 is 9999.9999万, which rounds to 10000万: that is 1亿
    expect(formatNumber(99_999_999, 'zh')).toBe('1亿');
  });
  it('signs negatives with a true minus and shows missing values as a dash', () => {
    expect(formatNumber(-1_234_567, 'zh')).toBe('\u2212123.5万');
    expect(formatNumber(null, 'zh')).toBe('–');
    expect(formatNumber(Number.NaN, 'en')).toBe('–');
  });
});

describe('formatNumber in English uses thousands separators', () => {
  it('groups every three digits', () => {
    expect(formatNumber(1_234_567, 'en')).toBe('1,234,567');
    expect(formatNumber(999, 'en')).toBe('999');
    expect(formatNumber(1234.56, 'en', 1)).toBe('1,234.6');
  });
  it('exact figures group in both languages', () => {
    expect(formatExact(1_234_567)).toBe('1,234,567');
    expect(formatExact(0.12345, 2)).toBe('0.12');
  });
});

describe('formatCompact for ticks and tiles', () => {
  it('uses 万 and 亿 in Chinese', () => {
    expect(formatCompact(500_000, 'zh')).toBe('50万');
    expect(formatCompact(15_000, 'zh')).toBe('1.5万');
    expect(formatCompact(120_000_000, 'zh')).toBe('1.2亿');
    expect(formatCompact(2_500_000_000, 'zh')).toBe('25亿');
    expect(formatCompact(850, 'zh')).toBe('850');
    expect(formatCompact(2.5, 'zh')).toBe('2.5');
  });
  it('uses K, M and B in English', () => {
    expect(formatCompact(1_234_567, 'en')).toBe('1.2M');
    expect(formatCompact(12_345, 'en')).toBe('12.3K');
    expect(formatCompact(500_000, 'en')).toBe('500K');
    expect(formatCompact(1_200_000_000, 'en')).toBe('1.2B');
    // 999,950 would round to 1000K: it is 1M
    expect(formatCompact(999_950, 'en')).toBe('1M');
    expect(formatCompact(999, 'en')).toBe('999');
  });
});

describe('percentages, changes and ratios read the same in both languages', () => {
  it('formats shares as percentages', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(1.197177)).toBe('119.7%');
    expect(formatPercent(0.5, 0)).toBe('50%');
  });
  it('signs changes', () => {
    expect(formatChange(0.05)).toBe('+5.0%');
    expect(formatChange(-0.032)).toBe('\u22123.2%');
    expect(formatChange(0)).toBe('0.0%');
    expect(formatChange(-0.00001)).toBe('0.0%');
  });
  it('formats ratios with two decimals and rank moves with a sign', () => {
    expect(formatRatio(1.2345)).toBe('1.23');
    expect(formatRatio(0.975, 1)).toBe('1.0');
    expect(formatSignedInteger(3)).toBe('+3');
    expect(formatSignedInteger(-2)).toBe('\u22122');
    expect(formatSignedInteger(0)).toBe('0');
  });
});

describe('periods', () => {
  it('formats months and quarters', () => {
    expect(formatMonth('2026-10', 'zh')).toBe('2026年10月');
    expect(formatMonth('2026-03-01', 'en')).toBe('Mar 2026');
    expect(formatQuarter('2024Q2', 'zh')).toBe('2024年第2季度');
    expect(formatQuarter('2024Q2', 'en')).toBe('2024 Q2');
    expect(formatQuarter('bad', 'en')).toBe('bad');
  });
});

describe('figures beside a status are rounded down, so that they never cross its threshold', () => {
  it('floors at the displayed precision', () => {
    // The sample's national pace, 0.9451: below the 0.95 of "on track", so 94%, never 95%.
    expect(floorAt(94.51, 0)).toBe(94);
    expect(floorAt(0.9451, 2)).toBe(0.94);
    expect(floorAt(75.1921, 1)).toBe(75.1);
    // 0.29 × 100 is 28.999999999999996 in binary: it is 29, not 28.
    expect(floorAt(0.29 * 100, 0)).toBe(29);
    expect(floorAt(-1.25, 1)).toBe(-1.3);
  });
  it('writes shares and paces as percentages rounded down', () => {
    expect(formatPercentFloor(0.9451)).toBe('94%');
    expect(formatPercent(0.9451, 0)).toBe('95%');
    expect(formatPercentFloor(0.95)).toBe('95%');
    expect(formatPercentFloor(0.5999, 0)).toBe('59%');
    expect(formatPercentFloor(0.99996, 1)).toBe('99.9%');
    expect(formatPercentFloor(1, 1)).toBe('100.0%');
    expect(formatPercentFloor(1.0667)).toBe('106%');
    expect(formatPercentFloor(0.29)).toBe('29%');
    expect(formatPercentFloor(null)).toBe('–');
    expect(formatPercentFloor(Number.NaN, 1)).toBe('–');
  });
  it('starts a line with a capital in English and leaves Chinese as it is', () => {
    expect(capitalize('through Oct 2026')).toBe('Through Oct 2026');
    expect(capitalize('截至2026年10月')).toBe('截至2026年10月');
    expect(capitalize('')).toBe('');
  });
});
