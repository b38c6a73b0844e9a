-- Cells of the training fact before time: (grain, field mode, region unit, base programme, field) with
-- the field's share of the unit's volume and the cell's presence, the chance it has a row in a month.
-- A cell expecting fewer than class_size person-times a month (at 2024 volumes) appears in that
-- fraction of months only, with a class's worth: small places train in batches. The 'all' layouts
-- (large scales, for benchmarks) use a tenth of the class size, so most of their cells are dense.
CREATE TABLE cell AS
WITH reference_volume AS (
  SELECT program_code, total / 12 AS monthly FROM train_total_base WHERE year = 2024
), weighted AS (
  SELECT u.unit_level, pf.field_mode, u.unit_code, p.program_code, pf.field_code, u.share AS unit_share,
         pf.weight * coalesce(t.factor, 1.0) * lerp(0.6, 1.4, u2('field', u.unit_code, pf.field_code)) AS weight
  FROM train_program p
  JOIN program_field pf USING (program_code)
  JOIN unit_pool u ON u.pool = p.pool
  LEFT JOIN field_tilt t ON t.field_code = pf.field_code AND t.macro_region = u.macro_region
  WHERE p.parent_code IS NULL
)
SELECT w.unit_level, w.field_mode, w.unit_code, w.program_code, w.field_code,
       w.weight / sum(w.weight) OVER (PARTITION BY w.unit_level, w.field_mode, w.unit_code, w.program_code) AS share,
       least(1.0, coalesce(r.monthly, 0) * w.unit_share
                  * w.weight / sum(w.weight) OVER (PARTITION BY w.unit_level, w.field_mode, w.unit_code, w.program_code)
                  / (p.class_size * CASE w.field_mode WHEN 'all' THEN 0.1 ELSE 1.0 END)) AS presence
FROM weighted w JOIN train_program p USING (program_code) LEFT JOIN reference_volume r USING (program_code);

-- Expected training rows per month of each base programme in each layout, its "of which" programmes included.
CREATE TABLE tier AS
SELECT c.unit_level, c.program_code, c.field_mode,
       sum(c.presence * (1 + coalesce((SELECT sum(d.presence) FROM train_program d WHERE d.parent_code = c.program_code), 0))) AS rows_per_month
FROM cell c
GROUP BY c.unit_level, c.program_code, c.field_mode;
