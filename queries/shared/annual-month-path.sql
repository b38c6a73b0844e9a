WITH scope AS (
  -- NULL and '000000' (the target table's national code) both mean the nation.
  SELECT nullif($region, '000000') AS province
),
prog AS (
  SELECT program_code, name_zh, name_en, unit_zh, unit_en, metric FROM program WHERE program_code = $program
),
-- Every month the nation reported the programme (the reporting calendar), with the scope's volume of the
-- programme's own metric (NULL when the scope had no rows that month): one slice of rollup_program_month.
monthly AS (
  SELECT month, volume
  FROM rollup_program_month
  WHERE program_code = $program AND region_code = coalesce(nullif($region, '000000'), '000000')
),
requested AS (
  SELECT strptime($as_of, '%Y-%m')::DATE AS as_of
),
-- The year as given, else the as-of month's, else the latest year the nation reported.
chosen_year AS (
  SELECT coalesce($year, year(as_of), (SELECT max(year(month)) FROM monthly))::INTEGER AS year FROM requested
),
-- The as-of month as given, else the latest month of that year the nation reported.
chosen AS (
  SELECT y.year, a.as_of, month(a.as_of)::INTEGER AS months_elapsed
  FROM chosen_year y,
       LATERAL (SELECT CASE WHEN year(r.as_of) <> y.year THEN error('as_of must be a month of the chosen year')
                            ELSE coalesce(r.as_of, (SELECT max(month) FROM monthly WHERE year(month) = y.year)) END AS as_of
                FROM requested r) a
),
-- Only a target set for exactly this year and this scope counts (a province without its own target has none).
goal AS (
  SELECT t.value AS target
  FROM target t, chosen c, scope s
  WHERE t.program_code = $program AND t.period_start = c.year AND t.period_end = c.year
    AND t.region_code = coalesce(s.province, '000000')
),
-- The twelve months of the year; a month without rows counts as zero.
months AS (
  SELECT k::INTEGER AS month_no, coalesce(m.volume, 0) AS volume
  FROM chosen c CROSS JOIN range(1, 13) t(k)
  LEFT JOIN monthly m ON m.month = make_date(c.year, k::INTEGER, 1)
),
-- Seasonality comes from the three latest complete years before this one: all twelve months reported
-- nationally (a programme starting mid-year would skew the shares) and some volume in the scope.
history AS (
  SELECT year(m.month) AS year, sum(coalesce(m.volume, 0)) AS total
  FROM monthly m, chosen c
  WHERE year(m.month) < c.year
  GROUP BY year(m.month)
  HAVING count(*) = 12 AND sum(coalesce(m.volume, 0)) > 0
  ORDER BY year DESC
  LIMIT 3
),
-- For each month k, the share of each history year's volume that fell in January..k, averaged over the years.
seasonal AS (
  SELECT month_no, avg(share) AS share, count(*)::INTEGER AS years
  FROM (SELECT month(m.month)::INTEGER AS month_no,
               sum(coalesce(m.volume, 0)) OVER (PARTITION BY h.year ORDER BY m.month) / h.total AS share
        FROM history h JOIN monthly m ON year(m.month) = h.year)
  GROUP BY month_no
),
-- Volume to date, and the mean, lowest and highest of the last three months of this year up to the as-of
-- month (fewer in January and February): the projection's rate and its band.
to_date AS (
  SELECT sum(volume) FILTER (WHERE month_no <= c.months_elapsed) AS actual,
         avg(volume) FILTER (WHERE month_no BETWEEN c.months_elapsed - 2 AND c.months_elapsed) AS recent_rate,
         min(volume) FILTER (WHERE month_no BETWEEN c.months_elapsed - 2 AND c.months_elapsed) AS recent_low,
         max(volume) FILTER (WHERE month_no BETWEEN c.months_elapsed - 2 AND c.months_elapsed) AS recent_high
  FROM months, chosen c
),
path AS (
  SELECT m.month_no, make_date(c.year, m.month_no, 1) AS month, c.months_elapsed, g.target, s.years AS seasonal_years,
         d.actual, d.recent_rate,
         CASE WHEN m.month_no <= c.months_elapsed THEN m.volume END AS actual_monthly,
         CASE WHEN m.month_no <= c.months_elapsed THEN sum(m.volume) OVER (ORDER BY m.month_no) END AS cumulative_actual,
         g.target * s.share AS expected_cumulative_seasonal,
         g.target * m.month_no / 12.0 AS expected_cumulative_linear,
         CASE WHEN m.month_no >= c.months_elapsed THEN d.actual + d.recent_rate * (m.month_no - c.months_elapsed) END AS projected_cumulative,
         CASE WHEN m.month_no >= c.months_elapsed THEN d.actual + d.recent_low * (m.month_no - c.months_elapsed) END AS projected_low,
         CASE WHEN m.month_no >= c.months_elapsed THEN d.actual + d.recent_high * (m.month_no - c.months_elapsed) END AS projected_high
  FROM months m CROSS JOIN chosen c CROSS JOIN to_date d
  LEFT JOIN goal g ON true
  LEFT JOIN seasonal s USING (month_no)
)
