-- Every programme's headline for one scope (the nation, or a province) in one statement: its figure for the chosen
-- year (default: the latest year the programme was reported), the period that figure covers, and the same period of
-- the previous year beside it. Read from the programme rollups, whose national scope is '000000'.
WITH scope AS (
  SELECT coalesce($region, '000000') AS region_code
),
-- The nation's reporting calendar of every training programme.
calendar AS (
  SELECT program_code, month FROM rollup_program_month WHERE region_code = '000000'
),
-- Each training programme's year (as given, else its latest) and the latest month the nation reported in it.
training_year AS (
  SELECT y.program_code, y.year, max(c.month) AS last_month
  FROM (SELECT program_code, coalesce($year, max(year(month)))::INTEGER AS year FROM calendar GROUP BY program_code) y
  LEFT JOIN calendar c ON c.program_code = y.program_code AND year(c.month) = y.year
  GROUP BY y.program_code, y.year
),
-- The months the nation reported from January to that month, in the year and in the year before, as bit sets of
-- month numbers: the comparison is made only when they are the same months.
training_months AS (
  SELECT t.program_code,
         bit_or(1 << month(c.month)) FILTER (WHERE year(c.month) = t.year) AS months,
         bit_or(1 << month(c.month)) FILTER (WHERE year(c.month) = t.year - 1 AND month(c.month) <= month(t.last_month)) AS previous_months
  FROM training_year t
  JOIN calendar c ON c.program_code = t.program_code AND year(c.month) IN (t.year, t.year - 1)
  GROUP BY t.program_code
),
-- The scope's volume in those months (NULL where it reported nothing: not reported is not zero).
training AS (
  SELECT t.program_code, t.year, month(t.last_month)::INTEGER AS months_covered,
         sum(m.volume) FILTER (WHERE year(m.month) = t.year) AS value,
         CASE WHEN any_value(k.months) = any_value(k.previous_months)
              THEN sum(m.volume) FILTER (WHERE year(m.month) = t.year - 1 AND month(m.month) <= month(t.last_month)) END AS previous_value
  FROM training_year t
  CROSS JOIN scope s
  LEFT JOIN training_months k ON k.program_code = t.program_code
  LEFT JOIN rollup_program_month m
    ON m.program_code = t.program_code AND m.region_code = s.region_code AND year(m.month) IN (t.year, t.year - 1)
  GROUP BY t.program_code, t.year, t.last_month
),
-- The year still being reported, if any: that of the latest month the nation reported any training, unless it is
-- December. A talent or platform figure of that year (reported by year) cannot cover the whole of it yet, so it is
-- not compared with the previous year's.
open_year AS (
  SELECT year(max(month))::INTEGER AS year FROM calendar HAVING month(max(month)) < 12
),
-- Talent and platform indicators: the year's flow or level (as given, else the latest year), and the year before.
stock_year AS (
  SELECT program_code, coalesce($year, max(year))::INTEGER AS year
  FROM rollup_program_year JOIN program p USING (program_code)
  WHERE p.fact_table = 'talent_stock' AND region_code = '000000'
  GROUP BY program_code
),
stock AS (
  SELECT y.program_code, y.year,
         CASE WHEN y.year NOT IN (SELECT year FROM open_year) THEN 12 END AS months_covered,
         max(v.volume) FILTER (WHERE v.year = y.year) AS value,
         CASE WHEN y.year NOT IN (SELECT year FROM open_year) THEN max(v.volume) FILTER (WHERE v.year = y.year - 1) END AS previous_value
  FROM stock_year y
  CROSS JOIN scope s
  LEFT JOIN rollup_program_year v ON v.program_code = y.program_code AND v.region_code = s.region_code AND v.year IN (y.year, y.year - 1)
  GROUP BY y.program_code, y.year
),
figures AS (
  SELECT * FROM training UNION ALL SELECT * FROM stock
)
SELECT p.program_code, p.name_zh, p.name_en, p.unit_zh, p.unit_en, p.action_code,
       CASE WHEN p.fact_table = 'training' THEN 'cumulative' WHEN p.aggregation = 'last' THEN 'level' ELSE 'flow' END AS measure,
       s.region_code,
       coalesce(f.year, $year)::INTEGER AS year,
       CASE WHEN f.months_covered < 12 THEN f.year || '-01/' || f.year || '-' || lpad(f.months_covered::VARCHAR, 2, '0')
            ELSE coalesce(f.year, $year)::VARCHAR END AS period,
       coalesce(f.months_covered = 12, false) AS period_complete,
       f.value::DOUBLE AS value,
       CASE WHEN f.months_covered < 12 THEN (f.year - 1) || '-01/' || (f.year - 1) || '-' || lpad(f.months_covered::VARCHAR, 2, '0')
            ELSE (coalesce(f.year, $year) - 1)::VARCHAR END AS previous_period,
       f.previous_value::DOUBLE AS previous_value,
       (f.value / nullif(f.previous_value, 0) - 1)::DOUBLE AS change_on_previous_year,
       g.value::DOUBLE AS annual_target
FROM program p
CROSS JOIN scope s
LEFT JOIN figures f USING (program_code)
-- Only a target set for exactly this year and this scope is an annual target.
LEFT JOIN target g
  ON g.program_code = p.program_code AND g.region_code = s.region_code AND g.period_start = f.year AND g.period_end = f.year
ORDER BY p.program_code
