// "▲ 12% vs yesterday": a change against a named comparison, coloured by whether the change is good or bad.
import type { Formatters } from '../i18n/format';

export interface ChangeProps {
  now: number;
  before: number | null;
  /** true when a rise is bad (appeals, overdue), false when a rise is good (teams on duty), null when it is neither */
  riseIsBad: boolean | null;
  fmt: Formatters;
  /** text after the figure, e.g. "vs yesterday" */
  label?: string;
  /** show the difference as a count (+30) instead of a percentage */
  absolute?: boolean;
}

export function Change({ now, before, riseIsBad, fmt, label, absolute }: ChangeProps) {
  if (before === null) return <span className="change change-none">—{label ? ` ${label}` : ''}</span>;
  const diff = now - before;
  const flat = absolute ? diff === 0 : before === 0 ? diff === 0 : Math.abs(diff / before) < 0.005;
  const rose = diff > 0;
  const tone = flat || riseIsBad === null ? 'flat' : rose === riseIsBad ? 'bad' : 'good';
  const arrow = flat ? '—' : rose ? '▲' : '▼';
  const figure = absolute ? `${diff > 0 ? '+' : diff < 0 ? '−' : ''}${fmt.n(Math.abs(diff))}`
    : before === 0 ? (diff === 0 ? '0%' : `+${fmt.n(diff)}`) : fmt.pct(Math.abs(diff / before));
  return <span className={`change change-${tone}`}>{arrow} {figure}{label ? ` ${label}` : ''}</span>;
}
