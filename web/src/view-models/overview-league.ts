import type { QueryRows } from '../../../queries/contract.js';
import type { LeagueChartData, LeagueTableRow } from '../charts/league.js';
import type { LegendItem } from '../charts/legend.js';
import type { Province } from '../data/references.js';
import type { ResultSet, Row } from '../decode.js';
import { formatPercentFloor, pn } from '../i18n/format.js';
import { nameOf } from '../i18n/index.js';
import { formatPeriod } from '../i18n/period.js';
import { statusLabel, statusSeverity } from '../ui/badge.js';
import { isStatus, statusStyles, type Status } from '../ui/theme.js';
import { num, numberFormats, periodOf, provinceLabel, rowsTable, type CardModel, type Locale } from './common.js';
import { provinceTiles } from './regions.js';

type LeagueRow = QueryRows['province-target-league'];

/** The statuses that count a province as behind its own target: short of the pace, or the year over and missed. */
export const behindStatuses: readonly Status[] = ['acceleration_needed', 'limited_progress', 'falling_behind', 'missed'];

export const isBehind = (status: unknown): boolean => behindStatuses.includes(status as Status);

/** The league card: a headline, the map coloured by status and the ranked table (charts/league.ts). */
export type LeagueModel = CardModel & LeagueChartData;

/**
 * The provinces against their own annual targets: how many are behind, a tile map coloured by status (the symbol
 * on each tile, symbol and word in its tooltip) and the table ranked by pace. In a complete year the projection
 * column is the year's actual.
 */
export function leagueModel(
  result: ResultSet<LeagueRow>,
  { lang, t, provinces }: Locale & { provinces: readonly Province[] },
): LeagueModel | null {
  const rows = result.rows;
  if (!rows.length) return null;
  const f = numberFormats(lang);
  const p = pn(lang);
  const first = rows[0];
  const period = periodOf(first);
  const complete = first.period_complete === true;
  const judged = rows.filter((r) => isStatus(r.status));
  const behind = judged.filter((r) => isBehind(r.status)).length;
  const headline = judged.length
    ? t(complete ? 'leagueHeadlineComplete' : 'leagueHeadline', { behind, total: judged.length })
    : t('leagueNoTargets');
  const figure = (v: unknown) => (num(v) === null ? null : f.number(num(v)!));
  const short = (v: unknown) => (num(v) === null ? null : f.compact(num(v)!));
  const paceText = (r: LeagueRow) => (num(r.pace) === null ? null : formatPercentFloor(num(r.pace), 0));
  const entries: LeagueTableRow[] = rows.map((r) => ({
    code: String(r.region_code),
    rank: r.rank === null || r.rank === undefined ? '' : String(r.rank),
    name: nameOf(r, lang),
    short: provinceLabel(r, lang),
    target: figure(r.target),
    cumulative: figure(r.cumulative_actual),
    pace: paceText(r),
    projected: figure(complete ? r.cumulative_actual : r.projected_year_end),
    compact: {
      target: short(r.target),
      cumulative: short(r.cumulative_actual),
      projected: short(complete ? r.cumulative_actual : r.projected_year_end),
    },
    status: isStatus(r.status) ? r.status : null,
    behind: isBehind(r.status),
  }));

  const said = (v: string | null) => v ?? t('noDataReported');
  const tileText = (r: LeagueRow) =>
    [
      statusLabel(r.status, t),
      `${t('pace')} ${said(paceText(r))}`,
      `${t('cumulativeActual')} ${said(figure(r.cumulative_actual))} / ${t('target')} ${said(figure(r.target))}`,
    ].join(p.semi);
  const tiles = new Map(
    judged.map((r) => {
      const style = statusStyles[r.status as Status];
      return [String(r.region_code), { color: style.color, mark: style.symbol, text: tileText(r) }] as const;
    }),
  );
  const counts = new Map<Status, number>();
  for (const r of judged) counts.set(r.status as Status, (counts.get(r.status as Status) ?? 0) + 1);
  // The legend in the order of the statuses, best first, with how many provinces have each.
  const legend: LegendItem[] = [...statusSeverity]
    .reverse()
    .filter((s) => counts.has(s))
    .map((s) => ({ label: `${statusLabel(s, t)}${p.open}${counts.get(s)}${p.close}`, color: statusStyles[s].color }));

  const ranked = judged.filter((r) => num(r.pace) !== null);
  const item = (r: LeagueRow) => `${provinceLabel(r, lang)} ${paceText(r)}`;
  const periodText = formatPeriod(period, lang);
  const table: Row[] = rows.map((r) => ({
    rank: r.rank,
    region_code: r.region_code,
    name: nameOf(r, lang),
    target: num(r.target),
    cumulative_actual: num(r.cumulative_actual),
    share_achieved: num(r.share_achieved),
    expected: num(r.expected),
    pace: num(r.pace),
    projected_year_end: num(r.projected_year_end),
    projected_low: num(r.projected_low),
    projected_high: num(r.projected_high),
    status: r.status,
    status_label: statusLabel(r.status, t),
    period,
  }));
  return {
    summary: t('leagueSummary', {
      period: periodText,
      headline,
      top: ranked.slice(0, 3).map(item).join(p.list) || '–',
      bottom: ranked.slice(-3).map(item).join(p.list) || '–',
    }),
    table: rowsTable(table),
    period: periodText,
    sourceNote: leagueTargetSource(rows, { lang, t }),
    headline,
    behind,
    withTarget: judged.length,
    tiles: provinceTiles(provinces, lang),
    color: { kind: 'category', tiles, legend },
    columns: {
      rank: t('rankLabel'),
      name: t('provinceLabel'),
      target: t('target'),
      cumulative: t('cumulativeActual'),
      pace: t('pace'),
      projected: complete ? t('yearEndActual') : t('projectedYearEnd'),
      status: t('statusLabel'),
    },
    shortColumns: {
      rank: t('leagueRankShort'),
      name: t('provinceLabel'),
      target: t('target'),
      cumulative: t('leagueCumulativeShort'),
      pace: t('pace'),
      projected: complete ? t('leagueYearEndShort') : t('leagueProjectedShort'),
      status: t('statusLabel'),
    },
    entries,
  };
}

/**
 * Where the provinces' targets in the league come from (each row names its target's source), for the card's source
 * line: the synthetic sample apportions the national target to provinces, and says so; other sources are named.
 */
export function leagueTargetSource(rows: readonly Pick<LeagueRow, 'target' | 'target_source'>[], { t }: Locale): string | null {
  const sources = [...new Set(rows.filter((r) => num(r.target) !== null).map((r) => String(r.target_source ?? '')))].filter(Boolean);
  if (!sources.length) return null;
  if (sources.every((s) => s === 'synthetic')) return t('leagueTargetsSynthetic');
  return t('leagueTargetsSource', { sources: sources.join('; ') });
}
