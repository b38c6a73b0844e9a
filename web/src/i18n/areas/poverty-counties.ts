/** Messages of one area of the app, in both languages (merged into the dictionaries by ../index.ts). */
export const povertyCountiesZh = {
  countiesTitle: '52个未摘帽贫困县',
  countiesNone: '所选省份没有未摘帽贫困县（52个县分布在广西、四川、贵州、云南、甘肃、宁夏、新疆）。',
  countiesSummary: '{period}{count}个县每万人培训人次从{lowName}的{low}到{highName}的{high}；合计{total}，全国{national}。',
  countiesRank: '名次',
  countiesName: '县',
  countiesPrefecture: '地市',
  countiesProvince: '省份',
  countiesPlacements: '“三支一扶”每万人（{year}年）',
  countiesTotal: '所列各县合计',
  countiesNoPlacements: '未报送',
  countiesUnit: '每万名劳动年龄人口培训人次',
} as const;

export const povertyCountiesEn: Record<keyof typeof povertyCountiesZh, string> = {
  countiesTitle: 'The 52 uncapped poverty counties',
  countiesNone:
    'The province chosen has none of the uncapped poverty counties (the 52 are in Guangxi, Sichuan, Guizhou, Yunnan, Gansu, Ningxia and Xinjiang).',
  countiesSummary:
    '{period}, {count} counties: from {low} per 10,000 in {lowName} to {high} in {highName}; {total} all together, national {national}.',
  countiesRank: 'Rank',
  countiesName: 'County',
  countiesPrefecture: 'Prefecture',
  countiesProvince: 'Province',
  countiesPlacements: 'Three Supports placements per 10,000 ({year})',
  countiesTotal: 'The counties listed',
  countiesNoPlacements: 'not reported',
  countiesUnit: 'Person-times per 10,000 working-age people',
} as const;
