-- Progress towards multi-year targets (e.g. the 14th Five-Year Plan's 2021–2025 targets), national or one
-- province's: the volume accumulated over the period up to the as-of year against the share of the period
-- elapsed, and the compound growth of annual volume observed so far against the growth still required.
WITH RECURSIVE scope AS (
  -- NULL and '000000' both mean the nation, which is how national targets are keyed.
  SELECT coalesce(nullif($region, '000000'), '000000') AS region_code
),
targets AS (
  SELECT t.program_code, t.period_start::INTEGER AS period_start, t.period_end::INTEGER AS period_end, t.region_code,
         t.value AS target, p.name_zh, p.name_en, p.unit_zh, p.unit_en, p.aggregation
  FROM target t JOIN program p USING (program_code) JOIN scope s USING (region_code)
  WHERE t.period_end > t.period_start AND ($program IS NULL OR t.program_code = $program)
),
-- Annual volume of each targeted programme in the scope (NULL when the scope had no rows), with the months the
-- nation reported that year: training by the programme's metric column; talent_stock is yearly, so a year with
-- rows counts as twelve months (rollup_program_year, built in ingest/rollups.sql).
annual AS (
  SELECT a.program_code, a.year, a.volume, a.months_reported, a.last_month
  FROM rollup_program_year a JOIN scope s USING (region_code)
  WHERE a.program_code IN (SELECT program_code FROM targets)
),
-- The as-of year as given, else the latest year the programme was reported; the period has elapsed up to the
-- latest month reported in that year (all of it if none), clamped to the period.
elapsed AS (
  SELECT t.*, y.as_of_year, (t.period_end - t.period_start + 1) AS years_total,
         least(greatest((y.as_of_year - t.period_start) * 12 + coalesce(l.last_month, 12), 0),
               (t.period_end - t.period_start + 1) * 12) AS months_elapsed
  FROM targets t
  CROSS JOIN LATERAL (SELECT coalesce($as_of_year, (SELECT max(a.year) FROM annual a WHERE a.program_code = t.program_code))::INTEGER AS as_of_year) y
  LEFT JOIN annual l ON l.program_code = t.program_code AND l.year = y.as_of_year
),
period_years AS (
  SELECT e.program_code, e.period_start, e.period_end, a.year, a.volume, a.months_reported = 12 AS complete
  FROM elapsed e JOIN annual a ON a.program_code = e.program_code AND a.year BETWEEN e.period_start AND least(e.period_end, e.as_of_year)
),
last_complete AS (
  SELECT program_code, period_start, period_end, max(year) FILTER (WHERE complete) AS last_full_year
  FROM period_years GROUP BY ALL
),
-- Flows add up over the years; a stock ('last') is its latest level. Growth uses complete years only.
measured AS (
  SELECT y.program_code, y.period_start, y.period_end, c.last_full_year,
         sum(y.volume) AS total,
         arg_max(y.volume, y.year) FILTER (WHERE y.volume IS NOT NULL) AS latest_level,
         max(y.volume) FILTER (WHERE y.year = y.period_start AND y.complete) AS first_volume,
         max(y.volume) FILTER (WHERE y.year = c.last_full_year) AS last_full_volume,
         sum(y.volume) FILTER (WHERE y.year <= c.last_full_year) AS total_to_last_full
  FROM period_years y JOIN last_complete c USING (program_code, period_start, period_end)
  GROUP BY ALL
),
figures AS (
  SELECT e.*, m.last_full_year, m.first_volume, m.last_full_volume,
         coalesce(CASE e.aggregation WHEN 'last' THEN m.latest_level ELSE m.total END, 0) AS actual,
         e.months_elapsed / 12.0 AS years_elapsed,
         e.period_end - m.last_full_year AS years_after_last_full,
         e.target - m.total_to_last_full AS still_needed
  FROM elapsed e LEFT JOIN measured m USING (program_code, period_start, period_end)
),
-- Required growth of a flow: the constant rate g at which the annual volume, starting from the last complete
-- year's V, adds up over the R remaining years to what is still needed: V·Σ_{k=1..R} x^k = need, x = 1 + g.
-- The sum rises with x, so bisection on x in [0, 101] (60 halvings); targets out of reach even at x = 101 get none.
solve AS (
  SELECT program_code, period_start, period_end, last_full_volume AS v, years_after_last_full AS r, still_needed AS need,
         0 AS i, 0.0::DOUBLE AS lo, 101.0::DOUBLE AS hi
  FROM figures
  WHERE aggregation = 'sum' AND actual < target AND years_after_last_full > 0 AND still_needed > 0 AND last_full_volume > 0
    AND last_full_volume * 101 * (pow(101, years_after_last_full) - 1) / 100 >= still_needed
  UNION ALL
  SELECT program_code, period_start, period_end, v, r, need, i + 1,
         CASE WHEN reached THEN lo ELSE mid END, CASE WHEN reached THEN mid ELSE hi END
  FROM (SELECT *, (lo + hi) / 2 AS mid,
               v * CASE WHEN (lo + hi) / 2 = 1 THEN r ELSE (lo + hi) / 2 * (pow((lo + hi) / 2, r) - 1) / ((lo + hi) / 2 - 1) END >= need AS reached
        FROM solve WHERE i < 60)
),
growth AS (
  SELECT f.*,
         CASE WHEN f.last_full_year > f.period_start AND f.first_volume > 0
              THEN pow(f.last_full_volume / f.first_volume, 1.0 / (f.last_full_year - f.period_start)) - 1 END AS observed_growth,
         CASE WHEN f.actual >= f.target THEN NULL
              WHEN f.aggregation = 'last' AND f.years_after_last_full > 0 AND f.last_full_volume > 0
              THEN pow(f.target / f.last_full_volume, 1.0 / f.years_after_last_full) - 1
              ELSE (s.lo + s.hi) / 2 - 1 END AS required_growth
  FROM figures f
  LEFT JOIN solve s ON s.program_code = f.program_code AND s.period_start = f.period_start AND s.period_end = f.period_end AND s.i = 60
),
judged AS (
  SELECT g.*,
         g.years_total - g.years_elapsed AS years_remaining,
         g.months_elapsed = g.years_total * 12 AS period_ended,
         CASE WHEN g.aggregation = 'sum' THEN g.target * g.years_elapsed / g.years_total END AS expected_to_date,
         (1 + g.observed_growth) / nullif(1 + g.required_growth, 0) AS growth_ratio
  FROM growth g
),
paced AS (
  -- A flow is paced against the share of the period elapsed; a stock by its growth ratio.
  SELECT j.*,
         CASE WHEN j.aggregation = 'sum' THEN j.actual / nullif(j.expected_to_date, 0) ELSE j.growth_ratio END AS pace
  FROM judged j
)
SELECT program_code, name_zh, name_en, unit_zh, unit_en, aggregation, region_code,
       period_start, period_end, as_of_year,
       target::DOUBLE AS target,
       actual::DOUBLE AS cumulative_actual,
       years_elapsed::DOUBLE AS years_elapsed,
       years_remaining::DOUBLE AS years_remaining,
       period_ended,
       (actual / nullif(target, 0))::DOUBLE AS share_achieved,
       expected_to_date::DOUBLE AS expected_to_date,
       pace::DOUBLE AS pace,
       CASE WHEN aggregation = 'sum' THEN actual / nullif(years_elapsed, 0) END::DOUBLE AS observed_annual_volume,
       CASE WHEN aggregation <> 'sum' THEN NULL
            WHEN actual >= target THEN 0
            WHEN years_remaining > 0 THEN (target - actual) / years_remaining END::DOUBLE AS required_annual_volume,
       last_full_year,
       observed_growth::DOUBLE AS observed_annual_growth,
       required_growth::DOUBLE AS required_annual_growth,
       growth_ratio::DOUBLE AS growth_ratio,
       CASE WHEN actual >= target THEN 'achieved'
            WHEN months_elapsed = 0 THEN NULL
            WHEN period_ended THEN 'missed'
            WHEN actual = 0 OR pace IS NULL THEN 'falling_behind'
            WHEN pace >= 0.95 THEN 'on_track'
            WHEN pace >= 0.60 THEN 'acceleration_needed'
            ELSE 'limited_progress' END AS status
FROM paced
ORDER BY program_code, period_start, period_end
