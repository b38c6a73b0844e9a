-- Training volume by province or prefecture for one programme and year: per 10,000 working-age people, share of
-- the national total, change on the previous year and rank. A year still being reported is compared like for
-- like: its months (January to the latest month the nation reported) against the same months of the previous
-- year, and its rates are year to date; period_start, period_end and months_covered say which months.
-- Two reference rates over the same months close each row: the province's own (for a prefecture) and the nation's.
WITH calendar AS (
  SELECT DISTINCT month FROM rollup_training_national_month WHERE program_code = $program
),
-- @include shared/denominator-notes.sql
,
chosen AS (
  SELECT y.year, (SELECT max(month(month)) FROM calendar WHERE year(month) = y.year)::INTEGER AS months_covered
  FROM (SELECT coalesce($year, (SELECT max(year(month)) FROM calendar))::INTEGER AS year) y
),
volume AS (
  SELECT province_code AS region_code, year(month) AS year, person_times, certificates
  FROM rollup_training_province_month, chosen c
  WHERE $level = 'province' AND year(month) IN (c.year, c.year - 1) AND month(month) <= c.months_covered
    AND program_code = $program AND ($field IS NULL OR field_code = $field)
    AND ($province IS NULL OR province_code = $province)
  UNION ALL
  SELECT prefecture_code, year(month), person_times, certificates
  FROM rollup_training_prefecture_month, chosen c
  WHERE $level = 'prefecture' AND year(month) IN (c.year, c.year - 1) AND month(month) <= c.months_covered
    AND ($scope_province IS NULL OR province_code = $scope_province)
    AND program_code = $program AND ($field IS NULL OR field_code = $field)
    AND ($province IS NULL OR province_code = $province)
),
national AS (
  SELECT sum(person_times) AS person_times
  FROM rollup_training_national_month, chosen c
  WHERE year(month) = c.year AND month(month) <= c.months_covered
    AND program_code = $program AND ($field IS NULL OR field_code = $field)
),
-- Every mainland province's own total over the months covered (its rows kept at province level included): a
-- prefecture's parent rate, and summed, the national rate over the 31 mainland provinces (as in poverty-areas).
-- The months covered are all the months of the chosen year, so the small yearly rollup gives them.
province_volume AS (
  SELECT r.region_code AS province_code, r.working_age_2020 AS working_age, coalesce(sum(t.person_times), 0) AS person_times
  FROM region r
  LEFT JOIN (SELECT t.province_code, t.person_times
             FROM rollup_training_province_year t, chosen c
             WHERE t.year = c.year AND t.program_code = $program AND ($field IS NULL OR t.field_code = $field)) t
    ON t.province_code = r.region_code
  WHERE r.level = 'province' AND r.in_mainland
  GROUP BY ALL
),
reference AS (
  SELECT sum(person_times) * 10000.0 / nullif(sum(working_age), 0) AS national_per_10k FROM province_volume
),
by_region AS (
  SELECT v.region_code,
         sum(v.person_times) FILTER (WHERE v.year = c.year) AS person_times,
         sum(v.certificates) FILTER (WHERE v.year = c.year) AS certificates,
         sum(v.person_times) FILTER (WHERE v.year = c.year - 1) AS previous_person_times
  FROM volume v, chosen c
  GROUP BY v.region_code
),
measured AS (
  SELECT b.region_code, r.name_zh, r.name_en, r.macro_region, r.province_code, r.working_age_2020 AS working_age,
         coalesce(b.person_times, 0) AS person_times, coalesce(b.certificates, 0) AS certificates,
         b.previous_person_times,
         round(coalesce(b.person_times, 0) * 10000.0 / nullif(r.working_age_2020, 0), 2) AS per_10k
  FROM by_region b JOIN region r USING (region_code)
)
SELECT c.year,
       strftime(make_date(c.year, 1, 1), '%Y-%m') AS period_start,
       strftime(make_date(c.year, c.months_covered, 1), '%Y-%m') AS period_end,
       c.months_covered,
       c.months_covered = 12 AS period_complete,
       m.region_code, m.name_zh, m.name_en, m.macro_region,
       m.person_times::BIGINT AS person_times,
       m.certificates::BIGINT AS certificates,
       m.working_age,
       m.per_10k,
       round(m.person_times * 10000.0 / nullif(m.working_age, 0) * 12.0 / c.months_covered, 2) AS per_10k_annualised,
       m.person_times / nullif(national.person_times, 0) AS share_of_national,
       m.previous_person_times::BIGINT AS previous_person_times,
       m.person_times / nullif(m.previous_person_times, 0) - 1 AS change_on_previous_year,
       $rank_by AS rank_by,
       rank() OVER (ORDER BY CASE WHEN $rank_by = 'volume' THEN m.person_times ELSE m.per_10k END DESC NULLS LAST)::INTEGER AS rank,
       -- A prefecture's province; null for a province (its parent is the nation, the next column).
       CASE WHEN $level = 'prefecture' THEN round(p.person_times * 10000.0 / nullif(p.working_age, 0), 2) END::DOUBLE AS parent_per_10k,
       round(reference.national_per_10k, 2)::DOUBLE AS national_per_10k,
       dn.note_zh AS denominator_note_zh,
       dn.note_en AS denominator_note_en
FROM measured m
CROSS JOIN chosen c
CROSS JOIN national
CROSS JOIN reference
LEFT JOIN province_volume p ON p.province_code = m.province_code
LEFT JOIN denominator_notes dn ON dn.region_code = m.region_code
ORDER BY rank, m.region_code
