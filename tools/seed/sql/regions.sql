-- Regions the facts are spread over, with weights; independent of the plan. Training rows are written
-- at prefecture or county grain (unit_level), labour-market rows at prefecture grain, competitions and
-- talent stock at province grain. Only mainland units are used.

-- Prefecture-level units; one without census population gets a fifth of its province's median.
CREATE TABLE pref AS
WITH p AS (
  SELECT r.region_code, r.province_code, coalesce(r.macro_region, pr.macro_region) AS macro_region,
         r.poverty_group, r.working_age_2020::DOUBLE AS working_age
  FROM ref_region r LEFT JOIN ref_region pr ON pr.region_code = r.province_code
  WHERE r.level = 'prefecture' AND coalesce(r.in_mainland, pr.in_mainland, true)
), med AS (SELECT province_code, median(working_age) AS m FROM p GROUP BY province_code)
SELECT region_code, province_code, macro_region, poverty_group,
       coalesce(working_age, 0.2 * med.m, 50000.0) AS working_age,
       coalesce(working_age, 0.2 * med.m, 50000.0) * macro_factor(macro_region) * lerp(0.75, 1.25, u1('pref', region_code)) AS weight,
       -- yearly drift of the region's share: the west catching up, the northeast losing people
       CASE macro_region WHEN 'east' THEN 0.005 WHEN 'central' THEN 0.01 WHEN 'west' THEN 0.015 WHEN 'northeast' THEN -0.01 ELSE 0 END
         + lerp(-0.01, 0.01, u1('drift', region_code)) AS drift
FROM p LEFT JOIN med USING (province_code);

CREATE TABLE province AS
SELECT r.region_code, r.macro_region, sum(p.working_age) AS working_age
FROM ref_region r JOIN pref p ON p.province_code = r.region_code
WHERE r.level = 'province'
GROUP BY r.region_code, r.macro_region;

-- Counties share their prefecture's volume: by census working-age population where the reference has
-- it, else by a fixed draw around an equal split.
CREATE TABLE county AS
WITH c AS (
  SELECT c.region_code, c.parent_code, c.poverty_group, c.working_age_2020::DOUBLE AS working_age,
         count(*) OVER (PARTITION BY c.parent_code) AS siblings
  FROM ref_region c JOIN pref p ON p.region_code = c.parent_code
  WHERE c.level = 'county'
)
SELECT c.region_code, c.parent_code, c.poverty_group,
       coalesce(c.working_age, p.working_age / c.siblings * lerp(0.4, 1.6, u1('county', c.region_code))) AS weight
FROM c JOIN pref p ON p.region_code = c.parent_code;

-- The 52 uncapped poverty counties report on their own at either grain. At prefecture grain each is a unit
-- of its own holding its share of the prefecture's volume (its census share of the working-age population,
-- drawn between 0.6 and 1.4 times that; together at most 90 % of it, as in Nujiang where three of four
-- counties are listed), and the prefecture keeps the rest: the prefecture's total is shared out, never
-- counted twice.
CREATE TABLE county52 AS
WITH drawn AS (
  SELECT c.region_code, c.parent_code, c.poverty_group,
         c.weight / p.working_age * lerp(0.6, 1.4, u1('county52', c.region_code)) AS within
  FROM county c JOIN pref p ON p.region_code = c.parent_code
  WHERE c.region_code IN (SELECT region_code FROM ref_region WHERE coalesce(poverty_county_52, false))
)
SELECT region_code, parent_code, poverty_group,
       within * least(1.0, 0.9 / sum(within) OVER (PARTITION BY parent_code)) AS within
FROM drawn;

-- Units of both grains; `within` is the unit's share of its prefecture. At county grain a prefecture
-- without counties (Dongguan, Zhongshan, Hainan's county-level cities, …) stands for itself.
CREATE TABLE unit AS
SELECT 'prefecture' AS unit_level, region_code AS unit_code, region_code AS pref_code, poverty_group,
       1.0 - coalesce((SELECT sum(k.within) FROM county52 k WHERE k.parent_code = pref.region_code), 0) AS within
FROM pref
UNION ALL
SELECT 'prefecture', k.region_code, k.parent_code, coalesce(k.poverty_group, pref.poverty_group), k.within
FROM county52 k JOIN pref ON pref.region_code = k.parent_code
UNION ALL
SELECT 'county', county.region_code, parent_code, coalesce(county.poverty_group, pref.poverty_group),
       county.weight / sum(county.weight) OVER (PARTITION BY parent_code)
FROM county JOIN pref ON pref.region_code = county.parent_code
UNION ALL
SELECT 'county', region_code, region_code, poverty_group, 1.0
FROM pref WHERE region_code NOT IN (SELECT parent_code FROM county);

-- Each unit's share of the national volume before any yearly drift, in two pools: every unit, and the
-- designated poverty areas (三区三州) only. Decides which cells are dense enough to appear every month.
CREATE TABLE unit_pool AS
WITH w AS (
  SELECT u.*, p.macro_region, p.weight * u.within AS weight, p.drift
  FROM unit u JOIN pref p ON p.region_code = u.pref_code
)
SELECT unit_level, unit_code, pref_code, macro_region, drift, 'all' AS pool, weight,
       weight / sum(weight) OVER (PARTITION BY unit_level) AS share
FROM w
UNION ALL
SELECT unit_level, unit_code, pref_code, macro_region, drift, 'poverty', weight,
       weight / sum(weight) OVER (PARTITION BY unit_level)
FROM w WHERE poverty_group IS NOT NULL;
