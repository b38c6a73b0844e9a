-- Every code list of the reference tables in one long table: what pickers and labels need. Columns that
-- belong to one list only (a programme's unit, an occupation's level) are NULL for the others.
SELECT * FROM (
  SELECT 'action' AS list, action_code AS code, name_zh, name_en, NULL AS parent_code, seq AS seq,
         NULL AS level, NULL AS fact_table, NULL AS metric, NULL AS aggregation, NULL AS unit_zh, NULL AS unit_en
  FROM action
  UNION ALL SELECT 'program', program_code, name_zh, name_en, action_code, NULL, NULL, fact_table, metric, aggregation, unit_zh, unit_en FROM program
  UNION ALL SELECT 'field', field_code, name_zh, name_en, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM field
  UNION ALL SELECT 'occupation', occupation_code, name_zh, name_en, group_code, NULL, level, NULL, NULL, NULL, NULL, NULL FROM occupation
  UNION ALL SELECT 'zone', zone_code, name_zh, name_en, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM zone
  UNION ALL SELECT 'competition', competition_code, name_zh, name_en, NULL, NULL, level, NULL, NULL, NULL, NULL, NULL FROM competition_event
)
WHERE ($lists IS NULL OR list_contains($lists, list))
ORDER BY list, code
