-- The published (real) national figures, optionally of one topic or one indicator, each with its period as a span
-- of days (first day of the first month to last day of the last month) and its source.
SELECT indicator_code, indicator_zh, indicator_en, topic, program_code,
       period, period_kind,
       period_first_month AS period_start,
       (period_last_month + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS period_end,
       value, value_as_printed, approximate, qualifier, unit_zh, unit_en,
       source_title, source_url, source_date
FROM published
WHERE ($topic IS NULL OR topic = $topic)
  AND ($indicator IS NULL OR indicator_code = $indicator)
ORDER BY topic, indicator_code, period_start, period_end, source_date, source_url
