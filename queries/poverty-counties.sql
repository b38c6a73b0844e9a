-- The 52 uncapped poverty counties (region.poverty_county_52) one county at a time, for one training programme and
-- year: each county's person-times and Three Supports and One Assistance placements, each per 10,000 working-age
-- people (2020 census), beside its province's and the nation's rates; a rank among the counties listed; and one
-- total row for them all. Training is compared like for like, as in poverty-prefectures: a year still being
-- reported runs from January to the nation's latest month, against the same months of the previous year.
-- Placements are a yearly count (talent_stock), of the chosen calendar year.
WITH
-- @include shared/poverty-year.sql
,
county AS (
  SELECT c.region_code, c.name_zh, c.name_en, c.province_code, c.parent_code AS prefecture_code,
         f.name_zh AS prefecture_name_zh, f.name_en AS prefecture_name_en, c.working_age_2020 AS working_age
  FROM region c LEFT JOIN region f ON f.region_code = c.parent_code
  WHERE c.level = 'county' AND c.poverty_county_52 AND (coalesce($province, $scope_province) IS NULL OR c.province_code = coalesce($province, $scope_province))
),
county_volume AS (
  SELECT r.county_code AS region_code,
         sum(r.person_times) FILTER (WHERE m.current) AS person_times,
         sum(r.person_times) FILTER (WHERE NOT m.current) AS previous_person_times
  FROM rollup_training_county_month r
  JOIN months m USING (month)
  JOIN county c ON c.region_code = r.county_code
  WHERE r.program_code = $program AND (coalesce($province, $scope_province) IS NULL OR r.province_code = coalesce($province, $scope_province))
  GROUP BY r.county_code
),
-- Placements of the chosen year: at the county (NULL when it reported none: unknown, not zero), in the whole
-- province, and in the nation (the mainland provinces).
placed AS (
  SELECT ts.region_code, a.province_code, sum(ts.value) AS placements
  FROM talent_stock ts JOIN region_ancestry a USING (region_code) JOIN chosen c ON ts.year = c.year
  WHERE ts.indicator_code = 'three_supports'
  GROUP BY ALL
),
province_placed AS (
  SELECT province_code, sum(placements) AS placements FROM placed GROUP BY province_code
),
national AS (
  SELECT (SELECT sum(person_times) * 10000.0 / nullif(sum(working_age), 0) FROM province_volume) AS per_10k,
         (SELECT sum(p.placements) FROM province_placed p JOIN mainland USING (province_code)) * 10000.0
           / nullif((SELECT sum(working_age) FROM mainland), 0) AS placements_per_10k
),
-- Every listed county, at 0 training where it reported none; none at all in a year the nation did not report.
counties AS (
  SELECT 'county' AS row_kind, c.region_code, c.name_zh, c.name_en, c.prefecture_code, c.prefecture_name_zh,
         c.prefecture_name_en, c.province_code, coalesce(v.person_times, 0) AS person_times, c.working_age,
         v.previous_person_times, p.placements
  FROM county c
  LEFT JOIN county_volume v USING (region_code)
  LEFT JOIN placed p USING (region_code), chosen k
  WHERE k.months_covered IS NOT NULL
),
total AS (
  SELECT 'all' AS row_kind, NULL AS region_code,
         CASE WHEN coalesce($province, $scope_province) IS NULL THEN '52个未摘帽贫困县合计' ELSE '本省未摘帽贫困县合计' END AS name_zh,
         CASE WHEN coalesce($province, $scope_province) IS NULL THEN 'The 52 uncapped poverty counties (total)'
              ELSE 'The province''s uncapped poverty counties (total)' END AS name_en,
         coalesce($province, $scope_province) AS province_code,
         sum(person_times) AS person_times, sum(working_age) AS working_age,
         sum(previous_person_times) AS previous_person_times, sum(placements) AS placements
  FROM counties
  HAVING count(*) > 0
),
listed AS (
  SELECT * FROM counties
  UNION ALL BY NAME
  SELECT * FROM total
)
SELECT c.year,
       strftime(make_date(c.year, 1, 1), '%Y-%m') AS period_start,
       strftime(make_date(c.year, c.months_covered, 1), '%Y-%m') AS period_end,
       c.months_covered,
       c.months_covered = 12 AS period_complete,
       l.row_kind, l.region_code, l.name_zh, l.name_en,
       l.prefecture_code, l.prefecture_name_zh, l.prefecture_name_en,
       l.province_code, p.name_zh AS province_name_zh, p.name_en AS province_name_en,
       l.person_times::BIGINT AS person_times,
       l.working_age::BIGINT AS working_age,
       round(l.person_times * 10000.0 / nullif(l.working_age, 0), 2)::DOUBLE AS per_10k,
       round(p.person_times * 10000.0 / nullif(p.working_age, 0), 2)::DOUBLE AS province_per_10k,
       round(n.per_10k, 2)::DOUBLE AS national_per_10k,
       (l.person_times * 10000.0 / nullif(l.working_age, 0) / nullif(n.per_10k, 0))::DOUBLE AS ratio_to_national,
       -- 1 for the highest rate among the counties listed; equal rates share a rank.
       CASE WHEN l.row_kind = 'county'
            THEN rank() OVER (PARTITION BY l.row_kind ORDER BY l.person_times * 1.0 / nullif(l.working_age, 0) DESC NULLS LAST)
       END::INTEGER AS rank,
       l.previous_person_times::BIGINT AS previous_person_times,
       (l.person_times / nullif(l.previous_person_times, 0) - 1)::DOUBLE AS change_on_previous_year,
       l.placements::BIGINT AS placements,
       round(l.placements * 10000.0 / nullif(l.working_age, 0), 2)::DOUBLE AS placements_per_10k,
       round(pp.placements * 10000.0 / nullif(p.working_age, 0), 2)::DOUBLE AS province_placements_per_10k,
       round(n.placements_per_10k, 2)::DOUBLE AS national_placements_per_10k
FROM listed l
CROSS JOIN chosen c
CROSS JOIN national n
LEFT JOIN province_volume p USING (province_code)
LEFT JOIN province_placed pp USING (province_code)
ORDER BY l.row_kind = 'all', rank, l.region_code
