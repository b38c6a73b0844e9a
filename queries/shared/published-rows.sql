-- The published figures as served (the analytic published-figures and the export published): each period as a
-- span of days, from the first day of its first month to the last day of its last month.
published_rows AS (
  SELECT indicator_code, indicator_zh, indicator_en, topic, program_code,
         period, period_kind,
         period_first_month AS period_start,
         (period_last_month + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS period_end,
         value, value_as_printed, approximate, qualifier, unit_zh, unit_en,
         source_title, source_url, source_date
  FROM published
)
