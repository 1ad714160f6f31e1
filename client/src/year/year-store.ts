// The year against the last (GET /api/summary/year), fetched once for every year panel on the page and again every
// REFRESH_MS (it changes once a day, when a day closes). A wall in the past asks for the year as it stood then.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { YearSummary } from '../../../server/protocol/year';
import { screenToken } from '../screen/token';
import { useWall } from '../store/wall-store';

const REFRESH_MS = 5 * 60_000;

interface YearState { year: YearSummary | null; error: string | null; users: number }
export const useYearStore = create<YearState>(() => ({ year: null, error: null, users: 0 }));

let timer: ReturnType<typeof setInterval> | null = null;
let unwatch: (() => void) | null = null;

/** a wall in the past asks again when the day it shows changes */
const dayOf = (s: { replay: { at: number } | null }) => (s.replay ? Math.floor(s.replay.at / 86_400_000) : null);

async function load(): Promise<void> {
  const at = useWall.getState().replay?.at ?? null;
  const token = screenToken();
  try {
    const res = await fetch(`/api/summary/year${at === null ? '' : `?at=${new Date(at).toISOString()}`}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    useYearStore.setState({ year: (await res.json()) as YearSummary, error: null });
  } catch (e) { useYearStore.setState({ error: (e as Error).message }); }
}

/** The year summary for a panel; the first panel on the page starts the fetching, the last one stops it. */
export function useYear(): { year: YearSummary | null; error: string | null } {
  useEffect(() => {
    useYearStore.setState((s) => ({ users: s.users + 1 }));
    if (!timer) {
      void load();
      timer = setInterval(() => { void load(); }, REFRESH_MS);
      unwatch = useWall.subscribe((s, before) => { if (dayOf(s) !== dayOf(before)) void load(); });
    }
    return () => {
      useYearStore.setState((s) => ({ users: s.users - 1 }));
      if (useYearStore.getState().users > 0 || !timer) return;
      clearInterval(timer); timer = null;
      unwatch?.(); unwatch = null;
    };
  }, []);
  const year = useYearStore((s) => s.year);
  const error = useYearStore((s) => s.error);
  return { year, error };
}
