import type { QueryRows } from '../../../queries/contract.js';
import type { RankRow } from '../charts/rank-table.js';
import type { ResultSet } from '../decode.js';
import { formatChange, formatNumber, formatQuarter, formatRatio, pn } from '../i18n/format.js';
import { nameOf } from '../i18n/index.js';
import { formatPeriod } from '../i18n/period.js';
import { num, resultTable, type CardModel, type Locale } from './common.js';
import { rowPeriod } from './prefectures.js';

export interface LocalTableModel extends CardModel {
  rows: RankRow[];
  columns: { label: string; numeric?: boolean }[];
  /** Said instead of a table (e.g. a province in no strategic zone). */
  message: string | null;
}

/**
 * A province's view of its strategic zone's urgently-needed catalogue: each occupation tight here or not (its local
 * vacancies-per-seeker ratio above θ), the local ratio beside the zone's and the nation's; tight ones first, by
 * rank. A province in no zone has no rows: the card says so.
 */
export function catalogueModel(
  result: ResultSet<QueryRows['catalogue-in-province']>,
  { lang, t, provinceName }: Locale & { provinceName: string },
): LocalTableModel {
  const rows = result.rows;
  const p = pn(lang);
  if (!rows.length)
    return {
      summary: t('catalogueNone', { province: provinceName }),
      table: resultTable(result),
      rows: [],
      columns: [],
      message: t('catalogueNone', { province: provinceName }),
    };
  const zones = [
    ...new Map(rows.map((r) => [String(r.zone_code), nameOf({ name_zh: r.zone_name_zh, name_en: r.zone_name_en }, lang)])).values(),
  ];
  const theta = num(rows[0].theta) ?? 1.5;
  const ordered = [...rows].sort(
    (a, b) =>
      Number(b.tight === true) - Number(a.tight === true) ||
      (num(a.rank) ?? Infinity) - (num(b.rank) ?? Infinity) ||
      String(a.occupation_code).localeCompare(String(b.occupation_code)),
  );
  const status = (r: (typeof rows)[number]) =>
    r.tight === null ? '–' : r.tight ? `▲ ${t('catalogueTight')}` : `○ ${t('catalogueNotTight')}`;
  const ratio = (v: unknown) => (num(v) === null ? '–' : formatRatio(num(v)));
  const tight = ordered.filter((r) => r.tight === true);
  return {
    summary: t('catalogueSummary', {
      province: provinceName,
      zone: zones.join(p.list),
      count: rows.length,
      tight: tight.length,
      theta: formatRatio(theta, 1),
      top:
        tight
          .slice(0, 3)
          .map((r) => `${nameOf(r, lang)} ${ratio(r.ratio)}`)
          .join(p.list) || '–',
    }),
    table: resultTable(result),
    period: formatQuarter(String(rows[0].quarter), lang),
    sourceNote: t('catalogueZoneNote', { zone: zones.join(p.list) }),
    rows: ordered.map((r) => ({
      code: null,
      cells: [nameOf(r, lang), status(r), ratio(r.ratio), ratio(r.zone_ratio), ratio(r.national_ratio)],
    })),
    columns: [
      { label: t('catalogueOccupation') },
      { label: t('catalogueStatus') },
      { label: t('catalogueLocal'), numeric: true },
      { label: t('catalogueZone'), numeric: true },
      { label: t('catalogueNational'), numeric: true },
    ],
    message: null,
  };
}

/**
 * The designated poverty-area prefectures of a province one by one (Gansu: Linxia and Gannan), then the group
 * totals: the rate per 10,000 working-age people (year to date in a year being reported), its ratio to the
 * nation's, the change on the same months, with the province's and the nation's rates as reference rows.
 */
export function povertyPrefecturesModel(result: ResultSet<QueryRows['poverty-prefectures']>, { lang, t }: Locale): LocalTableModel | null {
  const rows = result.rows;
  if (!rows.length) return null;
  const p = pn(lang);
  const first = rows[0];
  const period = formatPeriod(rowPeriod(first), lang);
  const rate = (v: unknown) => formatNumber(num(v), lang, 1);
  const order = { prefecture: 0, group: 1, all: 2 } as Record<string, number>;
  const ordered = [...rows].sort(
    (a, b) =>
      (order[String(a.row_kind)] ?? 3) - (order[String(b.row_kind)] ?? 3) ||
      String(a.poverty_group).localeCompare(String(b.poverty_group)) ||
      String(a.region_code).localeCompare(String(b.region_code)),
  );
  const prefectures = ordered.filter((r) => r.row_kind === 'prefecture');
  const provinceRate = num(first.province_per_10k);
  const nationalRate = num(first.national_per_10k);
  const line = (r: (typeof rows)[number]): RankRow => ({
    code: r.row_kind === 'prefecture' ? String(r.region_code) : null,
    reference: r.row_kind !== 'prefecture',
    cells: [nameOf(r, lang), rate(r.per_10k), formatRatio(num(r.ratio_to_national)), formatChange(num(r.change_on_previous_year))],
  });
  const references: RankRow[] = [];
  // With one province every row has its rate: a reference row for it.
  const provinces = new Set(rows.map((r) => r.province_code));
  if (provinces.size === 1 && provinceRate !== null)
    references.push({
      code: null,
      reference: true,
      cells: [
        `${nameOf({ name_zh: first.province_name_zh, name_en: first.province_name_en }, lang)}${t('wholeProvince')}`,
        rate(provinceRate),
        '',
        '',
      ],
    });
  references.push({ code: null, reference: true, cells: [t('nation'), rate(nationalRate), formatRatio(1), ''] });
  return {
    summary: t('povertyPrefSummary', {
      period,
      names: prefectures.map((r) => nameOf(r, lang)).join(p.list),
      values: prefectures.map((r) => rate(r.per_10k)).join(p.list),
      national: rate(nationalRate),
    }),
    table: resultTable(result),
    period,
    rows: [...ordered.map(line), ...references],
    columns: [
      { label: t('povertyPrefName') },
      { label: first.period_complete === false ? t('rateColYtd') : t('rateCol'), numeric: true },
      { label: t('povertyPrefRatio'), numeric: true },
      {
        label: first.period_complete === false ? t('changeOnSameMonths', { year: Number(first.year) - 1 }) : t('changeOnYear'),
        numeric: true,
      },
    ],
    message: null,
  };
}
