import { describe, expect, it } from 'vitest';
import { formatPeriod, formatPeriods, isWholeYears, parsePeriod, yearToDate } from '../../web/src/i18n/period.js';

describe('reading the periods the analytics name', () => {
  it('reads a whole year, whole years, months, a month, a quarter and a span of months', () => {
    expect(parsePeriod('2025')).toEqual({ kind: 'months', startYear: 2025, startMonth: 1, endYear: 2025, endMonth: 12 });
    expect(parsePeriod('2021/2025')).toEqual({ kind: 'months', startYear: 2021, startMonth: 1, endYear: 2025, endMonth: 12 });
    expect(parsePeriod('2026-01/2026-10')).toEqual({ kind: 'months', startYear: 2026, startMonth: 1, endYear: 2026, endMonth: 10 });
    expect(parsePeriod('2026-03')).toEqual({ kind: 'months', startYear: 2026, startMonth: 3, endYear: 2026, endMonth: 3 });
    expect(parsePeriod('2026Q3')).toEqual({ kind: 'quarter', year: 2026, quarter: 3 });
    expect(parsePeriod({ start: '2025-11', end: '2026-02' })).toEqual({
      kind: 'months',
      startYear: 2025,
      startMonth: 11,
      endYear: 2026,
      endMonth: 2,
    });
  });
  it('reads nothing it cannot: a month 13, an end before the start, words, nothing', () => {
    expect(parsePeriod('2026-13')).toBeNull();
    expect(parsePeriod('2026-10/2026-01')).toBeNull();
    expect(parsePeriod('latest')).toBeNull();
    expect(parsePeriod(null)).toBeNull();
    expect(parsePeriod({ start: '2026-01', end: '' })).toBeNull();
  });
  it('knows whole calendar years', () => {
    expect(isWholeYears(parsePeriod('2025'))).toBe(true);
    expect(isWholeYears(parsePeriod('2021/2025'))).toBe(true);
    expect(isWholeYears(parsePeriod('2026-01/2026-10'))).toBe(false);
    expect(isWholeYears(parsePeriod('2026Q4'))).toBe(false);
  });
});

describe('a period in words', () => {
  it('says a part year is months, never the year: 2026年1–10月 / Jan–Oct 2026', () => {
    expect(formatPeriod('2026-01/2026-10', 'zh')).toBe('2026年1–10月');
    expect(formatPeriod('2026-01/2026-10', 'en')).toBe('Jan–Oct 2026');
    expect(formatPeriod({ start: '2026-01', end: '2026-10' }, 'zh')).toBe('2026年1–10月');
    expect(formatPeriod({ start: '2026-03', end: '2026-10' }, 'en')).toBe('Mar–Oct 2026');
  });
  it('says a whole year is the full year: 2025年全年 / 2025 (full year)', () => {
    expect(formatPeriod('2025', 'zh')).toBe('2025年全年');
    expect(formatPeriod('2025', 'en')).toBe('2025 (full year)');
    expect(formatPeriod({ start: '2025-01', end: '2025-12' }, 'zh')).toBe('2025年全年');
    expect(formatPeriod('2025-01/2025-12', 'en')).toBe('2025 (full year)');
  });
  it('writes whole years as a range, one month as the month, and months across years in full', () => {
    expect(formatPeriod('2021/2025', 'zh')).toBe('2021–2025年');
    expect(formatPeriod('2021/2025', 'en')).toBe('2021–2025');
    expect(formatPeriod('2026-03', 'zh')).toBe('2026年3月');
    expect(formatPeriod('2026-03/2026-03', 'en')).toBe('Mar 2026');
    expect(formatPeriod({ start: '2023-01', end: '2026-10' }, 'zh')).toBe('2023年1月–2026年10月');
    expect(formatPeriod({ start: '2025-11', end: '2026-02' }, 'en')).toBe('Nov 2025 – Feb 2026');
  });
  it('writes quarters as today', () => {
    expect(formatPeriod('2026Q3', 'zh')).toBe('2026年第3季度');
    expect(formatPeriod('2026Q3', 'en')).toBe('2026 Q3');
  });
  it("in the 'through' style, says a year to date by its last month, and anything else as in the span style", () => {
    expect(formatPeriod('2026-01/2026-10', 'zh', 'through')).toBe('截至2026年10月');
    expect(formatPeriod('2026-01/2026-10', 'en', 'through')).toBe('through Oct 2026');
    expect(formatPeriod('2025', 'zh', 'through')).toBe('2025年全年');
    expect(formatPeriod('2025', 'en', 'through')).toBe('2025 (full year)');
    expect(formatPeriod('2026-03/2026-10', 'zh', 'through')).toBe('2026年3–10月');
    expect(formatPeriod('2026-01', 'en', 'through')).toBe('Jan 2026');
  });
  it('gives back what it cannot read, and a dash for nothing', () => {
    expect(formatPeriod('latest', 'en')).toBe('latest');
    expect(formatPeriod(null, 'zh')).toBe('–');
    expect(formatPeriod('', 'zh')).toBe('–');
    expect(formatPeriod({ start: 'x', end: 'y' }, 'en')).toBe('x/y');
  });
  it('lists several periods once each, in the order met', () => {
    expect(formatPeriods(['2026-01/2026-10', '2026Q3', '2026-01/2026-10', '2026', null], 'zh')).toBe(
      '2026年1–10月、2026年第3季度、2026年全年',
    );
    expect(formatPeriods(['2026-01/2026-10', '2026Q3'], 'en')).toBe('Jan–Oct 2026, 2026 Q3');
    expect(formatPeriods([], 'en')).toBe('');
  });
  it('names a year to date from the latest month reported', () => {
    expect(yearToDate(2026, '2026-10')).toBe('2026-01/2026-10');
    expect(yearToDate(2025, '2026-10')).toBe('2025');
    expect(yearToDate(2026, '2026-12')).toBe('2026');
    expect(yearToDate(2026, null)).toBe('2026');
  });
});
