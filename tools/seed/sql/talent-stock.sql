-- The talent-stock fact: year × province × indicator. Flows are whole numbers shared out by largest
-- remainder, so each year's national total is the configured one exactly; levels are rounded quotas.
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
)
SELECT year::SMALLINT AS year, region_code, indicator_code, value::BIGINT AS value, 'synthetic' AS source
FROM valued
ORDER BY year, region_code, indicator_code
