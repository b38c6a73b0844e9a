-- Strategic-zone pressure for one quarter: how many of a zone's urgently-needed catalogue occupations are
-- tight (vacancies per job seeker above θ across the zone), and the zone's overall vacancies and seekers.
WITH chosen AS (
  SELECT coalesce(make_date(left($quarter, 4)::INTEGER, right($quarter, 1)::INTEGER * 3 - 2, 1),
                  (SELECT max(quarter) FROM rollup_labor_province_quarter)) AS q
),
-- Vacancies and seekers by zone × occupation, from the zone rollup: a fact row is in a zone when it, its
-- prefecture or its province is a member, and counts once per zone even when a province and its
-- prefecture are both listed (see ingest/rollups.sql).
by_occupation AS (
  SELECT z.zone_code, z.occupation_code,
         sum(z.vacancies) AS vacancies, sum(z.job_seekers) AS job_seekers,
         c.occupation_code IS NOT NULL AS in_catalogue
  FROM rollup_labor_zone_quarter z
  CROSS JOIN chosen
  LEFT JOIN zone_occupation c ON c.zone_code = z.zone_code AND c.occupation_code = z.occupation_code
  WHERE z.quarter = chosen.q AND ($zone IS NULL OR z.zone_code = $zone)
  GROUP BY ALL
),
by_zone AS (
  SELECT zone_code,
         sum(vacancies) AS vacancies, sum(job_seekers) AS job_seekers,
         sum(vacancies) FILTER (WHERE in_catalogue) AS catalogue_vacancies,
         sum(job_seekers) FILTER (WHERE in_catalogue) AS catalogue_job_seekers,
         count(*) FILTER (WHERE in_catalogue) AS occupations_reported,
         -- Compared without dividing: vacancies with no seekers at all are over any θ.
         count(*) FILTER (WHERE in_catalogue AND vacancies > $theta * job_seekers) AS occupations_over_theta
  FROM by_occupation
  GROUP BY zone_code
),
catalogue AS (
  SELECT zone_code, count(*) AS catalogue_size FROM zone_occupation GROUP BY zone_code
)
SELECT strftime(chosen.q, '%Y') || 'Q' || quarter(chosen.q) AS quarter,
       z.zone_code, z.name_zh, z.name_en,
       $theta AS theta,
       coalesce(c.catalogue_size, 0)::INTEGER AS catalogue_size,
       coalesce(b.occupations_reported, 0)::INTEGER AS occupations_reported,
       coalesce(b.occupations_over_theta, 0)::INTEGER AS occupations_over_theta,
       b.occupations_over_theta / nullif(b.occupations_reported, 0) AS share_over_theta,
       coalesce(b.vacancies, 0)::BIGINT AS vacancies,
       coalesce(b.job_seekers, 0)::BIGINT AS job_seekers,
       b.vacancies::DOUBLE / nullif(b.job_seekers, 0) AS ratio,
       coalesce(b.catalogue_vacancies, 0)::BIGINT AS catalogue_vacancies,
       coalesce(b.catalogue_job_seekers, 0)::BIGINT AS catalogue_job_seekers,
       b.catalogue_vacancies::DOUBLE / nullif(b.catalogue_job_seekers, 0) AS catalogue_ratio
FROM zone z
CROSS JOIN chosen
LEFT JOIN catalogue c USING (zone_code)
LEFT JOIN by_zone b USING (zone_code)
WHERE ($zone IS NULL OR z.zone_code = $zone)
ORDER BY z.zone_code
