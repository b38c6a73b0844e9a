-- The year a poverty-area analytic reports, compared like for like (poverty-prefectures, poverty-counties).
-- Included as the first CTEs of a WITH, with $program and $year:
--   calendar         the months in which the nation reported the programme;
--   chosen           the year asked for (default the latest) and its months covered: January to the nation's
--                    latest month in it (NULL when the nation did not report the programme that year);
--   mainland         the 31 mainland provinces with their working-age population (the nation's denominator);
--   months           January to the last month covered, in the chosen year (current) and the year before (a join
--                    on them lets a scan of a monthly rollup skip the other months);
--   province_volume  every mainland province's whole total in the chosen year (rows kept at province level
--                    included; the nation reports no later month, so the yearly rollup holds exactly those months).
calendar AS (
  SELECT DISTINCT month FROM rollup_training_national_month WHERE program_code = $program
),
chosen AS (
  SELECT y.year, (SELECT max(month(month)) FROM calendar WHERE year(month) = y.year)::INTEGER AS months_covered
  FROM (SELECT coalesce($year, (SELECT max(year(month)) FROM calendar))::INTEGER AS year) y
),
mainland AS (
  SELECT region_code AS province_code, name_zh, name_en, working_age_2020 AS working_age
  FROM region WHERE level = 'province' AND in_mainland
),
months AS (
  SELECT m.month, year(m.month) = c.year AS current
  FROM calendar m, chosen c
  WHERE year(m.month) IN (c.year, c.year - 1) AND month(m.month) <= c.months_covered
),
province_volume AS (
  SELECT m.province_code, m.name_zh, m.name_en, m.working_age, coalesce(sum(r.person_times), 0) AS person_times
  FROM mainland m
  LEFT JOIN (SELECT r.province_code, r.person_times
             FROM rollup_training_province_year r JOIN chosen c ON r.year = c.year
             WHERE r.program_code = $program) r
    USING (province_code)
  GROUP BY ALL
)
