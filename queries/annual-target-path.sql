-- A training programme's year month by month against its annual target: the cumulative volume up to the
-- as-of month, the seasonal and linear expected paths, and the projection with its band from the as-of month to
-- December (along the seasonal profile when there is one, else the recent run rate). Feeds the overview chart.
-- The month paths (shared/annual-paths.sql) are also the body of annual-target-progress, so the chart and the
-- status always agree.
WITH scopes AS (
  -- NULL and '000000' (the target table's national code) both mean the nation.
  SELECT coalesce($region, '000000') AS region_code
),
-- @include shared/annual-paths.sql
SELECT strftime(month, '%Y-%m') AS month,
       actual_monthly::BIGINT AS actual_monthly,
       cumulative_actual::BIGINT AS cumulative_actual,
       expected_cumulative_seasonal::DOUBLE AS expected_cumulative_seasonal,
       expected_cumulative_linear::DOUBLE AS expected_cumulative_linear,
       projected_cumulative::DOUBLE AS projected_cumulative,
       projected_low::DOUBLE AS projected_low,
       projected_high::DOUBLE AS projected_high,
       target::DOUBLE AS target
FROM path
ORDER BY month_no
