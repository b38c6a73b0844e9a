import type { QueryRows } from '../../../queries/contract.js';
import type { ColorSpec } from '../charts/color-scale.js';
import type { LinePanel } from '../charts/line-panels.js';
import type { LinePoint, SeriesStyle } from '../charts/line-chart.js';
import type { RankRow } from '../charts/rank-table.js';
import type { ResultSet } from '../decode.js';
import { formatChange, formatNumber, pn, type Lang } from '../i18n/format.js';
import { nameOf } from '../i18n/index.js';
import { formatPeriod } from '../i18n/period.js';
import { highlight, reference, referenceDash, categorical } from '../ui/theme.js';
import { denominatorFootnote, num, resultTable, type CardModel, type Locale } from './common.js';

type RegionRow = QueryRows['training-by-region'];

/** A prefecture's short name: 兰州市 → 兰州, 临夏回族自治州 → 临夏; English drops "Prefecture" words. */
export function prefectureShort(name_zh: string, name_en: string, lang: Lang): string {
  if (lang === 'en')
    return name_en
      .replace(
        /\s+(Hui|Tibetan|Yi|Bai|Dai|Zhuang|Miao|Dong|Buyei|Tujia|Korean|Kazakh|Mongol|Kirgiz|Hani|Jingpo|Lisu|Qiang|Uygur)?\s*(and\s+\w+\s+)?Autonomous Prefecture$/i,
        '',
      )
      .replace(/\s+(Prefecture|League|City)$/i, '');
  for (const suffix of ['自治州', '地区', '盟', '市']) {
    if (name_zh.endsWith(suffix) && name_zh.length > suffix.length + 1) {
      const base = name_zh.slice(0, -suffix.length);
      // 临夏回族自治州 → 临夏: drop the nationality words before 自治州 (2 characters of place name are kept).
      return suffix === '自治州'
        ? base.replace(
            /(回族|藏族|彝族|白族|傣族|壮族|苗族|侗族|布依族|土家族|朝鲜族|哈萨克|蒙古族|蒙古|柯尔克孜|哈尼族|景颇族|傈僳族|羌族|土族|苗族侗族|布依族苗族|壮族苗族|土家族苗族|藏族羌族|哈尼族彝族)+$/u,
            '',
          )
        : base;
    }
  }
  return name_zh;
}

/** The period of a training-by-region row ('2026-01'–'2026-10' for a part year, else the year). */
export function rowPeriod(row: { period_start?: unknown; period_end?: unknown; year?: unknown }): string | { start: string; end: string } {
  const start = typeof row.period_start === 'string' ? row.period_start : null;
  const end = typeof row.period_end === 'string' ? row.period_end : null;
  return start && end ? { start, end } : String(row.year ?? '');
}

export interface PrefectureMapModel extends CardModel {
  values: Map<string, number | null>;
  names: Map<string, string>;
  shortNames: Map<string, string>;
  color: ColorSpec;
  format: (value: number) => string;
  noValueText: string;
  /** The ranked table: prefectures by rank, then the province's own rate and the nation's. */
  rows: RankRow[];
  columns: { label: string; numeric?: boolean }[];
  provinceRate: number | null;
  nationalRate: number | null;
}

/**
 * A province's prefectures coloured by their training rate (person-times per 10,000 working-age people, year to
 * date for a part year), with the ranked table: rank within the province, rate, volume and the change on the same
 * months of the year before; the province's own rate and the nation's as reference lines.
 */
