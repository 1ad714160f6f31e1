// One scene laid over the whole wall's canvas, of which this screen shows its own rectangle: the canvas is sized in
// the wall's pixels and shifted so the screen's slice fills the viewport. Panels outside the slice are not drawn.
import { memo } from 'react';
import type { Layout, PanelSpec } from '../../../server/protocol/layout';
import type { ScreenSpec, WallConfig } from '../../../server/protocol/walls';
import { Cell } from '../layout/Wall';

/** Does a panel's area reach into the screen's rectangle (in the wall's pixels)? */
function visibleOn(p: PanelSpec, layout: Layout, wall: WallConfig, screen: ScreenSpec): boolean {
  const cw = wall.width / layout.grid.cols, ch = wall.height / layout.grid.rows;
  const x0 = (p.area.col - 1) * cw, x1 = x0 + p.area.cols * cw, y0 = (p.area.row - 1) * ch, y1 = y0 + p.area.rows * ch;
  return x0 < screen.x + screen.width && x1 > screen.x && y0 < screen.y + screen.height && y1 > screen.y;
}

export const SceneCanvas = memo(function SceneCanvas({ layout, wall, screen, viewport }:
  { layout: Layout; wall: WallConfig; screen: ScreenSpec | null; viewport: { width: number; height: number } }) {
  // one screen: its slice scaled to the viewport; no screen (one canvas): the whole wall fitted
  const k = screen ? viewport.width / screen.width : Math.min(viewport.width / wall.width, viewport.height / wall.height);
  const x = screen?.x ?? 0, y = screen?.y ?? 0;
  const panels = layout.panels.filter((p) => !screen || visibleOn(p, layout, wall, screen));
  return (
    <div className="wall scene-canvas" data-layout={layout.id}
      style={{ width: wall.width, height: wall.height, transform: `scale(${k}) translate(${-x}px, ${-y}px)`,
        gridTemplateColumns: `repeat(${layout.grid.cols}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${layout.grid.rows}, minmax(0, 1fr))` }}>
      {panels.map((p) => <Cell key={`${p.kind}-${p.area.col}-${p.area.row}`} spec={p} />)}
    </div>
  );
});
