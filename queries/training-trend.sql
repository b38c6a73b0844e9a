-- Monthly or yearly training series of one programme for the nation, a province, a strategic zone (or a
-- province's part of a zone), beside the national series.
WITH national AS (
  SELECT CASE WHEN $grain = 'year' THEN strftime(month, '%Y') ELSE strftime(month, '%Y-%m') END AS period,
         sum(person_times) AS person_times
  FROM rollup_training_province_month
  WHERE program_code = $program AND ($field IS NULL OR field_code = $field)
    AND ($from IS NULL OR year(month) >= $from) AND ($to IS NULL OR year(month) <= $to)
  GROUP BY ALL
),
scoped AS (
  -- The nation or a province: the province rollup.
  SELECT CASE WHEN $grain = 'year' THEN strftime(month, '%Y') ELSE strftime(month, '%Y-%m') END AS period,
         sum(person_times) AS person_times, sum(participants) AS participants, sum(certificates) AS certificates
  FROM rollup_training_province_month
  WHERE $zone IS NULL
    AND program_code = $program AND ($field IS NULL OR field_code = $field)
    AND ($from IS NULL OR year(month) >= $from) AND ($to IS NULL OR year(month) <= $to)
    AND (nullif($region, '000000') IS NULL OR province_code = $region)
  GROUP BY ALL
  UNION ALL
  -- A zone: its members are provinces and prefectures, which no rollup has by month, so read the facts with
  -- their ancestry. A row belongs when its province or its prefecture is a member; EXISTS counts it once even
  -- when both are (Beijing and its one prefecture both belong to jjj).
  SELECT CASE WHEN $grain = 'year' THEN strftime(t.month, '%Y') ELSE strftime(t.month, '%Y-%m') END,
         sum(t.person_times), sum(t.participants), sum(t.certificates)
  FROM training t JOIN region_ancestry a USING (region_code)
  WHERE $zone IS NOT NULL
    AND t.program_code = $program AND ($field IS NULL OR t.field_code = $field)
    AND ($from IS NULL OR year(t.month) >= $from) AND ($to IS NULL OR year(t.month) <= $to)
    AND (nullif($region, '000000') IS NULL OR a.province_code = $region)
    AND EXISTS (SELECT 1 FROM region_zone z WHERE z.zone_code = $zone AND z.region_code IN (a.province_code, a.prefecture_code))
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
