-- Fields each training programme is split over.
-- field_mode 'default' (scale ≤ the county layouts): knowledge renewal over every key field (all but
-- 'general'), digital engineers over the five digital fields, the others over the few fields below.
-- field_mode 'all' (larger scales): every programme over every field, except knowledge renewal (key
-- fields only) and digital engineers (digital fields only). "Of which" programmes use their parent's.

-- Relative size of each field: the national mix of knowledge renewal, and the default elsewhere.
CREATE TABLE field_weight AS
SELECT * FROM (VALUES
  ('digital', 1.2), ('ai', 1.0), ('big_data', 0.8), ('blockchain', 0.3), ('integrated_circuits', 0.5),
  ('equipment', 1.2), ('aerospace', 0.4), ('new_energy', 0.8), ('new_energy_vehicles', 0.6),
  ('new_materials', 0.6), ('biomedicine', 0.8), ('health_care', 1.2), ('modern_agriculture', 1.0),
  ('ecology', 0.7), ('marine', 0.4), ('modern_services', 0.9), ('culture_tourism', 0.6), ('general', 1.5)
) t(field_code, weight);

-- The few fields of each programme at default scale, with their weights.
CREATE TABLE program_field_default AS
SELECT * FROM (VALUES
  ('vocational_training', 'equipment', 0.35), ('vocational_training', 'modern_services', 0.40), ('vocational_training', 'general', 0.25),
  ('apprenticeship', 'equipment', 0.65), ('apprenticeship', 'modern_services', 0.35),
  ('skill_certificate', 'equipment', 0.55), ('skill_certificate', 'modern_services', 0.45),
  ('poverty_training', 'modern_agriculture', 0.55), ('poverty_training', 'modern_services', 0.25), ('poverty_training', 'culture_tourism', 0.20),
  ('digital_engineers', 'digital', 0.30), ('digital_engineers', 'ai', 0.25), ('digital_engineers', 'big_data', 0.20),
  ('digital_engineers', 'blockchain', 0.10), ('digital_engineers', 'integrated_circuits', 0.15)
) t(program_code, field_code, weight);

-- Regional specialisation: digital fields lean east, agriculture west and central, heavy industry northeast.
CREATE TABLE field_tilt AS
SELECT * FROM (VALUES
  ('digital', 'east', 1.5), ('digital', 'west', 0.7), ('digital', 'northeast', 0.8),
  ('ai', 'east', 1.6), ('ai', 'west', 0.6), ('ai', 'northeast', 0.7),
  ('big_data', 'east', 1.3), ('big_data', 'west', 1.0),
  ('blockchain', 'east', 1.6), ('blockchain', 'west', 0.5), ('integrated_circuits', 'east', 1.8), ('integrated_circuits', 'west', 0.5),
  ('equipment', 'northeast', 1.4), ('equipment', 'central', 1.2), ('aerospace', 'northeast', 1.5), ('aerospace', 'west', 1.2),
  ('modern_agriculture', 'east', 0.6), ('modern_agriculture', 'central', 1.3), ('modern_agriculture', 'west', 1.4), ('modern_agriculture', 'northeast', 1.5),
  ('marine', 'east', 1.8), ('marine', 'central', 0.2), ('marine', 'west', 0.2), ('culture_tourism', 'west', 1.4)
) t(field_code, macro_region, factor);

-- (mode, programme, field, weight) for base programmes; fields missing from the reference drop out.
CREATE TABLE program_field AS
WITH base AS (SELECT * FROM train_program WHERE parent_code IS NULL),
key_fields AS (SELECT field_code FROM ref_field WHERE field_code <> 'general'),
fw AS (SELECT f.field_code, coalesce(w.weight, 0.5) AS weight FROM ref_field f LEFT JOIN field_weight w USING (field_code)),
own AS (
  SELECT 'default' AS field_mode, d.program_code, d.field_code, d.weight
  FROM program_field_default d JOIN base USING (program_code) JOIN ref_field USING (field_code)
),
kr AS (
  SELECT m.field_mode, 'knowledge_renewal' AS program_code, fw.field_code, fw.weight
  FROM (VALUES ('default'), ('all')) m(field_mode), fw
  WHERE fw.field_code IN (SELECT field_code FROM key_fields) AND 'knowledge_renewal' IN (SELECT program_code FROM base)
),
everything AS (
  SELECT 'all' AS field_mode, base.program_code, fw.field_code, coalesce(d.weight, 0.25 * fw.weight) AS weight
  FROM base CROSS JOIN fw LEFT JOIN program_field_default d ON d.program_code = base.program_code AND d.field_code = fw.field_code
  WHERE base.program_code NOT IN ('knowledge_renewal', 'digital_engineers')
),
fallback AS (
  -- a programme with no default fields at all is split over every field
  SELECT 'default' AS field_mode, program_code, field_code, weight FROM everything
  WHERE program_code NOT IN (SELECT program_code FROM own) AND program_code <> 'knowledge_renewal'
)
SELECT * FROM own UNION ALL SELECT * FROM kr UNION ALL SELECT * FROM everything UNION ALL SELECT * FROM fallback
UNION ALL SELECT 'all', program_code, field_code, weight FROM own WHERE program_code = 'digital_engineers';
