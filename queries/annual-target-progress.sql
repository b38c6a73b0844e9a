-- Progress towards a training programme's annual target (national, or a province's own target): volume from
-- January to the as-of month against the seasonal (else linear) expected path, the monthly rate still needed, a
-- projection to December along the same seasonal profile (else the recent run rate), and a status. The month
-- paths (shared/annual-paths.sql) are shared with annual-target-path and province-target-league.
WITH scopes AS (
  -- NULL and '000000' (the target table's national code) both mean the nation.
  SELECT coalesce($region, '000000') AS region_code
),
-- @include shared/annual-paths.sql
SELECT p.program_code, p.name_zh, p.name_en, p.unit_zh, p.unit_en,
       j.region_code, c.year, strftime(c.as_of, '%Y-%m') AS as_of, j.months_elapsed,
       CASE WHEN j.months_elapsed = 12 THEN c.year::VARCHAR ELSE c.year || '-01/' || strftime(c.as_of, '%Y-%m') END AS period,
       j.period_complete,
       j.target::DOUBLE AS target,
       j.actual::BIGINT AS cumulative_actual,
       (j.actual / nullif(j.target, 0))::DOUBLE AS share_achieved,
       j.expected_linear::DOUBLE AS expected_linear,
       j.expected_seasonal::DOUBLE AS expected_seasonal,
       coalesce(j.seasonal_years, 0)::INTEGER AS seasonal_years,
       j.expected_basis,
       j.expected::DOUBLE AS expected,
       j.pace::DOUBLE AS pace,
       CASE WHEN j.actual >= j.target THEN 0
            WHEN j.months_elapsed < 12 THEN (j.target - j.actual) / (12 - j.months_elapsed) END::DOUBLE AS required_monthly_rate,
       j.recent_rate::DOUBLE AS recent_monthly_rate,
       CASE WHEN j.share_to_date > 0 THEN 'seasonal' ELSE 'run_rate' END AS projection_basis,
       j.projected_year_end::DOUBLE AS projected_year_end,
       j.projected_low::DOUBLE AS projected_low,
       j.projected_high::DOUBLE AS projected_high,
       j.projected_year_end_run_rate::DOUBLE AS projected_year_end_run_rate,
       j.status
FROM prog p CROSS JOIN chosen c CROSS JOIN judged j
