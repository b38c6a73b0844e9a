import type { QueryRows } from '../../../queries/contract.js';
import type { LinePoint, SeriesStyle } from '../charts/line-chart.js';
import type { Program } from '../data/references.js';
import type { ResultSet, Row } from '../decode.js';
import { formatExact, formatQuarter, pn, type Lang } from '../i18n/format.js';
import { formatPeriod } from '../i18n/period.js';
import { nameOf, type MessageKey } from '../i18n/index.js';
import { categorical, reference, referenceDash } from '../ui/theme.js';
import { rowsTable, type CardModel, type Locale } from './common.js';

export type PublishedRow = QueryRows['published-figures'];

/** Where a published value was read. */
export interface PublishedSource {
  title: string;
  url: string;
  /** As cited: a day, a month or a year. */
  date: string;
}

/** One published value as shown: the value in words, its period, and every source that printed it. */
export interface PublishedFigure {
  key: string;
  indicator: string;
  /** '约475万人' / 'about 4,750,000 persons': an approximate value keeps its qualifier. */
  value: string;
  /** '2016年第3季度' / '2016 Q3', '2017年末' / 'end of 2017' … */
  period: string;
  approximate: boolean;
  sources: PublishedSource[];
}

const qualifierKeys: Record<string, [MessageKey, MessageKey]> = {
  about: ['publishedAbout', 'publishedAboutSuffix'],
  nearly: ['publishedNearly', 'publishedNearlySuffix'],
  more_than: ['publishedMoreThan', 'publishedMoreThanSuffix'],
};

const TEN_THOUSAND = '10,000 ';

/** The digits the source printed, without the qualifier ('2500多' → '2500', '近1亿' → '1亿', '1.10' → '1.10'). */
const printedDigits = (text: string): string => text.replace(/^(约|近)/, '').replace(/(多|以上)$/, '');

/** Decimal places of a printed number ('1.10' → 2): English keeps the precision the source printed. */
const decimalsOf = (text: string): number => /\.(\d+)$/.exec(text)?.[1].length ?? 0;

/**
 * A published value in words. Chinese keeps the printed digits and unit ('约475万人', '超过2500名', '近1亿人次');
 * English states the same number in whole units ('about 4,750,000 persons', 'more than 2,500 competitors').
 */
export function publishedValue(row: PublishedRow, { lang, t }: Locale): string {
  const printed = String(row.value_as_printed ?? '');
  const [before, after] = row.qualifier ? (qualifierKeys[String(row.qualifier)] ?? ['', '']) : ['', ''];
  const wrap = (text: string) => `${before ? t(before as MessageKey) : ''}${text}${after ? t(after as MessageKey) : ''}`;
  // A ratio's "unit" is its definition (比率(需求人数/求职人数)): the number stands alone, as the source prints it.
  const unitZh = String(row.unit_zh ?? '');
  if (lang === 'zh') return wrap(`${printedDigits(printed)}${unitZh.startsWith('比率') ? '' : unitZh}`);
  const unit = String(row.unit_en ?? '');
  const value = Number(row.value);
  if (unit.startsWith(TEN_THOUSAND)) return wrap(`${formatExact(Math.round(value * 10_000), 0)} ${unit.slice(TEN_THOUSAND.length)}`);
  const digits = decimalsOf(printedDigits(printed));
  return wrap(`${new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)} ${unit}`);
}

const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** What a published value's period covers, in words: a year, a quarter, years, a year's end or a month's. */
export function publishedPeriod(row: PublishedRow, lang: Lang): string {
  const start = String(row.period_start ?? '');
  const end = String(row.period_end ?? '');
  const [sy, ey, em] = [Number(start.slice(0, 4)), Number(end.slice(0, 4)), Number(end.slice(5, 7))];
  switch (row.period_kind) {
    case 'quarter':
      return formatQuarter(String(row.period), lang);
    case 'year':
      return lang === 'zh' ? `${sy}年` : String(sy);
    case 'years':
      return formatPeriod(`${sy}/${ey}`, lang);
    case 'year_end':
      return lang === 'zh' ? `${ey}年末` : `end of ${ey}`;
    case 'as_of':
      return lang === 'zh' ? `截至${ey}年${em}月` : `as of ${monthsEn[em - 1]} ${ey}`;
    default:
      return String(row.period ?? '');
  }
}

const sourceOf = (row: PublishedRow): PublishedSource => ({
  title: String(row.source_title ?? ''),
  url: String(row.source_url ?? ''),
  date: String(row.source_date ?? ''),
});

