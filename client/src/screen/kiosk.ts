// Kiosk behaviour for wall screens (?kiosk, and every paired screen): no cursor, no key or gesture leaves the
// page (Esc included), and the page heals itself: an uncaught error reloads it with a growing delay (the server
// keeps the scene, so it resumes where it was). Burn-in care moves the whole picture by a few pixels over hours,
// the same on every screen (it follows the server's clock) so the screens stay aligned.

const RELOADS = 'sitroom.reloads';
let blockedKeys = 0;
export const kioskBlockedKeys = (): number => blockedKeys;

export function enterKiosk(): void {
  document.documentElement.classList.add('kiosk');
  const stop = (e: Event) => { e.preventDefault(); e.stopImmediatePropagation(); };
  window.addEventListener('keydown', (e) => { blockedKeys++; stop(e); }, { capture: true });
  window.addEventListener('keyup', stop, { capture: true });
  window.addEventListener('keypress', stop, { capture: true });
  for (const type of ['contextmenu', 'dragstart', 'selectstart', 'auxclick', 'dblclick']) window.addEventListener(type, stop, { capture: true });
  // pinch and ctrl+wheel zoom, swipe navigation
  window.addEventListener('wheel', (e) => { if (e.ctrlKey) e.preventDefault(); }, { capture: true, passive: false });
  window.addEventListener('touchmove', (e) => { if (e.touches.length > 1) e.preventDefault(); }, { capture: true, passive: false });
  window.addEventListener('click', (e) => { if ((e.target as Element | null)?.closest?.('a[href]')) stop(e); }, { capture: true });
  history.pushState(null, '', location.href);
  window.addEventListener('popstate', () => history.pushState(null, '', location.href));
}

/** Reloads the page after an uncaught error: 2 s, 4 s, 8 s … up to a minute; a page that ran for 10 minutes
 *  starts counting again. */
export function reloadOnErrors(onReload: (inSeconds: number) => void): (reason: unknown) => void {
  const started = Date.now();
  let scheduled = false;
  const fail = (reason: unknown): void => {
    const text = String((reason as { message?: string })?.message ?? reason);
    if (/ResizeObserver loop/.test(text) || scheduled) return; // a benign browser notice, not an error of ours
    scheduled = true;
    let n = 0;
    try { n = Number(sessionStorage.getItem(RELOADS) ?? 0); } catch { /* storage may be off */ }
    const delay = Math.min(60, 2 ** (n + 1));
    try { sessionStorage.setItem(RELOADS, String(n + 1)); } catch { /* ignore */ }
    console.error('Sitroom: reloading after an uncaught error', reason);
    onReload(delay);
    setTimeout(() => location.reload(), delay * 1000);
  };
  window.addEventListener('error', (e) => fail(e.error ?? e.message));
  window.addEventListener('unhandledrejection', (e) => fail(e.reason));
  setTimeout(() => { try { if (Date.now() - started >= 600_000) sessionStorage.removeItem(RELOADS); } catch { /* ignore */ } }, 600_000);
  return fail;
}

const SHIFTS: readonly { x: number; y: number }[] = [
  { x: 0, y: 0 }, { x: 2, y: 1 }, { x: 3, y: -1 }, { x: 1, y: -2 }, { x: -1, y: -2 }, { x: -3, y: -1 }, { x: -2, y: 1 }, { x: 0, y: 2 },
];
const SHIFT_MS = 900_000;
/** Which 15-minute step of the burn-in drift a server time is in (changes 4 times an hour, so a page selecting it
 *  re-renders that rarely, not with every tick of the clock). */
export const burnInStep = (serverTime: number): number => Math.floor(serverTime / SHIFT_MS);
/** The picture's offset in a step: at most 3 px. */
export const burnInShift = (step: number): { x: number; y: number } => SHIFTS[step % SHIFTS.length]!;
