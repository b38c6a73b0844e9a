-- The talent-stock fact: year × province × indicator, and the 52 poverty counties' placements. Flows are
-- whole numbers shared out by largest remainder, so each year's national total is the configured one
-- exactly; levels are rounded quotas.
WITH flow AS (
  SELECT *, floor(quota) AS whole,
         round(national) - sum(floor(quota)) OVER (PARTITION BY indicator_code, year) AS leftover,
         row_number() OVER (PARTITION BY indicator_code, year ORDER BY quota - floor(quota) DESC, region_code) AS rank_remainder
  FROM ts_share WHERE aggregation <> 'last'
),
valued AS (
  SELECT year, region_code, indicator_code, whole + (rank_remainder <= leftover)::INTEGER AS value FROM flow
  UNION ALL
  SELECT year, region_code, indicator_code, round(quota) FROM ts_share WHERE aggregation = 'last'
),
-- Three Supports and One Assistance placements go out of the province's count to each of the 52 uncapped
-- poverty counties in it: its working-age share of the province, drawn between 1.5 and 3 times that (the
-- programme sends graduates to poor counties). The province keeps the rest, so its total is unchanged.
county_placed AS (
  SELECT v.year, k.region_code, v.indicator_code, v.region_code AS province_code,
         floor(v.value * c.weight / p.working_age * lerp(1.5, 3.0, u2('placed', v.year, k.region_code))) AS value
  FROM valued v
  JOIN ref_region r ON r.province_code = v.region_code AND r.level = 'county'
  JOIN county52 k ON k.region_code = r.region_code
  JOIN county c ON c.region_code = k.region_code
  JOIN province p ON p.region_code = v.region_code
  WHERE v.indicator_code = 'three_supports'
),
placed AS (
  SELECT v.year, v.region_code, v.indicator_code,
         v.value - coalesce((SELECT sum(c.value) FROM county_placed c
                             WHERE c.year = v.year AND c.province_code = v.region_code AND c.indicator_code = v.indicator_code), 0) AS value
  FROM valued v
  UNION ALL
  SELECT year, region_code, indicator_code, value FROM county_placed
)
SELECT year::SMALLINT AS year, region_code, indicator_code, value::BIGINT AS value, 'synthetic' AS source
FROM placed
ORDER BY year, region_code, indicator_code
