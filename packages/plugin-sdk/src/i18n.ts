/** A label in both languages the graph speaks. */
export interface I18n {
  zh: string;
  en: string;
}

/** "中文 / English" description used across the schema. */
export const describe = (t: I18n): string => `${t.zh} / ${t.en}`;
