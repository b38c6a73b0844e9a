import { describe, expect, it } from 'vitest';
import { baseMonths, layouts, planFor, type ProgramRows } from '../../tools/seed/plan.js';

// Two programmes; per month at prefecture grain 100 + 50 rows (all fields: 400 + 60), at county grain ×10.
const rows: ProgramRows[] = [
  { unitLevel: 'prefecture', programCode: 'big', fieldMode: 'default', rowsPerMonth: 100 },
  { unitLevel: 'prefecture', programCode: 'big', fieldMode: 'all', rowsPerMonth: 400 },
  { unitLevel: 'prefecture', programCode: 'small', fieldMode: 'default', rowsPerMonth: 50 },
  { unitLevel: 'prefecture', programCode: 'small', fieldMode: 'all', rowsPerMonth: 60 },
  { unitLevel: 'county', programCode: 'big', fieldMode: 'default', rowsPerMonth: 1000 },
  { unitLevel: 'county', programCode: 'big', fieldMode: 'all', rowsPerMonth: 4000 },
  { unitLevel: 'county', programCode: 'small', fieldMode: 'default', rowsPerMonth: 500 },
  { unitLevel: 'county', programCode: 'small', fieldMode: 'all', rowsPerMonth: 600 },
];
const units = { prefecture: 10, county: 100 };

describe('seed plan', () => {
  it('widens the programme that adds fewest rows first, at each grain', () => {
    expect(layouts(rows).map((l) => [l.unitLevel, l.allFieldPrograms.join('+'), l.rowsPerMonth])).toEqual([
      ['prefecture', '', 150],
      ['prefecture', 'small', 160],
      ['prefecture', 'small+big', 460],
      ['county', '', 1500],
      ['county', 'small', 1600],
      ['county', 'small+big', 4600],
    ]);
  });

  it('keeps 2015-01 … 2026-10 at prefecture grain and few fields at scale 1', () => {
    const plan = planFor(1, rows, units, 5);
    expect(plan).toMatchObject({ unitLevel: 'prefecture', allFieldPrograms: [], firstMonth: '2015-01-01', lastMonth: '2026-10-01' });
    expect(plan).toMatchObject({ firstQuarter: '2015-01-01', lastQuarter: '2026-07-01', firstYear: 2015, lastYear: 2026 });
  });

  it('shortens the history below scale 1, still ending in 2026-10', () => {
    const plan = planFor(10 / baseMonths, rows, units, 5);
    expect(plan).toMatchObject({ firstMonth: '2026-01-01', firstQuarter: '2026-01-01', firstYear: 2026, unitLevel: 'prefecture' });
  });

  it('above scale 1 takes the largest layout that fits, then adds whole years before 2015', () => {
    // 3 × 150 = 450 a month: 'small+big' at prefecture grain (460) does not fit, 'small' (160) does.
    const plan = planFor(3, rows, units, 5);
    expect(plan.allFieldPrograms).toEqual(['small']);
    const extraYears = Math.round(((450 / 160 - 1) * baseMonths) / 12);
    expect(plan.firstYear).toBe(2015 - extraYears);
    expect(planFor(10.5, rows, units, 5)).toMatchObject({ unitLevel: 'county', allFieldPrograms: [] });
    expect(planFor(11, rows, units, 5)).toMatchObject({ unitLevel: 'county', allFieldPrograms: ['small'] });
  });

  it('never starts before 1949', () => {
    expect(planFor(1000, rows, units, 5).firstYear).toBe(1949);
  });
});
