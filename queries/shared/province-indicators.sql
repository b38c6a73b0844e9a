WITH
-- @include denominator-notes.sql
,
chosen AS (
  -- The latest year the nation reported training, from the small national rollup.
  SELECT coalesce($year, (SELECT year(max(month)) FROM rollup_training_national_month))::INTEGER AS year
),
-- One row per mainland province × indicator for the year, as a numerator over a denominator with the period it
-- was read at: how each indicator is measured is defined where this is built, in ingest/rollups.sql
-- (rollup_province_indicator_year). What follows compares the provinces.
parts AS (
  SELECT i.region_code, r.name_zh, r.name_en, r.macro_region, i.seq, i.indicator, i.numerator, i.denominator, i.period
  FROM rollup_province_indicator_year i JOIN region r USING (region_code), chosen c
  -- NOT DISTINCT: with no training at all there is no default year, and the rollup's NULL year gives the
  -- provinces with nothing measured.
  WHERE i.year IS NOT DISTINCT FROM c.year
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
valued AS (
  SELECT *, CASE WHEN denominator IS NULL THEN numerator ELSE numerator / nullif(denominator, 0) END AS value FROM parts
),
-- Population statistics over the mainland provinces. The national value is on a province's own basis: for a
-- rate, the nation as a whole (Σ numerators / Σ denominators), not a mean of provinces; for a count, the
-- average per province, since a province's count against the national total is no comparison.
by_indicator AS (
  SELECT indicator,
         CASE WHEN count(denominator) = 0 THEN avg(numerator) ELSE sum(numerator) / nullif(sum(denominator), 0) END AS national_value,
         CASE WHEN count(denominator) = 0 THEN 'province_average' ELSE 'national_rate' END AS national_basis,
         avg(value) AS mean, stddev_pop(value) AS sd,
         list(value ORDER BY value DESC) FILTER (WHERE value IS NOT NULL) AS descending
  FROM valued GROUP BY indicator
),
by_macro_region AS (
  SELECT indicator, macro_region, median(value) AS macro_region_median FROM valued GROUP BY ALL
),
-- Grouped aggregates joined back rather than window functions: over ~200 rows each window operator costs
-- more to set up than to run. A rank is 1 + the number of greater values: the position of the value's
-- first occurrence in the indicator's values sorted descending (unknown values have none).
scored AS (
  SELECT v.*, k.label_zh, k.label_en, k.unit_zh, k.unit_en, k.higher_is_better,
         m.macro_region_median, i.national_value, i.national_basis,
         (v.value - i.mean) / nullif(i.sd, 0) AS z_score,
         CASE WHEN v.value IS NOT NULL THEN list_position(i.descending, v.value) END AS rank
  FROM valued v
  JOIN indicator_catalog k USING (indicator)
  JOIN by_indicator i USING (indicator)
  JOIN by_macro_region m ON m.indicator = v.indicator AND m.macro_region IS NOT DISTINCT FROM v.macro_region
),
-- What region-profile and region-comparison return, before each picks its provinces.
indicator_rows AS (
  SELECT (SELECT year FROM chosen) AS year, region_code, name_zh, name_en, macro_region,
         indicator, label_zh, label_en, unit_zh, unit_en, period,
         value::DOUBLE AS value,
         macro_region_median::DOUBLE AS macro_region_median,
         national_value::DOUBLE AS national_value,
         national_basis,
         z_score::DOUBLE AS z_score,
         rank::INTEGER AS rank,
         -- A per-capita indicator over a denominator known to be incomplete says so: the per-10,000 ones divide by the
         -- working-age population, platforms by the whole population.
         CASE WHEN indicator LIKE '%per_10k' OR (indicator = 'platforms_per_million' AND short = 'both') THEN note_zh END AS denominator_note_zh,
         CASE WHEN indicator LIKE '%per_10k' OR (indicator = 'platforms_per_million' AND short = 'both') THEN note_en END AS denominator_note_en,
         higher_is_better, seq
  FROM scored LEFT JOIN denominator_notes USING (region_code)
)
