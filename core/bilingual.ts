/** A text in both of the product's languages: Chinese (the default) and English. */
export interface Bilingual {
  zh: string;
  en: string;
}
