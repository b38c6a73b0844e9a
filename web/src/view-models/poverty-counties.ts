import type { QueryRows } from '../../../queries/contract.js';
import type { Bar } from '../charts/bar-chart.js';
import type { RankRow } from '../charts/rank-table.js';
import type { ResultSet } from '../decode.js';
import { formatChange, formatNumber, formatRatio, pn } from '../i18n/format.js';
import { nameOf } from '../i18n/index.js';
import { formatPeriod } from '../i18n/period.js';
import { num, resultTable, type CardModel, type Locale } from './common.js';
import { rowPeriod } from './prefectures.js';

export interface PovertyCountiesModel extends CardModel {
  /** Every county by rate, highest first; the chosen province's (or, nationwide, none) highlighted. */
  bars: Bar[];
  reference: { value: number; label: string } | undefined;
  xLabel: string;
  rows: RankRow[];
  columns: { label: string; numeric?: boolean }[];
}

type Row = QueryRows['poverty-counties'];

/**
 * The 52 uncapped poverty counties (a province's only, when one is chosen) ranked by training per 10,000
 * working-age people over the months covered, as bars against the national rate and as a table with the ratio to
 * the nation, the change on the same months and the year's Three Supports placements per 10,000; the counties'
 * total, the province and the nation as reference rows. Null when no county is listed.
 */
export function povertyCountiesModel(result: ResultSet<Row>, { lang, t }: Locale): PovertyCountiesModel | null {
  const counties = result.rows.filter((r) => r.row_kind === 'county').sort((a, b) => (num(a.rank) ?? 99) - (num(b.rank) ?? 99));
  if (!counties.length) return null;
  const first = counties[0];
  const total = result.rows.find((r) => r.row_kind === 'all');
  const p = pn(lang);
  const period = formatPeriod(rowPeriod(first), lang);
  const rate = (v: unknown) => (num(v) === null ? '–' : formatNumber(num(v) as number, lang, 1));
  const placed = (v: unknown) => (num(v) === null ? t('countiesNoPlacements') : formatNumber(num(v) as number, lang, 2));
  const oneProvince = new Set(counties.map((r) => r.province_code)).size === 1 && total?.province_code != null;
  const national = num(first.national_per_10k);
  const place = (r: Row) => nameOf({ name_zh: r.prefecture_name_zh, name_en: r.prefecture_name_en }, lang);
  const province = (r: Row) => nameOf({ name_zh: r.province_name_zh, name_en: r.province_name_en }, lang);
  const ytd = first.period_complete === false;
  const cells = (r: Row, rank: string, name: string, prefecture: string, provinceName: string) => [
    rank,
    name,
    ...(oneProvince ? [prefecture] : [prefecture, provinceName]),
    rate(r.per_10k),
    num(r.ratio_to_national) === null ? '–' : formatRatio(num(r.ratio_to_national)),
    formatChange(num(r.change_on_previous_year)),
    placed(r.placements_per_10k),
  ];
  const blanks = oneProvince ? ['', ''] : ['', '', ''];
  const references: RankRow[] = [];
  if (total) references.push({ code: null, reference: true, cells: cells(total, '', t('countiesTotal'), '', '') });
  if (oneProvince)
    references.push({
      code: null,
      reference: true,
      cells: [
        '',
        `${province(first)}${t('wholeProvince')}`,
        ...blanks.slice(1),
        rate(first.province_per_10k),
        '',
        '',
        placed(first.province_placements_per_10k),
      ],
    });
  references.push({
    code: null,
    reference: true,
    cells: ['', t('nation'), ...blanks.slice(1), rate(national), formatRatio(1), '', placed(first.national_placements_per_10k)],
  });
  const low = counties.at(-1) as Row;
  return {
    summary: t('countiesSummary', {
      period,
      count: counties.length,
      lowName: nameOf(low, lang),
      low: rate(low.per_10k),
      highName: nameOf(first, lang),
      high: rate(first.per_10k),
      total: rate(total?.per_10k),
      national: rate(national),
    }),
    table: resultTable(result),
    period,
    bars: counties.map((r) => ({
      key: String(r.region_code),
      label: oneProvince ? nameOf(r, lang) : `${nameOf(r, lang)}${p.open}${province(r)}${p.close}`,
      value: num(r.per_10k),
      detail: `${place(r)} · ${t('countiesRank')} ${String(r.rank)}`,
    })),
    reference: national === null ? undefined : { value: national, label: `${t('nation')} ${rate(national)}` },
    xLabel: ytd ? t('per10kAxisYtd') : t('per10kAxis'),
    rows: [
      ...counties.map((r) => ({ code: null, cells: cells(r, String(r.rank), nameOf(r, lang), place(r), province(r)) })),
      ...references,
    ],
    columns: [
      { label: t('countiesRank'), numeric: true },
      { label: t('countiesName') },
      { label: t('countiesPrefecture') },
      ...(oneProvince ? [] : [{ label: t('countiesProvince') }]),
      { label: ytd ? t('rateColYtd') : t('rateCol'), numeric: true },
      { label: t('povertyPrefRatio'), numeric: true },
      { label: ytd ? t('changeOnSameMonths', { year: Number(first.year) - 1 }) : t('changeOnYear'), numeric: true },
      { label: t('countiesPlacements', { year: Number(first.year) }), numeric: true },
    ],
  };
}
