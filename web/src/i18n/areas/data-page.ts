/** Messages of one area of the app, in both languages (merged into the dictionaries by ../index.ts). */
export const dataPageZh = {} as const;

export const dataPageEn: Record<keyof typeof dataPageZh, string> = {};
