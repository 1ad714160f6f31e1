// A screen follows its wall into the past and back: the console's replay (WallState.replay) becomes a plan timed by
// the server's clock, so every screen of the wall shows the same moment at the same time. A page opened with its own
// ?at= or ?from= keeps to that and ignores the wall's.
import type { WallReplay } from '../../../server/protocol/walls';
import type { Live } from '../live/connection';
import { useScreen } from '../screen/screen-store';
import { wallReplayPlan } from './plan';

const same = (a: WallReplay | null, b: WallReplay | null) => JSON.stringify(a) === JSON.stringify(b);

export function followWallReplay(live: Live): () => void {
  let current: WallReplay | null = null;
  return useScreen.subscribe((s) => {
    const next = s.state?.replay ?? null;
    if (same(next, current)) return;
    current = next;
    live.replay(next ? wallReplayPlan(next, s.offset) : null);
  });
}
