import type { Submission } from '../../../core/submission.js';
import { formatExact, type Lang } from '../i18n/format.js';
import type { MessageKey, Translate } from '../i18n/index.js';
import { formatPeriod } from '../i18n/period.js';

/** A row of an analytic's JSON answer. */
export type AnswerRow = Readonly<Record<string, unknown>>;

/** One figure of an analytic's answer that the preview compares, keyed so that the live and candidate ones pair up. */
export interface PreviewFigure {
  key: string;
  label: string;
  unit: string;
  value: number | null;
  /** The period the figure covers, as the analytic names it ('2026-01/2026-10', '2026Q3', '2026'). */
  period: string | null;
}

/** The analytic a submission's effect is previewed with, its parameters, and how its rows become figures. */
export interface PreviewPlan {
  query: 'programme-headlines' | 'talent-gap' | 'competition-results';
  params: Record<string, string>;
  figures(rows: readonly AnswerRow[], lang: Lang, t: Translate): PreviewFigure[];
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const num = (value: unknown): number | null => (value === null || value === undefined || value === '' ? null : Number(value));
const byLang = (row: AnswerRow, field: 'name' | 'unit' | 'group_name', lang: Lang) => text(row[`${field}_${lang}`]);

/** The latest of the file's periods of a kind (months 2026-10, quarters 2026Q3, years 2026). */
function latest(periods: readonly string[] | undefined, pattern: RegExp): string | null {
  return (
    [...(periods ?? [])]
      .filter((p) => pattern.test(p))
      .sort()
      .at(-1) ?? null
  );
}
const yearOf = (periods: readonly string[] | undefined): string | null => latest(periods, /^\d{4}(-\d{2}|Q[1-4])?$/)?.slice(0, 4) ?? null;

/** programme-headlines' rows of one kind: training programmes ('cumulative') or talent and platform indicators. */
const headlineFigures =
  (training: boolean) =>
  (rows: readonly AnswerRow[], lang: Lang): PreviewFigure[] =>
    rows
      .filter((r) => (r.measure === 'cumulative') === training)
      .map((r) => ({
        key: text(r.program_code),
        label: byLang(r, 'name', lang),
        unit: byLang(r, 'unit', lang),
        value: num(r.value),
        period: text(r.period) || null,
      }));

const medals: readonly [string, MessageKey][] = [
  ['gold', 'previewGold'],
  ['silver', 'previewSilver'],
  ['bronze', 'previewBronze'],
  ['excellence', 'previewExcellence'],
  ['entrants', 'previewEntrants'],
];

/**
 * What a submission's effect is previewed with, for its dataset, province and periods: training — each training
 * programme's figure of the year in the province (programme-headlines, January to the latest month reported);
 * talent_stock — the year's talent and platform indicators (programme-headlines as well, which gives each
 * indicator's flow or level in one request); labor_market — the province's vacancies less job seekers by occupation
 * group for the quarter (talent-gap); competition — the province's medals and entrants of the year
 * (competition-results). Null when the file says no period, or names no province where the analytic needs one.
 */
export function previewPlan(submission: Pick<Submission, 'dataset' | 'province' | 'report'>): PreviewPlan | null {
  const { dataset, province, report } = submission;
  const year = yearOf(report.periods);
  if (dataset === 'training' || dataset === 'talent_stock') {
    if (!year) return null;
    return {
      query: 'programme-headlines',
      params: { region: province ?? '', year },
      figures: headlineFigures(dataset === 'training'),
    };
  }
  if (dataset === 'labor_market') {
    const quarter = latest(report.periods, /^\d{4}Q[1-4]$/);
    if (!quarter || !province) return null;
    return {
      query: 'talent-gap',
      params: { quarter, level: 'province' },
      figures: (rows, lang) =>
        rows
          .filter((r) => r.region_code === province)
          .map((r) => ({
            key: text(r.group_code),
            label: byLang(r, 'group_name', lang),
            unit: lang === 'zh' ? '人' : 'persons',
            value: num(r.gap),
            period: text(r.quarter) || quarter,
          })),
    };
  }
  if (dataset === 'competition') {
    if (!year || !province) return null;
    return {
      query: 'competition-results',
      params: { year, scope: 'year' },
      figures: (rows, _lang, t) => {
        const row = rows.find((r) => r.region_code === province);
        return medals.map(([column, label]) => ({
          key: column,
          label: t(label),
          unit: '',
          value: row ? num(row[column]) : null,
          period: text(row?.year) || year,
        }));
      },
    };
  }
  return null;
}

/** What the analytic's figure column says for a dataset's plan (the table's first column heading). */
export const figureHeading = (plan: PreviewPlan, t: Translate): string =>
  t(plan.query === 'programme-headlines' ? 'previewColProgramme' : plan.query === 'talent-gap' ? 'previewColGroup' : 'previewColMeasure');

/** A row of the before/after table: the live figure, the candidate's and the difference, each with its period. */
export interface PreviewLine {
  key: string;
  label: string;
  live: string;
  livePeriod: string;
  candidate: string;
  candidatePeriod: string;
  /** Candidate less live, signed; said in words when the periods differ (not like with like) or a figure is missing. */
  difference: string;
  changed: boolean;
}

const figure = (value: number | null, unit: string, t: Translate): string =>
  value === null ? t('previewNotReported') : `${formatExact(value, Number.isInteger(value) ? 0 : 2)}${unit ? ` ${unit}` : ''}`;

function signed(value: number, unit: string): string {
  const digits = Number.isInteger(value) ? 0 : 2;
  const rounded = Number(value.toFixed(digits));
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
  return `${sign}${formatExact(Math.abs(rounded), digits)}${unit ? ` ${unit}` : ''}`;
}

/**
 * Pairs the live figures with the candidate's: those the file changes first, then the others, each group in the
 * live answer's order (a figure only the candidate has after those). The difference is given only between figures
 * of the same period; otherwise the table says why not.
 */
export function previewLines(live: readonly PreviewFigure[], candidate: readonly PreviewFigure[], lang: Lang, t: Translate): PreviewLine[] {
  const keys = [...new Set([...live.map((f) => f.key), ...candidate.map((f) => f.key)])];
  const lines = keys.map((key) => {
    const before = live.find((f) => f.key === key);
    const after = candidate.find((f) => f.key === key);
    const unit = (after ?? before)!.unit;
    const period = (f: PreviewFigure | undefined) => (f?.period ? formatPeriod(f.period, lang) : '–');
    const a = before?.value ?? null;
    const b = after?.value ?? null;
    const samePeriod = (before?.period ?? null) === (after?.period ?? null);
    let difference: string;
    if (a === null || b === null) difference = a === b ? t('previewNoChange') : t('previewNotComparable');
    else if (!samePeriod) difference = t('previewPeriodsDiffer');
    else difference = signed(b - a, unit);
    return {
      key,
      label: (after ?? before)!.label,
      live: figure(a, unit, t),
      livePeriod: period(before),
      candidate: figure(b, unit, t),
      candidatePeriod: period(after),
      difference,
      changed: a !== b || !samePeriod,
    };
  });
  return [...lines.filter((l) => l.changed), ...lines.filter((l) => !l.changed)];
}
