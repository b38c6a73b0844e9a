import type { QueryRows } from '../../../queries/contract.js';
import type { BulletSpec } from '../charts/bullet.js';
import type { ProgressPanelData } from '../charts/progress-panel.js';
import type { PathMonth, TargetPathLabels } from '../charts/target-path.js';
import type { ResultSet } from '../decode.js';
import { capitalize, formatPercentFloor, pn } from '../i18n/format.js';
import { formatPeriod, isWholeYears, parsePeriod } from '../i18n/period.js';
import { unitOf } from '../i18n/index.js';
import { statusText } from '../ui/badge.js';
import { MISSING } from '../ui/missing.js';
import { isStatus, noStatus, statusStyles } from '../ui/theme.js';
import { num, numberFormats, periodOf, resultTable, type CardModel, type Locale } from './common.js';
import type { ScopeNames } from './scope.js';

/** The headings of the annual-target cards: programme · region · unit. */
export function targetHeadings(names: ScopeNames, { t }: Locale): { progress: string; path: string } {
  return {
    progress: `${names.program} · ${names.region} · ${names.unit}`,
    path: `${names.program} · ${names.region} · ${t('cumulativeUnit', { unit: names.unit })}`,
  };
}

/** A status's colour, or a fallback for a value without a target. */
export const statusColor = (status: unknown, fallback: string): string => (isStatus(status) ? statusStyles[status].color : fallback);

export type ProgressModel = CardModel & ProgressPanelData;

/**
 * The annual target's progress: status, key figures and, when there is a target, the share achieved as a bullet.
 * The status is for the period the card names (a year to date, or the whole year once it is complete); the pace
 * and share beside it are rounded down, so that they never cross the status's threshold on screen.
 */
export function progressModel(result: ResultSet<QueryRows['annual-target-progress']>, { lang, t }: Locale): ProgressModel | null {
  const row = result.rows[0];
  if (!row) return null;
  const f = numberFormats(lang);
  const p = pn(lang);
  const unit = unitOf(row, lang);
  const target = num(row.target);
  const cumulative = num(row.cumulative_actual);
  const share = num(row.share_achieved) ?? (cumulative !== null && target ? cumulative / target : null);
  const expected = num(row.expected);
  const expectedText = expected === null ? MISSING : f.number(expected);
  const basis = row.expected_basis === 'seasonal' ? t('basisSeasonal') : t('basisLinear');
  const period = periodOf(row);
  const complete = row.period_complete === true || isWholeYears(parsePeriod(period));
  const through = formatPeriod(period, lang, 'through');
  const shareText = formatPercentFloor(share, 1);
  const figure = (v: unknown) => (num(v) === null ? null : f.number(num(v)!));
  const said = (v: unknown) => figure(v) ?? t('noDataReported');
  const vars = {
    period: lang === 'en' ? capitalize(through) : through,
    cumulative: said(cumulative),
    unit,
    target: target === null ? MISSING : f.number(target),
    share: shareText,
    status: statusText(row.status, t),
    projected: said(row.projected_year_end),
  };
  const summary =
    cumulative === null
      ? t('progressSummaryNoData', vars)
      : target
        ? t(complete ? 'progressSummaryComplete' : 'progressSummary', vars)
        : t('progressSummaryNoTarget', vars);
  const color = statusColor(row.status, noStatus);
  const bullet: BulletSpec | null =
    target && cumulative !== null
      ? {
          rows: [
            {
              label: complete ? formatPeriod(period, lang) : t('ytd'),
              achieved: cumulative / target,
              expected: expected === null ? null : expected / target,
              color,
              note: '',
              detail: `${t('cumulativeActual')}${p.colon}${f.number(cumulative)}\n${t('expectedToDate')}${p.open}${basis}${p.close}${p.colon}${expectedText}`,
            },
          ],
          labels: { achieved: t('shareAchieved'), expected: t('expectedToDate'), target: t('target') },
          axis: t('shareOfTarget'),
          achievedColor: color,
        }
      : null;
  return {
    summary,
    table: resultTable(result),
    period: formatPeriod(period, lang),
    status: row.status,
    asOf: complete ? through : t('asOfMonths', { period: capitalize(through), months: String(row.months_elapsed ?? MISSING) }),
    kpis: [
      {
        id: 'cumulative',
        label: t('cumulativeActual'),
        value: figure(cumulative),
        unit,
        note: target ? t('ofTarget', { target: f.number(target), share: shareText }) : t('noTarget'),
      },
      {
        id: 'pace',
        label: t('pace'),
        value: num(row.pace) === null ? null : formatPercentFloor(num(row.pace), 0),
        note: t('paceNote', { basis, expected: expectedText }),
        ...(target ? {} : { missing: t('noTarget') }),
      },
      complete
        ? {
            id: 'required',
            label: t('requiredMonthly'),
            value: null,
            missing: t('notApplicableYearComplete'),
            note: t('yearComplete'),
          }
        : {
            id: 'required',
            label: t('requiredMonthly'),
            value: figure(row.required_monthly_rate),
            note: t('recentMonthly', { rate: said(row.recent_monthly_rate) }),
            ...(target ? {} : { missing: t('noTarget') }),
          },
      complete
        ? { id: 'projected', label: t('yearEndActual'), value: figure(cumulative), note: formatPeriod(period, lang) }
        : {
            id: 'projected',
            label: t('projectedYearEnd'),
            value: figure(row.projected_year_end),
            note: t('projectedBand', { low: said(row.projected_low), high: said(row.projected_high) }),
          },
    ],
    bullet,
  };
}

export interface PathModel extends CardModel {
  months: PathMonth[];
  labels: TargetPathLabels;
}

/** The month-by-month path to the annual target: cumulative actual against the expected paths and the projection. */
export function pathModel(result: ResultSet<QueryRows['annual-target-path']>, unit: string, { lang, t }: Locale): PathModel | null {
  if (!result.rows.length) return null;
  const f = numberFormats(lang);
  const months: PathMonth[] = result.rows.map((r) => ({
    month: Number(String(r.month).slice(5, 7)) || Number(r.month),
    actual: num(r.cumulative_actual),
    seasonal: num(r.expected_cumulative_seasonal),
    linear: num(r.expected_cumulative_linear),
    projected: num(r.projected_cumulative),
    low: num(r.projected_low),
    high: num(r.projected_high),
    target: num(r.target),
  }));
  const last = [...months].reverse().find((m) => m.actual !== null);
  const target = months.find((m) => m.target !== null)?.target ?? null;
  const december = months.find((m) => m.month === 12);
  const summary = t('pathSummary', {
    month: last ? String(last.month) : '–',
    actual: last?.actual === null || !last ? '–' : f.number(last.actual),
    expected: last?.seasonal === null || !last ? '–' : f.number(last.seasonal ?? 0),
    projected: december?.projected == null ? '–' : f.number(december.projected),
    target: target === null ? '–' : f.number(target),
  });
  const labels: TargetPathLabels = {
    actual: t('cumulativeActual'),
    seasonal: t('expectedSeasonal'),
    linear: t('expectedLinear'),
    projected: t('projection'),
    band: t('projectionBand'),
    target: t('target'),
    unit,
  };
  // The months with a cumulative figure: January to the as-of month ('2026年1–10月'), or the whole year.
  const year = String(result.rows[0].month).slice(0, 4);
  const reported = [...result.rows].reverse().find((r) => num(r.cumulative_actual) !== null);
  const period = reported ? formatPeriod({ start: `${year}-01`, end: String(reported.month).slice(0, 7) }, lang) : undefined;
  return { summary, table: resultTable(result), months, labels, ...(period ? { period } : {}) };
}
