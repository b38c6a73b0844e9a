-- Pre-aggregated tables the dashboard reads, rebuilt inside every new snapshot (ingest/rollups.ts).
-- A fact row's region may be a province (not allocated below it), a prefecture or a county; region_ancestry
-- maps each to its province and prefecture so that every row is counted once at each level.
--
-- Dashboard queries must answer in ~20 ms whatever the size of the facts, so each rollup is at a grain some
-- query reads directly and small enough to scan whole. Only three statements read the training facts
-- (province × month, prefecture × month, zone × month); the national, yearly and programme rollups are summed
-- from the province × month one. Row counts below are at sample scale 14 (10.4 M training and 1.8 M
-- labour-market rows), where all the rollups together hold 0.9 M rows (~13 MB of the 147 MB snapshot) and
-- this file runs in 1.2–2.4 s.

CREATE OR REPLACE TABLE region_ancestry AS
SELECT region_code, province_code,
       CASE level WHEN 'prefecture' THEN region_code WHEN 'county' THEN parent_code END AS prefecture_code
FROM region;

-- Training ----------------------------------------------------------------------------------------------------

-- month × province × programme × field (281 k rows): a province's months, and the source of the national,
-- yearly and programme rollups.
CREATE OR REPLACE TABLE rollup_training_province_month AS
SELECT t.month, a.province_code, t.program_code, t.field_code,
       sum(t.person_times)::BIGINT AS person_times, sum(t.participants)::BIGINT AS participants,
       sum(t.certificates)::BIGINT AS certificates, sum(t.funding_cny) AS funding_cny
FROM training t JOIN region_ancestry a USING (region_code)
GROUP BY ALL
-- Clustered by programme and province: a province's series (training-trend) then reads one row group of three.
ORDER BY t.program_code, a.province_code, t.month, t.field_code;

-- month × programme × field (13 k rows): the national series and the reporting calendar (which months the
-- nation reported a programme), without scanning every province.
CREATE OR REPLACE TABLE rollup_training_national_month AS
SELECT month, program_code, field_code,
       sum(person_times)::BIGINT AS person_times, sum(participants)::BIGINT AS participants,
       sum(certificates)::BIGINT AS certificates, sum(funding_cny) AS funding_cny
FROM rollup_training_province_month
GROUP BY ALL;

-- year × province × programme × field (27 k rows): yearly figures by province (rankings, profiles, targets).
CREATE OR REPLACE TABLE rollup_training_province_year AS
SELECT year(month)::SMALLINT AS year, province_code, program_code, field_code,
       sum(person_times)::BIGINT AS person_times, sum(participants)::BIGINT AS participants,
       sum(certificates)::BIGINT AS certificates, sum(funding_cny) AS funding_cny
FROM rollup_training_province_month
GROUP BY ALL;

-- month × prefecture × programme × field: a prefecture's months, for like-for-like comparisons of a year in
-- progress (the same months of the previous year). Rows reported at province level only are not in it.
CREATE OR REPLACE TABLE rollup_training_prefecture_month AS
SELECT t.month, a.province_code, a.prefecture_code, t.program_code, t.field_code,
       sum(t.person_times)::BIGINT AS person_times, sum(t.participants)::BIGINT AS participants,
       sum(t.certificates)::BIGINT AS certificates, sum(t.funding_cny) AS funding_cny
FROM training t JOIN region_ancestry a USING (region_code)
WHERE a.prefecture_code IS NOT NULL
GROUP BY ALL
-- Clustered like the province months: one province's prefectures in one programme read a few row groups.
ORDER BY t.program_code, a.province_code, t.month, a.prefecture_code, t.field_code;

-- year × prefecture × programme × field (262 k rows), from the prefecture months.
CREATE OR REPLACE TABLE rollup_training_prefecture_year AS
SELECT year(month)::SMALLINT AS year, province_code, prefecture_code, program_code, field_code,
       sum(person_times)::BIGINT AS person_times, sum(participants)::BIGINT AS participants,
       sum(certificates)::BIGINT AS certificates, sum(funding_cny) AS funding_cny
