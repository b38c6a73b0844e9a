-- Inputs of the labour-market fact (quarter × prefecture × occupation).

-- Occupations (not the major groups) with a popularity weight and a kind that sets how tight they are.
CREATE TABLE lm_occupation AS
WITH o AS (
  SELECT occupation_code, group_code, lower(coalesce(name_en, '')) AS name
  FROM ref_occupation WHERE level = 'occupation'
), k AS (
  SELECT o.*,
    CASE
      WHEN group_code = '3' THEN 'clerical'
      WHEN occupation_code LIKE '2-02-10-%' OR occupation_code LIKE '2-02-38-%' OR occupation_code LIKE '4-04-0%'
        OR regexp_matches(name, 'digital|data|artificial intelligence|software|cloud|internet|blockchain|robot|information security|programmer|integrated circuit')
        THEN 'digital'
      WHEN group_code = '6' THEN 'production'
      ELSE 'other'
    END AS kind,
    CASE group_code WHEN '2' THEN 0.8 WHEN '3' THEN 1.0 WHEN '4' THEN 1.2 WHEN '5' THEN 0.4 WHEN '6' THEN 1.1 ELSE 0.5 END
      * lerp(0.4, 1.6, u1('popularity', occupation_code)) AS popularity
  FROM o
)
SELECT occupation_code, kind, popularity / sum(popularity) OVER () AS share FROM k;

-- (prefecture, occupation) pairs in an urgently-needed catalogue of a zone the prefecture (or its province) belongs to.
CREATE TABLE lm_catalogue AS
SELECT DISTINCT p.region_code, zo.occupation_code
FROM pref p
JOIN ref_region_zone rz ON rz.region_code = p.region_code OR rz.region_code = p.province_code
JOIN ref_zone_occupation zo ON zo.zone_code = rz.zone_code;

-- The pairs written: each region (prefecture, or county in the county layouts) reports a fixed subset
-- of occupations (all of them at larger scales), with a standing vacancy/seeker ratio: production and
-- digital occupations tight in the east, clerical in surplus, the west and northeast looser, catalogue
-- occupations of the region's zone tighter still.
CREATE TABLE lm_pair AS
WITH pair AS (
  SELECT u.unit_code AS region_code, p.macro_region, o.occupation_code, o.kind, o.share,
         c.occupation_code IS NOT NULL AS catalogue,
         u2('ratio', u.unit_code, o.occupation_code) AS x
  FROM unit u JOIN pref p ON p.region_code = u.pref_code CROSS JOIN lm_occupation o
  LEFT JOIN lm_catalogue c ON c.region_code = u.pref_code AND c.occupation_code = o.occupation_code
  WHERE u.unit_level = getvariable('unit_level')
    AND u2('subset', u.unit_code, o.occupation_code) < getvariable('occupation_share')
)
SELECT region_code, occupation_code, kind,
       -- divided by the subset's share, so national totals do not depend on the scale
       share / getvariable('occupation_share') AS share,
       CASE WHEN catalogue THEN 1.3 ELSE 1.0 END * CASE
         WHEN kind = 'clerical' THEN lerp(0.4, 0.8, x) * CASE WHEN macro_region IN ('west', 'northeast') THEN 0.9 ELSE 1.0 END
         WHEN kind IN ('digital', 'production') THEN CASE macro_region
           WHEN 'east' THEN lerp(1.5, 3.0, x) WHEN 'central' THEN lerp(1.2, 1.9, x)
           WHEN 'west' THEN lerp(0.9, 1.4, x) ELSE lerp(0.8, 1.3, x) END
         ELSE CASE macro_region
           WHEN 'east' THEN lerp(1.0, 1.5, x) WHEN 'central' THEN lerp(0.9, 1.3, x)
           WHEN 'west' THEN lerp(0.75, 1.1, x) ELSE lerp(0.7, 1.05, x) END
       END AS ratio
FROM pair;

-- Seasonal pattern: job seekers up after the Spring Festival (Q1) and at graduation (Q3); shocks of 2020 and 2022.
CREATE TABLE lm_quarter AS
SELECT c.quarter, c.year, c.q,
       9000000 * 1.02 ^ (c.year - 2019) AS national_seekers,
       [1.25, 1.0, 1.05, 0.8][c.q] * coalesce(s.seekers, 1.0) AS seekers_factor,
       [1.1, 1.05, 0.95, 0.85][c.q] * coalesce(s.vacancies, 1.0) AS vacancies_factor
FROM cal_quarter c
LEFT JOIN (VALUES (DATE '2020-01-01', 0.75, 0.55), (DATE '2020-04-01', 0.95, 0.8),
                  (DATE '2022-04-01', 1.0, 0.9), (DATE '2022-10-01', 0.95, 0.9)) s(quarter, seekers, vacancies)
  ON s.quarter = c.quarter;
