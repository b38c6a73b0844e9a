-- Training volume by province or prefecture for one programme and year: per 10,000 working-age people,
-- share of the national total, change on the previous year and rank.
WITH chosen AS (
  SELECT coalesce($year, (SELECT year(max(month)) FROM rollup_training_national_month WHERE program_code = $program))::INTEGER AS chosen_year
),
volume AS (
  SELECT province_code AS region_code, year, person_times, certificates
  FROM rollup_training_province_year, chosen
  WHERE $level = 'province' AND year IN (chosen_year, chosen_year - 1)
    AND program_code = $program AND ($field IS NULL OR field_code = $field)
    AND ($province IS NULL OR province_code = $province)
  UNION ALL
  SELECT prefecture_code, year, person_times, certificates
  FROM rollup_training_prefecture_year, chosen
  WHERE $level = 'prefecture' AND year IN (chosen_year, chosen_year - 1)
    AND program_code = $program AND ($field IS NULL OR field_code = $field)
    AND ($province IS NULL OR province_code = $province)
),
national AS (
  SELECT sum(person_times) AS person_times
  FROM rollup_training_province_year, chosen
  WHERE year = chosen_year AND program_code = $program AND ($field IS NULL OR field_code = $field)
),
by_region AS (
  SELECT v.region_code,
         sum(v.person_times) FILTER (WHERE v.year = chosen_year) AS person_times,
         sum(v.certificates) FILTER (WHERE v.year = chosen_year) AS certificates,
         sum(v.person_times) FILTER (WHERE v.year = chosen_year - 1) AS previous_person_times
  FROM volume v, chosen
  GROUP BY v.region_code
)
SELECT chosen_year AS year,
       b.region_code, r.name_zh, r.name_en, r.macro_region,
       coalesce(b.person_times, 0)::BIGINT AS person_times,
       coalesce(b.certificates, 0)::BIGINT AS certificates,
       r.working_age_2020 AS working_age,
       round(coalesce(b.person_times, 0) * 10000.0 / nullif(r.working_age_2020, 0), 2) AS per_10k,
       coalesce(b.person_times, 0) / nullif(national.person_times, 0) AS share_of_national,
       b.previous_person_times::BIGINT AS previous_person_times,
       b.person_times / nullif(b.previous_person_times, 0) - 1 AS change_on_previous_year,
       rank() OVER (ORDER BY coalesce(b.person_times, 0) DESC)::INTEGER AS rank
FROM by_region b
JOIN region r USING (region_code)
CROSS JOIN chosen
CROSS JOIN national
ORDER BY rank, b.region_code
