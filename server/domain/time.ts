// Local time of the region: "today", hours of the day and day keys are local (Asia/Yekaterinburg by default).
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MINUTE = 60_000;
/** How far in the future a producer's clock may run before its times are refused. */
export const FUTURE_TOLERANCE = 10 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(tz, f);
  }
  return f;
}

export interface LocalParts { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number }

export function localParts(t: number, tz: string): LocalParts {
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const weekday = new Date(Date.UTC(p.year!, p.month! - 1, p.day!)).getUTCDay();
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second!, weekday };
}

/** Offset of local time from UTC at instant t, in ms. */
export function offsetAt(t: number, tz: string): number {
  const p = localParts(t, tz);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
}

/** The instant local midnight began for the local day containing t. */
export function dayStart(t: number, tz: string): number {
  const p = localParts(t, tz);
  const guess = Date.UTC(p.year, p.month - 1, p.day) - offsetAt(t, tz);
  // one correction step covers a DST change between midnight and t
  return Date.UTC(p.year, p.month - 1, p.day) - offsetAt(guess, tz);
}

/** Local date as YYYY-MM-DD. */
export function dayKey(t: number, tz: string): string {
  const p = localParts(t, tz);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Whole local days since 1970-01-01 (a stable per-day number for seeding). */
export function dayNumber(t: number, tz: string): number {
  const p = localParts(t, tz);
  return Math.round(Date.UTC(p.year, p.month - 1, p.day) / DAY);
}

/** The range of times Sitroom accepts from anyone (a year 0000 or 9999 is a broken clock or a typo). */
export const EARLIEST_TIME = Date.UTC(2000, 0, 1);
export const LATEST_TIME = Date.UTC(2100, 0, 1);
export const TIME_RANGE = 'from 2000-01-01 to 2100-01-01';
export const inTimeRange = (t: number): boolean => t >= EARLIEST_TIME && t < LATEST_TIME;

/** Accepts epoch ms, epoch seconds (told apart by size) or an ISO-8601 string with a zone, within TIME_RANGE; null
 *  when unreadable or out of range. */
export function parseTime(v: unknown): number | null {
  const t = readTime(v);
  return t !== null && inTimeRange(t) ? t : null;
}

function readTime(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v < 1e11 ? Math.round(v * 1000) : Math.round(v);
  if (typeof v === 'string' && v.trim() !== '') {
    if (/^\d+(\.\d+)?$/.test(v.trim())) return readTime(Number(v));
    if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(v.trim())) return null;
    const t = Date.parse(v);
    return Number.isFinite(t) ? t : null;
  }
  return null;
}
