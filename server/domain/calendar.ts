// The Russian working calendar (data/holidays.json): which local days are not ordinary for their weekday. Appeals and
// calls drop sharply on holidays, so a baseline that kept them would flag the next ordinary day as a spike.
import type { HolidaysFile } from '../reference/schemas';

export interface Calendar {
  /** the holiday's name when the day is a non-working holiday or a day off moved onto it, else null */
  holiday(day: string): { ru: string; en: string } | null;
  /** a holiday, a day off moved by law or decree, or a weekend day made a working day: unlike its weekday */
  atypical(day: string): boolean;
}

const TRANSFERRED = { ru: 'Перенесённый выходной', en: 'Day off (transferred)' };
const key = (d: Date) => d.toISOString().slice(0, 10);
const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/** Days off of one year: the fixed holidays, the next working day after a non-January holiday on a weekend (art. 112),
 *  and the Government's transfers for that year. */
function daysOff(file: HolidaysFile, year: number): Map<string, { ru: string; en: string }> {
  const out = new Map<string, { ru: string; en: string }>();
  const working = new Set(file.years[String(year)]?.workingDays ?? []);
  for (const h of file.fixed) out.set(`${year}-${h.date}`, { ru: h.name_ru, en: h.name_en });
  for (const h of file.fixed) {
    const d = new Date(`${year}-${h.date}T00:00:00Z`);
    if (h.date.startsWith('01-') || !isWeekend(d)) continue;
    do d.setUTCDate(d.getUTCDate() + 1); while ((isWeekend(d) && !working.has(key(d))) || out.has(key(d)));
    out.set(key(d), TRANSFERRED);
  }
  for (const day of file.years[String(year)]?.daysOff ?? []) if (!out.has(day)) out.set(day, TRANSFERRED);
  return out;
}

export function createCalendar(file: HolidaysFile): Calendar {
  const years = new Map<number, Map<string, { ru: string; en: string }>>();
  const workingDays = new Set(Object.values(file.years).flatMap((y) => y.workingDays));
  const offIn = (year: number) => {
    let m = years.get(year);
    if (!m) years.set(year, m = daysOff(file, year));
    return m;
  };
  const holiday = (day: string) => offIn(Number(day.slice(0, 4))).get(day) ?? null;
  return { holiday, atypical: (day) => holiday(day) !== null || workingDays.has(day) };
}