FROM rollup_training_prefecture_month
GROUP BY ALL;

-- month × county × programme (fields summed): a county's months, for the counties that report on their own (the
-- 52 poverty counties in the default sample, 38 k rows; every county in the county-grain layouts). Rows recorded
-- at a prefecture or a province are not in it.
CREATE OR REPLACE TABLE rollup_training_county_month AS
SELECT t.month, a.province_code, a.prefecture_code, t.region_code AS county_code, t.program_code,
       sum(t.person_times)::BIGINT AS person_times, sum(t.participants)::BIGINT AS participants,
       sum(t.certificates)::BIGINT AS certificates, sum(t.funding_cny) AS funding_cny
FROM training t JOIN region_ancestry a USING (region_code) JOIN region r USING (region_code)
WHERE r.level = 'county'
GROUP BY ALL
ORDER BY t.program_code, a.province_code, t.month, t.region_code;

-- zone × month × province × programme × field (80 k rows): a strategic zone's series, and a province's part
-- of it. Zone members are provinces and prefectures; a row is in a zone when its province or its prefecture
-- is a member, and counts once per zone even when both are (Beijing and its one prefecture are both in jjj):
-- hence DISTINCT before the join.
CREATE OR REPLACE TABLE rollup_training_zone_month AS
WITH in_zone AS (
  SELECT DISTINCT m.zone_code, a.region_code, a.province_code
  FROM region_ancestry a JOIN region_zone m ON m.region_code IN (a.province_code, a.prefecture_code)
)
SELECT z.zone_code, t.month, z.province_code, t.program_code, t.field_code,
       sum(t.person_times)::BIGINT AS person_times, sum(t.participants)::BIGINT AS participants,
       sum(t.certificates)::BIGINT AS certificates, sum(t.funding_cny) AS funding_cny
FROM training t JOIN in_zone z USING (region_code)
GROUP BY ALL;

-- Labour market -----------------------------------------------------------------------------------------------

-- quarter × province × occupation (96 k rows).
CREATE OR REPLACE TABLE rollup_labor_province_quarter AS
SELECT l.quarter, a.province_code, l.occupation_code,
       sum(l.vacancies)::BIGINT AS vacancies, sum(l.job_seekers)::BIGINT AS job_seekers
FROM labor_market l JOIN region_ancestry a USING (region_code)
GROUP BY ALL;

-- quarter × prefecture × occupation group (73 k rows). Rows reported at province level only are not in it.
CREATE OR REPLACE TABLE rollup_labor_prefecture_quarter AS
SELECT l.quarter, a.province_code, a.prefecture_code, o.group_code,
       sum(l.vacancies)::BIGINT AS vacancies, sum(l.job_seekers)::BIGINT AS job_seekers
FROM labor_market l JOIN region_ancestry a USING (region_code) JOIN occupation o USING (occupation_code)
WHERE a.prefecture_code IS NOT NULL
GROUP BY ALL;

