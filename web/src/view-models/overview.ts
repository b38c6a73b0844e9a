import type { QueryRows } from '../../../queries/contract.js';
import type { BulletSpec } from '../charts/bullet.js';
import type { ProgressPanelData } from '../charts/progress-panel.js';
import type { PathMonth, TargetPathLabels } from '../charts/target-path.js';
import type { ResultSet } from '../decode.js';
import { formatMonth, formatPercent, formatRatio, pn } from '../i18n/format.js';
import { unitOf } from '../i18n/index.js';
import { statusText } from '../ui/badge.js';
import { isStatus, noStatus, statusStyles } from '../ui/theme.js';
import { num, numberFormats, resultTable, type CardModel, type Locale } from './common.js';
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

/** The annual target's progress: status, key figures and, when there is a target, the share achieved as a bullet. */
export function progressModel(result: ResultSet<QueryRows['annual-target-progress']>, { lang, t }: Locale): ProgressModel | null {
  const row = result.rows[0];
  if (!row) return null;
  const f = numberFormats(lang);
  const p = pn(lang);
  const unit = unitOf(row, lang);
  const target = num(row.target);
  const cumulative = num(row.cumulative_actual) ?? 0;
  const share = num(row.share_achieved);
  const expected = num(row.expected);
  const expectedText = expected === null ? '–' : f.number(expected);
  const basis = row.expected_basis === 'seasonal' ? t('basisSeasonal') : t('basisLinear');
  const asOf = formatMonth(String(row.as_of), lang);
  const count = (v: unknown) => f.number(num(v) ?? NaN);
  const summary = target
    ? t('progressSummary', {
        asOf,
        cumulative: f.number(cumulative),
        unit,
        target: f.number(target),
        share: formatPercent(share),
        status: statusText(row.status, t),
        projected: f.number(num(row.projected_year_end) ?? 0),
      })
    : t('progressSummaryNoTarget', { asOf, cumulative: f.number(cumulative), unit });
  const color = statusColor(row.status, noStatus);
  const bullet: BulletSpec | null = target
    ? {
        rows: [
          {
            label: t('ytd'),
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
    status: row.status,
    asOf: t('asOfMonths', { asOf, months: String(row.months_elapsed ?? '–') }),
    kpis: [
      {
        id: 'cumulative',
        label: t('cumulativeActual'),
        value: f.number(cumulative),
        unit,
        note: target ? t('ofTarget', { target: f.number(target), share: formatPercent(share) }) : t('noTarget'),
      },
      { id: 'pace', label: t('pace'), value: formatRatio(num(row.pace)), note: t('paceNote', { basis, expected: expectedText }) },
      {
        id: 'required',
        label: t('requiredMonthly'),
        value: count(row.required_monthly_rate),
        note: t('recentMonthly', { rate: count(row.recent_monthly_rate) }),
      },
      {
        id: 'projected',
        label: t('projectedYearEnd'),
        value: count(row.projected_year_end),
        note: t('projectedBand', { low: count(row.projected_low), high: count(row.projected_high) }),
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
  return { summary, table: resultTable(result), months, labels };
}
