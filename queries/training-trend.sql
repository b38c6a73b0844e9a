-- Monthly or yearly training series of one programme for the nation, a province, a strategic zone (or a
-- province's part of a zone), beside the national series.
WITH national AS (
  SELECT CASE WHEN $grain = 'year' THEN strftime(month, '%Y') ELSE strftime(month, '%Y-%m') END AS period,
         sum(person_times) AS person_times, sum(participants) AS participants, sum(certificates) AS certificates
  FROM rollup_training_national_month
  WHERE program_code = $program AND ($field IS NULL OR field_code = $field)
    AND ($from IS NULL OR year(month) >= $from) AND ($to IS NULL OR year(month) <= $to)
  GROUP BY ALL
),
-- Exactly one branch applies (the parameters are known when the plan is made, so the others read nothing).
scoped AS (
  -- The nation: the national series itself.
  SELECT period, person_times, participants, certificates
  FROM national
  WHERE $zone IS NULL AND nullif($region, '000000') IS NULL
  UNION ALL
  -- A province: the province rollup.
  SELECT CASE WHEN $grain = 'year' THEN strftime(month, '%Y') ELSE strftime(month, '%Y-%m') END,
         sum(person_times), sum(participants), sum(certificates)
  FROM rollup_training_province_month
  WHERE $zone IS NULL AND province_code = nullif($region, '000000')
    AND program_code = $program AND ($field IS NULL OR field_code = $field)
    AND ($from IS NULL OR year(month) >= $from) AND ($to IS NULL OR year(month) <= $to)
  GROUP BY ALL
  UNION ALL
  -- A zone, or a province's part of it: the zone rollup, where each fact row counts once per zone although
  -- a zone's members may be both a province and its prefectures (see ingest/rollups.sql).
  SELECT CASE WHEN $grain = 'year' THEN strftime(month, '%Y') ELSE strftime(month, '%Y-%m') END,
         sum(person_times), sum(participants), sum(certificates)
  FROM rollup_training_zone_month
  WHERE zone_code = $zone
    AND (nullif($region, '000000') IS NULL OR province_code = $region)
    AND program_code = $program AND ($field IS NULL OR field_code = $field)
    AND ($from IS NULL OR year(month) >= $from) AND ($to IS NULL OR year(month) <= $to)
  GROUP BY ALL
)
-- Every period the nation reported; the scope's volume is 0 where it reported nothing.
SELECT n.period,
       coalesce(s.person_times, 0)::BIGINT AS person_times,
       coalesce(s.participants, 0)::BIGINT AS participants,
       coalesce(s.certificates, 0)::BIGINT AS certificates,
       n.person_times::BIGINT AS national_person_times,
       (coalesce(s.person_times, 0) / nullif(n.person_times, 0))::DOUBLE AS share_of_national
FROM national n LEFT JOIN scoped s USING (period)
ORDER BY n.period
