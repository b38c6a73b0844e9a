import type { ColumnSpec, DatasetSpec } from '../core/datasets/index.js';

/** The current month, quarter and year (UTC), as the last period actual figures may report. */
function currentPeriods(now: Date) {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  const quarter = Math.ceil(month / 3);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    month: { label: `${year}-${pad(month)}`, first: `${year}-${pad(month)}-01` },
    quarter: { label: `${year}Q${quarter}`, first: `${year}-${pad(quarter * 3 - 2)}-01` },
    year: { label: String(year), value: year },
  };
}

/**
 * The check that refuses a period after the current one in a dataset of actual figures (a figure cannot be
 * reported for a month that has not begun); null for other columns and for datasets that hold plans.
 */
export function futurePeriod(
  spec: DatasetSpec,
  column: ColumnSpec,
  now = new Date(),
): { when: (typed: string) => string; reason: string } | null {
  if (spec.periods === 'plans') return null;
  const current = currentPeriods(now);
  const reason = (label: string) => `a period in the future (after ${label}): actual figures cannot be reported yet`;
  switch (column.type) {
    case 'month':
      return { when: (typed) => `(${typed}) > DATE '${current.month.first}'`, reason: reason(current.month.label) };
    case 'quarter':
      return { when: (typed) => `(${typed}) > DATE '${current.quarter.first}'`, reason: reason(current.quarter.label) };
    case 'year':
      return { when: (typed) => `(${typed}) > ${current.year.value}`, reason: reason(current.year.label) };
    default:
      return null;
  }
}
