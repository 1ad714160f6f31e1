// A number that changes in place: the text updates and briefly brightens, the element is never re-created.
import { useEffect, useRef } from 'react';

export function Num({ text, className }: { text: string; className?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    ref.current?.animate?.([{ opacity: 0.35 }, { opacity: 1 }], { duration: 450, easing: 'ease-out' });
  }, [text]);
  return <span ref={ref} className={`num ${className ?? ''}`}>{text}</span>;
}
