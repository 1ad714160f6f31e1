// What a viewer cannot read on a wall page: every piece of text inside a panel whose box or panel cuts it off (wider
// or taller than an ancestor that hides its overflow, or reaching past the panel), or that is hidden behind an
// ellipsis. Text inside an element marked `data-ellipsis` (free text, whole on hover) may end in one.
import type { Page } from 'playwright-core';

export interface Clipped { panel: string; text: string; why: string }

export function clippedText(page: Page): Promise<Clipped[]> {
  return page.evaluate(() => {
    const out: { panel: string; text: string; why: string }[] = [];
    const SLACK = 1.5;
    for (const panel of Array.from(document.querySelectorAll<HTMLElement>('[data-panel]'))) {
      const p = panel.getBoundingClientRect();
      if (p.width === 0 || p.height === 0) continue;
      const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        const parent = node.parentElement;
        if (!text || !parent || parent.closest('[data-ellipsis]')) continue;
        const style = getComputedStyle(parent);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const r = range.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        const say = (why: string) => out.push({ panel: panel.dataset['panel'] ?? '?', text: text.slice(0, 80), why });
        if (r.right > p.right + SLACK || r.bottom > p.bottom + SLACK || r.left < p.left - SLACK || r.top < p.top - SLACK) { say('past its panel'); continue; }
        // every ancestor up to the panel that hides what overflows it must hold the text whole
        for (let el: HTMLElement | null = parent; el && el !== panel.parentElement; el = el.parentElement) {
          const s = getComputedStyle(el);
          if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
          const b = el.getBoundingClientRect();
          if (r.right > b.right + SLACK || r.left < b.left - SLACK || r.bottom > b.bottom + SLACK || r.top < b.top - SLACK) {
            say(`cut by <${el.tagName.toLowerCase()} class="${el.className}">`);
            break;
          }
        }
      }
    }
    return out;
  });
}
