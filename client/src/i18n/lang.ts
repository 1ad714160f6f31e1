// The interface language: ?lang=ru|en wins, else the browser's, else Russian (the centre's working language).
export type Lang = 'ru' | 'en';
export const LANGS: readonly Lang[] = ['ru', 'en'];

export function pickLang(search: string, browser: readonly string[]): Lang {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'ru' || asked === 'en') return asked;
  for (const l of browser) {
    const base = l.toLowerCase().slice(0, 2);
    if (base === 'ru' || base === 'en') return base;
  }
  return 'ru';
}

/** A reference item's name in the language (reference files carry name_ru and name_en). */
export const nameOf = (item: { name_ru: string; name_en: string } | undefined, lang: Lang, fallback = '—'): string =>
  item ? (lang === 'ru' ? item.name_ru : item.name_en) : fallback;

/** The short name where a panel has no room for the full one (reference files may carry short_ru / short_en). */
export const shortNameOf = (item: { name_ru: string; name_en: string; short_ru?: string; short_en?: string } | undefined, lang: Lang, fallback = '—'): string =>
  item ? (lang === 'ru' ? item.short_ru ?? item.name_ru : item.short_en ?? item.name_en) : fallback;

/** A municipality's name for lists: "Аургазинский р-н" / "Aurgazinsky". */
export const municipalityLabel = (item: { name_ru: string; name_en: string } | undefined, lang: Lang, fallback = '—'): string =>
  item ? (lang === 'ru' ? item.name_ru.replace(/ район$/, ' р-н') : item.name_en.replace(/ District$/, '')) : fallback;
