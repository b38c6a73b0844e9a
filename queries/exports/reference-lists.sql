-- Every code list of the reference tables in one long table: what pickers and labels need.
SELECT * FROM (
  SELECT 'action' AS list, action_code AS code, name_zh, name_en, NULL AS parent_code, seq::VARCHAR AS detail FROM action
  UNION ALL SELECT 'program', program_code, name_zh, name_en, action_code, fact_table || '|' || metric || '|' || aggregation || '|' || unit_zh || '|' || unit_en FROM program
  UNION ALL SELECT 'field', field_code, name_zh, name_en, NULL, NULL FROM field
  UNION ALL SELECT 'occupation', occupation_code, name_zh, name_en, group_code, level FROM occupation
  UNION ALL SELECT 'zone', zone_code, name_zh, name_en, NULL, NULL FROM zone
  UNION ALL SELECT 'competition', competition_code, name_zh, name_en, NULL, level FROM competition_event
)
WHERE ($lists IS NULL OR list_contains($lists, list))
ORDER BY list, code
