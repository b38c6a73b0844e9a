/**
 * Hand-made training rows for the provenance and data-package tests, deliberately out of order. Guangdong (440000)
 * from 2024 is three rows, sorted by month, region, programme, field: 2024-01 440100 vocational 200 (funding
 * 1,500.5); 2024-02 440100 knowledge renewal 40; 2024-03 440300 vocational 100 — 340 person-times, funding 1,500.5,
 * all synthetic. The whole table adds 2023-12 440100 (7) and Beijing's 2024-01 row from a bulletin (60): five rows,
 * 407 person-times, four synthetic and one from the bulletin.
 */
export const bulletin = '人社部公报 2024';

export const training = `month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny,source
2024-03,440300,vocational_training,general,100,90,0,0,synthetic
2024-01,440100,vocational_training,general,200,180,20,1500.5,synthetic
2024-01,110100,knowledge_renewal,ai,60,50,5,0,${bulletin}
2024-02,440100,knowledge_renewal,general,40,30,4,0,synthetic
2023-12,440100,vocational_training,general,7,7,0,0,synthetic
`;

/** The Guangdong rows from 2024 as a dataset export request. */
export const guangdong = '/api/datasets/training?regions=440000&from_year=2024';
