// What the year panels share: the period and its comparison in one line with the two years' colours, and a figure
// told large with last year's beside it.
import type { YearCompared, YearSummary } from '../../../server/protocol/year';
import type { Formatters } from '../i18n/format';
import { Change } from '../ui/Change';
import { Num } from '../ui/Num';

const dayMonth = (day: string, lang: string) =>
  new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.parse(`${day}T12:00:00Z`));

/** "1 January – 29 November · vs the same days of 2025", with the legend of both years and, for the panel's main
 *  group of figures, how many days each year has on record when that is fewer than the period's */
export function YearHead({ y, fmt, group }: { y: YearSummary; fmt: Formatters; group: string }) {
  const year = y.period.to.slice(0, 4), last = y.lastYearPeriod.to.slice(0, 4);
  // a comparison over fewer days than the period says so (a young database, an archive with gaps)
  const days = (c: Record<string, { computed: number; imported: number }>) => (c[group]?.computed ?? 0) + (c[group]?.imported ?? 0);
  const partial = [[year, days(y.coverage.thisYear), y.period.days], [last, days(y.coverage.lastYear), y.lastYearPeriod.days]] as const;
  return (
    <div className="year-head">
      <span>{fmt.t('yearPeriod', { from: dayMonth(y.period.from, fmt.lang), to: dayMonth(y.period.to, fmt.lang), last })}</span>
      <span className="year-legend"><i className="sw-this" />{year} <i className="sw-last" />{last}</span>
      {partial.filter(([, n, of]) => n < of).map(([label, n, of]) => (
        <span key={label} className="year-partial" data-partial={label}>{label}: {fmt.t('yearDays', { n, of })}</span>
      ))}
    </div>
  );
}

/** A figure of this year, large, with its change against last year and last year's value named */
export function YearFigure({ c, label, fmt, format, riseIsBad, absolute, lastYearLabel, figure }: {
  c: YearCompared; label: string; fmt: Formatters; format: (v: number) => string;
  /** null: a change that is neither good nor bad (more appeals, more calls) */
  riseIsBad: boolean | null;
  /** the change as a count (true) or a percentage (false); absent: last year's value alone (a share) */
  absolute?: boolean; lastYearLabel: string; figure: string }) {
  // the same value both years: no arrow, just last year's
  const judged = absolute !== undefined && c.value !== c.lastYear;
  return (
    <div className="year-figure" data-figure={figure}>
      <Num className="year-big" text={c.value === null ? '—' : format(c.value)} />
      <span className="year-label">{label}</span>
      {c.value !== null && c.lastYear !== null && (!judged
        ? <span className="muted">{fmt.t('yearIn', { year: lastYearLabel, value: format(c.lastYear) })}</span>
        : <Change now={c.value} before={c.lastYear} riseIsBad={riseIsBad} absolute={absolute} fmt={fmt} label={fmt.t('yearIn', { year: lastYearLabel, value: format(c.lastYear) })} />)}
      {c.value !== null && c.lastYear === null && <span className="muted">{fmt.t('yearIn', { year: lastYearLabel, value: fmt.t('yearNone') })}</span>}
    </div>
  );
}