/**
 * The published values of some rows, one per indicator, period and printed value: a value printed alike by
 * several sources is one figure with all of them; sources that disagree stay separate figures.
 */
export function publishedFigures(rows: readonly PublishedRow[], locale: Locale): PublishedFigure[] {
  const figures = new Map<string, PublishedFigure>();
  for (const row of rows) {
    const key = [row.indicator_code, row.period, row.value_as_printed].join('|');
    const known = figures.get(key);
    if (known) {
      known.sources.push(sourceOf(row));
      continue;
    }
    figures.set(key, {
      key,
      indicator: nameOf(row, locale.lang, 'indicator'),
      value: publishedValue(row, locale),
      period: publishedPeriod(row, locale.lang),
      approximate: row.approximate === true,
      sources: [sourceOf(row)],
    });
  }
  return [...figures.values()];
}

/** The rows of a card's table: one a published row, with its value as shown, its period and its source. */
function figuresTable(rows: readonly PublishedRow[], locale: Locale, extra: (row: PublishedRow) => Row = () => ({})) {
  const { t } = locale;
  const table = rowsTable(
    rows.map((r) => ({
      ...extra(r),
      indicator: nameOf(r, locale.lang, 'indicator'),
      period: publishedPeriod(r, locale.lang),
      value: publishedValue(r, locale),
      source_title: r.source_title,
      source_date: r.source_date,
      source_url: r.source_url,
    })),
  );
  const labels: Record<string, string> = {
    indicator: t('publishedIndicator'),
    period: t('publishedPeriod'),
    value: t('publishedValue'),
    source_title: t('publishedSourceTitle'),
    source_date: t('publishedSourceDate'),
    source_url: t('publishedSourceUrl'),
    edition: t('publishedEditionColumn'),
    program: t('publishedProgramColumn'),
  };
  return { ...table, columns: table.columns.map((c) => ({ ...c, label: labels[c.key] ?? c.label })) };
}

// --- WorldSkills: China's medals at each edition -------------------------------------------------------------

export const worldSkillsMeasures = ['WSC_GOLD', 'WSC_SILVER', 'WSC_BRONZE', 'WSC_EXCELLENCE', 'WSC_ENTRANTS_CN', 'WSC_SKILLS_CN'] as const;
export type WorldSkillsMeasure = (typeof worldSkillsMeasures)[number];

export interface WorldSkillsEdition {
  year: number;
  /** '2024年 第47届' / '47th, Lyon 2024'. */
  label: string;
  /** A measure's figure (null: not published for that edition). */
  cells: Record<WorldSkillsMeasure, PublishedFigure | null>;
}

export interface WorldSkillsModel extends CardModel {
  editions: WorldSkillsEdition[];
  measures: { key: WorldSkillsMeasure; label: string }[];
}

const measureKeys: Record<WorldSkillsMeasure, MessageKey> = {
  WSC_GOLD: 'gold',
  WSC_SILVER: 'silver',
  WSC_BRONZE: 'bronze',
  WSC_EXCELLENCE: 'excellence',
  WSC_ENTRANTS_CN: 'publishedCompetitors',
  WSC_SKILLS_CN: 'publishedSkills',
};

/** An edition's name from its English indicator name: '… (47th, Lyon 2024)' → 47th, Lyon 2024 / 2024年 第47届. */
function editionLabel(row: PublishedRow, { lang, t }: Locale): string {
  const inBrackets = /\(([^)]*)\)\s*(?:—.*)?$/.exec(String(row.indicator_en ?? ''))?.[1] ?? '';
  const year = String(row.period);
  if (lang === 'en') return inBrackets.replace(/,\s*15 host countries$/, '') || year;
  const ordinal = /^(\d+)th/.exec(inBrackets)?.[1];
  const special = /Special Edition/.test(inBrackets);
  return [`${year}年`, ordinal ? t('publishedEdition', { n: ordinal }) : '', special ? t('publishedSpecialEdition') : '']
    .filter(Boolean)
    .join(' ');
}

