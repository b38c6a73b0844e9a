-- Competition results year by year: entrants, medals and how many provinces won any, per competition,
-- nationally or for one region (a province, prefecture or county and everything below it).
WITH rows_in_scope AS (
  SELECT c.competition_code, c.year, a.province_code, c.entrants, c.gold, c.silver, c.bronze
  FROM competition c
  JOIN region_ancestry a USING (region_code)
  WHERE ($competition IS NULL OR c.competition_code = $competition)
    AND ($region IS NULL OR $region IN (a.region_code, a.prefecture_code, a.province_code))
),
by_province AS (
  SELECT competition_code, year, province_code,
         sum(entrants) AS entrants, sum(gold) AS gold, sum(silver) AS silver, sum(bronze) AS bronze
  FROM rows_in_scope
  GROUP BY ALL
)
SELECT b.year::INTEGER AS year, b.competition_code, e.name_zh, e.name_en,
       sum(b.entrants)::BIGINT AS entrants,
       sum(b.gold)::BIGINT AS gold, sum(b.silver)::BIGINT AS silver, sum(b.bronze)::BIGINT AS bronze,
       sum(b.gold + b.silver + b.bronze)::BIGINT AS medals,
       count(*) FILTER (WHERE b.gold + b.silver + b.bronze > 0)::INTEGER AS provinces_with_medals
FROM by_province b
JOIN competition_event e USING (competition_code)
GROUP BY b.year, b.competition_code, e.name_zh, e.name_en
ORDER BY year, b.competition_code
