/** How a `--scale` becomes a shape of data: region grain, field coverage and length of history. */

export type UnitLevel = 'prefecture' | 'county';
export type FieldMode = 'default' | 'all';

/** Training rows a month of one base programme (with its "of which" programmes) in one grain and field mode. */
export interface ProgramRows {
  unitLevel: UnitLevel;
  programCode: string;
  fieldMode: FieldMode;
  rowsPerMonth: number;
}

/** A layout of the training rows: the grain, and which programmes are split over every field. */
export interface Layout {
  unitLevel: UnitLevel;
  allFieldPrograms: string[];
  rowsPerMonth: number;
}

export interface SeedPlan {
  unitLevel: UnitLevel;
  allFieldPrograms: string[];
  /** First days of the first and last month, quarter and the years written (inclusive). */
  firstMonth: string;
  lastMonth: string;
  firstQuarter: string;
  lastQuarter: string;
  firstYear: number;
  lastYear: number;
  /** Share of occupations each region reports in the labour market (a fixed subset per region). */
  occupationShare: number;
}

/**
 * Every layout: at each grain, the k programmes that add fewest rows when split over all fields, for
 * k = 0 … n (so the steps between layouts stay small).
 */
export function layouts(rows: readonly ProgramRows[]): Layout[] {
  const result: Layout[] = [];
  for (const unitLevel of ['prefecture', 'county'] as const) {
    const at = rows.filter((r) => r.unitLevel === unitLevel);
    const of = (code: string, mode: FieldMode) => at.find((r) => r.programCode === code && r.fieldMode === mode)?.rowsPerMonth;
    const programs = [...new Set(at.map((r) => r.programCode))].map((code) => {
      const narrow = of(code, 'default') ?? 0;
      return { code, narrow, added: (of(code, 'all') ?? narrow) - narrow };
    });
    programs.sort((a, b) => a.added - b.added || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (let k = 0; k <= programs.length; k++) {
      const rowsPerMonth = programs.reduce((sum, p, i) => sum + p.narrow + (i < k ? p.added : 0), 0);
      result.push({ unitLevel, allFieldPrograms: programs.slice(0, k).map((p) => p.code), rowsPerMonth });
    }
  }
  return result;
}

/** The sample's period: 2015-01 … 2026-10 (the current year in progress), quarters to 2026Q3. */
export const period = { firstYear: 2015, lastYear: 2026, lastMonth: 10, lastQuarter: 3, earliestYear: 1949 } as const;
export const baseMonths = (period.lastYear - period.firstYear) * 12 + period.lastMonth;
const baseQuarters = (period.lastYear - period.firstYear) * 4 + period.lastQuarter;

/** Labour-market rows at scale 1 stay under this (the default database must build quickly). */
const labourRowsAtScale1 = 950_000;

const iso = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}-01`;

/**
 * Scale ≤ 1 keeps the scale-1 layout (prefectures, few fields) and shortens the history (ending 2026-10).
 * Scale > 1 takes the largest layout whose 2015–2026 rows fit scale × the scale-1 rows, then adds whole
 * years before 2015 to make up the rest. Labour-market rows (same grain and history as training) grow
 * as scale^¼: each region reports the share of occupations that gives that many.
 */
export function planFor(
  scale: number,
  programRows: readonly ProgramRows[],
  units: Record<UnitLevel, number>,
  occupations: number,
): SeedPlan {
  const all = layouts(programRows);
  const sorted = [...all].sort((a, b) => a.rowsPerMonth - b.rowsPerMonth);
  const base = all[0];
  if (!base) throw new Error('no training layout: the reference has no training programmes or regions');
  const target = scale * base.rowsPerMonth * baseMonths;
  const layout = scale <= 1 ? base : (sorted.filter((l) => l.rowsPerMonth * baseMonths <= target).at(-1) ?? base);

  const lastIndex = period.lastYear * 12 + period.lastMonth - 1;
  let firstIndex: number;
  if (scale <= 1) {
    firstIndex = lastIndex - Math.max(1, Math.round(baseMonths * scale)) + 1;
  } else {
    const extraYears = Math.max(0, Math.round((target / layout.rowsPerMonth - baseMonths) / 12));
    firstIndex = Math.max(period.earliestYear, period.firstYear - extraYears) * 12;
  }
  const firstYear = Math.floor(firstIndex / 12);
  const firstMonth = (firstIndex % 12) + 1;
  const firstQuarterMonth = Math.floor((firstMonth - 1) / 3) * 3 + 1;
  const quarters = (period.lastYear - firstYear) * 4 + period.lastQuarter - (firstQuarterMonth - 1) / 3;

  const perQuarterAtScale1 = Math.max(1, units.prefecture * occupations);
  const shareAtScale1 = Math.min(1, labourRowsAtScale1 / (perQuarterAtScale1 * baseQuarters));
  const labourTarget = shareAtScale1 * perQuarterAtScale1 * baseQuarters * Math.max(1, scale) ** 0.25;
  const perQuarter = Math.max(1, units[layout.unitLevel] * occupations);
  const occupationShare = Math.min(1, scale <= 1 ? shareAtScale1 : labourTarget / (perQuarter * quarters));

  return {
    unitLevel: layout.unitLevel,
    allFieldPrograms: layout.allFieldPrograms,
    firstMonth: iso(firstYear, firstMonth),
    lastMonth: iso(period.lastYear, period.lastMonth),
    firstQuarter: iso(firstYear, firstQuarterMonth),
    lastQuarter: iso(period.lastYear, (period.lastQuarter - 1) * 3 + 1),
    firstYear,
    lastYear: period.lastYear,
    occupationShare,
  };
}
