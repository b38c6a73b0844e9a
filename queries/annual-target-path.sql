-- A training programme's year month by month against its annual target: the cumulative volume up to the
-- as-of month, the seasonal and linear expected paths, and a projection band from the as-of month to December.
-- Feeds the overview chart. The month path (shared/annual-month-path.sql) is also the body of
-- annual-target-progress.sql, so the chart and the status always agree.
-- @include shared/annual-month-path.sql
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
