// The wall: the layout's grid of panels, and a wall-wide banner while the connection is lost.
import { memo } from 'react';
import type { Layout, PanelSpec } from '../../../server/protocol/layout';
import { PANELS } from '../panels/registry';
import { useWall } from '../store/wall-store';
import { useFmt } from '../ui/use-fmt';

/** One panel in its grid cell (the single-layout wall and every scene of a wall screen). */
export const Cell = memo(function Cell({ spec }: { spec: PanelSpec }) {
  const Panel = PANELS[spec.kind];
  const { col, row, cols, rows } = spec.area;
  return (
    <div className="cell" style={{ gridColumn: `${col} / span ${cols}`, gridRow: `${row} / span ${rows}` }}>
      <Panel options={spec.options ?? {}} />
    </div>
  );
});

function Banner() {
  const fmt = useFmt();
  const since = useWall((s) => (s.connection === 'offline' ? s.offlineSince : null));
  if (since === null) return null;
  return <div className="banner" role="alert" data-banner="offline">{fmt.t('banner', { time: fmt.hm(since) })}</div>;
}

export function Wall({ layout }: { layout: Layout }) {
  return (
    <div className="wall" data-layout={layout.id}
      style={{ gridTemplateColumns: `repeat(${layout.grid.cols}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${layout.grid.rows}, minmax(0, 1fr))` }}>
      {layout.panels.map((p, i) => <Cell key={`${p.kind}-${i}`} spec={p} />)}
      <Banner />
    </div>
  );
}

export function Fatal({ message }: { message: string }) {
  const fmt = useFmt();
  return <div className="fatal" role="alert"><h1>{fmt.t('layoutError')}</h1><p>{message}</p></div>;
}
