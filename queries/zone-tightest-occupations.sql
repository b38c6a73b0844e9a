-- A zone's urgently-needed catalogue occupations ranked by vacancies per job seeker across the zone for
-- one quarter (the companion of zone-pressure). Only occupations with data in the quarter are listed.
WITH chosen AS (
  SELECT coalesce(make_date(left($quarter, 4)::INTEGER, right($quarter, 1)::INTEGER * 3 - 2, 1),
                  (SELECT max(quarter) FROM rollup_labor_province_quarter)) AS q
),
-- The zone's catalogue occupations from the zone rollup, where each fact row counts once per zone (it, its
-- prefecture or its province a member; see ingest/rollups.sql).
by_occupation AS (
  SELECT z.occupation_code, sum(z.vacancies) AS vacancies, sum(z.job_seekers) AS job_seekers
  FROM rollup_labor_zone_quarter z
  JOIN zone_occupation c ON c.zone_code = z.zone_code AND c.occupation_code = z.occupation_code
  CROSS JOIN chosen
  WHERE z.zone_code = $zone AND z.quarter = chosen.q
  GROUP BY z.occupation_code
),
ranked AS (
  SELECT *,
         vacancies::DOUBLE / nullif(job_seekers, 0) AS ratio,
         -- Vacancies with no seekers at all are the tightest; nothing at all ranks last.
         rank() OVER (ORDER BY CASE WHEN job_seekers = 0 AND vacancies > 0 THEN 'infinity'::DOUBLE
                                    ELSE vacancies::DOUBLE / nullif(job_seekers, 0) END DESC NULLS LAST) AS rank
  FROM by_occupation
)
SELECT strftime(chosen.q, '%Y') || 'Q' || quarter(chosen.q) AS quarter,
       $zone AS zone_code,
       r.occupation_code, o.name_zh, o.name_en, o.group_code,
       r.vacancies::BIGINT AS vacancies,
       r.job_seekers::BIGINT AS job_seekers,
       r.ratio,
       (r.vacancies - r.job_seekers)::BIGINT AS gap,
       r.rank::INTEGER AS rank
FROM ranked r
JOIN occupation o USING (occupation_code)
CROSS JOIN chosen
ORDER BY r.rank, r.occupation_code
LIMIT $limit