/** China's WorldSkills results as published, one edition a row, newest first, each value with its sources. */
export function worldSkillsModel(result: ResultSet<PublishedRow>, locale: Locale): WorldSkillsModel | null {
  const { lang, t } = locale;
  const rows = result.rows.filter((r) => (worldSkillsMeasures as readonly string[]).includes(String(r.indicator_code)));
  if (!rows.length) return null;
  const years = [...new Set(rows.map((r) => Number(r.period)))].sort((a, b) => b - a);
  const editions = years.map((year) => {
    const ofYear = rows.filter((r) => Number(r.period) === year);
    const cells = Object.fromEntries(
      worldSkillsMeasures.map((m) => [
        m,
        publishedFigures(
          ofYear.filter((r) => r.indicator_code === m),
          locale,
        )[0] ?? null,
      ]),
    ) as Record<WorldSkillsMeasure, PublishedFigure | null>;
    return { year, label: editionLabel(ofYear.find((r) => r.indicator_code === 'WSC_GOLD') ?? ofYear[0], locale), cells };
  });
  const latest = editions[0];
  const p = pn(lang);
  return {
    summary: t('publishedWorldSkillsSummary', {
      editions: editions.length,
      edition: latest.label,
      gold: latest.cells.WSC_GOLD?.value ?? '–',
      silver: latest.cells.WSC_SILVER?.value ?? '–',
      bronze: latest.cells.WSC_BRONZE?.value ?? '–',
    }),
    period: `${t('publishedWorldSkillsEditions')}${p.colon}${[...years].reverse().join(p.list)}`,
    table: figuresTable(rows, locale, (r) => ({ edition: editionLabel(r, locale) })),
    editions,
    measures: worldSkillsMeasures.map((key) => ({ key, label: t(measureKeys[key]) })),
  };
}

// --- The National Vocational Skills Competition: skills and competitors of each edition ------------------------

/** A group of published figures under a name: a programme's anchors, a competition's edition. */
export interface FigureGroup {
  code: string;
  name: string;
  figures: PublishedFigure[];
}

export interface NationalCompetitionModel extends CardModel {
  editions: FigureGroup[];
}

