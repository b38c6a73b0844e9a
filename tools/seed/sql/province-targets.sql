-- Province targets of the sample (synthetic): each national annual target of a training programme
-- (region 000000, one-year period) apportioned to the 31 mainland provinces by the province's share of the
-- programme's national volume in the previous year of the sample, or by its share of the working-age
-- population where the sample has no previous year. Rounded to whole units, so the provinces' sum may differ
-- from the national target by a few units. Reads the training file just written (view sample_training).
WITH annual AS (
  SELECT t.program_code, t.period_start AS year, t.value, p.metric
  FROM ref_target t JOIN ref_program p USING (program_code)
  WHERE t.region_code = '000000' AND t.period_start = t.period_end AND p.fact_table = 'training'
),
provinces AS (
  SELECT region_code AS province_code, working_age_2020 FROM ref_region WHERE level = 'province' AND in_mainland
),
volume AS (
  SELECT s.program_code, left(s.month::VARCHAR, 4)::INTEGER AS year, substr(s.region_code::VARCHAR, 1, 2) || '0000' AS province_code,
         sum(CASE a.metric WHEN 'participants' THEN s.participants WHEN 'certificates' THEN s.certificates
                           ELSE s.person_times END::BIGINT) AS volume
  FROM sample_training s JOIN (SELECT DISTINCT program_code, metric FROM annual) a USING (program_code)
  GROUP BY ALL
),
shares AS (
  SELECT a.program_code, a.year, a.value, p.province_code,
         sum(coalesce(v.volume, 0)) OVER w > 0 AS by_volume,
         coalesce(coalesce(v.volume, 0) / nullif(sum(coalesce(v.volume, 0)) OVER w, 0),
                  p.working_age_2020 / sum(p.working_age_2020) OVER w) AS share
  FROM annual a CROSS JOIN provinces p
  LEFT JOIN volume v ON v.program_code = a.program_code AND v.year = a.year - 1 AND v.province_code = p.province_code
  WINDOW w AS (PARTITION BY a.program_code, a.year)
)
SELECT program_code, year AS period_start, year AS period_end, province_code AS region_code,
       round(value * share)::BIGINT AS value,
       'synthetic' AS source,
       CASE WHEN by_volume
            THEN 'sample: national target apportioned by the province''s share of the previous year''s volume'
            ELSE 'sample: national target apportioned by the province''s share of the working-age population' END AS note
FROM shares
ORDER BY program_code, period_start, region_code
