-- Labour-market gap by region × occupation group for one quarter: vacancies, job seekers, gap and ratio,
-- their change on the previous quarter and on the same quarter a year before, and the demand location
-- quotient. Feeds the region × group heatmap.
WITH chosen AS (
  SELECT coalesce(make_date(left($quarter, 4)::INTEGER, right($quarter, 1)::INTEGER * 3 - 2, 1),
                  (SELECT max(quarter) FROM rollup_labor_province_quarter)) AS q
),
periods AS (
  SELECT q AS quarter, 'current' AS period FROM chosen
  UNION ALL SELECT (q - INTERVAL 3 MONTH)::DATE, 'previous_quarter' FROM chosen
  UNION ALL SELECT (q - INTERVAL 1 YEAR)::DATE, 'previous_year' FROM chosen
),
-- The group filter is applied only at the end: the location quotient needs every group's vacancies.
cells AS (
  SELECT r.province_code AS region_code, r.province_code, o.group_code, p.period,
         sum(r.vacancies) AS vacancies, sum(r.job_seekers) AS job_seekers
  FROM rollup_labor_province_quarter r
  JOIN occupation o USING (occupation_code)
  JOIN periods p USING (quarter)
  WHERE $level = 'province' AND ($province IS NULL OR r.province_code = $province)
  GROUP BY ALL
  UNION ALL
  -- Rows reported at province level only (not allocated to a prefecture) are not in this rollup.
  SELECT r.prefecture_code, r.province_code, r.group_code, p.period,
         sum(r.vacancies), sum(r.job_seekers)
  FROM rollup_labor_prefecture_quarter r
  JOIN periods p USING (quarter)
  WHERE $level = 'prefecture' AND ($province IS NULL OR r.province_code = $province)
    AND ($scope_province IS NULL OR r.province_code = $scope_province)
  GROUP BY ALL
),
by_cell AS (
  SELECT region_code, province_code, group_code,
         sum(vacancies) FILTER (WHERE period = 'current') AS vacancies,
         sum(job_seekers) FILTER (WHERE period = 'current') AS job_seekers,
         sum(vacancies) FILTER (WHERE period = 'previous_quarter') AS vacancies_pq,
         sum(job_seekers) FILTER (WHERE period = 'previous_quarter') AS job_seekers_pq,
         sum(vacancies) FILTER (WHERE period = 'previous_year') AS vacancies_py,
         sum(job_seekers) FILTER (WHERE period = 'previous_year') AS job_seekers_py
  FROM cells
  GROUP BY ALL
  HAVING count(*) FILTER (WHERE period = 'current') > 0
),
region_total AS (
  SELECT region_code, sum(vacancies) AS vacancies FROM by_cell GROUP BY region_code
),
-- National benchmark for the quotient: every fact row of the quarter, whatever the level or filter.
national_group AS (
  SELECT o.group_code, sum(r.vacancies) AS vacancies
  FROM rollup_labor_province_quarter r JOIN occupation o USING (occupation_code), chosen
  WHERE r.quarter = chosen.q
  GROUP BY o.group_code
),
national AS (
  SELECT sum(vacancies) AS vacancies FROM national_group
),
measured AS (
  SELECT c.*,
         c.vacancies - c.job_seekers AS gap,
         c.vacancies::DOUBLE / nullif(c.job_seekers, 0) AS ratio,
         c.vacancies_pq::DOUBLE / nullif(c.job_seekers_pq, 0) AS ratio_pq,
         c.vacancies_py::DOUBLE / nullif(c.job_seekers_py, 0) AS ratio_py,
         (c.vacancies::DOUBLE / nullif(t.vacancies, 0))
           / nullif(ng.vacancies::DOUBLE / nullif(national.vacancies, 0), 0) AS location_quotient
  FROM by_cell c
  JOIN region_total t USING (region_code)
  LEFT JOIN national_group ng USING (group_code)
  CROSS JOIN national
)
SELECT strftime(chosen.q, '%Y') || 'Q' || quarter(chosen.q) AS quarter,
       m.region_code, r.name_zh, r.name_en, r.macro_region, m.province_code,
       m.group_code, g.name_zh AS group_name_zh, g.name_en AS group_name_en,
       m.vacancies::BIGINT AS vacancies,
       m.job_seekers::BIGINT AS job_seekers,
       m.gap::BIGINT AS gap,
       m.ratio,
       m.ratio - m.ratio_pq AS ratio_change_on_previous_quarter,
       m.ratio - m.ratio_py AS ratio_change_on_previous_year,
       (m.gap - (m.vacancies_pq - m.job_seekers_pq))::BIGINT AS gap_change_on_previous_quarter,
       (m.gap - (m.vacancies_py - m.job_seekers_py))::BIGINT AS gap_change_on_previous_year,
       m.location_quotient
FROM measured m
JOIN region r USING (region_code)
LEFT JOIN occupation g ON g.level = 'group' AND g.group_code = m.group_code
CROSS JOIN chosen
WHERE ($group IS NULL OR m.group_code = $group)
ORDER BY m.region_code, m.group_code