/** The national competition's editions as published, newest first: '第2届（2023年）' / '2nd (2023)'. */
export function nationalCompetitionModel(result: ResultSet<PublishedRow>, locale: Locale): NationalCompetitionModel | null {
  const { lang, t } = locale;
  const rows = result.rows.filter((r) => r.topic === 'national_competition');
  if (!rows.length) return null;
  const years = [...new Set(rows.map((r) => String(r.period)))].sort().reverse();
  const p = pn(lang);
  const editions = years.map((year) => {
    const ofYear = rows
      .filter((r) => String(r.period) === year)
      .sort((a, b) => String(b.indicator_code).localeCompare(String(a.indicator_code)));
    const ordinal = /\((\d+)(?:st|nd|rd|th)\b/.exec(String(ofYear[0].indicator_en ?? ''))?.[1];
    const edition = ordinal ? t('publishedEditionOrdinal', { n: ordinal, suffix: ordinalSuffix(Number(ordinal)) }) : '';
    return {
      code: year,
      name: edition ? `${edition}${p.open}${publishedPeriod(ofYear[0], lang)}${p.close}` : publishedPeriod(ofYear[0], lang),
      figures: publishedFigures(ofYear, locale),
    };
  });
  return {
    summary: t('publishedNationalSummary', {
      editions: editions.map((e) => `${e.name}${p.colon}${e.figures.map((f) => `${f.indicator} ${f.value}`).join(p.list)}`).join(p.semi),
    }),
    period: [...years].reverse().join(p.list),
    table: figuresTable(rows, locale),
    editions,
  };
}

const ordinalSuffix = (n: number): string => (n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'));

// --- The public employment service's vacancy-to-seeker ratio beside the sample's ------------------------------

/** The sample's national ratio in a quarter: all vacancies over all job seekers of the talent-gap rows (every region, every group). */
export function sampleNationalRatio(rows: readonly QueryRows['talent-gap'][]): { quarter: string; ratio: number } | null {
  if (!rows.length) return null;
  const vacancies = rows.reduce((sum, r) => sum + (Number(r.vacancies) || 0), 0);
  const seekers = rows.reduce((sum, r) => sum + (Number(r.job_seekers) || 0), 0);
  return seekers > 0 ? { quarter: String(rows[0].quarter), ratio: vacancies / seekers } : null;
}

export interface RatioModel extends CardModel {
  points: LinePoint[];
  series: SeriesStyle[];
  yLabel: string;
  format: (value: number) => string;
  /** The published ratios, oldest first, each to be shown with its source. */
  figures: PublishedFigure[];
}

/**
 * The published national ratio, quarter by quarter as reported (dots only: the quarters between are not published),
 * beside the synthetic sample's national ratio for the quarters it covers, each series named as what it is.
 */
export function vacancyRatioModel(
  result: ResultSet<PublishedRow>,
  sample: readonly { quarter: string; ratio: number }[],
  locale: Locale,
): RatioModel | null {
  const { lang, t } = locale;
  const rows = result.rows.filter((r) => r.indicator_code === 'PES_RATIO').sort((a, b) => String(a.period).localeCompare(String(b.period)));
  if (!rows.length) return null;
  const sorted = [...sample].sort((a, b) => a.quarter.localeCompare(b.quarter));
  const points: LinePoint[] = [
    ...rows.map((r) => ({ x: String(r.period), y: Number(r.value), series: 'published' })),
    ...sorted.map((s) => ({ x: s.quarter, y: s.ratio, series: 'sample' })),
  ];
  const first = rows[0];
  const last = rows[rows.length - 1];
  const published = t('publishedRatioSeries');
  const synthetic = t('publishedSampleRatioSeries');
  const p = pn(lang);
  const sampleSpan = sorted.length
    ? `${formatQuarter(sorted[0].quarter, lang)}–${formatQuarter(sorted[sorted.length - 1].quarter, lang)}`
    : t('publishedNoSample');
  return {
    summary: t('publishedRatioSummary', {
      count: rows.length,
      from: formatQuarter(String(first.period), lang),
      to: formatQuarter(String(last.period), lang),
      last: publishedValue(last, locale),
      sample: sampleSpan,
    }),
    period: `${published}${p.colon}${formatQuarter(String(first.period), lang)}–${formatQuarter(String(last.period), lang)}${p.semi}${synthetic}${p.colon}${sampleSpan}`,
    table: {
      columns: [
        { key: 'series', label: t('publishedSeries') },
        { key: 'quarter', label: t('quarterLabel') },
        { key: 'value', label: t('ratioLabel') },
        { key: 'source_title', label: t('publishedSourceTitle') },
        { key: 'source_date', label: t('publishedSourceDate') },
        { key: 'source_url', label: t('publishedSourceUrl') },
      ],
      rows: [
        ...rows.map((r) => ({
          series: published,
          quarter: String(r.period),
          value: publishedValue(r, locale),
          source_title: r.source_title,
          source_date: r.source_date,
          source_url: r.source_url,
        })),
        ...sorted.map((s) => ({
          series: synthetic,
          quarter: s.quarter,
          value: formatExact(s.ratio, 2),
          source_title: t('syntheticShort'),
          source_date: null,
          source_url: null,
        })),
      ],
    },
    points,
    series: [
      { key: 'published', label: published, color: categorical[0], strokeWidth: 0 },
      { key: 'sample', label: synthetic, color: reference, dash: referenceDash },
    ],
    yLabel: t('ratioLabel'),
    format: (v) => formatExact(v, 2),
    figures: publishedFigures(rows, locale),
  };
}

// --- Published anchors of the programmes (overview) -------------------------------------------------------------

export interface AnchorsModel extends CardModel {
  programs: FigureGroup[];
}

/**
 * The published figures that measure a programme's own metric, programme by programme: the chosen programme first,
 * then the others in the reference order; programmes without one are left out.
 */
export function anchorsModel(
  result: ResultSet<PublishedRow>,
  programs: readonly Program[],
  chosen: string,
  locale: Locale,
): AnchorsModel | null {
  const { lang, t } = locale;
  const rows = result.rows.filter((r) => r.program_code);
  const ordered = [...programs].sort((a, b) => Number(b.code === chosen) - Number(a.code === chosen));
  const groups = ordered
    .map((program) => {
      const own = rows
        .filter((r) => r.program_code === program.code)
        .sort(
          (a, b) =>
            String(a.period_end).localeCompare(String(b.period_end)) || String(a.indicator_code).localeCompare(String(b.indicator_code)),
        );
      return { code: program.code, name: nameOf(program, lang), figures: publishedFigures(own, locale) };
    })
    .filter((g) => g.figures.length > 0);
  if (!groups.length) return null;
  const top = groups[0];
  return {
    summary: t('publishedAnchorsSummary', {
      programs: groups.length,
      program: top.name,
      figures: top.figures.map((f) => `${f.value}${pn(lang).open}${f.period}${pn(lang).close}`).join(pn(lang).list),
    }),
    table: figuresTable(
      rows.filter((r) => groups.some((g) => g.code === r.program_code)),
      locale,
      (r) => ({
        program: nameOf(
          programs.find((p) => p.code === r.program_code),
          lang,
        ),
      }),
    ),
    programs: groups,
  };
}
