// Switching scenes on the same frame on every screen: the next scene is mounted under the current one as soon as
// the state announces it (its data is the live store's, its maps start drawing), and at the server's switch
// moment, on an animation frame, it is raised and the old one removed. Each switch is recorded for diagnostics.
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useScreen } from './screen-store';

export interface SwitchRecord {
  scene: string; version: number; planned: number; at: number; preparedMs: number;
  /** every map of the prepared scene had drawn by the switch */
  ready: boolean;
}
export const switches: SwitchRecord[] = [];

export interface SceneStack { shown: string | null; next: string | null }

export function useSceneSwitch(): SceneStack {
  const state = useScreen((s) => s.state);
  const offset = useScreen((s) => s.offset);
  const [stack, setStack] = useState<SceneStack>({ shown: null, next: null });
  const current = useRef(stack);
  current.current = stack;

  useEffect(() => {
    if (!state) return;
    const cur = current.current;
    const record = (preparedMs: number, planned: number, ready = false) => {
      switches.push({ scene: state.scene, version: state.version, planned, at: Date.now(), preparedMs, ready });
      if (switches.length > 100) switches.shift();
    };
    if (cur.shown === state.scene) { if (cur.next) setStack({ shown: cur.shown, next: null }); return; }
    const target = state.switchAt - offset; // the switch moment in this browser's clock
    if (cur.shown === null || target <= Date.now()) {
      setStack({ shown: state.scene, next: null });
      record(0, target);
      return;
    }
    setStack({ shown: cur.shown, next: state.scene });
    const mounted = Date.now();
    let raf = 0, done = false;
    const show = () => {
      if (done) return;
      done = true;
      const ready = [...document.querySelectorAll<HTMLElement>(`[data-scene-layer="${state.scene}"] .map-box`)].every((m) => m.dataset['ready'] === 'true');
      flushSync(() => setStack({ shown: state.scene, next: null }));
      record(Date.now() - mounted, target, ready);
    };
    // the frame that starts within a quarter frame of the moment shows the new scene
    const frame = () => { if (Date.now() >= target - 4) show(); else raf = requestAnimationFrame(frame); };
    const near = setTimeout(() => { raf = requestAnimationFrame(frame); }, Math.max(0, target - Date.now() - 40));
    const late = setTimeout(show, Math.max(0, target - Date.now() + 250)); // a page without animation frames still switches
    return () => { done = true; clearTimeout(near); clearTimeout(late); cancelAnimationFrame(raf); };
  }, [state, offset]);
  return stack;
}
