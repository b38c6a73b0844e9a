import type { QueryRows } from '../../../queries/contract.js';
import type { ActionCard, ActionTarget } from '../charts/action-cards.js';
import type { BulletSpec } from '../charts/bullet.js';
import type { Code, Program } from '../data/references.js';
import type { ResultSet, Row } from '../decode.js';
import { formatChange, formatPercent, formatPercentFloor, pn } from '../i18n/format.js';
import { formatPeriod, formatPeriods } from '../i18n/period.js';
import { nameOf, unitOf } from '../i18n/index.js';
import { statusText, worstStatus } from '../ui/badge.js';
import { MISSING } from '../ui/missing.js';
import { isStatus, neutral, statusStyles } from '../ui/theme.js';
import { num, numberFormats, resultTable, rowsTable, type CardModel, type Locale } from './common.js';
import { statusColor } from './overview.js';

/** A programme's headline figure for the chosen year: its cumulative volume (training) or the year's flow or level (counts). */
export interface Headline {
  program: Program;
  /** null: no figure reported (shown as '—', never 0). */
  value: number | null;
  unit: string;
  /** The period of the figure in words: '截至2026年10月' or '2025年全年' (training), '2025年' (a year's flow or level). */
  period: string;
  /** The period as the analytics name it: '2026-01/2026-10' or '2025' (training), the year (counts); '' when unknown. */
  periodCode: string;
  kind: 'training' | 'level';
  /** The annual target's status for that period (null without an annual target). */
  status: string | null;
  /** The same period of the previous year ('2025-01/2025-10', '2024'); '' when unknown. */
  previousPeriod: string;
  previousValue: number | null;
  /** value ÷ previousValue − 1: like for like, the same months of the previous year (null when not comparable). */
  change: number | null;
}

type HeadlineRow = QueryRows['programme-headlines'];

/**
 * A programme's headline from its programme-headlines row. Its annual status is annual-target-progress's, given only
 * for a programme with an annual target in the scope (the row's annual_target), else null.
 */
export function headlineOf(program: Program, row: HeadlineRow | undefined, status: string | null, { lang, t }: Locale): Headline {
  const periodCode = row?.period ? String(row.period) : '';
  const kind = program.factTable === 'training' ? 'training' : 'level';
  // A flow of talent or platforms in the year still being reported counts only part of it.
  const partFlow = row?.measure === 'flow' && row.period_complete === false;
  const p = pn(lang);
  const period = !periodCode
    ? ''
    : kind === 'training'
      ? formatPeriod(periodCode, lang, 'through')
      : `${t('levelYear', { year: periodCode })}${partFlow ? `${p.open}${t('yearToDate')}${p.close}` : ''}`;
  return {
    program,
    value: num(row?.value),
    unit: unitOf(program, lang),
    period,
    periodCode,
    kind,
    status: num(row?.annual_target) === null ? null : status,
    previousPeriod: row?.previous_period ? String(row.previous_period) : '',
    previousValue: num(row?.previous_value),
    change: num(row?.change_on_previous_year),
  };
}

/** A headline's change on the same period of the previous year, in words ('vs same months of 2025 +2.2%'); null if none. */
export function comparisonText(hl: Headline, { t }: Locale): string | null {
  if (hl.change === null || !hl.previousPeriod) return null;
  const label = hl.previousPeriod.includes('/') ? t('changeOnSameMonths', { year: hl.previousPeriod.slice(0, 4) }) : t('changeOnYear');
  // A full-width bracket closes the Chinese label: no space after it.
  return `${label}${label.endsWith('）') ? '' : ' '}${formatChange(hl.change)}`;
}

export interface ActionsModel extends CardModel {
  actions: ActionCard[];
}

type MultiRow = QueryRows['multi-year-target-progress'];

/** A multi-year target as a programme's second line: its period, status and share achieved (rounded down). */
function targetLine(row: MultiRow | undefined, { lang, t }: Locale): ActionTarget | null {
  if (!row || num(row.target) === null) return null;
  const started = row.status !== null || Number(row.as_of_year) >= Number(row.period_start);
  return {
    label: t('multiYearTarget', { period: formatPeriod(`${row.period_start}/${row.period_end}`, lang) }),
    status: row.status,
    share: started ? formatPercentFloor(num(row.share_achieved), 1) : null,
    note: started ? null : t('notStarted'),
  };
}

/** Whether the chosen (as-of) year falls in a multi-year target's period: then its status is the year's too. */
const coversAsOfYear = (row: MultiRow) =>
  Number(row.period_start) <= Number(row.as_of_year) && Number(row.as_of_year) <= Number(row.period_end);

/**
 * The eight actions, each with its programmes' figures for the chosen year. Every badge is for the period beside
 * it: a programme's annual status for its figure's period, a multi-year target's for that target's period; an
 * action's badge is the worst of the statuses for the chosen year (annual ones, and multi-year targets whose
 * period includes the year).
 */
