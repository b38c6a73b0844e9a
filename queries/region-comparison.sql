-- Several provinces side by side (all 31 mainland provinces when none is given): the indicators of
-- region-profile with the same macro-region median, national value, z-score and rank.
-- The indicators come from shared/province-indicators.sql, as in region-profile.sql; only the selection
-- below differs.
-- @include shared/province-indicators.sql
SELECT * EXCLUDE (seq) FROM indicator_rows
WHERE $regions IS NULL OR list_contains($regions, region_code)
-- In the order the provinces were asked for.
ORDER BY coalesce(list_position($regions, region_code), 0), region_code, seq
