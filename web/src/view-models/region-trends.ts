import type { QueryRows } from '../../../queries/contract.js';
import type { TrendPanel } from '../charts/trend-panels.js';
import type { LinePoint } from '../charts/line-chart.js';
import type { Program, Province } from '../data/references.js';
import type { ResultSet, Row } from '../decode.js';
import { formatNumber, pn } from '../i18n/format.js';
import { nameOf, unitOf } from '../i18n/index.js';
import { formatPeriod } from '../i18n/period.js';
import { num, rowsTable, type CardModel, type Locale } from './common.js';
import { provinceName } from './regions.js';

/** The programme a trends card links to: subsidised vocational training. */
export const headlineProgram = 'vocational_training';
const trendProgramCodes = [headlineProgram, 'knowledge_renewal', 'skill_certificate'];

/** The programmes drawn: vocational training, knowledge renewal and certificates (else the first three training programmes). */
export function trendPrograms(programs: readonly Program[]): Program[] {
  const training = programs.filter((p) => p.factTable === 'training');
  const chosen = training.filter((p) => trendProgramCodes.includes(p.code));
  return chosen.length ? chosen : training.slice(0, 3);
}

/** The last year with all twelve months of training data: '2026-10' → 2025, '2026-12' → every year. */
export function lastFullYear(trainingThrough: string | null): number {
  if (Number((trainingThrough ?? '').slice(5, 7)) === 12) return 9999;
  return Number((trainingThrough ?? '2025').slice(0, 4)) - 1;
}

export interface RegionTrendsModel extends CardModel {
  panels: TrendPanel[];
  /** The series' names: the province and the nation. */
  subject: string;
  reference: string;
  format: (value: number) => string;
}

export interface TrendInputs extends Locale {
  /** The programmes, in the order of the results. */
  programs: readonly Program[];
  provinces: readonly Province[];
  region: string;
  /** The last month with training data ('2026-10'). */
  trainingThrough: string | null;
}

/**
 * Each programme's yearly volume per 10,000 working-age people (2020 census, aged 15–59), the province against
 * the nation (the mainland's total over its working-age people), for complete years only.
 */
export function regionTrendsModel(
  results: readonly ResultSet<QueryRows['training-trend']>[],
  { lang, t, programs, provinces, region, trainingThrough }: TrendInputs,
): RegionTrendsModel | null {
  const provinceAge = provinces.find((p) => p.code === region)?.workingAge ?? null;
  const nationAge = provinces.filter((p) => p.inMainland).reduce((sum, p) => sum + (p.workingAge ?? 0), 0);
  const lastFull = lastFullYear(trainingThrough);
  const table: Row[] = [];
  const panels = programs.map((program, i): TrendPanel => {
    const points: LinePoint[] = [];
    for (const r of results[i]?.rows ?? []) {
      const year = Number(r.period);
      if (!(year <= lastFull)) continue;
      const own = provinceAge ? ((num(r.person_times) ?? 0) / provinceAge) * 1e4 : null;
      const nation = nationAge ? ((num(r.national_person_times) ?? 0) / nationAge) * 1e4 : null;
      points.push({ x: year, y: own, series: 'subject' }, { x: year, y: nation, series: 'reference' });
      table.push({
        program_code: program.code,
        year,
        region_per_10k: own,
        national_per_10k: nation,
        person_times: num(r.person_times),
        national_person_times: num(r.national_person_times),
      });
    }
    return { title: nameOf(program, lang), yLabel: t('per10kShort', { unit: unitOf(program, lang) }), points };
  });
  if (!table.length) return null;
  const name = provinceName(provinces, region, lang);
  const years = table.map((r) => Number(r.year));
  return {
    summary: t('trendsSummary', { region: name, programs: programs.map((p) => nameOf(p, lang)).join(pn(lang).list) }),
    table: rowsTable(table),
    period: formatPeriod(`${Math.min(...years)}/${Math.max(...years)}`, lang),
    panels,
    subject: name,
    reference: t('nation'),
    format: (v) => formatNumber(v, lang, 1),
  };
}
