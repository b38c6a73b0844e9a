-- Inputs of the competition fact (competition × year × province × trade).

-- WorldSkills trades (English names as WorldSkills uses them) and the size of a team.
CREATE TABLE trade AS
SELECT * FROM (VALUES
  ('CNC Milling', 1), ('CNC Turning', 1), ('Welding', 1), ('Mobile Robotics', 2), ('Cloud Computing', 1),
  ('Electrical Installations', 1), ('Health and Social Care', 1), ('Cooking', 1), ('Industrial Control', 1),
  ('Mechatronics', 2), ('Plumbing and Heating', 1), ('Bricklaying', 1), ('Wall and Floor Tiling', 1),
  ('Cabinetmaking', 1), ('Joinery', 1), ('Car Painting', 1), ('Autobody Repair', 1), ('Automobile Technology', 1),
  ('Aircraft Maintenance', 1), ('Web Technologies', 1), ('IT Network Systems Administration', 1), ('Cyber Security', 2),
  ('Graphic Design Technology', 1), ('3D Digital Game Art', 1), ('Fashion Technology', 1), ('Hairdressing', 1),
  ('Beauty Therapy', 1), ('Restaurant Service', 1), ('Patisserie and Confectionery', 1), ('Floristry', 1),
  ('Landscape Gardening', 2), ('Plastic Die Engineering', 1), ('Polymechanics and Automation', 1),
  ('Manufacturing Team Challenge', 3), ('Industrial Mechanics', 1), ('Refrigeration and Air Conditioning', 1),
  ('Water Technology', 1), ('Additive Manufacturing', 1), ('Chemical Laboratory Technology', 1), ('Industry 4.0', 2)
) t(trade, team_size);

-- China's WorldSkills results by edition (2022: the Special Edition); medals beyond our 40 trades are left out.
CREATE TABLE worldskills_result AS
SELECT * FROM (VALUES
  (2011, 6, 0, 1, 0, 5), (2013, 22, 0, 1, 3, 13), (2015, 29, 5, 6, 3, 12), (2017, 40, 15, 7, 8, 10),
  (2019, 40, 16, 14, 5, 5), (2022, 34, 21, 3, 4, 5), (2024, 40, 16, 10, 6, 8)
) t(year, trades, gold, silver, bronze, excellence);

-- Provinces with a competitive strength: size (square root) and the east's training systems.
CREATE TABLE comp_province AS
SELECT region_code, sqrt(working_age) * CASE macro_region WHEN 'east' THEN 1.6 WHEN 'central' THEN 1.0 WHEN 'northeast' THEN 0.9 ELSE 0.7 END AS strength
FROM province;

-- Editions held in the period and how many trades each has: WorldSkills in its real years, the
-- National Skills Competition in 2020, 2023 and 2025, the others every year (vocational colleges since 2008).
CREATE TABLE comp_edition AS
WITH e AS (
  SELECT e.competition_code, e.level, y.year,
         CASE
           WHEN e.competition_code = 'worldskills' OR e.level = 'international' THEN (SELECT trades FROM worldskills_result w WHERE w.year = y.year)
           WHEN e.competition_code = 'national_skills' THEN CASE WHEN y.year IN (2020, 2023, 2025) THEN 40 END
           WHEN e.competition_code = 'national_vocational' THEN CASE WHEN y.year >= 2008 THEN 24 END
           ELSE 16
         END AS trades
  FROM ref_competition_event e, cal_year y
)
SELECT * FROM e WHERE trades IS NOT NULL;

-- The trades of each edition: a fixed draw of `trades` of the 40.
CREATE TABLE comp_trade AS
SELECT competition_code, level, year, trade, team_size
FROM comp_edition e, trade t
QUALIFY row_number() OVER (PARTITION BY competition_code, year ORDER BY u3('trade', competition_code, year, trade), trade) <= e.trades;
