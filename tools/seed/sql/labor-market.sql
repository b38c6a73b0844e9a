-- The labour-market fact: quarter × region × occupation, vacancies and job seekers. A region's share of
-- the national market is its share of training volume (unit_year, pool 'all'). chunk_year, when set,
-- limits it to one year.
WITH cell AS NOT MATERIALIZED (
  SELECT q.quarter AS qd, q.year, p.region_code, p.occupation_code,
         q.national_seekers * y.share * p.share AS base,
         q.seekers_factor, q.vacancies_factor,
         -- digital demand grows, clerical demand shrinks, production firms a little
         least(4.0, greatest(0.2, p.ratio
           * CASE p.kind WHEN 'digital' THEN 1 + 0.025 * (q.year - 2019) WHEN 'clerical' THEN 1 - 0.02 * (q.year - 2019)
                         WHEN 'production' THEN 1 + 0.01 * (q.year - 2019) ELSE 1.0 END
           * lerp(0.92, 1.08, u3('ratio', q.quarter, p.region_code, p.occupation_code)))) AS ratio
  FROM lm_quarter q
  JOIN unit_year y ON y.year = q.year AND y.pool = 'all'
  JOIN lm_pair p ON p.region_code = y.unit_code
  WHERE getvariable('chunk_year') IS NULL OR q.year = getvariable('chunk_year')
)
SELECT year(qd) || 'Q' || quarter(qd) AS quarter, region_code, occupation_code,
       sround(base * ratio * vacancies_factor * lerp(0.85, 1.15, u3('vacancies', qd, region_code, occupation_code)),
              u3('vacancies_round', qd, region_code, occupation_code)) AS vacancies,
       sround(base * seekers_factor * lerp(0.85, 1.15, u3('seekers', qd, region_code, occupation_code)),
              u3('seekers_round', qd, region_code, occupation_code)) AS job_seekers,
       'synthetic' AS source
FROM cell
ORDER BY quarter, region_code, occupation_code
