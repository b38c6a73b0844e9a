-- One prefecture's (or county's) training series in one programme, by year or by month, beside its province's and the nation's:
-- person-times and person-times per 10,000 working-age people (2020 census) of each. The periods are those the
-- nation reported the programme; a year still being reported runs from January to the nation's latest month and
-- says so on its row (period_start, period_end, months_covered, period_complete), so that it is never read as a
-- whole year. Reads three rollups, each filtered by programme and, for the prefecture and province, by code.
WITH place AS (
  SELECT p.region_code AS prefecture_code, p.name_zh, p.name_en, p.working_age_2020 AS working_age,
         p.province_code, v.name_zh AS province_name_zh, v.name_en AS province_name_en,
         v.working_age_2020 AS province_working_age
  FROM region p JOIN region v ON v.region_code = p.province_code
  WHERE p.region_code = $prefecture AND p.level IN ('prefecture', 'county')
    AND ($scope_province IS NULL OR p.province_code = $scope_province)
),
-- The nation is the 31 mainland provinces, training and working-age population alike (as in poverty-areas).
mainland AS (
  SELECT region_code AS province_code, working_age_2020 FROM region WHERE level = 'province' AND in_mainland
),
-- The reporting calendar, the months in which the nation reported the programme within the years asked for, with
-- the national rollup's volume of each.
calendar AS (
  SELECT month,
         CASE WHEN $grain = 'year' THEN strftime(month, '%Y') ELSE strftime(month, '%Y-%m') END AS period,
         sum(person_times) AS person_times
  FROM rollup_training_national_month
  WHERE program_code = $program AND ($from IS NULL OR year(month) >= $from) AND ($to IS NULL OR year(month) <= $to)
  GROUP BY month
),
-- A year covers January to its last reported month (as training-by-region counts it); a month covers itself.
periods AS (
  SELECT period,
         CASE WHEN $grain = 'year' THEN date_trunc('year', max(month)) ELSE max(month) END::DATE AS first_month,
         max(month) AS last_month,
         sum(person_times) AS national_person_times
  FROM calendar
  GROUP BY period
),
-- A prefecture counts its rows and its counties'; a county (one that reports on its own) its rows. The codes of
-- the two rollups never meet, so one of the two parts is empty.
prefecture AS (
  SELECT c.period, sum(r.person_times) AS person_times
  FROM rollup_training_prefecture_month r JOIN calendar c USING (month)
  WHERE r.program_code = $program AND r.prefecture_code = $prefecture
  GROUP BY c.period
  UNION ALL
  SELECT c.period, sum(r.person_times) AS person_times
  FROM rollup_training_county_month r JOIN calendar c USING (month)
  WHERE r.program_code = $program AND r.county_code = $prefecture
  GROUP BY c.period
),
-- The province's own total: its prefectures' rows and the rows it reported at province level.
province AS (
  SELECT c.period, sum(r.person_times) AS person_times
  FROM rollup_training_province_month r JOIN calendar c USING (month)
  WHERE r.program_code = $program AND r.province_code = (SELECT province_code FROM place)
  GROUP BY c.period
),
-- The nation is the national rollup less the provinces outside the mainland series (a handful of rows, where
-- summing the mainland provinces would read them all).
outside AS (
  SELECT c.period, sum(r.person_times) AS person_times
  FROM rollup_training_province_month r
  JOIN calendar c USING (month)
  JOIN (SELECT region_code AS province_code FROM region WHERE level = 'province' AND NOT in_mainland) o USING (province_code)
  WHERE r.program_code = $program
  GROUP BY c.period
),
national_working_age AS (
  SELECT sum(working_age_2020) AS working_age FROM mainland
)
-- Every period the nation reported; a scope that reported nothing in it has 0.
SELECT p.period,
       strftime(p.first_month, '%Y-%m') AS period_start,
       strftime(p.last_month, '%Y-%m') AS period_end,
       (datediff('month', p.first_month, p.last_month) + 1)::INTEGER AS months_covered,
       ($grain = 'month' OR month(p.last_month) = 12) AS period_complete,
       pl.prefecture_code, pl.name_zh, pl.name_en,
       coalesce(f.person_times, 0)::BIGINT AS person_times,
       pl.working_age::BIGINT AS working_age,
       round(coalesce(f.person_times, 0) * 10000.0 / nullif(pl.working_age, 0), 2)::DOUBLE AS per_10k,
       pl.province_code, pl.province_name_zh, pl.province_name_en,
       coalesce(v.person_times, 0)::BIGINT AS province_person_times,
       pl.province_working_age::BIGINT AS province_working_age,
       round(coalesce(v.person_times, 0) * 10000.0 / nullif(pl.province_working_age, 0), 2)::DOUBLE AS province_per_10k,
       (coalesce(p.national_person_times, 0) - coalesce(o.person_times, 0))::BIGINT AS national_person_times,
       w.working_age::BIGINT AS national_working_age,
       round((coalesce(p.national_person_times, 0) - coalesce(o.person_times, 0)) * 10000.0 / nullif(w.working_age, 0), 2)::DOUBLE AS national_per_10k
FROM periods p
CROSS JOIN place pl
CROSS JOIN national_working_age w
LEFT JOIN prefecture f USING (period)
LEFT JOIN province v USING (period)
LEFT JOIN outside o USING (period)
ORDER BY p.period