export function prefectureMapModel(
  result: ResultSet<RegionRow>,
  { lang, t, provinceName }: Locale & { provinceName: string },
): PrefectureMapModel | null {
  const rows = result.rows.filter((r) => r.region_code);
  if (!rows.length) return null;
  const p = pn(lang);
  const first = rows[0];
  const partYear = first.period_complete === false;
  const period = formatPeriod(rowPeriod(first), lang);
  const provinceRate = num(first.parent_per_10k);
  const nationalRate = num(first.national_per_10k);
  const values = new Map(rows.map((r) => [String(r.region_code), num(r.per_10k)]));
  const names = new Map(rows.map((r) => [String(r.region_code), nameOf(r, lang)]));
  const shortNames = new Map(rows.map((r) => [String(r.region_code), prefectureShort(String(r.name_zh), String(r.name_en), lang)]));
  const rates = [...values.values(), provinceRate, nationalRate].filter((v): v is number => v !== null);
  const ranked = [...rows].sort((a, b) => (num(a.rank) ?? Infinity) - (num(b.rank) ?? Infinity));
  const rate = (v: number | null) => formatNumber(v, lang, 1);
  const unitText = partYear ? t('per10kYtdUnit') : t('per10kUnit');
  const tableRows: RankRow[] = [
    ...ranked.map((r) => ({
      code: String(r.region_code),
      cells: [
        r.rank === null ? '–' : String(r.rank),
        nameOf(r, lang),
        rate(num(r.per_10k)),
        formatNumber(num(r.person_times), lang),
        formatChange(num(r.change_on_previous_year)),
      ],
    })),
    { code: null, reference: true, cells: ['', `${provinceName}${t('wholeProvince')}`, rate(provinceRate), '', ''] },
    { code: null, reference: true, cells: ['', t('nation'), rate(nationalRate), '', ''] },
  ];
  const top = ranked.slice(0, 3).map((r) => `${nameOf(r, lang)} ${rate(num(r.per_10k))}`);
  const above = rows.filter((r) => provinceRate !== null && (num(r.per_10k) ?? -Infinity) > provinceRate).length;
  return {
    summary: t('prefMapSummary', {
      province: provinceName,
      period,
      count: rows.length,
      top: top.join(p.list),
      above,
      provinceRate: rate(provinceRate),
      nationalRate: rate(nationalRate),
    }),
    table: resultTable(result),
    period,
    sourceNote: denominatorFootnote(rows, lang),
    values,
    names,
    shortNames,
    color: {
      kind: 'sequential',
      domain: [Math.min(...rates), Math.max(...rates)],
      label: `${t('per10kAxis')}${partYear ? p.open + t('yearToDate') + p.close : ''}`,
      tickFormat: (v) => formatNumber(v, lang, 0),
    },
    format: (v) => `${rate(v)} ${unitText}`,
    noValueText: t('noValue'),
    rows: tableRows,
    columns: [
      { label: t('rankLabel') },
      { label: t('prefectureLabel') },
      { label: partYear ? t('rateColYtd') : t('rateCol'), numeric: true },
      { label: t('personTimes'), numeric: true },
      { label: partYear ? t('changeOnSameMonths', { year: Number(first.year) - 1 }) : t('changeOnYear'), numeric: true },
    ],
    provinceRate,
    nationalRate,
  };
}

export interface PrefectureTrendModel extends CardModel {
  panels: LinePanel[];
  series: SeriesStyle[];
  yLabel: string;
  note: string | null;
}

/**
 * A prefecture's yearly training beside its province and the nation: the rate per 10,000 working-age people and
 * the prefecture's volume, whole years only on the lines; a year still being reported is said in the note.
 */
export function prefectureTrendModel(result: ResultSet<QueryRows['prefecture-trend']>, { lang, t }: Locale): PrefectureTrendModel | null {
  const rows = result.rows;
  if (!rows.length) return null;
  const p = pn(lang);
  const whole = rows.filter((r) => r.period_complete !== false);
  const part = rows.find((r) => r.period_complete === false) ?? null;
  const first = rows[0];
  const name = nameOf(first, lang);
  const province = nameOf({ name_zh: first.province_name_zh, name_en: first.province_name_en }, lang);
  const rates: LinePoint[] = whole.flatMap((r) => [
    { x: Number(r.period), y: num(r.per_10k), series: 'prefecture' },
    { x: Number(r.period), y: num(r.province_per_10k), series: 'province' },
    { x: Number(r.period), y: num(r.national_per_10k), series: 'nation' },
  ]);
  const volume: LinePoint[] = whole.map((r) => ({ x: Number(r.period), y: num(r.person_times), series: 'prefecture' }));
  const years = whole.map((r) => Number(r.period)).filter(Number.isFinite);
  const last = whole.at(-1);
  const rate = (v: unknown) => formatNumber(num(v), lang, 1);
  const note = part
    ? t('prefTrendPartYear', {
        period: formatPeriod(rowPeriod(part), lang),
        prefecture: name,
        value: rate(part.per_10k),
        province,
        provinceValue: rate(part.province_per_10k),
        nationValue: rate(part.national_per_10k),
      })
    : null;
  return {
    ...(years.length ? { period: formatPeriod(`${Math.min(...years)}/${Math.max(...years)}`, lang) } : {}),
    summary: t('prefTrendSummary', {
      prefecture: name,
      year: String(last?.period ?? '–'),
      value: rate(last?.per_10k),
      province,
      provinceValue: rate(last?.province_per_10k),
      nationValue: rate(last?.national_per_10k),
    }),
    table: resultTable(result),
    panels: [
      { title: t('prefTrendRatePanel'), points: rates, format: (v) => formatNumber(v, lang, 1) },
      { title: `${t('prefTrendVolumePanel')}${p.colon}${name}`, points: volume, format: (v) => formatNumber(v, lang) },
    ],
    series: [
      { key: 'prefecture', label: name, color: highlight, strokeWidth: 2.5 },
      { key: 'province', label: province, color: categorical[0] },
      { key: 'nation', label: t('nation'), color: reference, dash: referenceDash },
    ],
    yLabel: t('per10kAxis'),
    note,
  };
}
