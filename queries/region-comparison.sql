-- Several provinces side by side (all 31 mainland provinces when none is given): the indicators of
-- region-profile with the same macro-region median, national value, z-score and rank.
-- The indicators come from shared/province-indicators.sql, as in region-profile.sql; only the selection
-- below differs.
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
WHERE $regions IS NULL OR list_contains($regions, region_code)
-- In the order the provinces were asked for.
ORDER BY coalesce(list_position($regions, region_code), 0), region_code, seq
