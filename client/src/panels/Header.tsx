// The wall's header: the centre and region, the local date and time, the connection state and the newest data's age.
import { STREAMS } from '../../../server/protocol/layout';
import { serverNow, useWall } from '../store/wall-store';
import { useFmt } from '../ui/use-fmt';
import type { PanelProps } from './registry';
import { ReplayMark } from '../replay/ReplayMark';

export function Header(_: PanelProps) {
  const fmt = useFmt();
  const connection = useWall((s) => s.connection);
  const clock = useWall((s) => fmt.dateTime(serverNow(s)));
  const newestAge = useWall((s) => {
    const newest = Math.max(...STREAMS.map((st) => s.lastAt[st] ?? 0));
    return newest ? fmt.age((serverNow(s) - newest) / 1000) : null;
  });
  const outside = useWall((s) => s.summary?.outsideRegion?.total ?? 0);
  const stale = connection !== 'online';
  const replay = useWall((s) => s.replay !== null);
  return (
    <header className="panel wall-header" data-panel="header" data-stale={String(stale)}>
      <div className="wall-title"><b>{fmt.t('centre')}</b> · {fmt.t('region')}</div>
      {replay ? <ReplayMark /> : <div className="wall-clock">{clock}</div>}
      {outside > 0 && (
        <div className="wall-outside" data-outside-region={outside} title={fmt.t('outsideRegionHint')}>
          {fmt.n(outside)} {fmt.t('outsideRegion')} <small>{fmt.t('outsideRegionHint')}</small>
        </div>
      )}
      <div className={`wall-conn conn-${connection}`}>
        <i className="dot" />{fmt.t(connection)}
        {newestAge !== null && <span className="wall-age"> · {fmt.t('dataAge')} {newestAge} {fmt.t('ago')}</span>}
      </div>
    </header>
  );
}
