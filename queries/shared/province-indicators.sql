WITH chosen AS (
  SELECT coalesce($year, (SELECT max(year(month)) FROM rollup_training_province_month))::INTEGER AS year
),
-- The 31 mainland provinces: the population every statistic below is taken over.
provinces AS (
  SELECT region_code, name_zh, name_en, macro_region, working_age_2020 AS working_age, population_2020 AS population
  FROM region WHERE level = 'province' AND in_mainland
),
-- Training in the year by each programme's own metric column.
training AS (
  SELECT r.province_code AS region_code, r.program_code,
         sum(CASE p.metric WHEN 'person_times' THEN r.person_times WHEN 'participants' THEN r.participants
                           WHEN 'certificates' THEN r.certificates END) AS volume
  FROM rollup_training_province_month r JOIN program p USING (program_code), chosen c
  WHERE year(r.month) = c.year AND r.program_code IN ('vocational_training', 'knowledge_renewal', 'skill_certificate')
  GROUP BY ALL
),
-- The labour market in the latest quarter of the year that has data, the same quarter for every province.
labor_quarter AS (
  SELECT max(quarter) AS quarter FROM rollup_labor_province_quarter, chosen c WHERE year(quarter) = c.year
),
labor AS (
  SELECT province_code AS region_code, sum(vacancies) AS vacancies, sum(job_seekers) AS job_seekers
  FROM rollup_labor_province_quarter JOIN labor_quarter USING (quarter)
  GROUP BY ALL
),
medals AS (
  SELECT a.province_code AS region_code, sum(m.gold + m.silver + m.bronze) AS medals
  FROM competition m JOIN region_ancestry a USING (region_code), chosen c
  WHERE m.year = c.year
  GROUP BY ALL
),
-- Stations and bases are stocks: each indicator's latest year up to the chosen one, the same for every province.
platform_years AS (
  SELECT ts.indicator_code, max(ts.year) AS year
  FROM talent_stock ts, chosen c
  WHERE ts.indicator_code IN ('postdoc_stations', 'expert_service_bases') AND ts.year <= c.year
  GROUP BY ALL
),
platforms AS (
  SELECT a.province_code AS region_code, sum(ts.value) AS platforms
  FROM talent_stock ts JOIN platform_years USING (indicator_code, year) JOIN region_ancestry a USING (region_code)
  GROUP BY ALL
),
periods AS (
  SELECT (SELECT strftime(quarter, '%Y') || 'Q' || quarter(quarter) FROM labor_quarter) AS labor_period,
         (SELECT min(year)::VARCHAR || CASE WHEN min(year) <> max(year) THEN '–' || max(year) ELSE '' END FROM platform_years) AS platform_period
),
-- One row per province × indicator as a numerator over a denominator; a count has no denominator.
-- Provinces with no rows have 0 (a ratio whose denominator is 0 stays unknown).
parts AS (
  SELECT p.region_code, p.name_zh, p.name_en, p.macro_region, i.*
  FROM provinces p
  LEFT JOIN (SELECT region_code, volume FROM training WHERE program_code = 'vocational_training') vt USING (region_code)
  LEFT JOIN (SELECT region_code, volume FROM training WHERE program_code = 'knowledge_renewal') kr USING (region_code)
  LEFT JOIN (SELECT region_code, volume FROM training WHERE program_code = 'skill_certificate') sc USING (region_code)
  LEFT JOIN labor l USING (region_code)
  LEFT JOIN medals m USING (region_code)
  LEFT JOIN platforms f USING (region_code)
  CROSS JOIN periods d CROSS JOIN chosen c
  CROSS JOIN LATERAL (VALUES
    (1, 'training_per_10k', coalesce(vt.volume, 0) * 10000.0::DOUBLE, p.working_age::DOUBLE, c.year::VARCHAR),
    (2, 'knowledge_renewal_per_10k', coalesce(kr.volume, 0) * 10000.0::DOUBLE, p.working_age::DOUBLE, c.year::VARCHAR),
    (3, 'certificates_per_10k', coalesce(sc.volume, 0) * 10000.0::DOUBLE, p.working_age::DOUBLE, c.year::VARCHAR),
    (4, 'vacancy_seeker_ratio', coalesce(l.vacancies, 0)::DOUBLE, coalesce(l.job_seekers, 0)::DOUBLE, d.labor_period),
    (5, 'competition_medals', coalesce(m.medals, 0)::DOUBLE, NULL::DOUBLE, c.year::VARCHAR),
    (6, 'platforms_per_million', coalesce(f.platforms, 0) * 1000000.0::DOUBLE, p.population::DOUBLE, d.platform_period)
  ) AS i(seq, indicator, numerator, denominator, period)
),
indicator_catalog (indicator, label_zh, label_en, unit_zh, unit_en, higher_is_better) AS (
  VALUES
    ('training_per_10k', '每万名劳动年龄人口补贴性职业技能培训人次', 'Vocational training per 10,000 working-age', '人次/万人', 'person-times per 10,000', true),
    ('knowledge_renewal_per_10k', '每万名劳动年龄人口知识更新培训人次', 'Knowledge renewal per 10,000 working-age', '人次/万人', 'person-times per 10,000', true),
    ('certificates_per_10k', '每万名劳动年龄人口取证人数', 'Skill certificates per 10,000 working-age', '人/万人', 'per 10,000', true),
    ('vacancy_seeker_ratio', '求人倍率', 'Vacancy-to-seeker ratio', '倍', 'ratio', true),
    ('competition_medals', '技能竞赛奖牌数', 'Competition medals', '枚', 'medals', true),
    ('platforms_per_million', '每百万人博士后站和专家服务基地数', 'Postdoctoral stations and expert bases per million residents', '个/百万人', 'per million residents', true)
),
-- Population statistics over the mainland provinces; the national value is the nation as a whole
-- (Σ numerators / Σ denominators; for a count, the national total), not a mean of provinces.
scored AS (
  SELECT v.*, k.label_zh, k.label_en, k.unit_zh, k.unit_en, k.higher_is_better,
         median(v.value) OVER (PARTITION BY v.indicator, v.macro_region) AS macro_region_median,
         CASE WHEN count(v.denominator) OVER (PARTITION BY v.indicator) = 0 THEN sum(v.numerator) OVER (PARTITION BY v.indicator)
              ELSE sum(v.numerator) OVER (PARTITION BY v.indicator) / nullif(sum(v.denominator) OVER (PARTITION BY v.indicator), 0) END AS national_value,
         (v.value - avg(v.value) OVER (PARTITION BY v.indicator)) / nullif(stddev_pop(v.value) OVER (PARTITION BY v.indicator), 0) AS z_score,
         CASE WHEN v.value IS NOT NULL THEN rank() OVER (PARTITION BY v.indicator ORDER BY v.value DESC NULLS LAST) END AS rank
  FROM (SELECT *, CASE WHEN denominator IS NULL THEN numerator ELSE numerator / nullif(denominator, 0) END AS value FROM parts) v
  JOIN indicator_catalog k USING (indicator)
)
