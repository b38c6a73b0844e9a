-- Training facts with reference names; regions match the row's own code, its prefecture or its province.
-- The rows are filtered, ordered and limited on the narrow fact table first, and the names joined after: sorting
-- the wide rows would cost twice the time for the same output.
WITH chosen AS (
  SELECT t.*, a.province_code
  FROM training t
  JOIN region_ancestry a USING (region_code)
  WHERE ($from_year IS NULL OR t.month >= make_date($from_year, 1, 1))
    AND ($to_year IS NULL OR t.month < make_date($to_year + 1, 1, 1))
    AND ($regions IS NULL OR list_has_any($regions, [t.region_code, a.province_code, a.prefecture_code]))
    -- An official reads their own province's rows only (bound by the server from the signed-in account).
    AND ($scope_province IS NULL OR a.province_code = $scope_province)
    AND ($programs IS NULL OR list_contains($programs, t.program_code))
    AND ($fields IS NULL OR list_contains($fields, t.field_code))
  ORDER BY t.month, t.region_code, t.program_code, t.field_code
  LIMIT $limit
)
SELECT strftime(t.month, '%Y-%m') AS month,
       t.region_code, r.name_zh AS region_name_zh, r.name_en AS region_name_en, r.level AS region_level, t.province_code,
       t.program_code, p.name_zh AS program_name_zh, p.name_en AS program_name_en,
       t.field_code, f.name_zh AS field_name_zh, f.name_en AS field_name_en,
       t.person_times, t.participants, t.certificates, t.funding_cny, t.source
FROM chosen t
JOIN region r USING (region_code)
JOIN program p USING (program_code)
JOIN field f USING (field_code)
ORDER BY t.month, t.region_code, t.program_code, t.field_code