-- zone × quarter × unit × occupation (42 k rows). A row is in a zone when it, its prefecture or its province
-- is a member, and then belongs to exactly one unit of the zone: its broadest member (a prefecture listed
-- beside its own province is part of the province's unit, never a second one). Summing a zone's units counts
-- each row once; the units are what shortage-occupations ranks across.
CREATE OR REPLACE TABLE rollup_labor_zone_quarter AS
WITH in_zone AS (
  SELECT m.zone_code, a.region_code, a.province_code,
         CASE WHEN bool_or(m.region_code = a.province_code) THEN a.province_code
              WHEN bool_or(m.region_code = a.prefecture_code) THEN a.prefecture_code
              ELSE a.region_code END AS unit_code
  FROM region_ancestry a JOIN region_zone m ON m.region_code IN (a.region_code, a.prefecture_code, a.province_code)
  GROUP BY m.zone_code, a.region_code, a.province_code, a.prefecture_code
)
SELECT z.zone_code, l.quarter, z.province_code, z.unit_code, l.occupation_code,
       sum(l.vacancies)::BIGINT AS vacancies, sum(l.job_seekers)::BIGINT AS job_seekers
FROM labor_market l JOIN in_zone z USING (region_code)
GROUP BY ALL;

-- quarter × prefecture × catalogue occupation, for the provinces of a strategic zone only (catalogue-in-province
-- narrowed to one prefecture): a province is in a zone when it, one of its prefectures or one of its counties is
-- a member, and its prefectures keep the occupations of the catalogues of its zones. Every prefecture of such a
-- province is here, a member or not. Rows reported at province level only are not in it. Nine provinces and
-- 41 occupations: 64 k rows in the default sample (0.95 M labour-market rows), read one province at a time.
CREATE OR REPLACE TABLE rollup_labor_prefecture_catalogue_quarter AS
WITH wanted AS (
  SELECT DISTINCT a.province_code, c.occupation_code
  FROM region_zone m JOIN region_ancestry a USING (region_code) JOIN zone_occupation c USING (zone_code)
)
SELECT l.quarter, a.province_code, a.prefecture_code, l.occupation_code,
       sum(l.vacancies)::BIGINT AS vacancies, sum(l.job_seekers)::BIGINT AS job_seekers
FROM labor_market l
JOIN region_ancestry a USING (region_code)
JOIN wanted w ON w.province_code = a.province_code AND w.occupation_code = l.occupation_code
WHERE a.prefecture_code IS NOT NULL
GROUP BY ALL
-- Clustered by province: one province's prefectures read a row group or two.
ORDER BY a.province_code, l.quarter, a.prefecture_code, l.occupation_code;

-- Competitions and talent stock (small facts: these spare the rollups below, and readers, the ancestry join) --

-- year × province × competition (1 k rows; trades summed).
CREATE OR REPLACE TABLE rollup_competition_province_year AS
SELECT c.year, a.province_code, c.competition_code,
       sum(c.entrants)::BIGINT AS entrants, sum(c.gold)::BIGINT AS gold, sum(c.silver)::BIGINT AS silver,
       sum(c.bronze)::BIGINT AS bronze, sum(c.excellence)::BIGINT AS excellence
FROM competition c JOIN region_ancestry a USING (region_code)
GROUP BY ALL;

-- year × province × indicator (8 k rows; as many as the facts in the sample, which reports by province).
CREATE OR REPLACE TABLE rollup_talent_stock_province_year AS
SELECT t.year, a.province_code, t.indicator_code, sum(t.value) AS value
FROM talent_stock t JOIN region_ancestry a USING (region_code)
GROUP BY ALL;

-- Programmes, for target tracking -----------------------------------------------------------------------------

-- programme × month × scope (45 k rows): each training programme's volume in its own metric column
-- (program.metric), for the nation (region_code '000000', as targets are keyed) and for every province. The
-- months are the reporting calendar, those the nation reported the programme; a province has a row for each of
-- them, with a NULL volume where it reported nothing, so that one slice is a scope's whole series.
CREATE OR REPLACE TABLE rollup_program_month AS
WITH volumes AS (
  SELECT r.program_code, r.month, r.province_code AS region_code,
         sum(CASE p.metric WHEN 'person_times' THEN r.person_times WHEN 'participants' THEN r.participants
                           WHEN 'certificates' THEN r.certificates END) AS volume
  FROM rollup_training_province_month r JOIN program p USING (program_code)
  GROUP BY ALL
),
calendar AS (
  SELECT program_code, month, sum(volume) AS volume FROM volumes GROUP BY ALL
)
SELECT program_code, month, '000000' AS region_code, volume::BIGINT AS volume FROM calendar
UNION ALL
SELECT c.program_code, c.month, r.region_code, v.volume::BIGINT
FROM calendar c
CROSS JOIN (SELECT region_code FROM region WHERE level = 'province') r
LEFT JOIN volumes v ON v.program_code = c.program_code AND v.month = c.month AND v.region_code = r.region_code;

-- programme × year × scope (13 k rows): the yearly volume of every programme, training (those whose fact_table
-- is training, from the monthly rollup above) and talent stock (its value), with the months the nation reported
-- that year; a talent-stock year counts as twelve. As above, a province has a row for every year the nation
-- reported, NULL where it reported nothing.
CREATE OR REPLACE TABLE rollup_program_year AS
WITH stock_years AS (
  SELECT indicator_code, year FROM rollup_talent_stock_province_year GROUP BY ALL
)
SELECT m.program_code, year(m.month)::INTEGER AS year, m.region_code, sum(m.volume)::DOUBLE AS volume,
       count(*)::INTEGER AS months_reported, max(month(m.month))::INTEGER AS last_month
FROM rollup_program_month m JOIN program p USING (program_code)
WHERE p.fact_table = 'training'
GROUP BY ALL
UNION ALL
SELECT indicator_code, year::INTEGER, '000000', sum(value), 12, 12
FROM rollup_talent_stock_province_year
GROUP BY ALL
UNION ALL
SELECT y.indicator_code, y.year::INTEGER, r.region_code, sum(t.value), 12, 12
FROM stock_years y
CROSS JOIN (SELECT region_code FROM region WHERE level = 'province') r
LEFT JOIN rollup_talent_stock_province_year t ON t.indicator_code = y.indicator_code AND t.year = y.year AND t.province_code = r.region_code
GROUP BY ALL;

-- Province indicators -----------------------------------------------------------------------------------------

-- year × mainland province × indicator (19 k rows): the six indicators of region-profile and region-comparison
-- (queries/shared/province-indicators.sql), each as a numerator over a denominator (a count has none) with the
-- data period it was read at. Those queries then only rank and compare: built from six sources with their own
-- periods, the indicators took ~60 plan operators, too many for 20 ms on a busy machine. Every year a caller
-- may ask for is here, 2000–2100 (the year parameter's range, queries/lib/params.ts; rollups.test.ts checks
-- both agree), so that a year without data reads as it would from the facts: zero counts, unknown ratios. The
-- NULL year is the profile when there is no training at all (the queries default to the latest training year).
CREATE OR REPLACE TABLE rollup_province_indicator_year AS
WITH years AS (
  SELECT range::INTEGER AS year FROM range(2000, 2101)
  UNION ALL SELECT NULL
),
-- The 31 mainland provinces: the population every indicator is taken over.
provinces AS (
  SELECT region_code, working_age_2020 AS working_age, population_2020 AS population
  FROM region WHERE level = 'province' AND in_mainland
),
-- Training in the year by each programme's own metric column, one row per province and year.
training AS (
  SELECT year, region_code,
         sum(volume) FILTER (WHERE program_code = 'vocational_training') AS vocational_training,
         sum(volume) FILTER (WHERE program_code = 'knowledge_renewal') AS knowledge_renewal,
         sum(volume) FILTER (WHERE program_code = 'skill_certificate') AS skill_certificate
  FROM (SELECT r.year::INTEGER AS year, r.province_code AS region_code, r.program_code,
               CASE p.metric WHEN 'person_times' THEN r.person_times WHEN 'participants' THEN r.participants
                             WHEN 'certificates' THEN r.certificates END AS volume
        FROM rollup_training_province_year r JOIN program p USING (program_code)
        WHERE r.program_code IN ('vocational_training', 'knowledge_renewal', 'skill_certificate'))
  GROUP BY ALL
),
-- The labour market in the latest quarter of the year that has data, the same quarter for every province.
labor_quarter AS (
  SELECT year(quarter)::INTEGER AS year, max(quarter) AS quarter FROM rollup_labor_province_quarter GROUP BY ALL
),
labor AS (
  SELECT q.year, l.province_code AS region_code, sum(l.vacancies) AS vacancies, sum(l.job_seekers) AS job_seekers
  FROM rollup_labor_province_quarter l JOIN labor_quarter q USING (quarter)
  GROUP BY ALL
),
medals AS (
  SELECT year::INTEGER AS year, province_code AS region_code, sum(gold + silver + bronze) AS medals
  FROM rollup_competition_province_year
  GROUP BY ALL
),
-- Stations and bases are stocks: each indicator's latest year up to the chosen one, the same for every province.
platform_years AS (
  SELECT y.year, ts.indicator_code, max(ts.year) AS latest
  FROM years y JOIN rollup_talent_stock_province_year ts ON ts.year <= y.year
  WHERE ts.indicator_code IN ('postdoc_stations', 'expert_service_bases')
  GROUP BY ALL
),
platforms AS (
  SELECT y.year, ts.province_code AS region_code, sum(ts.value) AS platforms
  FROM platform_years y JOIN rollup_talent_stock_province_year ts ON ts.indicator_code = y.indicator_code AND ts.year = y.latest
  GROUP BY ALL
),
-- A year the nation has reported training for only in part is labelled by its months ('2026-01/2026-10'):
-- every province's training indicators cover the same months.
training_months AS (
  SELECT year(month)::INTEGER AS year, max(month) AS last_month FROM rollup_training_national_month GROUP BY ALL
),
periods AS (
  SELECT y.year, strftime(q.quarter, '%Y') || 'Q' || quarter(q.quarter) AS labor_period,
         CASE WHEN month(tm.last_month) < 12 THEN y.year || '-01/' || strftime(tm.last_month, '%Y-%m') ELSE y.year::VARCHAR END AS training_period,
         p.first::VARCHAR || CASE WHEN p.first <> p.last THEN '–' || p.last ELSE '' END AS platform_period
  FROM years y
  LEFT JOIN labor_quarter q USING (year)
  LEFT JOIN training_months tm USING (year)
  LEFT JOIN (SELECT year, min(latest) AS first, max(latest) AS last FROM platform_years GROUP BY year) p USING (year)
)
-- Provinces with no rows have 0 (a ratio whose denominator is 0 stays unknown).
SELECT d.year, p.region_code,
       unnest([
         {'seq': 1, 'indicator': 'training_per_10k', 'numerator': coalesce(t.vocational_training, 0) * 10000.0::DOUBLE, 'denominator': p.working_age::DOUBLE, 'period': d.training_period},
         {'seq': 2, 'indicator': 'knowledge_renewal_per_10k', 'numerator': coalesce(t.knowledge_renewal, 0) * 10000.0::DOUBLE, 'denominator': p.working_age::DOUBLE, 'period': d.training_period},
         {'seq': 3, 'indicator': 'certificates_per_10k', 'numerator': coalesce(t.skill_certificate, 0) * 10000.0::DOUBLE, 'denominator': p.working_age::DOUBLE, 'period': d.training_period},
         {'seq': 4, 'indicator': 'vacancy_seeker_ratio', 'numerator': coalesce(l.vacancies, 0)::DOUBLE, 'denominator': coalesce(l.job_seekers, 0)::DOUBLE, 'period': d.labor_period},
         {'seq': 5, 'indicator': 'competition_medals', 'numerator': coalesce(m.medals, 0)::DOUBLE, 'denominator': NULL::DOUBLE, 'period': d.year::VARCHAR},
         {'seq': 6, 'indicator': 'platforms_per_million', 'numerator': coalesce(f.platforms, 0) * 1000000.0::DOUBLE, 'denominator': p.population::DOUBLE, 'period': d.platform_period}
       ], recursive := true)
FROM periods d
CROSS JOIN provinces p
LEFT JOIN training t ON t.year = d.year AND t.region_code = p.region_code
LEFT JOIN labor l ON l.year = d.year AND l.region_code = p.region_code
LEFT JOIN medals m ON m.year = d.year AND m.region_code = p.region_code
LEFT JOIN platforms f ON f.year = d.year AND f.region_code = p.region_code;
