-- Progress towards a training programme's annual target (national, or a province's own target): volume from
-- January to the as-of month against a seasonal (else linear) expected path, the monthly rate still needed,
-- a projection to December from the last three months, and a status. The month path
-- (shared/annual-month-path.sql) is shared with annual-target-path.sql; this query reads it at the as-of
-- month and at December.
-- @include shared/annual-month-path.sql
, summary AS (
  SELECT max(months_elapsed) AS months_elapsed, max(target) AS target, max(actual) AS actual,
         max(recent_rate) AS recent_rate, max(seasonal_years) FILTER (WHERE month_no = months_elapsed) AS seasonal_years,
         max(expected_cumulative_linear) FILTER (WHERE month_no = months_elapsed) AS expected_linear,
         max(expected_cumulative_seasonal) FILTER (WHERE month_no = months_elapsed) AS expected_seasonal,
         max(projected_cumulative) FILTER (WHERE month_no = 12) AS projected_year_end,
         max(projected_low) FILTER (WHERE month_no = 12) AS projected_low,
         max(projected_high) FILTER (WHERE month_no = 12) AS projected_high
  FROM path
),
judged AS (
  SELECT s.*,
         -- Seasonal when there is history (and a target), else linear.
         coalesce(s.expected_seasonal, s.expected_linear) AS expected,
         s.actual / nullif(coalesce(s.expected_seasonal, s.expected_linear), 0) AS pace
  FROM summary s
)
SELECT p.program_code, p.name_zh, p.name_en, p.unit_zh, p.unit_en,
       coalesce(sc.province, '000000') AS region_code,
       c.year, strftime(c.as_of, '%Y-%m') AS as_of, j.months_elapsed,
       j.target::DOUBLE AS target,
       j.actual::BIGINT AS cumulative_actual,
       (j.actual / nullif(j.target, 0))::DOUBLE AS share_achieved,
       j.expected_linear::DOUBLE AS expected_linear,
       j.expected_seasonal::DOUBLE AS expected_seasonal,
       coalesce(j.seasonal_years, 0)::INTEGER AS seasonal_years,
       CASE WHEN j.seasonal_years > 0 THEN 'seasonal' ELSE 'linear' END AS expected_basis,
       j.expected::DOUBLE AS expected,
       j.pace::DOUBLE AS pace,
       CASE WHEN j.actual >= j.target THEN 0
            WHEN j.months_elapsed < 12 THEN (j.target - j.actual) / (12 - j.months_elapsed) END::DOUBLE AS required_monthly_rate,
       j.recent_rate::DOUBLE AS recent_monthly_rate,
       j.projected_year_end::DOUBLE AS projected_year_end,
       j.projected_low::DOUBLE AS projected_low,
       j.projected_high::DOUBLE AS projected_high,
       CASE WHEN j.target IS NULL THEN NULL
            WHEN j.actual >= j.target THEN 'achieved'
            WHEN coalesce(j.actual, 0) = 0 OR j.pace IS NULL THEN 'falling_behind'
            WHEN j.pace >= 0.95 THEN 'on_track'
            WHEN j.pace >= 0.60 THEN 'acceleration_needed'
            ELSE 'limited_progress' END AS status
FROM prog p CROSS JOIN chosen c CROSS JOIN judged j CROSS JOIN scope sc
