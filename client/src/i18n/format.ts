// Numbers, percentages, times and ages in the wall's language and the region's time zone.
import type { Lang } from './lang';
import { STRINGS, type StringKey } from './strings';

export interface Formatters {
  lang: Lang;
  t(key: StringKey, vars?: Record<string, string | number>): string;
  /** integer with the locale's thousands separator */
  n(v: number | null | undefined): string;
  /** a share 0..1 as a percentage */
  pct(v: number | null | undefined, digits?: number): string;
  /** one decimal */
  d1(v: number | null | undefined): string;
  /** HH:MM in the region's zone */
  hm(epochMs: number): string;
  /** the long date and time for the header */
  dateTime(epochMs: number): string;
  /** the local hour (0..23) in the region's zone */
  hour(epochMs: number): number;
  /** "5 s", "3 min", "2 h" */
  age(seconds: number): string;
}

export function formatters(lang: Lang, timeZone: string): Formatters {
  const locale = lang === 'ru' ? 'ru-RU' : 'en-GB';
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const hm = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  const dt = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  const hourOnly = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone });
  const s = STRINGS[lang];
  const t = (key: StringKey, vars?: Record<string, string | number>) =>
    vars ? s[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? '')) : s[key];
  return {
    lang, t,
    n: (v) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : int.format(Math.round(v))),
    pct: (v, digits = 0) => (v === null || v === undefined || !Number.isFinite(v) ? '—'
      : `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v * 100)}%`),
    d1: (v) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : one.format(v)),
    hm: (ms) => hm.format(ms),
    hour: (ms) => Number(hourOnly.format(ms)) % 24,
    dateTime: (ms) => dt.format(ms),
    age: (sec) => {
      const a = Math.max(0, Math.round(sec));
      if (a < 90) return `${a} ${s.sec}`;
      if (a < 90 * 60) return `${Math.round(a / 60)} ${s.min}`;
      return `${Math.round(a / 3600)} ${s.hour}`;
    },
  };
}
