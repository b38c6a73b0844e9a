SELECT t.program_code, p.name_zh AS program_name_zh, p.name_en AS program_name_en, p.unit_zh, p.unit_en,
       t.period_start, t.period_end, t.region_code, t.value, t.source, t.note
FROM target t JOIN program p USING (program_code)
WHERE ($programs IS NULL OR list_contains($programs, t.program_code))
ORDER BY t.program_code, t.period_start, t.period_end, t.region_code
