import type { QueryRows } from '../../../queries/contract.js';
import type { ProgressPanelData } from '../charts/progress-panel.js';
import type { ResultSet } from '../decode.js';
import { capitalize, formatPercentFloor } from '../i18n/format.js';
import { nameOf } from '../i18n/index.js';
import { formatPeriod } from '../i18n/period.js';
import { statusLabel, statusText } from '../ui/badge.js';
import { isStatus } from '../ui/theme.js';
import { num, periodOf, rowsTable, type CardModel, type Locale } from './common.js';
import { shortageModel, type BarsModel } from './gaps.js';
import { isBehind } from './overview-league.js';

type LeagueRow = QueryRows['province-target-league'];

/** How many shortage occupations the province brief lists. */
export const briefShortageCount = 5;

/** The brief's rank card: where the province stands among the provinces against their own targets. */
export type BriefRankModel = CardModel & ProgressPanelData;

/**
 * The province's place in the league of provinces against their own annual targets: its rank (of the provinces
 * ranked), its status for the period, its pace (rounded down) and how many provinces are behind.
 */
export function briefRankModel(result: ResultSet<LeagueRow>, province: string, { lang, t }: Locale): BriefRankModel | null {
  const row = result.rows.find((r) => String(r.region_code) === province);
  if (!row) return null;
  const period = periodOf(row);
  const complete = row.period_complete === true;
  const periodText = formatPeriod(period, lang);
  const through = formatPeriod(period, lang, 'through');
  const ranked = result.rows.filter((r) => num(r.rank) !== null).length;
  const judged = result.rows.filter((r) => isStatus(r.status));
  const behind = judged.filter((r) => isBehind(r.status)).length;
  const rank = num(row.rank);
  const pace = num(row.pace);
  const paceText = pace === null ? null : formatPercentFloor(pace, 0);
  const name = nameOf(row, lang);
  return {
    summary: t('briefRankSummary', {
      province: name,
      rank: rank === null ? '–' : String(rank),
      total: String(ranked),
      status: statusText(row.status, t),
      period: periodText,
    }),
    table: rowsTable([
      {
        rank,
        of: ranked,
        region_code: row.region_code,
        name,
        pace,
        status: row.status,
        status_label: statusLabel(row.status, t),
        period,
      },
    ]),
    period: periodText,
    status: isStatus(row.status) ? row.status : null,
    asOf: complete ? periodText : lang === 'en' ? capitalize(through) : through,
    kpis: [
      {
        id: 'rank',
        label: t('rankLabel'),
        value: rank === null ? null : t('briefRankOf', { rank: String(rank), total: String(ranked) }),
        note: t('briefRankNote'),
      },
      { id: 'pace', label: t('pace'), value: paceText, note: statusLabel(row.status, t) },
      {
        id: 'behind',
        label: t('briefBehindLabel'),
        value: judged.length ? `${behind} / ${judged.length}` : null,
        note: periodText,
      },
    ],
    bullet: null,
  };
}

/** The province's top shortage occupations (at most five), with the quarter they are for. */
export function briefShortageModel(result: ResultSet<QueryRows['shortage-occupations']>, locale: Locale): BarsModel | null {
  const rows = result.rows.slice(0, briefShortageCount);
  const model = shortageModel({ ...result, rows }, locale);
  if (!model) return null;
  const quarter = String(rows[0].quarter ?? '');
  return { ...model, period: formatPeriod(quarter, locale.lang) };
}
