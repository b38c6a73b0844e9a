import type { DatasetRows, QueryRows } from '../../../queries/contract.js';
import type { ActionCard } from '../charts/action-cards.js';
import type { BulletSpec } from '../charts/bullet.js';
import type { Code, Program } from '../data/references.js';
import type { ResultSet, Row } from '../decode.js';
import { formatMonth, formatPercent, formatRatio, pn } from '../i18n/format.js';
import { nameOf, unitOf } from '../i18n/index.js';
import { statusText, worstStatus } from '../ui/badge.js';
import { isStatus, neutral, statusStyles } from '../ui/theme.js';
import { num, numberFormats, resultTable, rowsTable, type CardModel, type Locale } from './common.js';
import { statusColor } from './overview.js';

/** A programme's headline figure: this year's cumulative volume (training) or the latest level (counts). */
export interface Headline {
  program: Program;
  value: number | null;
  unit: string;
  /** "to Oct 2026" or the year of the level. */
  period: string;
  /** The annual target's status (null without an annual target). */
  status: string | null;
}

/** The programmes with an annual target in a scope (a target whose period is one year), from the target export. */
export function annualTargetCodes(targets: readonly DatasetRows['target'][], region: string): Set<string> {
  return new Set(
    targets.filter((r) => r.period_start === r.period_end && r.region_code === (region || '000000')).map((r) => String(r.program_code)),
  );
}

/** A training programme's headline: its cumulative volume this year, and its status when it has an annual target. */
export function annualHeadline(
  program: Program,
  row: QueryRows['annual-target-progress'] | undefined,
  annualTargets: ReadonlySet<string>,
  { lang, t }: Locale,
): Headline {
  const hasTarget = annualTargets.has(program.code) || num(row?.target) !== null;
  return {
    program,
    value: num(row?.cumulative_actual),
    unit: unitOf(program, lang),
    period: row ? t('ytdThrough', { month: formatMonth(String(row.as_of), lang) }) : '',
    status: hasTarget ? (row?.status ?? null) : null,
  };
}

/** A counted programme's headline: its latest level, summed over the provinces (or the one province). */
export function levelHeadline(program: Program, rows: readonly QueryRows['talent-stock'][], region: string, { lang }: Locale): Headline {
  const inScope = region ? rows.filter((r) => r.region_code === region) : rows;
  return {
    program,
    value: inScope.length ? inScope.reduce((sum, r) => sum + (num(r.value) ?? 0), 0) : null,
    unit: unitOf(program, lang),
    period: rows[0] ? String(rows[0].year) : '',
    status: null,
  };
}

export interface ActionsModel extends CardModel {
  actions: ActionCard[];
}

/** The eight actions, each with its programmes' headline figures and the worst status among their targets. */
export function actionsModel(
  actions: readonly Code[],
  headlines: readonly Headline[],
  multiYear: readonly QueryRows['multi-year-target-progress'][],
  { lang, t }: Locale,
): ActionsModel {
  const f = numberFormats(lang);
  const entries = headlines.map((hl) => ({ hl, multi: multiYear.find((m) => m.program_code === hl.program.code)?.status ?? null }));
  const table: Row[] = entries.map(({ hl, multi }) => ({
    action_code: hl.program.action,
    program_code: hl.program.code,
    value: hl.value,
    unit: hl.unit,
    period: hl.period,
    annual_status: hl.status,
    multi_year_status: multi,
  }));
  const groups = actions.map((action): ActionCard => {
    const mine = entries.filter(({ hl }) => hl.program.action === action.code);
    return {
      code: action.code,
      name: nameOf(action, lang),
      status: worstStatus(mine.flatMap(({ hl, multi }) => [hl.status, multi])),
      programs: mine.map(({ hl, multi }) => ({
        code: hl.program.code,
        name: nameOf(hl.program, lang),
        value: hl.value === null ? '–' : `${f.number(hl.value)} ${hl.unit}`,
        period: hl.period,
        status: hl.status ?? multi,
      })),
    };
  });
  const p = pn(lang);
  return {
    summary: `${t('actionsSummary')} ${groups.map((g) => `${g.name}${p.colon}${statusText(g.status, t)}`).join(p.semi)}`,
    table: rowsTable(table),
    actions: groups,
  };
}

/** Progress towards the multi-year targets (e.g. 2021–2025), one bar per target, coloured by status. */
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
    const growth = num(r.required_annual_growth) !== null;
    return {
      label: `${nameOf(r, lang)}${p.open}${r.period_start}–${r.period_end}${p.close}`,
      achieved: num(r.share_achieved) ?? (num(r.cumulative_actual) ?? 0) / target,
      expected: expected === null || r.aggregation === 'last' ? null : expected / target,
      color: statusColor(r.status, neutral),
      note: `${isStatus(r.status) ? statusStyles[r.status].symbol : ''} ${statusText(r.status, t)}`,
      detail: [
        `${t('cumulativeActual')}${p.colon}${f.number(num(r.cumulative_actual) ?? NaN)} ${unit}`,
        `${t('target')}${p.colon}${f.number(target)} ${unit}`,
        `${t('pace')}${p.colon}${formatRatio(num(r.pace))}`,
        growth
          ? `${t('growthObservedRequired')}${p.colon}${formatPercent(num(r.observed_annual_growth))} / ${formatPercent(num(r.required_annual_growth))}`
          : null,
        `${t('statusLabel')}${p.colon}${statusText(r.status, t)}`,
      ]
        .filter(Boolean)
        .join('\n'),
    };
  });
  const shares = bullets.map((b) => `${b.label} ${formatPercent(b.achieved)}${p.open}${b.note.trim()}${p.close}`);
  return {
    summary: `${t('multiYearTitle')}${p.colon}${shares.join(p.semi)}`,
    table: resultTable(result),
    rows: bullets,
    labels: { achieved: t('shareAchievedByStatus'), expected: t('expectedToDate'), target: t('target') },
    axis: t('shareOfTarget'),
    achievedColor: neutral,
  };
}
