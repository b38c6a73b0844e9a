-- The mainland provinces ranked by their pace against their own annual target for a training programme: the
-- same month paths, expectation, projection and status as annual-target-progress, for all 31 at once.
WITH scopes AS (
  SELECT region_code FROM region WHERE level = 'province' AND in_mainland
),
-- @include shared/annual-paths.sql
SELECT p.program_code, c.year, strftime(c.as_of, '%Y-%m') AS as_of, j.months_elapsed,
       CASE WHEN j.months_elapsed = 12 THEN c.year::VARCHAR ELSE c.year || '-01/' || strftime(c.as_of, '%Y-%m') END AS period,
       j.period_complete,
       j.region_code, r.name_zh, r.name_en, r.macro_region,
       j.target::DOUBLE AS target,
       j.actual::BIGINT AS cumulative_actual,
       (j.actual / nullif(j.target, 0))::DOUBLE AS share_achieved,
       j.expected_basis,
       j.expected::DOUBLE AS expected,
       j.pace::DOUBLE AS pace,
       j.projected_year_end::DOUBLE AS projected_year_end,
       j.projected_low::DOUBLE AS projected_low,
       j.projected_high::DOUBLE AS projected_high,
       j.status,
       CASE WHEN j.pace IS NOT NULL THEN rank() OVER (PARTITION BY j.pace IS NULL ORDER BY j.pace DESC) END::INTEGER AS rank,
       g.source AS target_source
FROM judged j
JOIN region r USING (region_code)
CROSS JOIN chosen c CROSS JOIN prog p
LEFT JOIN target g
  ON g.program_code = p.program_code AND g.region_code = j.region_code AND g.period_start = c.year AND g.period_end = c.year
ORDER BY rank NULLS LAST, j.region_code
