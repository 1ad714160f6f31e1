// Switching scenes on the same frame on every screen: the next scene is mounted under the current one as soon as
// the state announces it (its data is the live store's, its maps start drawing), and at the server's switch
// moment, on an animation frame, it is raised and the old one removed. Each switch is recorded for diagnostics.
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useScreen } from './screen-store';
import { quietAround } from './quiet';

export interface SwitchRecord {
  scene: string; version: number; planned: number; at: number; preparedMs: number;
  /** every map of the prepared scene had drawn by the switch */
  ready: boolean;
}
export const switches: SwitchRecord[] = [];

/** shown: on top; next: being prepared underneath; leaving: the scene just covered, dropped a moment after the
 *  switch (removing its maps is heavy work that must not delay the frame that shows the new scene) */
export interface SceneStack { shown: string | null; next: string | null; leaving: string | null }
const LEAVE_MS = 800;

export function useSceneSwitch(onReady?: (version: number) => void): SceneStack {
  const state = useScreen((s) => s.state);
  const offset = useScreen((s) => s.offset);
  const [stack, setStack] = useState<SceneStack>({ shown: null, next: null, leaving: null });
  const current = useRef(stack);
  current.current = stack;
  /** when the scene being prepared was mounted (a state that moves the switch moment keeps it) */
  const preparing = useRef<{ scene: string; since: number } | null>(null);

  useEffect(() => {
    if (!state) return;
    const cur = current.current;
    const record = (preparedMs: number, planned: number, ready = false) => {
      switches.push({ scene: state.scene, version: state.version, planned, at: Date.now(), preparedMs, ready });
      if (switches.length > 100) switches.shift();
    };
    if (cur.shown === state.scene) { if (cur.next) setStack({ shown: cur.shown, next: null, leaving: cur.leaving }); return; }
    const target = state.switchAt - offset; // the switch moment in this browser's clock
    const prepared = () => (preparing.current?.scene === state.scene ? Date.now() - preparing.current.since : 0);
    if (cur.shown === null || target <= Date.now()) {
      // late (or the first scene): show it now
      const ms = prepared();
      setStack({ shown: state.scene, next: null, leaving: cur.shown });
      record(ms, target);
      if (cur.shown) setTimeout(() => setStack((st) => (st.leaving ? { ...st, leaving: null } : st)), LEAVE_MS);
      return;
    }
    if (preparing.current?.scene !== state.scene) preparing.current = { scene: state.scene, since: Date.now() };
    setStack({ shown: cur.shown, next: state.scene, leaving: null });
    quietAround(target);
    // tell the server once every map of the prepared scene has drawn (a scene without maps: after its first frame)
    const readyCheck = setInterval(() => {
      const layer = document.querySelector(`[data-scene-layer="${state.scene}"]`);
      if (!layer) return;
      const maps = [...layer.querySelectorAll<HTMLElement>('.map-box')];
      if (maps.every((m) => m.dataset['ready'] === 'true')) { clearInterval(readyCheck); onReady?.(state.version); }
    }, 100);
    let raf = 0, done = false;
    let leave: ReturnType<typeof setTimeout> | 0 = 0;
    const show = () => {
      if (done) return;
      done = true;
      const ready = [...document.querySelectorAll<HTMLElement>(`[data-scene-layer="${state.scene}"] .map-box`)].every((m) => m.dataset['ready'] === 'true');
      const covered = current.current.shown;
      flushSync(() => setStack({ shown: state.scene, next: null, leaving: covered }));
      record(prepared(), target, ready);
      leave = setTimeout(() => setStack((st) => (st.leaving ? { ...st, leaving: null } : st)), LEAVE_MS);
    };
    // the frame that starts within a quarter frame of the moment shows the new scene
    const frame = () => { if (Date.now() >= target - 4) show(); else raf = requestAnimationFrame(frame); };
    const near = setTimeout(() => { raf = requestAnimationFrame(frame); }, Math.max(0, target - Date.now() - 40));
    const late = setTimeout(show, Math.max(0, target - Date.now() + 250)); // a page without animation frames still switches
    return () => {
      done = true; clearTimeout(near); clearTimeout(late); cancelAnimationFrame(raf); clearInterval(readyCheck);
      if (leave) { clearTimeout(leave); setStack((st) => (st.leaving ? { ...st, leaving: null } : st)); }
    };
    // onReady is stable for the page's life
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, offset]);
  return stack;
}
