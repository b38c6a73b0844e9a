-- Occupations ranked by shortage for one quarter, nationally (regions = provinces), within a province
-- (regions = its prefectures) or within a strategic zone (regions = the zone's members), with the rank the
-- same ranking gave the previous quarter.
--   score = (Σ_r gap_r) × (regions with gap_r > 0) / (regions reporting the occupation), gap_r = vacancies_r − seekers_r
WITH chosen AS (
  SELECT coalesce(make_date(left($quarter, 4)::INTEGER, right($quarter, 1)::INTEGER * 3 - 2, 1),
                  (SELECT max(quarter) FROM rollup_labor_province_quarter)) AS q
),
-- Each fact row counts once, in one region ("unit") of the scope.
facts AS (
  -- The nation: its units are the provinces.
  SELECT r.quarter, r.province_code AS unit_code, r.occupation_code, r.vacancies, r.job_seekers
  FROM rollup_labor_province_quarter r, chosen
  WHERE $zone IS NULL AND $province IS NULL AND r.quarter IN (q, (q - INTERVAL 3 MONTH)::DATE)
  UNION ALL
  -- A province: its prefectures, and the rows reported at province level only as one more unit (the province
  -- itself), so that the units' gaps add up to the province's.
  SELECT l.quarter, coalesce(a.prefecture_code, a.province_code), l.occupation_code, l.vacancies, l.job_seekers
  FROM labor_market l JOIN region_ancestry a USING (region_code), chosen
  WHERE $zone IS NULL AND a.province_code = $province AND l.quarter IN (q, (q - INTERVAL 3 MONTH)::DATE)
  UNION ALL
  -- A zone (or a province's part of it): the zone rollup's units, where a row is in its broadest member (a
  -- prefecture listed beside its own province is part of the province's unit, never a second one).
  SELECT z.quarter, z.unit_code, z.occupation_code, z.vacancies, z.job_seekers
  FROM rollup_labor_zone_quarter z, chosen
  WHERE z.zone_code = $zone AND ($province IS NULL OR z.province_code = $province)
    AND z.quarter IN (q, (q - INTERVAL 3 MONTH)::DATE)
),
by_unit AS (
  SELECT f.quarter, f.unit_code, f.occupation_code,
         sum(f.vacancies) AS vacancies, sum(f.job_seekers) AS job_seekers
  FROM facts f JOIN occupation o ON o.occupation_code = f.occupation_code AND o.level = 'occupation'
  GROUP BY ALL
),
by_occupation AS (
  SELECT quarter, occupation_code,
         sum(vacancies) AS vacancies, sum(job_seekers) AS job_seekers,
         count(*) AS regions_reporting,
         count(*) FILTER (WHERE vacancies > job_seekers) AS regions_with_gap
  FROM by_unit
  GROUP BY ALL
),
ranked AS (
  SELECT *,
         -- Integer product first: a surplus with no region in gap scores 0, not -0.
         ((vacancies - job_seekers) * regions_with_gap) / regions_reporting AS score,
         rank() OVER (PARTITION BY quarter ORDER BY ((vacancies - job_seekers) * regions_with_gap) / regions_reporting DESC) AS rank
  FROM by_occupation
)
SELECT strftime(chosen.q, '%Y') || 'Q' || quarter(chosen.q) AS quarter,
       c.occupation_code, o.name_zh, o.name_en, o.group_code,
       c.vacancies::BIGINT AS vacancies,
       c.job_seekers::BIGINT AS job_seekers,
       c.vacancies::DOUBLE / nullif(c.job_seekers, 0) AS ratio,
       c.regions_reporting::INTEGER AS regions_reporting,
       c.regions_with_gap::INTEGER AS regions_with_gap,
       c.score,
       c.rank::INTEGER AS rank,
       p.rank::INTEGER AS previous_rank,
       (p.rank - c.rank)::INTEGER AS rank_change
FROM ranked c
CROSS JOIN chosen
JOIN occupation o USING (occupation_code)
LEFT JOIN ranked p ON p.occupation_code = c.occupation_code AND p.quarter = (chosen.q - INTERVAL 3 MONTH)::DATE
WHERE c.quarter = chosen.q
ORDER BY c.rank, c.occupation_code
LIMIT $limit
