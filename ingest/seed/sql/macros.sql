-- Deterministic pseudo-randomness: a value in [0, 1) from the seed, a salt naming its use, and the row's keys.
-- hash() is a pure function of its arguments, so every run (and every thread) draws the same numbers;
-- random() would not. Keys are passed as text or integers, never as doubles.
CREATE MACRO u1(salt, a) AS hash(getvariable('seed'), salt, a) / 18446744073709551616.0;
CREATE MACRO u2(salt, a, b) AS hash(getvariable('seed'), salt, a, b) / 18446744073709551616.0;
CREATE MACRO u3(salt, a, b, c) AS hash(getvariable('seed'), salt, a, b, c) / 18446744073709551616.0;
CREATE MACRO u4(salt, a, b, c, d) AS hash(getvariable('seed'), salt, a, b, c, d) / 18446744073709551616.0;

-- A uniform draw x in [0, 1) mapped onto [lo, hi).
CREATE MACRO lerp(lo, hi, x) AS lo + (hi - lo) * x;

-- Stochastic rounding: floor(x + r) with r uniform is an unbiased integer, so small cells still add up to the totals.
CREATE MACRO sround(x, r) AS floor(x + r)::BIGINT;

-- Relative level of activity per head by NBS macro-region (east highest).
CREATE MACRO macro_factor(m) AS CASE m WHEN 'east' THEN 1.3 WHEN 'central' THEN 1.0 WHEN 'west' THEN 0.85 WHEN 'northeast' THEN 0.8 ELSE 1.0 END;
