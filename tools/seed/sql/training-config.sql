-- How each training programme is generated. A programme with a parent is an "of which" of it: its rows
-- are drawn from the parent's rows (a share of each measure), so it never exceeds the parent.
--   pool        regions it happens in ('poverty': designated poverty areas only)
--   class_size  a cell (month × region × field) whose expected volume is below this appears only in
--               some months, with about a class's worth; denser cells appear every month
--   unit_cost   funding per person-time, CNY, before regional and random variation (kept within 300–1500)
--   cert_lo/hi  certificates per participant (for certificate programmes: the pass rate)
--   presence    chance that a parent row has an "of which" row; share_lo/hi its share, + share_trend a year after 2019
CREATE TABLE train_program_config AS
SELECT * FROM (VALUES
  ('vocational_training',    NULL,                  'all',     30.0,  900.0, 0.45, 0.70, NULL, NULL, NULL, NULL),
  ('migrant_training',       'vocational_training', 'all',     NULL,  NULL,  NULL, NULL, 1.00, 0.25, 0.45, 0.0),
  ('apprenticeship',         NULL,                  'all',     10.0, 1300.0, 0.10, 0.30, NULL, NULL, NULL, NULL),
  ('knowledge_renewal',      NULL,                  'all',    150.0, 1400.0, 0.30, 0.60, NULL, NULL, NULL, NULL),
  ('advanced_seminars',      'knowledge_renewal',   'all',     NULL,  NULL,  NULL, NULL, 0.12, 0.30, 0.70, 0.0),
  ('digital_engineers',      NULL,                  'all',     40.0, 1500.0, 0.50, 0.80, NULL, NULL, NULL, NULL),
  ('skill_certificate',      NULL,                  'all',     30.0,  350.0, 0.80, 0.95, NULL, NULL, NULL, NULL),
  ('high_skill_certificate', 'skill_certificate',   'all',     NULL,  NULL,  NULL, NULL, 1.00, 0.12, 0.20, 0.01),
  ('poverty_training',       NULL,                  'poverty', 30.0,  700.0, 0.30, 0.50, NULL, NULL, NULL, NULL)
) t(program_code, parent_code, pool, class_size, unit_cost, cert_lo, cert_hi, presence, share_lo, share_hi, share_trend);

-- Every training programme of the reference; one the configuration does not know is generated like
-- vocational training at a tenth of its volume (see train_total_base).
CREATE TABLE train_program AS
SELECT p.program_code, p.metric, c.parent_code, coalesce(c.pool, 'all') AS pool,
       coalesce(c.class_size, 30.0) AS class_size, coalesce(c.unit_cost, 800.0) AS unit_cost,
       coalesce(c.cert_lo, 0.3) AS cert_lo, coalesce(c.cert_hi, 0.6) AS cert_hi,
       c.presence, c.share_lo, c.share_hi, coalesce(c.share_trend, 0.0) AS share_trend
FROM ref_program p LEFT JOIN train_program_config c USING (program_code)
WHERE p.fact_table = 'training'
  AND (c.parent_code IS NULL OR c.parent_code IN (SELECT program_code FROM ref_program WHERE fact_table = 'training'));

-- National yearly totals of each base programme's own metric (person-times, trainees or certificates).
-- 2026 is the full-year figure; only January–October of it is written. Years before 2015 (large scales)
-- shrink by 5 % a year going back; digital_engineers starts in 2022.
CREATE TABLE train_total_wide AS
SELECT * FROM (VALUES
  ('knowledge_renewal',     820000,   860000,   910000,   970000,  1030000,   880000,  1010000,   960000,  1050000,   970000,  1020000,   960000),
  ('vocational_training', 12000000, 12400000, 12900000, 13600000, 16500000, 14200000, 15200000, 15000000, 16400000, 16500000, 16900000, 17200000),
  ('apprenticeship',        150000,   190000,   230000,   300000,   420000,   380000,   470000,   500000,   520000,   540000,   560000,   580000),
  ('digital_engineers',          0,        0,        0,        0,        0,        0,        0,    60000,    90000,   110000,   130000,   140000),
  ('skill_certificate',    6000000,  6300000,  6600000,  6900000,  7500000,  6800000,  7600000,  8000000,  8500000,  8800000,  9100000,  9400000),
  ('poverty_training',      150000,   220000,   300000,   360000,   400000,   380000,   330000,   300000,   280000,   270000,   260000,   250000)
) t(program_code, "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026");

CREATE TABLE train_total_base AS
WITH long AS (UNPIVOT train_total_wide ON COLUMNS(* EXCLUDE (program_code)) INTO NAME year VALUE total),
known AS (SELECT program_code, year::INTEGER AS year, total::DOUBLE AS total FROM long),
fallback AS (
  SELECT p.program_code, k.year, k.total / 10 AS total
  FROM train_program p, known k
  WHERE p.parent_code IS NULL AND k.program_code = 'vocational_training'
    AND p.program_code NOT IN (SELECT program_code FROM known)
)
SELECT * FROM known WHERE program_code IN (SELECT program_code FROM train_program)
UNION ALL SELECT * FROM fallback;
