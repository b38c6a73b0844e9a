-- Pre-aggregated tables the dashboard reads, rebuilt inside every new snapshot (ingest/rollups.ts).
-- A fact row's region may be a province (not allocated below it), a prefecture or a county; region_ancestry
-- maps each to its province and prefecture so that every row is counted once at each level.

CREATE OR REPLACE TABLE region_ancestry AS
SELECT region_code, province_code,
       CASE level WHEN 'prefecture' THEN region_code WHEN 'county' THEN parent_code END AS prefecture_code
FROM region;

CREATE OR REPLACE TABLE rollup_training_province_month AS
SELECT t.month, a.province_code, t.program_code, t.field_code,
       sum(t.person_times)::BIGINT AS person_times, sum(t.participants)::BIGINT AS participants,
       sum(t.certificates)::BIGINT AS certificates, sum(t.funding_cny) AS funding_cny
FROM training t JOIN region_ancestry a USING (region_code)
GROUP BY ALL;

CREATE OR REPLACE TABLE rollup_training_prefecture_year AS
SELECT year(t.month)::SMALLINT AS year, a.province_code, a.prefecture_code, t.program_code, t.field_code,
       sum(t.person_times)::BIGINT AS person_times, sum(t.participants)::BIGINT AS participants,
       sum(t.certificates)::BIGINT AS certificates, sum(t.funding_cny) AS funding_cny
FROM training t JOIN region_ancestry a USING (region_code)
WHERE a.prefecture_code IS NOT NULL
GROUP BY ALL;

CREATE OR REPLACE TABLE rollup_labor_province_quarter AS
SELECT l.quarter, a.province_code, l.occupation_code,
       sum(l.vacancies)::BIGINT AS vacancies, sum(l.job_seekers)::BIGINT AS job_seekers
FROM labor_market l JOIN region_ancestry a USING (region_code)
GROUP BY ALL;

CREATE OR REPLACE TABLE rollup_labor_prefecture_quarter AS
SELECT l.quarter, a.province_code, a.prefecture_code, o.group_code,
       sum(l.vacancies)::BIGINT AS vacancies, sum(l.job_seekers)::BIGINT AS job_seekers
FROM labor_market l JOIN region_ancestry a USING (region_code) JOIN occupation o USING (occupation_code)
WHERE a.prefecture_code IS NOT NULL
GROUP BY ALL;
