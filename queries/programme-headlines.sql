-- Every programme's headline for one scope (the nation, or a province) in one statement: its figure for the chosen
-- year (default: the latest year the programme was reported), the period that figure covers, and the same period of
-- the previous year beside it. Read from the programme rollups, whose national scope is '000000'; every join is on
-- keys, so the statement stays small for the planner.
WITH
-- Each training programme's months as the nation reported them (its calendar), with the scope's volume (NULL where
-- the scope reported nothing: not reported is not zero).
months AS (
  SELECT n.program_code, n.month, year(n.month)::INTEGER AS year, month(n.month)::INTEGER AS month_no, s.volume
  FROM rollup_program_month n
  LEFT JOIN rollup_program_month s
    ON s.program_code = n.program_code AND s.month = n.month AND s.region_code = coalesce($region, '000000')
  WHERE n.region_code = '000000'
),
-- Each training programme's year (as given, else its latest) and the latest month the nation reported in it.
training_year AS (
  SELECT program_code,
         coalesce($year, max(year * 100 + month_no) // 100)::INTEGER AS year,
         (max(year * 100 + month_no) FILTER (WHERE $year IS NULL OR year = $year) % 100)::INTEGER AS months_covered
  FROM months
  GROUP BY program_code
),
-- January to that month, and the same months of the previous year when the nation reported exactly those (the
-- month numbers reported, as bit sets, are the same).
training AS (
  SELECT t.program_code, t.year, t.months_covered,
         sum(m.volume) FILTER (WHERE m.year = t.year) AS value,
         CASE WHEN bit_or(1 << m.month_no) FILTER (WHERE m.year = t.year)
                 = bit_or(1 << m.month_no) FILTER (WHERE m.year = t.year - 1 AND m.month_no <= t.months_covered)
              THEN sum(m.volume) FILTER (WHERE m.year = t.year - 1 AND m.month_no <= t.months_covered) END AS previous_value
  FROM training_year t
  LEFT JOIN months m ON m.program_code = t.program_code
  GROUP BY t.program_code, t.year, t.months_covered
),
-- The year still being reported, if any: that of the latest month the nation reported any training, unless it is
-- December. A talent or platform figure of that year (reported by year) cannot cover the whole of it yet, so it is
-- not compared with the previous year's.
open_year AS (
  SELECT max(year * 100 + month_no) // 100 AS year FROM months HAVING max(year * 100 + month_no) % 100 < 12
),
-- Talent and platform indicators: the year's flow or level (as given, else the latest year), and the year before.
stock_year AS (
  SELECT y.program_code, coalesce($year, max(y.year))::INTEGER AS year
  FROM rollup_program_year y JOIN program p USING (program_code)
  WHERE p.fact_table = 'talent_stock' AND y.region_code = '000000'
  GROUP BY y.program_code
),
stock AS (
  SELECT y.program_code, y.year, CASE WHEN o.year IS NULL THEN 12 END AS months_covered, c.volume AS value,
         CASE WHEN o.year IS NULL THEN p.volume END AS previous_value
  FROM stock_year y
  LEFT JOIN open_year o ON o.year = y.year
  LEFT JOIN rollup_program_year c ON c.program_code = y.program_code AND c.year = y.year AND c.region_code = coalesce($region, '000000')
  LEFT JOIN rollup_program_year p ON p.program_code = y.program_code AND p.year = y.year - 1 AND p.region_code = coalesce($region, '000000')
),
figures AS (
  SELECT * FROM training UNION ALL SELECT * FROM stock
)
SELECT p.program_code, p.name_zh, p.name_en, p.unit_zh, p.unit_en, p.action_code,
       CASE WHEN p.fact_table = 'training' THEN 'cumulative' WHEN p.aggregation = 'last' THEN 'level' ELSE 'flow' END AS measure,
       coalesce($region, '000000') AS region_code,
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
LEFT JOIN figures f USING (program_code)
-- Only a target set for exactly this year and this scope is an annual target.
LEFT JOIN target g
  ON g.program_code = p.program_code AND g.region_code = coalesce($region, '000000') AND g.period_start = f.year AND g.period_end = f.year
ORDER BY p.program_code
