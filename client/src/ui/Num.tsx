// A number that changes in place: the text updates and briefly brightens, the element is never re-created. A wall
// playing the past changes every number every few seconds: there the brightening would be noise (and a software-
// rendered wall would spend its time compositing it), so it stays still.
import { useEffect, useRef } from 'react';
import { useWall } from '../store/wall-store';

export function Num({ text, className }: { text: string; className?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const first = useRef(true);
  const playing = useRef(false);
  playing.current = useWall((s) => s.replay?.playing ?? false);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    if (!playing.current) ref.current?.animate?.([{ opacity: 0.35 }, { opacity: 1 }], { duration: 450, easing: 'ease-out' });
  }, [text]);
  return <span ref={ref} className={`num ${className ?? ''}`}>{text}</span>;
}
