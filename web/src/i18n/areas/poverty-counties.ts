/** Messages of one area of the app, in both languages (merged into the dictionaries by ../index.ts). */
export const povertyCountiesZh = {} as const;

export const povertyCountiesEn: Record<keyof typeof povertyCountiesZh, string> = {};
