-- Plan-dependent inputs of the training fact (variables unit_level and all_field_programs, and the calendar).

-- Each unit's share of its pool per year, drifting from its 2020 share.
CREATE TABLE unit_year AS
WITH w AS (
  SELECT u.unit_code, u.pool, u.macro_region, y.year, u.weight * exp(u.drift * (y.year - 2020)) AS weight
  FROM unit_pool u, cal_year y
  WHERE u.unit_level = getvariable('unit_level')
)
SELECT unit_code, pool, macro_region, year, weight / sum(weight) OVER (PARTITION BY pool, year) AS share FROM w;

CREATE TABLE plan_cell AS
SELECT unit_code, program_code, field_code, share, presence FROM cell
WHERE unit_level = getvariable('unit_level') AND presence > 0
  AND field_mode = CASE WHEN list_contains(string_split(getvariable('all_field_programs'), ','), program_code) THEN 'all' ELSE 'default' END;

-- National totals for every year of the calendar; before 2015 each year is 5 % below the next.
CREATE TABLE train_total AS
SELECT b.program_code, y.year,
       CASE WHEN y.year >= 2015 THEN coalesce(exact.total, 0) ELSE b.total * 0.95 ^ (2015 - y.year) END AS total
FROM (SELECT * FROM train_total_base WHERE year = 2015) b
CROSS JOIN cal_year y
LEFT JOIN train_total_base exact ON exact.program_code = b.program_code AND exact.year = y.year;
