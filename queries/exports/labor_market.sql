-- Labour-market facts with reference names; occupations match the code itself or its major group.
-- The rows are filtered, ordered and limited on the narrow fact table first, and the names joined after (as in
-- the training export).
WITH chosen AS (
  SELECT l.*, a.province_code, o.group_code
  FROM labor_market l
  JOIN region_ancestry a USING (region_code)
  JOIN occupation o USING (occupation_code)
  WHERE ($from_year IS NULL OR l.quarter >= make_date($from_year, 1, 1))
    AND ($to_year IS NULL OR l.quarter < make_date($to_year + 1, 1, 1))
    AND ($regions IS NULL OR list_has_any($regions, [l.region_code, a.province_code, a.prefecture_code]))
    -- An official reads their own province's rows only (bound by the server from the signed-in account).
    AND ($scope_province IS NULL OR a.province_code = $scope_province)
    AND ($occupations IS NULL OR list_has_any($occupations, [l.occupation_code, o.group_code]))
  ORDER BY l.quarter, l.region_code, l.occupation_code
  LIMIT $limit
)
SELECT strftime(l.quarter, '%Y') || 'Q' || quarter(l.quarter) AS quarter,
       l.region_code, r.name_zh AS region_name_zh, r.name_en AS region_name_en, r.level AS region_level, l.province_code,
       l.occupation_code, o.name_zh AS occupation_name_zh, o.name_en AS occupation_name_en, l.group_code,
       l.vacancies, l.job_seekers, l.source
FROM chosen l
JOIN region r USING (region_code)
JOIN occupation o USING (occupation_code)
ORDER BY l.quarter, l.region_code, l.occupation_code
