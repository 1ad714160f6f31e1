// The formatters for the wall's language and the region's time zone (from the summary), memoised.
import { useMemo } from 'react';
import { formatters, type Formatters } from '../i18n/format';
import { useWall } from '../store/wall-store';

export const DEFAULT_TZ = 'Asia/Yekaterinburg';

export function useFmt(): Formatters {
  const lang = useWall((s) => s.lang);
  const tz = useWall((s) => s.summary?.timezone ?? DEFAULT_TZ);
  return useMemo(() => formatters(lang, tz), [lang, tz]);
}
