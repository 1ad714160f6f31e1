// Lists show whole rows only: a row that would reach past its panel's body is hidden, not cut (the worst or the
// newest come first, so what is left out is the least). A list opts in with `data-fit` on the element whose children
// are its rows (a table's tbody, a ul). Run after every render of the panel and whenever the panel's size changes.
import { useLayoutEffect, type RefObject } from 'react';

export function fitRows(body: HTMLElement): void {
  const bottom = body.getBoundingClientRect().bottom;
  for (const list of Array.from(body.querySelectorAll<HTMLElement>('[data-fit]'))) {
    const rows = Array.from(list.children) as HTMLElement[];
    for (const r of rows) r.style.removeProperty('display');
    let hiding = false;
    for (const r of rows) {
      // once one row does not fit, none after it is shown (a gap in a ranking would mislead)
      if (!hiding && r.getBoundingClientRect().bottom > bottom + 0.5) hiding = true;
      if (hiding) r.style.display = 'none';
    }
    list.dataset['shown'] = String(rows.filter((r) => r.style.display !== 'none').length);
  }
}

export function useFitRows(body: RefObject<HTMLElement | null>): void {
  // every render: the rows may have changed
  useLayoutEffect(() => { if (body.current) fitRows(body.current); });
  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const observer = new ResizeObserver(() => fitRows(el));
    observer.observe(el);
    void document.fonts?.ready.then(() => fitRows(el));
    return () => observer.disconnect();
  }, [body]);
}
