-- One province's profile for a year: six indicators, each with the median of its macro-region's provinces,
-- the national value, and its z-score and rank among the 31 mainland provinces.
-- The indicators of every province come from shared/province-indicators.sql, which region-comparison.sql
-- also includes; only the selection below differs.
-- @include shared/province-indicators.sql
SELECT (SELECT year FROM chosen) AS year, region_code, name_zh, name_en, macro_region,
       indicator, label_zh, label_en, unit_zh, unit_en, period,
       value::DOUBLE AS value,
       macro_region_median::DOUBLE AS macro_region_median,
       national_value::DOUBLE AS national_value,
       z_score::DOUBLE AS z_score,
       rank::INTEGER AS rank,
       higher_is_better
FROM scored
WHERE region_code = $region
ORDER BY seq
