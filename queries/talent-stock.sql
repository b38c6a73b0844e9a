-- One talent or platform indicator by province for one year: value, per million residents, share of the
-- national total, change on the previous year and rank. Each year is read on its own: a stock ('last')
-- indicator gives the year's level and a flow ('sum') indicator the year's flow; neither is accumulated.
WITH chosen AS (
  SELECT coalesce($year, (SELECT max(year) FROM talent_stock WHERE indicator_code = $indicator))::INTEGER AS chosen_year
),
-- Rows may be reported by a province (not allocated below it), a prefecture or a county: all add up.
by_region AS (
  SELECT a.province_code AS region_code,
         sum(t.value) FILTER (WHERE t.year = chosen.chosen_year) AS value,
         sum(t.value) FILTER (WHERE t.year = chosen.chosen_year - 1) AS previous_value
  FROM talent_stock t
  JOIN region_ancestry a USING (region_code)
  CROSS JOIN chosen
  WHERE $level = 'province' AND t.indicator_code = $indicator
    AND t.year IN (chosen.chosen_year, chosen.chosen_year - 1)
  GROUP BY a.province_code
),
national AS (
  SELECT sum(value) AS value FROM by_region
)
SELECT chosen.chosen_year AS year,
       b.region_code, r.name_zh, r.name_en, r.macro_region,
       p.unit_zh, p.unit_en, p.aggregation,
       b.value,
       r.population_2020 AS population,
       round(b.value * 1000000 / nullif(r.population_2020, 0), 2) AS per_million,
       b.value / nullif(national.value, 0) AS share_of_national,
       b.previous_value,
       b.value / nullif(b.previous_value, 0) - 1 AS change_on_previous_year,
       rank() OVER (ORDER BY b.value DESC)::INTEGER AS rank
FROM by_region b
JOIN region r USING (region_code)
JOIN program p ON p.program_code = $indicator
CROSS JOIN chosen
CROSS JOIN national
-- A province without a value this year is left out (no data is not zero for a stock).
WHERE b.value IS NOT NULL
ORDER BY rank, b.region_code
