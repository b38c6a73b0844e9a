-- Medal table by province for one competition (or all) in one year (or over all years):
-- medals, entrants and a weighted score 3·gold + 2·silver + 1·bronze, ranked by score then gold.
WITH chosen AS (
  SELECT coalesce($year, (SELECT max(year) FROM competition
                          WHERE $competition IS NULL OR competition_code = $competition))::INTEGER AS chosen_year
),
-- Rows may be reported by a prefecture or county: each counts for its province.
by_province AS (
  SELECT a.province_code AS region_code,
         sum(c.gold) AS gold, sum(c.silver) AS silver, sum(c.bronze) AS bronze,
         sum(c.excellence) AS excellence, sum(c.entrants) AS entrants,
         min(c.year) AS from_year, max(c.year) AS to_year
  FROM competition c
  JOIN region_ancestry a USING (region_code)
  CROSS JOIN chosen
  WHERE ($competition IS NULL OR c.competition_code = $competition)
    AND ($scope = 'all_years' OR c.year = chosen.chosen_year)
  GROUP BY a.province_code
),
scored AS (
  SELECT *, 3 * gold + 2 * silver + bronze AS score FROM by_province
)
SELECT CASE WHEN $scope = 'year' THEN chosen.chosen_year END AS year,
       min(s.from_year) OVER ()::INTEGER AS from_year,
       max(s.to_year) OVER ()::INTEGER AS to_year,
       s.region_code, r.name_zh, r.name_en, r.macro_region,
       s.gold::BIGINT AS gold, s.silver::BIGINT AS silver, s.bronze::BIGINT AS bronze,
       s.excellence::BIGINT AS excellence, s.entrants::BIGINT AS entrants,
       (s.gold + s.silver + s.bronze)::BIGINT AS medals,
       s.score::BIGINT AS score,
       -- Equal scores are split by gold; equal in both, provinces share a rank and the next is skipped.
       rank() OVER (ORDER BY s.score DESC, s.gold DESC)::INTEGER AS rank
FROM scored s
JOIN region r USING (region_code)
CROSS JOIN chosen
ORDER BY rank, s.region_code
