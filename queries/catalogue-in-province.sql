-- A province's own view of the urgently-needed catalogue of each strategic zone it belongs to, for one quarter:
-- for every catalogue occupation, vacancies, job seekers and their ratio in the province (or one of its
-- prefectures), whether it is tight (ratio above θ, as zone-pressure counts it), its rank among the catalogue's
-- occupations there, the ratio on the same quarter a year before, and for reference the ratio across the whole zone
-- and across the nation. A province in no zone gets no rows.
WITH chosen AS (
  SELECT q, (q - INTERVAL 1 YEAR)::DATE AS previous_q
  FROM (SELECT coalesce(make_date(left($quarter, 4)::INTEGER, right($quarter, 1)::INTEGER * 3 - 2, 1),
                        (SELECT max(quarter) FROM rollup_labor_province_quarter)) AS q)
),
-- The zones of the province: it, one of its prefectures or one of its counties is a member (Guangdong is in gba
-- through its nine cities); and whether the chosen prefecture (or the province itself) is one.
zones AS (
  SELECT m.zone_code, bool_or(m.region_code IN ($prefecture, $province)) AS prefecture_in_zone
  FROM region_zone m JOIN region_ancestry a USING (region_code)
  WHERE a.province_code = $province
  GROUP BY m.zone_code
),
catalogue AS (
  SELECT c.zone_code, c.occupation_code FROM zone_occupation c JOIN zones USING (zone_code)
),
-- The area: the whole province (every row in it, those kept at province level included), or one prefecture (its
-- rows and its counties'). Exactly one branch reads anything.
area AS (
  SELECT r.quarter, r.occupation_code, r.vacancies, r.job_seekers
  FROM rollup_labor_province_quarter r, chosen
  WHERE $prefecture IS NULL AND r.province_code = $province AND r.quarter IN (chosen.q, chosen.previous_q)
  UNION ALL
  SELECT r.quarter, r.occupation_code, r.vacancies, r.job_seekers
  FROM rollup_labor_prefecture_catalogue_quarter r, chosen
  WHERE r.province_code = $province AND r.prefecture_code = $prefecture
    AND ($scope_province IS NULL OR r.province_code = $scope_province) AND r.quarter IN (chosen.q, chosen.previous_q)
),
by_occupation AS (
  SELECT a.occupation_code,
         sum(a.vacancies) FILTER (WHERE a.quarter = chosen.q) AS vacancies,
         sum(a.job_seekers) FILTER (WHERE a.quarter = chosen.q) AS job_seekers,
         sum(a.vacancies) FILTER (WHERE a.quarter = chosen.previous_q) AS previous_vacancies,
         sum(a.job_seekers) FILTER (WHERE a.quarter = chosen.previous_q) AS previous_job_seekers
  FROM area a, chosen
  GROUP BY a.occupation_code
),
-- The whole zone, each fact row once (the zone rollup; see ingest/rollups.sql).
zone_wide AS (
  SELECT z.zone_code, z.occupation_code, sum(z.vacancies) AS vacancies, sum(z.job_seekers) AS job_seekers
  FROM rollup_labor_zone_quarter z JOIN catalogue USING (zone_code, occupation_code), chosen
  WHERE z.quarter = chosen.q
  GROUP BY ALL
),
-- The nation: the 31 mainland provinces (as region-profile's ratio).
national AS (
  SELECT r.occupation_code, sum(r.vacancies) AS vacancies, sum(r.job_seekers) AS job_seekers
  FROM rollup_labor_province_quarter r, chosen
  WHERE r.quarter = chosen.q
    AND r.occupation_code IN (SELECT occupation_code FROM catalogue)
    AND r.province_code IN (SELECT region_code FROM region WHERE level = 'province' AND in_mainland)
  GROUP BY ALL
),
place AS (
  SELECT region_code AS area_code, level AS area_level, name_zh AS area_name_zh, name_en AS area_name_en
  FROM region
  WHERE region_code = coalesce($prefecture, $province) AND province_code = $province
),
measured AS (
  SELECT c.zone_code, c.occupation_code, b.vacancies, b.job_seekers,
         b.vacancies::DOUBLE / nullif(b.job_seekers, 0) AS ratio,
         -- Compared without dividing (as zone-pressure): vacancies with no seekers at all are over any θ; an
         -- occupation the area reported nothing for is unknown.
         b.vacancies > $theta * b.job_seekers AS tight,
         b.previous_vacancies::DOUBLE / nullif(b.previous_job_seekers, 0) AS previous_ratio,
         zw.vacancies::DOUBLE / nullif(zw.job_seekers, 0) AS zone_ratio,
         n.vacancies::DOUBLE / nullif(n.job_seekers, 0) AS national_ratio,
         -- Tightest first (vacancies with no seekers first, as zone-tightest-occupations); no ratio (0 / 0) last;
         -- no rank for an occupation the area reported nothing for.
         CASE WHEN b.vacancies IS NOT NULL THEN
           rank() OVER (PARTITION BY c.zone_code
                        ORDER BY CASE WHEN b.job_seekers = 0 AND b.vacancies > 0 THEN 'infinity'::DOUBLE
                                      ELSE b.vacancies::DOUBLE / nullif(b.job_seekers, 0) END DESC NULLS LAST)
         END AS rank
  FROM catalogue c
  LEFT JOIN by_occupation b USING (occupation_code)
  LEFT JOIN zone_wide zw USING (zone_code, occupation_code)
  LEFT JOIN national n USING (occupation_code)
)
SELECT strftime(chosen.q, '%Y') || 'Q' || quarter(chosen.q) AS quarter,
       $province AS province_code,
       p.area_code, p.area_level, p.area_name_zh, p.area_name_en,
       CASE WHEN $prefecture IS NOT NULL THEN zs.prefecture_in_zone END AS prefecture_in_zone,
       r.zone_code, z.name_zh AS zone_name_zh, z.name_en AS zone_name_en,
       $theta AS theta,
       r.occupation_code, o.name_zh, o.name_en, o.group_code,
       r.vacancies::BIGINT AS vacancies,
       r.job_seekers::BIGINT AS job_seekers,
       r.ratio,
       r.tight,
       r.rank::INTEGER AS rank,
       r.previous_ratio,
       r.ratio - r.previous_ratio AS ratio_change_on_previous_year,
       r.zone_ratio,
       r.national_ratio
FROM measured r
CROSS JOIN place p
CROSS JOIN chosen
JOIN zones zs USING (zone_code)
JOIN zone z USING (zone_code)
JOIN occupation o USING (occupation_code)
ORDER BY r.zone_code, r.rank NULLS LAST, r.occupation_code
