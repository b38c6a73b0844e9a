-- The training fact: month × region × programme × field. Every number is a pure function of the seed
-- and the row's keys, so the file is the same on every run. chunk_year, when set, limits it to one year.
WITH base AS NOT MATERIALIZED (
  SELECT c.month, c.year, pc.unit_code, pc.program_code, pc.field_code, p.metric, p.unit_cost, uy.macro_region,
         sround(t.total * c.month_share * uy.share * pc.share / pc.presence
                * lerp(0.8, 1.2, u4('noise', c.month, pc.unit_code, pc.program_code, pc.field_code))
                * lerp(0.9, 1.1, u3('year', c.year, pc.unit_code, pc.program_code)),
                u4('round', c.month, pc.unit_code, pc.program_code, pc.field_code)) AS v,
         lerp(0.7, 0.9, u4('participants', c.month, pc.unit_code, pc.program_code, pc.field_code)) AS rp,
         lerp(p.cert_lo, p.cert_hi, u4('certificates', c.month, pc.unit_code, pc.program_code, pc.field_code)) AS rc
  FROM cal_month c
  JOIN train_total t ON t.year = c.year AND t.total > 0
  JOIN plan_cell pc ON pc.program_code = t.program_code
  JOIN train_program p ON p.program_code = pc.program_code
  JOIN unit_year uy ON uy.unit_code = pc.unit_code AND uy.year = c.year AND uy.pool = p.pool
  WHERE u4('presence', c.month, pc.unit_code, pc.program_code, pc.field_code) < pc.presence
    AND (getvariable('chunk_year') IS NULL OR c.year = getvariable('chunk_year'))
),
-- The programme's own metric is v; the other measures follow from it so that
-- certificates ≤ participants ≤ person-times on every row.
measured AS NOT MATERIALIZED (
  SELECT month, year, unit_code, program_code, field_code,
         (CASE metric WHEN 'participants' THEN floor(v / rp) WHEN 'certificates' THEN floor(ceil(v / rc) / rp) ELSE v END)::BIGINT AS person_times,
         (CASE metric WHEN 'participants' THEN v WHEN 'certificates' THEN ceil(v / rc) ELSE floor(v * rp) END)::BIGINT AS participants,
         (CASE metric WHEN 'certificates' THEN v WHEN 'participants' THEN floor(v * rc) ELSE floor(floor(v * rp) * rc) END)::BIGINT AS certificates,
         least(1500.0, greatest(300.0, unit_cost * cost_factor(macro_region)
               * lerp(0.85, 1.15, u2('cost', unit_code, program_code))
               * lerp(0.95, 1.05, u4('funding', month, unit_code, program_code, field_code)))) AS cost_rate
  FROM base
),
funded AS NOT MATERIALIZED (
  SELECT * EXCLUDE (cost_rate), round(person_times * cost_rate, 2) AS funding_cny FROM measured
),
-- "Of which" programmes: a share of every measure of the parent's row, so never more than the parent.
derived AS NOT MATERIALIZED (
  SELECT f.month, f.unit_code, d.program_code, f.field_code, f.person_times, f.participants, f.certificates, f.funding_cny,
         least(0.95, greatest(0.0, lerp(d.share_lo, d.share_hi, u4('share', f.month, f.unit_code, d.program_code, f.field_code))
                                   + d.share_trend * (f.year - 2019))) AS s
  FROM funded f JOIN train_program d ON d.parent_code = f.program_code
  WHERE u4('presence', f.month, f.unit_code, d.program_code, f.field_code) < d.presence
),
rows AS (
  SELECT month, unit_code, program_code, field_code, person_times, participants, certificates, funding_cny FROM funded
  UNION ALL
  SELECT month, unit_code, program_code, field_code, floor(person_times * s)::BIGINT, floor(participants * s)::BIGINT,
         floor(certificates * s)::BIGINT, round(funding_cny * s, 2)
  FROM derived
)
SELECT strftime(month, '%Y-%m') AS month, unit_code AS region_code, program_code, field_code,
       person_times, participants, certificates, funding_cny::DECIMAL(18, 2) AS funding_cny, 'synthetic' AS source
FROM rows
ORDER BY month, region_code, program_code, field_code
