-- Inputs of the talent-stock fact (year × province × indicator).
--   level_2025  national value in 2025: the year's flow for 'sum' indicators, the year-end level for 'last'
--   growth      yearly growth (values before and after 2025 follow it)
--   lean        where it concentrates: 'east' (talent, platforms), 'west' (grassroots and poverty), 'even'
--   first/last  years it exists; every_n: held every n years from `first` (awards)
--   dip_2020    factor on the 2020 flow
CREATE TABLE ts_config AS
SELECT * FROM (VALUES
  ('public_training_bases',        42.0, 0.03, 'even', 2015, 2100, 1, 1.0),
  ('high_skill_bases',             60.0, 0.03, 'east', 2015, 2100, 1, 1.0),
  ('master_studios',              150.0, 0.02, 'east', 2015, 2100, 1, 1.0),
  ('technical_college_enrolment', 4600000.0, 0.02, 'even', 1949, 2100, 1, 1.0),
  ('postdoc_recruits',          34000.0, 0.05, 'east', 1985, 2100, 1, 1.0),
  ('postdoc_stations',           6000.0, 0.04, 'even', 1985, 2100, 1, 1.0),
  ('special_allowance_experts',  4500.0, 0.00, 'east', 1990, 2100, 2, 1.0),
  ('returnee_parks',              390.0, 0.02, 'east', 1994, 2100, 1, 1.0),
  ('returnee_startup_support',    500.0, 0.03, 'east', 2000, 2100, 1, 1.0),
  ('continuing_education_bases',  210.0, 0.03, 'east', 2012, 2100, 1, 1.0),
  ('professional_titles',     2000000.0, 0.03, 'even', 1949, 2100, 1, 0.9),
  ('three_supports',            38000.0, 0.03, 'west', 2006, 2100, 1, 1.0),
  ('expert_service_bases',        180.0, 0.04, 'west', 2009, 2100, 1, 1.0),
  ('expert_service_groups',       120.0, 0.02, 'west', 2009, 2100, 1, 0.7),
  ('hr_service_agencies',       72000.0, 0.06, 'east', 1995, 2100, 1, 1.0),
  ('job_fairs',                320000.0, 0.03, 'even', 1995, 2100, 1, 0.6),
  ('skills_poverty_schools',   120000.0, 0.00, 'west', 2016, 2020, 1, 1.0),
  ('service_stations',           9000.0, 0.08, 'even', 2010, 2100, 1, 1.0),
  ('online_services',            5000.0, 0.10, 'even', 2015, 2100, 1, 1.0),
  ('skill_awards',                330.0, 0.00, 'east', 1995, 2100, 2, 1.0),
  ('outstanding_professionals',   100.0, 0.00, 'east', 2000, 2100, 4, 1.0)
) t(indicator_code, level_2025, growth, lean, first_year, last_year, every_n, dip_2020);

-- Exact national values where the real series is irregular (new occupations published by the ministry).
CREATE TABLE ts_series AS
SELECT * FROM (VALUES
  ('new_occupations', 2019, 13.0), ('new_occupations', 2020, 25.0), ('new_occupations', 2021, 18.0),
  ('new_occupations', 2022, 158.0), ('new_occupations', 2024, 19.0), ('new_occupations', 2025, 17.0)
) t(indicator_code, year, national);

-- Every talent_stock indicator of the reference with its national value per year. An indicator the
-- configuration does not know grows 3 % a year from 1,000 (flow) or 10,000 (level). 2026 is the year
-- in progress: flows are ten months' worth, levels as of October.
CREATE TABLE ts_national AS
SELECT p.program_code AS indicator_code, p.aggregation, coalesce(c.lean, 'even') AS lean, y.year,
       CASE
         WHEN p.program_code IN (SELECT indicator_code FROM ts_series)
           THEN coalesce((SELECT s.national FROM ts_series s WHERE s.indicator_code = p.program_code AND s.year = y.year), 0)
         WHEN y.year < coalesce(c.first_year, 1949) OR y.year > coalesce(c.last_year, 2100) THEN NULL
         WHEN (y.year - coalesce(c.first_year, 1949)) % coalesce(c.every_n, 1) <> 0 THEN 0
         ELSE coalesce(c.level_2025, CASE p.aggregation WHEN 'last' THEN 10000.0 ELSE 1000.0 END)
              * (1 + coalesce(c.growth, 0.03)) ^ (least(y.year, 2025) - 2025 + CASE WHEN y.year = 2026 THEN 10 / 12 ELSE 0 END)
              * CASE WHEN y.year = 2020 THEN coalesce(c.dip_2020, 1.0) ELSE 1.0 END
              * CASE WHEN y.year = 2026 AND p.aggregation = 'sum' THEN 10 / 12 ELSE 1.0 END
       END AS national
FROM ref_program p CROSS JOIN cal_year y
LEFT JOIN ts_config c ON c.indicator_code = p.program_code
WHERE p.fact_table = 'talent_stock';

-- Province weights by lean; levels use a fixed share drifting smoothly, flows get a yearly draw.
CREATE TABLE ts_share AS
WITH w AS (
  SELECT n.indicator_code, n.aggregation, n.year, n.national, p.region_code,
         p.working_age * CASE n.lean
           WHEN 'east' THEN CASE p.macro_region WHEN 'east' THEN 1.8 WHEN 'central' THEN 0.9 WHEN 'northeast' THEN 0.9 ELSE 0.6 END
           WHEN 'west' THEN CASE p.macro_region WHEN 'east' THEN 0.5 WHEN 'central' THEN 1.1 WHEN 'northeast' THEN 0.9 ELSE 1.6 END
           ELSE 1.0 END
         * lerp(0.7, 1.3, u2('ts_place', p.region_code, n.indicator_code))
         * CASE WHEN n.aggregation = 'last'
             THEN exp(CASE p.macro_region WHEN 'east' THEN 0.01 WHEN 'west' THEN 0.005 WHEN 'northeast' THEN -0.01 ELSE 0 END * (n.year - 2025))
             ELSE lerp(0.7, 1.3, u3('ts_year', n.year, p.region_code, n.indicator_code)) END AS weight
  FROM ts_national n CROSS JOIN province p
  WHERE n.national IS NOT NULL
)
SELECT indicator_code, aggregation, year, national, region_code,
       national * weight / sum(weight) OVER (PARTITION BY indicator_code, year) AS quota
FROM w;
