// The header of a wall in the past: the word REPLAY (ПОВТОР), the shown date and time large, with the year, and
// whether the window is playing; the page's frame turns violet (wall.css, html.replay). No one takes it for live.
import { useMemo } from 'react';
import { useWall } from '../store/wall-store';
import { useFmt } from '../ui/use-fmt';

export function ReplayMark() {
  const fmt = useFmt();
  const replay = useWall((s) => s.replay);
  const tz = useWall((s) => s.summary?.timezone);
  const long = useMemo(() => new Intl.DateTimeFormat(fmt.lang === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', ...(tz ? { timeZone: tz } : {}) }), [fmt.lang, tz]);
  if (!replay) return null;
  const state = replay.paused ? fmt.t('replayPaused') : replay.to === null ? fmt.t('replayHeld')
    : replay.playing ? fmt.t('replayPlaying', { speed: fmt.n(replay.speed) }) : fmt.t('replayEnd');
  // a replay from the console ends by itself: say when, so no one wonders whether the wall is stuck in the past
  const back = replay.liveAt !== null ? fmt.t('replayLiveAt', { time: fmt.hm(replay.liveAt) }) : fmt.t('replayHint');
  return (
    <div className="wall-replay" data-replay-at={new Date(replay.at).toISOString()}>
      <b className="replay-word">{fmt.t('replay')}</b>
      <span className="replay-when">{long.format(replay.at)}</span>
      <small>{state} · {back}</small>
    </div>
  );
}
