-- The competition fact. WorldSkills: one province per trade (China sends one competitor or team),
-- medals as China won them. National competitions: most provinces enter each trade with 1–10 people;
-- per trade one gold, one silver, one or two bronze and two to six medallions for excellence, won by
-- provinces in an order drawn with their strength (an exponential race).
WITH world_pick AS (
  SELECT t.competition_code, t.year, t.trade, t.team_size, p.region_code
  FROM comp_trade t, comp_province p
  WHERE t.level = 'international' OR t.competition_code = 'worldskills'
  QUALIFY row_number() OVER (PARTITION BY t.competition_code, t.year, t.trade
                             ORDER BY -ln(1 - u4('who', t.competition_code, t.year, t.trade, p.region_code)) / (p.strength * p.strength), p.region_code) = 1
),
world AS (
  SELECT *, row_number() OVER (PARTITION BY competition_code, year ORDER BY u3('medal', competition_code, year, trade), trade) AS place
  FROM world_pick
),
world_rows AS (
  SELECT w.competition_code, w.year, w.region_code, w.trade, w.team_size AS entrants,
         (w.place <= r.gold)::INTEGER AS gold,
         (w.place > r.gold AND w.place <= r.gold + r.silver)::INTEGER AS silver,
         (w.place > r.gold + r.silver AND w.place <= r.gold + r.silver + r.bronze)::INTEGER AS bronze,
         (w.place > r.gold + r.silver + r.bronze AND w.place <= r.gold + r.silver + r.bronze + r.excellence)::INTEGER AS excellence
  FROM world w JOIN worldskills_result r USING (year)
),
entry AS (
  SELECT t.competition_code, t.year, t.trade, p.region_code,
         1 + floor(u4('entrants', t.competition_code, t.year, t.trade, p.region_code)
                   * CASE t.competition_code WHEN 'national_skills' THEN 4 WHEN 'national_vocational' THEN 10 ELSE 6 END)::INTEGER AS entrants,
         row_number() OVER (PARTITION BY t.competition_code, t.year, t.trade
                            ORDER BY -ln(1 - u4('race', t.competition_code, t.year, t.trade, p.region_code)) / p.strength, p.region_code) AS place,
         1 + (u3('bronzes', t.competition_code, t.year, t.trade) < 0.5)::INTEGER AS bronzes,
         2 + floor(u3('excellence', t.competition_code, t.year, t.trade) * 5)::INTEGER AS excellences
  FROM comp_trade t, comp_province p
  WHERE NOT (t.level = 'international' OR t.competition_code = 'worldskills')
    AND u4('enters', t.competition_code, t.year, t.trade, p.region_code) < 0.55 + 0.45 * p.strength / (SELECT max(strength) FROM comp_province)
),
national_rows AS (
  SELECT competition_code, year, region_code, trade, entrants,
         (place = 1)::INTEGER AS gold, (place = 2)::INTEGER AS silver,
         (place > 2 AND place <= 2 + bronzes)::INTEGER AS bronze,
         (place > 2 + bronzes AND place <= 2 + bronzes + excellences)::INTEGER AS excellence
  FROM entry
)
SELECT competition_code, year::SMALLINT AS year, region_code, trade, entrants::BIGINT AS entrants,
       gold::BIGINT AS gold, silver::BIGINT AS silver, bronze::BIGINT AS bronze, excellence::BIGINT AS excellence,
       'synthetic' AS source
FROM (SELECT * FROM world_rows UNION ALL SELECT * FROM national_rows)
ORDER BY competition_code, year, region_code, trade
