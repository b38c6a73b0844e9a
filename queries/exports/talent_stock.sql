SELECT s.year, s.region_code, r.name_zh AS region_name_zh, r.name_en AS region_name_en, a.province_code,
       s.indicator_code, p.name_zh AS indicator_name_zh, p.name_en AS indicator_name_en, p.unit_en AS unit,
       s.value, s.source
FROM talent_stock s
JOIN region r USING (region_code)
JOIN region_ancestry a USING (region_code)
JOIN program p ON p.program_code = s.indicator_code
WHERE ($from_year IS NULL OR s.year >= $from_year)
  AND ($to_year IS NULL OR s.year <= $to_year)
  AND ($regions IS NULL OR list_has_any($regions, [s.region_code, a.province_code, a.prefecture_code]))
  -- An official reads their own province's rows only (bound by the server from the signed-in account).
  AND ($scope_province IS NULL OR a.province_code = $scope_province)
  AND ($programs IS NULL OR list_contains($programs, s.indicator_code))
ORDER BY s.year, s.region_code, s.indicator_code
LIMIT $limit
