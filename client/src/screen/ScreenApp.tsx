// A screen of a wall (/wall/<wall>/<screen>): the current scene's slice, the next scene prepared underneath before
// a switch, the operator's banner, an alarm's strip and the offline banner. The page root carries data-scene.
import { useEffect, useState } from 'react';
import { useWall } from '../store/wall-store';
import { useFmt } from '../ui/use-fmt';
import { SceneCanvas } from './SceneCanvas';
import { useScreen } from './screen-store';
import { useSceneSwitch } from './scene-switch';
import { burnInShift, burnInStep } from './kiosk';
import { useLive } from '../live/live-context';
import { WALL_EVENTS } from '../../../server/protocol/walls';

function useViewport() {
  const [v, setV] = useState({ width: window.innerWidth, height: window.innerHeight });
  useEffect(() => {
    const on = () => setV({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return v;
}

function OfflineBanner() {
  const fmt = useFmt();
  const since = useWall((s) => (s.connection === 'offline' ? s.offlineSince : null));
  if (since === null) return null;
  return <div className="banner" role="alert" data-banner="offline">{fmt.t('banner', { time: fmt.hm(since) })}</div>;
}

function OperatorBanner() {
  const banner = useScreen((s) => s.state?.banner ?? null);
  if (!banner) return null;
  return <div className="operator-banner" data-banner="operator">{banner.text}</div>;
}

function AlarmStrip() {
  const fmt = useFmt();
  const alarm = useScreen((s) => s.state?.alarm ?? null);
  if (!alarm) return null;
  return (
    <div className="alarm-strip" role="alert" data-banner="alarm">
      <b>{fmt.t('alarm')}</b> · {fmt.hm(alarm.since)} · {fmt.lang === 'ru' ? alarm.reason_ru : alarm.reason_en}
    </div>
  );
}

export function ScreenApp() {
  const fmt = useFmt();
  const { wall, screen, scenes, error } = useScreen();
  const mode = useScreen((s) => s.state?.mode ?? 'normal');
  const live = useLive();
  const stack = useSceneSwitch((version) => { live.socket.emit(WALL_EVENTS.ready, { version }); });
  const viewport = useViewport();
  const step = useWall((s) => burnInStep(s.now + s.clockOffset));
  if (error) return <div className="fatal" role="alert"><h1>{fmt.t('screenError')}</h1><p>{error}</p></div>;
  if (!wall || !stack.shown) return <div className="screen-root" data-scene="" />;
  const shift = burnInShift(step);
  const layers = [stack.shown, stack.next, stack.leaving].filter((s, i, all): s is string => !!s && !!scenes[s] && all.indexOf(s) === i);
  return (
    <div className="screen-root" data-scene={stack.shown} data-next-scene={stack.next ?? ''} data-wall={wall.id}
      data-screen={screen?.id ?? ''} data-mode={mode}>
      <div className="stage" style={{ transform: `translate(${shift.x}px, ${shift.y}px)` }}>
        {/* keyed by scene: the prepared scene is the same element once raised, so nothing is redrawn at the switch */}
        {layers.map((id) => (
          <div key={id} className="scene-layer" data-scene-layer={id} style={{ zIndex: id === stack.shown ? 2 : 1 }}
            {...(id === stack.leaving ? { 'data-leaving': '' } : {})}>
            <SceneCanvas layout={scenes[id]!} wall={wall} screen={screen} viewport={viewport} />
          </div>
        ))}
      </div>
      {mode === 'visitor' && <div className="visitor-mark small">{fmt.t('visitorMode')}</div>}
      <AlarmStrip />
      <OperatorBanner />
      <OfflineBanner />
    </div>
  );
}
