/** Messages of one area of the app, in both languages (merged into the dictionaries by ../index.ts). */
export const publishedZh = {} as const;

export const publishedEn: Record<keyof typeof publishedZh, string> = {};
