// The desk's dates and times in the region's time zone (the summary's), in the desk's language.
import { useMemo } from 'react';
import type { Lang } from '../i18n/lang';
import { useWall } from '../store/wall-store';
import { DEFAULT_TZ } from '../ui/use-fmt';

export interface DeskFormat { when(t: number | null | undefined): string; n(v: number | null | undefined): string }

export function deskFormat(lang: Lang, timeZone: string): DeskFormat {
  const locale = lang === 'ru' ? 'ru-RU' : 'en-GB';
  const dt = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    when: (t) => (typeof t === 'number' ? dt.format(t) : '—'),
    n: (v) => (typeof v === 'number' && Number.isFinite(v) ? int.format(v) : '—'),
  };
}

export function useDeskFormat(lang: Lang): DeskFormat {
  const tz = useWall((s) => s.summary?.timezone ?? DEFAULT_TZ);
  return useMemo(() => deskFormat(lang, tz), [lang, tz]);
}
