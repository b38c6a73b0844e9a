-- One province's profile for a year: six indicators, each with the median of its macro-region's provinces,
-- the national value, and its z-score and rank among the 31 mainland provinces.
-- The indicators of every province come from shared/province-indicators.sql, which region-comparison.sql
-- also includes; only the selection below differs.
-- @include shared/province-indicators.sql
SELECT * EXCLUDE (seq) FROM indicator_rows
WHERE region_code = $region
ORDER BY seq
