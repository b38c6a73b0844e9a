-- Deterministic pseudo-randomness: a value in [0, 1) from the seed, a salt naming its use, and the row's keys.
-- hash() is a pure function of its arguments, so every run (and every thread) draws the same numbers;
-- random() would not. The keys' hash is mixed with the salt's and hashed again: hash(seed, salt, keys)
-- alone leaves draws with different salts correlated. Keys are text or integers, never doubles.
CREATE MACRO mix(salt, h) AS hash(xor(h, hash(salt))) / 18446744073709551616.0;
CREATE MACRO u1(salt, a) AS mix(salt, hash(getvariable('seed'), a));
CREATE MACRO u2(salt, a, b) AS mix(salt, hash(getvariable('seed'), a, b));
CREATE MACRO u3(salt, a, b, c) AS mix(salt, hash(getvariable('seed'), a, b, c));
CREATE MACRO u4(salt, a, b, c, d) AS mix(salt, hash(getvariable('seed'), a, b, c, d));

-- A uniform draw x in [0, 1) mapped onto [lo, hi).
CREATE MACRO lerp(lo, hi, x) AS lo + (hi - lo) * x;

-- Stochastic rounding: floor(x + r) with r uniform is an unbiased integer, so small cells still add up to the totals.
CREATE MACRO sround(x, r) AS floor(x + r)::BIGINT;

-- Relative level of activity per head by NBS macro-region (east highest).
CREATE MACRO macro_factor(m) AS CASE m WHEN 'east' THEN 1.3 WHEN 'central' THEN 1.0 WHEN 'west' THEN 0.85 WHEN 'northeast' THEN 0.8 ELSE 1.0 END;

-- Relative cost of a person-time of training by macro-region.
CREATE MACRO cost_factor(m) AS CASE m WHEN 'east' THEN 1.15 WHEN 'central' THEN 1.0 ELSE 0.95 END;
