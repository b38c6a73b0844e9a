-- Training and Three Supports and One Assistance placements per 10,000 working-age people in the designated
-- poverty areas (the "three districts and three states"), against the nation, by year.
-- The areas are the prefectures flagged with a poverty group: only prefectures carry a working-age
-- population, so a flagged county under an unflagged prefecture cannot be weighed and is left out.
WITH area AS (
  SELECT region_code AS prefecture_code, working_age_2020
  FROM region
  WHERE level = 'prefecture' AND poverty_group IS NOT NULL AND ($group IS NULL OR poverty_group = $group)
),
-- The nation is the mainland series: HK, Macao and Taiwan have no place in the working-age denominator.
mainland AS (
  SELECT region_code AS province_code, working_age_2020 FROM region WHERE level = 'province' AND in_mainland
),
denominators AS (
  SELECT (SELECT sum(working_age_2020) FROM area) AS area_working_age,
         (SELECT sum(working_age_2020) FROM mainland) AS national_working_age
),
-- Rows at a poverty-area prefecture or a county under it count for the area; rows kept at province level do not.
area_training AS (
  SELECT year::INTEGER AS year, sum(person_times) AS person_times
  FROM rollup_training_prefecture_year
  WHERE program_code = $program AND prefecture_code IN (SELECT prefecture_code FROM area)
  GROUP BY year
),
national_training AS (
  SELECT year::INTEGER AS year, sum(person_times) AS person_times
  FROM rollup_training_province_year
  WHERE program_code = $program AND province_code IN (SELECT province_code FROM mainland)
  GROUP BY year
),
-- Placements are often reported by province only; the area's are the rows placed at its prefectures or
-- their counties, and NULL (unknown, not zero) in a year with no such row.
placements AS (
  SELECT ts.year::INTEGER AS year,
         sum(ts.value) FILTER (WHERE a.prefecture_code IN (SELECT prefecture_code FROM area)) AS area_placements,
         sum(ts.value) FILTER (WHERE a.province_code IN (SELECT province_code FROM mainland)) AS national_placements
  FROM talent_stock ts JOIN region_ancestry a USING (region_code)
  WHERE ts.indicator_code = 'three_supports'
  GROUP BY ts.year
),
years AS (
  SELECT year FROM national_training UNION SELECT year FROM placements
)
SELECT y.year,
       -- The area's training is 0, not unknown, in a year the nation reported the programme.
       CASE WHEN n.year IS NOT NULL THEN coalesce(a.person_times, 0) END::BIGINT AS area_person_times,
       d.area_working_age::BIGINT AS area_working_age,
       (CASE WHEN n.year IS NOT NULL THEN coalesce(a.person_times, 0) END * 10000.0 / nullif(d.area_working_age, 0))::DOUBLE AS area_per_10k,
       (n.person_times * 10000.0 / nullif(d.national_working_age, 0))::DOUBLE AS national_per_10k,
       ((CASE WHEN n.year IS NOT NULL THEN coalesce(a.person_times, 0) END / nullif(d.area_working_age, 0))
         / nullif(n.person_times / nullif(d.national_working_age, 0), 0))::DOUBLE AS ratio_to_national,
       p.area_placements::DOUBLE AS area_placements,
       (p.area_placements * 10000.0 / nullif(d.area_working_age, 0))::DOUBLE AS area_placements_per_10k,
       (p.national_placements * 10000.0 / nullif(d.national_working_age, 0))::DOUBLE AS national_placements_per_10k
FROM years y
CROSS JOIN denominators d
LEFT JOIN national_training n USING (year)
LEFT JOIN area_training a USING (year)
LEFT JOIN placements p USING (year)
ORDER BY y.year
