/** Messages of one area of the app, in both languages (merged into the dictionaries by ../index.ts). */
export const docsZh = {} as const;

export const docsEn: Record<keyof typeof docsZh, string> = {};
