SELECT indicator_code, indicator_zh, indicator_en, topic, program_code,
       period, period_kind,
       period_first_month AS period_start,
       (period_last_month + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS period_end,
       value, value_as_printed, approximate, qualifier, unit_zh, unit_en,
       source_title, source_url, source_date
FROM published
WHERE $topics IS NULL OR list_contains($topics, topic)
ORDER BY topic, indicator_code, period_start, period_end, source_date, source_url
LIMIT $limit
