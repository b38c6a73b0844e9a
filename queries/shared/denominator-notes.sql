-- Regions whose census denominator is known to be incomplete (docs/reference-data.md, "Population" and the county
-- cross-check), with a note in both languages. A rate over such a denominator reads high; a region not listed
-- has a complete denominator as far as the census tables show. `short` says which denominator is incomplete:
-- 'working_age' (the 15–59 population only) or 'both' (the whole population, and so the working age too).
-- Included as a CTE by the queries that divide by population.
denominator_notes (region_code, short, note_zh, note_en) AS (
  VALUES
    ('220000', 'working_age', '劳动年龄人口不含通化市（普查地市表无其年龄构成，约180万常住人口），每万人比率偏高约8%',
     'working-age population leaves out Tonghua (no age breakdown in the census prefecture table; about 1.8 million residents): rates per 10,000 read about 8 % high'),
    ('220500', 'working_age', '普查地市表无通化市年龄构成，无劳动年龄人口数',
     'no age breakdown in the census prefecture table, so no working-age population'),
    ('130000', 'both', '人口为普查地市表之和：保定市一行不含定州市和雄安新区（县级普查表多2,301,426人），比率偏高',
     'population is the census prefecture table''s sum, whose Baoding row leaves out Dingzhou and Xiong''an (the county table counts 2,301,426 more): rates read high'),
    ('130600', 'both', '普查地市表的保定市一行不含定州市和雄安新区（县级普查表多2,301,426人），比率偏高',
     'the census prefecture table''s Baoding row leaves out Dingzhou and Xiong''an (the county table counts 2,301,426 more): rates read high'),
    ('460000', 'both', '人口为普查地市表之和，低于全省普查公报数，比率略偏高',
     'population is the census prefecture table''s sum, below the provincial census bulletin: rates read slightly high'),
    ('610000', 'both', '人口为普查地市表之和，低于全省普查公报数，比率略偏高',
     'population is the census prefecture table''s sum, below the provincial census bulletin: rates read slightly high'),
    ('650000', 'both', '兵团师市无普查人口，不计入分母，比率偏高',
     'the XPCC cities have no census population and are left out of the denominator: rates read high')
)
