-- A training programme's year, month by month, against its annual target, for every scope in the CTE `scopes`
-- (region_code: '000000' for the nation, or a province code) that the including query declares first.
-- Parameters: $program, $year, $as_of. Read by annual-target-progress, annual-target-path and
-- province-target-league, so the chart, the status and the league always agree.
prog AS (
  SELECT program_code, name_zh, name_en, unit_zh, unit_en, metric FROM program WHERE program_code = $program
),
-- The reporting calendar: every month the nation reported the programme.
calendar AS (
  SELECT month FROM rollup_program_month WHERE program_code = $program AND region_code = '000000'
),
-- Each scope's volume of the programme's own metric in every calendar month (NULL where it reported nothing).
monthly AS (
  SELECT m.region_code, m.month, m.volume
  FROM rollup_program_month m JOIN scopes s USING (region_code)
  WHERE m.program_code = $program
),
requested AS (
  SELECT strptime($as_of, '%Y-%m')::DATE AS as_of
),
-- The year as given, else the as-of month's, else the latest year the nation reported.
chosen_year AS (
  SELECT coalesce($year, year(as_of), (SELECT max(year(month)) FROM calendar))::INTEGER AS year FROM requested
),
-- The as-of month as given, else the latest month of that year the nation reported; never later than that month
-- (months not yet reported would count as zero and close an open year). The year is complete when the as-of month
-- is December.
chosen AS (
  SELECT y.year, a.as_of, month(a.as_of)::INTEGER AS months_elapsed
  FROM chosen_year y,
       LATERAL (SELECT CASE WHEN year(r.as_of) <> y.year THEN error('as_of must be a month of the chosen year')
                            ELSE least(coalesce(r.as_of, l.last_month), l.last_month) END AS as_of
                FROM requested r,
                     (SELECT max(month) AS last_month FROM calendar WHERE year(month) = y.year) l) a
),
-- Only a target set for exactly this year and this scope counts (a province without its own target has none).
goal AS (
  SELECT s.region_code, t.value AS target
  FROM scopes s, chosen c, target t
  WHERE t.program_code = $program AND t.period_start = c.year AND t.period_end = c.year AND t.region_code = s.region_code
),
-- The twelve months of the year for every scope; a month without rows counts as zero.
months AS (
  SELECT s.region_code, k::INTEGER AS month_no, coalesce(m.volume, 0) AS volume
  FROM scopes s CROSS JOIN chosen c CROSS JOIN range(1, 13) t(k)
  LEFT JOIN monthly m ON m.region_code = s.region_code AND m.month = make_date(c.year, k::INTEGER, 1)
),
-- Seasonality comes from each scope's three latest complete years before this one: all twelve months reported
-- nationally (a programme starting mid-year would skew the shares) and some volume in the scope.
history AS (
  SELECT region_code, year, total
  FROM (SELECT m.region_code, year(m.month) AS year, sum(coalesce(m.volume, 0)) AS total,
               row_number() OVER (PARTITION BY m.region_code ORDER BY year(m.month) DESC) AS recency
        FROM monthly m, chosen c
        WHERE year(m.month) < c.year
        GROUP BY m.region_code, year(m.month)
        HAVING count(*) = 12 AND sum(coalesce(m.volume, 0)) > 0)
  WHERE recency <= 3
),
-- For each history year and month k, the share of that year's volume that fell in January..k.
history_shares AS (
  SELECT h.region_code, h.year, month(m.month)::INTEGER AS month_no,
         sum(coalesce(m.volume, 0)) OVER (PARTITION BY h.region_code, h.year ORDER BY m.month) / h.total AS share
  FROM history h JOIN monthly m ON m.region_code = h.region_code AND year(m.month) = h.year
),
-- The seasonal profile: those shares averaged over the history years.
seasonal AS (
  SELECT region_code, month_no, avg(share) AS share, count(*)::INTEGER AS years
  FROM history_shares GROUP BY region_code, month_no
),
-- Volume to date, and the mean of the last three months of this year up to the as-of month (fewer in January and
-- February): the run-rate projection's rate.
to_date AS (
  SELECT region_code,
         sum(volume) FILTER (WHERE month_no <= c.months_elapsed) AS actual,
         avg(volume) FILTER (WHERE month_no BETWEEN c.months_elapsed - 2 AND c.months_elapsed) AS recent_rate,
         min(volume) FILTER (WHERE month_no BETWEEN c.months_elapsed - 2 AND c.months_elapsed) AS recent_low,
         max(volume) FILTER (WHERE month_no BETWEEN c.months_elapsed - 2 AND c.months_elapsed) AS recent_high
  FROM months, chosen c
  GROUP BY region_code
),
-- The seasonal projection: the volume to date grown along the profile, cumulative(m) = actual × share(m) / share(as-of
-- month). Each history year's own shares give one more such path; their lowest and highest make the band.
seasonal_band AS (
  SELECT hm.region_code, hm.month_no,
         min(d.actual * hm.share / nullif(hk.share, 0)) AS low,
         max(d.actual * hm.share / nullif(hk.share, 0)) AS high
  FROM history_shares hm
  JOIN history_shares hk ON hk.region_code = hm.region_code AND hk.year = hm.year
  JOIN to_date d ON d.region_code = hm.region_code
  CROSS JOIN chosen c
  WHERE hk.month_no = c.months_elapsed AND hm.month_no >= c.months_elapsed
  GROUP BY hm.region_code, hm.month_no
),
path AS (
  SELECT m.region_code, m.month_no, make_date(c.year, m.month_no, 1) AS month, c.months_elapsed, g.target,
         s.years AS seasonal_years, d.actual, d.recent_rate, sk.share AS share_to_date,
         CASE WHEN m.month_no <= c.months_elapsed THEN m.volume END AS actual_monthly,
         CASE WHEN m.month_no <= c.months_elapsed
              THEN sum(m.volume) OVER (PARTITION BY m.region_code ORDER BY m.month_no) END AS cumulative_actual,
         g.target * s.share AS expected_cumulative_seasonal,
         g.target * m.month_no / 12.0 AS expected_cumulative_linear,
         CASE WHEN m.month_no >= c.months_elapsed
              THEN d.actual + d.recent_rate * (m.month_no - c.months_elapsed) END AS run_rate_cumulative,
         CASE WHEN m.month_no < c.months_elapsed THEN NULL
              WHEN sk.share > 0 THEN d.actual * s.share / sk.share
              ELSE d.actual + d.recent_rate * (m.month_no - c.months_elapsed) END AS projected_cumulative,
         CASE WHEN m.month_no < c.months_elapsed THEN NULL
              WHEN sk.share > 0 THEN b.low
              ELSE d.actual + d.recent_low * (m.month_no - c.months_elapsed) END AS projected_low,
         CASE WHEN m.month_no < c.months_elapsed THEN NULL
              WHEN sk.share > 0 THEN b.high
              ELSE d.actual + d.recent_high * (m.month_no - c.months_elapsed) END AS projected_high
  FROM months m CROSS JOIN chosen c
  JOIN to_date d ON d.region_code = m.region_code
  LEFT JOIN goal g ON g.region_code = m.region_code
  LEFT JOIN seasonal s ON s.region_code = m.region_code AND s.month_no = m.month_no
  LEFT JOIN seasonal sk ON sk.region_code = m.region_code AND sk.month_no = c.months_elapsed
  LEFT JOIN seasonal_band b ON b.region_code = m.region_code AND b.month_no = m.month_no
),
-- One row per scope: the year judged at the as-of month. With a seasonal profile, pace = actual ÷ (target ×
-- share to date) = projected year end ÷ target, so the status and the projection always agree.
summary AS (
  SELECT region_code,
         max(months_elapsed) AS months_elapsed, max(target) AS target, max(actual) AS actual,
         max(recent_rate) AS recent_rate,
         max(seasonal_years) FILTER (WHERE month_no = months_elapsed) AS seasonal_years,
         max(share_to_date) AS share_to_date,
         max(expected_cumulative_linear) FILTER (WHERE month_no = months_elapsed) AS expected_linear,
         max(expected_cumulative_seasonal) FILTER (WHERE month_no = months_elapsed) AS expected_seasonal,
         max(projected_cumulative) FILTER (WHERE month_no = 12) AS projected_year_end,
         max(projected_low) FILTER (WHERE month_no = 12) AS projected_low,
         max(projected_high) FILTER (WHERE month_no = 12) AS projected_high,
         max(run_rate_cumulative) FILTER (WHERE month_no = 12) AS projected_year_end_run_rate
  FROM path
  GROUP BY region_code
),
expected AS (
  SELECT s.*,
         CASE WHEN s.target IS NULL THEN NULL WHEN s.share_to_date > 0 THEN 'seasonal' ELSE 'linear' END AS expected_basis,
         CASE WHEN s.share_to_date > 0 THEN s.expected_seasonal ELSE s.expected_linear END AS expected
  FROM summary s
),
judged AS (
  SELECT e.*, e.actual / nullif(e.expected, 0) AS pace, e.months_elapsed = 12 AS period_complete,
         CASE WHEN e.target IS NULL THEN NULL
              WHEN e.actual >= e.target THEN 'achieved'
              WHEN e.months_elapsed = 12 THEN 'missed'
              WHEN coalesce(e.actual, 0) = 0 OR coalesce(e.expected, 0) = 0 THEN 'falling_behind'
              WHEN e.actual / e.expected >= 0.95 THEN 'on_track'
              WHEN e.actual / e.expected >= 0.60 THEN 'acceleration_needed'
              ELSE 'limited_progress' END AS status
  FROM expected e
)
