// SQL for the year's daily figures (migration 14): a day's rows written together, the days that have them, and the
// figures summed over a range of days. Days are local day keys (YYYY-MM-DD), so a range is a string range.
import type { Db } from './database';

export type FigureOrigin = 'computed' | 'imported';
export interface FigureRow { day: string; figure: string; key: string; value: number }

export function dailyFigureStore(db: Db) {
  const put = db.prepare('INSERT OR REPLACE INTO daily_figures VALUES (?, ?, ?, ?, ?)');
  const clearDay = db.prepare('DELETE FROM daily_figures WHERE day = ?');
  const originOf = db.prepare<[string], { origin: string }>("SELECT origin FROM daily_figures WHERE figure = 'covered' AND day = ? LIMIT 1");
  const covered = db.prepare<[string, string], { key: string; origin: string; n: number }>(
    "SELECT key, origin, count(*) AS n FROM daily_figures WHERE figure = 'covered' AND day >= ? AND day <= ? GROUP BY key, origin");
  const computedDays = db.prepare<[string, string], { day: string }>(
    "SELECT DISTINCT day FROM daily_figures WHERE figure = 'covered' AND origin = 'computed' AND day >= ? AND day <= ?");
  const sums = db.prepare<[string, string, string], { key: string; sum: number; days: number }>(
    'SELECT key, sum(value) AS sum, count(*) AS days FROM daily_figures WHERE figure = ? AND day >= ? AND day <= ? GROUP BY key');
  const byDay = db.prepare<[string, string, string], { day: string; value: number }>(
    'SELECT day, sum(value) AS value FROM daily_figures WHERE figure = ? AND day >= ? AND day <= ? GROUP BY day ORDER BY day');
  const distinctKeys = db.prepare<[string, string, string], { n: number }>(
    'SELECT count(DISTINCT key) AS n FROM daily_figures WHERE figure = ? AND day >= ? AND day <= ?');
  return {
    /** replaces one day's rows with these (one transaction) */
    putDay: db.transaction((day: string, rows: FigureRow[], origin: FigureOrigin) => {
      clearDay.run(day);
      for (const r of rows) put.run(r.day, r.figure, r.key, r.value, origin);
    }),
    /** how a day's figures were made, or null without any */
    originOf: (day: string): FigureOrigin | null => (originOf.get(day)?.origin as FigureOrigin | undefined) ?? null,
    /** per group of figures, the days in the range that have it, by origin */
    coverage: (from: string, to: string) => covered.all(from, to),
    computedDays: (from: string, to: string): Set<string> => new Set(computedDays.all(from, to).map((r) => r.day)),
    /** a figure summed over the days in the range, per key (with how many days had it) */
    sums: (figure: string, from: string, to: string) => sums.all(figure, from, to),
    /** a figure per day (its keys summed) */
    byDay: (figure: string, from: string, to: string) => byDay.all(figure, from, to),
    distinctKeys: (figure: string, from: string, to: string): number => distinctKeys.get(figure, from, to)?.n ?? 0,
  };
}
export type DailyFigureStore = ReturnType<typeof dailyFigureStore>;
