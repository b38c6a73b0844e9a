WITH
-- @include ../shared/published-rows.sql
SELECT * FROM published_rows
WHERE $topics IS NULL OR list_contains($topics, topic)
ORDER BY topic, indicator_code, period_start, period_end, source_date, source_url
LIMIT $limit
