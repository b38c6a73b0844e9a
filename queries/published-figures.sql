-- The published (real) national figures, optionally of one topic or one indicator, each with its period and source.
WITH
-- @include shared/published-rows.sql
SELECT * FROM published_rows
WHERE ($topic IS NULL OR topic = $topic)
  AND ($indicator IS NULL OR indicator_code = $indicator)
ORDER BY topic, indicator_code, period_start, period_end, source_date, source_url
