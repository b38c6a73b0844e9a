-- The region reference with its strategic zones: what maps and region pickers need.
SELECT r.region_code, r.level, r.parent_code, r.province_code, r.name_zh, r.name_en, r.abbr, r.macro_region, r.in_mainland,
       r.poverty_group, r.poverty_county_52, r.tile_row, r.tile_col, r.population_2020, r.working_age_2020,
       coalesce(string_agg(z.zone_code, ',' ORDER BY z.zone_code), '') AS zones
FROM region r
LEFT JOIN region_zone z USING (region_code)
WHERE ($levels IS NULL OR list_contains($levels, r.level))
  AND ($regions IS NULL OR list_has_any($regions, [r.region_code, r.province_code, r.parent_code]))
GROUP BY ALL
ORDER BY r.region_code
LIMIT $limit
