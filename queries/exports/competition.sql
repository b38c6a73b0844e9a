SELECT c.competition_code, e.name_zh AS competition_name_zh, e.name_en AS competition_name_en, c.year,
       c.region_code, r.name_zh AS region_name_zh, r.name_en AS region_name_en, a.province_code,
       c.trade, c.entrants, c.gold, c.silver, c.bronze, c.excellence, c.source
FROM competition c
JOIN competition_event e USING (competition_code)
JOIN region r USING (region_code)
JOIN region_ancestry a USING (region_code)
WHERE ($from_year IS NULL OR c.year >= $from_year)
  AND ($to_year IS NULL OR c.year <= $to_year)
  AND ($regions IS NULL OR list_has_any($regions, [c.region_code, a.province_code, a.prefecture_code]))
  -- An official reads their own province's rows only (bound by the server from the signed-in account).
  AND ($scope_province IS NULL OR a.province_code = $scope_province)
  AND ($competitions IS NULL OR list_contains($competitions, c.competition_code))
ORDER BY c.competition_code, c.year, c.region_code, c.trade
LIMIT $limit
