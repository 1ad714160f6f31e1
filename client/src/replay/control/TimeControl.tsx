// The time control of a wall (console and desk): a day of the region with its incidents and alarms marked; pick a
// moment, play a window at a speed, pause, jump, or put the wall back to live. Every button is
// POST /api/walls/<wall>/replay, which moves all the wall's screens together and is logged; the control shows what
// the wall shows, and when it goes back to live by itself.
import { useEffect, useMemo, useState } from 'react';
import { replayMomentAt, type WallReplay } from '../../../../server/protocol/walls';
import { DAY, HOUR, MINUTE, dayKey, dayStart } from '../../../../server/domain/time';
import { api } from '../../console/api';
import { DayTimeline } from './DayTimeline';
import { useDayMarks } from './day-marks';
import { timeText, type TimeKey } from './strings';
import './time-control.css';

export type ReplayBody = { action: 'show' | 'jump'; at: string } | { action: 'play'; from: string; to: string; speed: number }
  | { action: 'pause' | 'resume' | 'live' };

const SPEEDS = [60, 600, 3600];
const LENGTHS = [1, 3, 12];
const iso = (t: number) => new Date(t).toISOString();

/** the region's time zone, from the summary (the day on the timeline is the region's day) */
function useRegionZone(): string | null {
  const [tz, setTz] = useState<string | null>(null);
  useEffect(() => { void api<{ timezone: string }>('GET', '/api/summary').then((s) => setTz(s.timezone)).catch(() => setTz('UTC')); }, []);
  return tz;
}

function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => { const t = setInterval(() => setNow(Date.now()), 1000); return () => clearInterval(t); }, []);
  return now;
}

export function TimeControl({ lang, replay, act }: { lang: 'ru' | 'en'; replay: WallReplay | null; act: (body: ReplayBody) => Promise<void> }) {
  const tz = useRegionZone();
  return tz ? <Control lang={lang} replay={replay} act={act} tz={tz} /> : null;
}

function Control({ lang, replay, act, tz }: { lang: 'ru' | 'en'; replay: WallReplay | null; act: (body: ReplayBody) => Promise<void>; tz: string }) {
  const t = (k: TimeKey, v?: Record<string, string | number>) => timeText(lang, k, v);
  const now = useNow();
  const today = dayStart(now, tz);
  const [day, setDay] = useState(() => (replay ? dayStart(replayMomentAt(replay, now), tz) : today));
  const [hours, setHours] = useState(3);
  const [speed, setSpeed] = useState(600);
  const marks = useDayMarks(day, day + DAY);
  const fmt = useMemo(() => ({
    hm: new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: tz }),
    full: new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', second: '2-digit',
      hourCycle: 'h23', timeZone: tz }),
  }), [lang, tz]);
  const shown = replay ? replayMomentAt(replay, now) : null;
  const window = replay && replay.to !== null ? { from: replay.from, to: replay.to } : null;
  /** a moment picked or stepped to: a jump inside the window being played, otherwise that moment held */
  const goTo = (at: number) => {
    const clamped = Math.min(now, Math.max(0, at));
    void act(window && clamped >= window.from && clamped <= window.to ? { action: 'jump', at: iso(clamped) } : { action: 'show', at: iso(clamped) });
  };
  // from the moment shown, or the last hours of the day on the bar; a start at the present plays the hours before it
  const wanted = shown ?? Math.max(day, Math.min(now, day + DAY) - hours * HOUR);
  const playFrom = wanted > now - MINUTE ? now - hours * HOUR : wanted;
  const night = { from: dayStart(today - DAY / 2, tz) + 20 * HOUR, to: Math.min(now, today + 8 * HOUR) };
  return (
    <div className="tc" data-time-control={replay ? 'replay' : 'live'}>
      <div className={`tc-status ${replay ? 'is-replay' : 'is-live'}`} data-replay-status>
        <b>{replay ? t('replay') : t('live')}</b>
        {replay && shown !== null && <>
          <span className="tc-when">{fmt.full.format(shown)}</span>
          <span>{replay.speed > 0 ? (shown >= (replay.to ?? Infinity) ? t('ended') : t('playing', { speed: replay.speed })) : window ? t('paused') : t('held')}</span>
          <span className="tc-muted">{t('liveAt', { time: fmt.hm.format(replay.liveAt) })} · {t('by', { name: replay.by })}</span>
        </>}
      </div>
      <div className="tc-row">
        <button data-day-step="-1" onClick={() => setDay(dayStart(day - DAY / 2, tz))}>{t('prevDay')}</button>
        <b className="tc-day" data-day={dayKey(day, tz)}>{dayKey(day, tz)}</b>
        <button data-day-step="1" onClick={() => setDay(dayStart(day + DAY + HOUR, tz))} disabled={day >= today}>{t('nextDay')}</button>
        <button onClick={() => setDay(today)} disabled={day === today}>{t('today')}</button>
        <span className="tc-spacer" />
        <span className="tc-muted">{marks.filter((m) => m.kind === 'incident').length} {t('incidents')} · {marks.filter((m) => m.kind === 'alarm').length} {t('alarms')}</span>
      </div>
      <DayTimeline from={day} to={day + DAY} now={now} marks={marks} shown={shown} window={window} hourLabel={(x) => fmt.hm.format(x)} onPick={goTo} />
      <p className="tc-muted tc-hint">{t('pick')}</p>
      <div className="tc-row">
        <button data-replay-action="play" onClick={() => void act({ action: 'play', from: iso(playFrom), to: iso(Math.min(now, playFrom + hours * HOUR)), speed })}>
          {t('play')} {fmt.hm.format(playFrom)}</button>
        <label>{t('length')} <select value={hours} onChange={(e) => setHours(Number(e.target.value))}>
          {LENGTHS.map((h) => <option key={h} value={h}>{t('hours', { n: h })}</option>)}</select></label>
        <label>{t('speed')} <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} data-replay-speed>
          {SPEEDS.map((s) => <option key={s} value={s}>×{s}</option>)}</select></label>
        {replay && window && (replay.speed > 0
          ? <button data-replay-action="pause" onClick={() => void act({ action: 'pause' })}>{t('pause')}</button>
          : <button data-replay-action="resume" onClick={() => void act({ action: 'resume' })}>{t('resume')}</button>)}
        <button disabled={!replay} onClick={() => shown !== null && goTo(shown - 10 * MINUTE)}>{t('back')}</button>
        <button disabled={!replay} onClick={() => shown !== null && goTo(shown + 10 * MINUTE)}>{t('forward')}</button>
      </div>
      <div className="tc-row">
        <button data-replay-action="night" onClick={() => void act({ action: 'play', from: iso(night.from), to: iso(night.to), speed: 600 })}>{t('night')}</button>
        <span className="tc-spacer" />
        <button className="tc-live" data-replay-action="live" disabled={!replay} onClick={() => void act({ action: 'live' })}>{t('toLive')}</button>
      </div>
    </div>
  );
}
