// One day of the region as a bar: hours, marks where incidents were reported and alarms took over, the window being
// played, the moment the wall shows, and the future greyed. A click picks that moment (never later than now).
import type { MouseEvent } from 'react';
import type { DayMark } from './day-marks';

export interface DayTimelineProps {
  from: number;
  to: number;
  now: number;
  marks: DayMark[];
  /** the moment the wall shows (null: live) and the window it plays */
  shown: number | null;
  window: { from: number; to: number } | null;
  hourLabel: (t: number) => string;
  onPick: (t: number) => void;
}

const HOURS = [0, 3, 6, 9, 12, 15, 18, 21];

export function DayTimeline({ from, to, now, marks, shown, window: w, hourLabel, onPick }: DayTimelineProps) {
  const span = to - from;
  const pct = (t: number) => `${Math.min(100, Math.max(0, ((t - from) / span) * 100))}%`;
  const pick = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    onPick(Math.min(now, from + ((e.clientX - box.left) / box.width) * span));
  };
  return (
    <div className="tc-timeline" data-timeline={new Date(from).toISOString()} onClick={pick} role="slider" aria-valuemin={from} aria-valuemax={to}
      aria-valuenow={shown ?? now} tabIndex={0}>
      {now < to && <div className="tc-future" style={{ left: pct(now), right: 0 }} />}
      {w && <div className="tc-window" style={{ left: pct(w.from), width: `calc(${pct(w.to)} - ${pct(w.from)})` }} />}
      {HOURS.map((h) => (
        <span key={h} className="tc-hour" style={{ left: pct(from + h * 3_600_000) }}>{hourLabel(from + h * 3_600_000)}</span>
      ))}
      {marks.filter((m) => m.at >= from && m.at <= to).map((m, i) => (
        <i key={i} className={`tc-mark tc-${m.kind} sev-${m.severity}`} style={{ left: pct(m.at) }} title={`${hourLabel(m.at)} · ${m.label}`}
          data-mark={m.kind} />
      ))}
      {shown !== null && shown >= from && shown <= to && <div className="tc-cursor" style={{ left: pct(shown) }} data-cursor={new Date(shown).toISOString()} />}
    </div>
  );
}
