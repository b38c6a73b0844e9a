-- The designated poverty areas ("three districts and three states") prefecture by prefecture, for one training
-- programme and year: each prefecture's person-times and rate per 10,000 working-age people, its province's and
-- the nation's rate over the same months, the ratio to the nation and the change on the same months of the
-- previous year; then one total row per group and one for both groups together. The areas and the nation are
-- those of poverty-areas: prefectures flagged with a poverty group, counting the rows recorded at them or their
-- counties; the nation is the 31 mainland provinces. A year still being reported is compared like for like
-- (January to the nation's latest month, against the same months of the previous year), as in training-by-region.
WITH
-- @include shared/poverty-year.sql
,
area AS (
  SELECT region_code, name_zh, name_en, province_code, poverty_group, working_age_2020 AS working_age
  FROM region
  WHERE level = 'prefecture' AND poverty_group IS NOT NULL AND (coalesce($province, $scope_province) IS NULL OR province_code = coalesce($province, $scope_province))
),
area_volume AS (
  SELECT r.prefecture_code AS region_code,
         sum(r.person_times) FILTER (WHERE m.current) AS person_times,
         sum(r.person_times) FILTER (WHERE NOT m.current) AS previous_person_times
  FROM rollup_training_prefecture_month r
  JOIN months m USING (month)
  JOIN area a ON a.region_code = r.prefecture_code
  -- The province again, although the join on area implies it: as a constant it lets the scan skip the others.
  WHERE r.program_code = $program AND (coalesce($province, $scope_province) IS NULL OR r.province_code = coalesce($province, $scope_province))
  GROUP BY r.prefecture_code
),
national AS (
  SELECT sum(person_times) * 10000.0 / nullif(sum(working_age), 0) AS per_10k FROM province_volume
),
-- Every designated prefecture, at 0 where it reported nothing; none at all in a year the nation did not report.
prefectures AS (
  SELECT 'prefecture' AS row_kind, a.poverty_group, a.region_code, a.name_zh, a.name_en, a.province_code,
         coalesce(v.person_times, 0) AS person_times, a.working_age, v.previous_person_times
  FROM area a LEFT JOIN area_volume v USING (region_code), chosen c
  WHERE c.months_covered IS NOT NULL
),
-- Totals over the prefectures listed (with a province, that province's part of each group): one row per group,
-- one for both.
totals AS (
  SELECT 'group' AS row_kind, poverty_group,
         sum(person_times) AS person_times, sum(working_age) AS working_age,
         sum(previous_person_times) AS previous_person_times
  FROM prefectures
  GROUP BY poverty_group
  UNION ALL
  SELECT 'all', NULL, sum(person_times), sum(working_age), sum(previous_person_times)
  FROM prefectures
  HAVING count(*) > 0
),
labelled AS (
  SELECT t.*, NULL AS region_code, coalesce($province, $scope_province) AS province_code,
         CASE WHEN row_kind = 'all' THEN '“三区三州”合计'
              WHEN poverty_group = 'three_districts' THEN '“三区”合计'
              WHEN poverty_group = 'three_states' THEN '“三州”合计'
              ELSE poverty_group || ' 合计' END AS name_zh,
         CASE WHEN row_kind = 'all' THEN 'Three districts and three states (total)'
              WHEN poverty_group = 'three_districts' THEN 'Three districts (total)'
              WHEN poverty_group = 'three_states' THEN 'Three states (total)'
              ELSE poverty_group || ' (total)' END AS name_en
  FROM totals t
),
listed AS (
  SELECT * FROM prefectures
  UNION ALL BY NAME
  SELECT * FROM labelled
)
SELECT c.year,
       strftime(make_date(c.year, 1, 1), '%Y-%m') AS period_start,
       strftime(make_date(c.year, c.months_covered, 1), '%Y-%m') AS period_end,
       c.months_covered,
       c.months_covered = 12 AS period_complete,
       l.row_kind, l.poverty_group, l.region_code, l.name_zh, l.name_en,
       l.province_code, p.name_zh AS province_name_zh, p.name_en AS province_name_en,
       l.person_times::BIGINT AS person_times,
       l.working_age::BIGINT AS working_age,
       round(l.person_times * 10000.0 / nullif(l.working_age, 0), 2)::DOUBLE AS per_10k,
       round(p.person_times * 10000.0 / nullif(p.working_age, 0), 2)::DOUBLE AS province_per_10k,
       round(n.per_10k, 2)::DOUBLE AS national_per_10k,
       (l.person_times * 10000.0 / nullif(l.working_age, 0) / nullif(n.per_10k, 0))::DOUBLE AS ratio_to_national,
       l.previous_person_times::BIGINT AS previous_person_times,
       (l.person_times / nullif(l.previous_person_times, 0) - 1)::DOUBLE AS change_on_previous_year
FROM listed l
CROSS JOIN chosen c
CROSS JOIN national n
LEFT JOIN province_volume p USING (province_code)
ORDER BY l.poverty_group NULLS LAST, l.row_kind = 'prefecture' DESC, l.region_code
