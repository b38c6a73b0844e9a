-- Calendar of the generated period. Variables set by the plan (tools/seed/plan.ts):
-- first_month, last_month, first_quarter, last_quarter (DATE, first day), first_year, last_year (INTEGER).

-- Relative activity by calendar month: Spring Festival lull in January–February, spring (Mar–Jun)
-- and autumn (Sep–Nov) peaks, a summer dip and a year-end push to close annual tasks.
CREATE TABLE season AS
SELECT * FROM (VALUES (1, 0.50), (2, 0.45), (3, 1.05), (4, 1.15), (5, 1.15), (6, 1.10),
                      (7, 0.90), (8, 0.85), (9, 1.10), (10, 1.05), (11, 1.15), (12, 1.25)) t(m, weight);

-- Pandemic disruptions (months missing here are 1); the year's total is kept, so later months catch up.
CREATE TABLE month_shock AS
SELECT * FROM (VALUES (DATE '2020-01-01', 0.80), (DATE '2020-02-01', 0.20), (DATE '2020-03-01', 0.50),
                      (DATE '2020-04-01', 0.80), (DATE '2022-04-01', 0.85), (DATE '2022-05-01', 0.85),
                      (DATE '2022-12-01', 0.70), (DATE '2023-01-01', 0.80)) t(month, factor);

-- Every month of every whole year in the period with its share of the year's total. Shares are taken
-- over all twelve months, so a year in progress (last_month before December) is only partly written.
CREATE TABLE cal_month AS
WITH months AS (
  SELECT make_date(y::INTEGER, m::INTEGER, 1) AS month, y::INTEGER AS year, m::INTEGER AS m
  FROM range(getvariable('first_year'), getvariable('last_year') + 1) ys(y), range(1, 13) ms(m)
), weighted AS (
  SELECT months.*, season.weight * coalesce(month_shock.factor, 1.0) AS weight
  FROM months JOIN season USING (m) LEFT JOIN month_shock USING (month)
)
SELECT month, year, m, weight / sum(weight) OVER (PARTITION BY year) AS month_share
FROM weighted
QUALIFY month BETWEEN getvariable('first_month') AND getvariable('last_month');

CREATE TABLE cal_quarter AS
SELECT make_date(y::INTEGER, (q::INTEGER - 1) * 3 + 1, 1) AS quarter, y::INTEGER AS year, q::INTEGER AS q
FROM range(getvariable('first_year'), getvariable('last_year') + 1) ys(y), range(1, 5) qs(q)
WHERE make_date(y::INTEGER, (q::INTEGER - 1) * 3 + 1, 1) BETWEEN getvariable('first_quarter') AND getvariable('last_quarter');

CREATE TABLE cal_year AS
SELECT y::INTEGER AS year FROM range(getvariable('first_year'), getvariable('last_year') + 1) ys(y);