export function actionsModel(
  actions: readonly Code[],
  headlines: readonly Headline[],
  multiYear: readonly MultiRow[],
  locale: Locale,
): ActionsModel {
  const { lang, t } = locale;
  const f = numberFormats(lang);
  const p = pn(lang);
  const entries = headlines.map((hl) => ({ hl, multi: multiYear.find((m) => m.program_code === hl.program.code) }));
  const training = headlines.find((hl) => hl.kind === 'training' && hl.periodCode);
  const level = headlines.find((hl) => hl.kind === 'level' && hl.periodCode);
  const yearPeriod = training?.period ?? level?.period ?? '';
  const table: Row[] = entries.map(({ hl, multi }) => ({
    action_code: hl.program.action,
    program_code: hl.program.code,
    value: hl.value,
    unit: hl.unit,
    period: hl.periodCode,
    previous_period: hl.previousPeriod || null,
    previous_value: hl.previousValue,
    change_on_previous_year: hl.change,
    annual_status: hl.status,
    multi_year_period: multi ? `${multi.period_start}–${multi.period_end}` : null,
    multi_year_status: multi?.status ?? null,
    multi_year_share_achieved: num(multi?.share_achieved),
  }));
  const groups = actions.map((action): ActionCard => {
    const mine = entries.filter(({ hl }) => hl.program.action === action.code);
    const statuses = mine.flatMap(({ hl, multi }) => [hl.status, multi && coversAsOfYear(multi) ? multi.status : null]);
    return {
      code: action.code,
      name: nameOf(action, lang),
      status: worstStatus(statuses),
      period: yearPeriod ? t('worstStatusOf', { period: yearPeriod }) : '',
      programs: mine.map(({ hl, multi }) => ({
        code: hl.program.code,
        name: nameOf(hl.program, lang),
        value: hl.value === null ? null : `${f.number(hl.value)} ${hl.unit}`,
        period: hl.period,
        comparison: comparisonText(hl, locale),
        status: hl.status,
        target: targetLine(multi, locale),
      })),
    };
  });
  const periods = [
    training ? t('periodTraining', { period: formatPeriod(training.periodCode, lang) }) : null,
    level ? t('periodTalent', { period: level.period }) : null,
  ].filter(Boolean);
  return {
    summary: `${yearPeriod ? t('actionsSummaryPeriod', { period: yearPeriod }) : t('actionsSummary')} ${groups
      .map((g) => `${g.name}${p.colon}${statusText(g.status, t)}`)
      .join(p.semi)}`,
    table: rowsTable(table),
    actions: groups,
    ...(periods.length ? { period: periods.join(p.semi) } : {}),
  };
}

/** The month `count` months after January of a year ('2021', 46 → '2024-11'): where a multi-year count stands. */
function monthAfter(year: number, count: number): string {
  const index = year * 12 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months a multi-year target's cumulative figure covers: from its first January for the years elapsed. */
export function measuredPeriod(row: Pick<MultiRow, 'period_start' | 'years_elapsed'>): string | null {
  const months = Math.round((num(row.years_elapsed) ?? 0) * 12);
  const start = Number(row.period_start);
  if (!(months > 0) || !Number.isFinite(start)) return null;
  return `${start}-01/${monthAfter(start, months - 1)}`;
}

/**
 * Progress towards the multi-year targets (e.g. 2021–2025) as of the chosen year, one bar per target coloured by
 * status; the card names the months counted so far ('2021–2024年'), each bar its target's period.
 */
export function multiYearModel(
  result: ResultSet<QueryRows['multi-year-target-progress']>,
  { lang, t }: Locale,
): (CardModel & BulletSpec) | null {
  const f = numberFormats(lang);
  const p = pn(lang);
  const rows = result.rows.filter((r) => num(r.target) !== null);
  if (!rows.length) return null;
  const bullets = rows.map((r) => {
    const target = num(r.target)!;
    const unit = unitOf(r, lang);
    const expected = num(r.expected_to_date);
    const cumulative = num(r.cumulative_actual);
    const growth = num(r.required_annual_growth) !== null;
    const started = r.status !== null || measuredPeriod(r) !== null;
    const achieved = num(r.share_achieved) ?? (cumulative === null ? null : cumulative / target);
    const word = started ? statusText(r.status, t) : t('notStarted');
    const note = `${isStatus(r.status) ? `${statusStyles[r.status].symbol} ` : ''}${word}`;
    return {
      label: `${nameOf(r, lang)}${p.open}${formatPeriod(`${r.period_start}/${r.period_end}`, lang)}${p.close}`,
      achieved: achieved ?? 0,
      expected: expected === null || r.aggregation === 'last' ? null : expected / target,
      color: statusColor(r.status, neutral),
      note,
      ...(achieved === null ? { text: `${MISSING} ${t('noDataReported')}` } : {}),
      detail: [
        `${t('cumulativeActual')}${p.colon}${cumulative === null ? t('noDataReported') : `${f.number(cumulative)} ${unit}`}`,
        `${t('target')}${p.colon}${f.number(target)} ${unit}`,
        `${t('pace')}${p.colon}${formatPercentFloor(num(r.pace), 0)}`,
        growth
          ? `${t('growthObservedRequired')}${p.colon}${formatPercent(num(r.observed_annual_growth))} / ${formatPercent(num(r.required_annual_growth))}`
          : null,
        `${t('statusLabel')}${p.colon}${word}`,
      ]
        .filter(Boolean)
        .join('\n'),
    };
  });
  const shares = bullets.map((b) => `${b.label} ${b.text ?? formatPercentFloor(b.achieved, 1)}${p.open}${b.note}${p.close}`);
  const period = formatPeriods(rows.map(measuredPeriod), lang);
  return {
    summary: `${t('multiYearTitle')}${period ? `${p.open}${period}${p.close}` : ''}${p.colon}${shares.join(p.semi)}`,
    table: resultTable(result),
    ...(period ? { period } : {}),
    rows: bullets,
    labels: { achieved: t('shareAchievedByStatus'), expected: t('expectedToDate'), target: t('target') },
    axis: t('shareOfTarget'),
    achievedColor: neutral,
  };
}
