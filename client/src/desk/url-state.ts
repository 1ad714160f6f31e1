// The desk's view lives in the URL: filters (municipality, category, channel, operator, window), the open card
// (select=<kind>:<id>) and the open list (list=<name>, and near=<lon>,<lat>&km=<km> for a card's "near" counts), so a
// link or a reload reproduces it.
import { useCallback, useEffect, useState } from 'react';

export const FILTER_KEYS = ['municipality', 'category', 'channel', 'operator', 'window'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export const WINDOWS = ['today', '24h', '7d', '30d'] as const;
export type DeskWindow = (typeof WINDOWS)[number];
export const LISTS = ['appeals', 'overdue', 'past-ceiling', 'overflowing', 'busy', 'incidents', 'teams', 'sites'] as const;
export type ListName = (typeof LISTS)[number];

export interface DeskView {
  filters: Partial<Record<FilterKey, string>>;
  select: { kind: string; id: string } | null;
  list: ListName | null;
  /** the list's place: near a point (an incident's teams and sites), as the server's near and km filters */
  near: Near | null;
}
export interface Near { at: string; km: number }
/** what a card's figure opens: a list, narrowed by these filters or this place */
export interface ListScope { list: ListName; filters?: DeskView['filters']; near?: Near }

export function readView(search: string): DeskView {
  const q = new URLSearchParams(search);
  const filters: DeskView['filters'] = {};
  for (const k of FILTER_KEYS) { const v = q.get(k); if (v) filters[k] = v; }
  const select = q.get('select');
  const at = select ? select.indexOf(':') : -1;
  const list = q.get('list');
  const near = q.get('near'), km = Number(q.get('km'));
  return { filters, near: near && km > 0 ? { at: near, km } : null, select: select && at > 0 ? { kind: select.slice(0, at), id: select.slice(at + 1) } : null,
    list: list && (LISTS as readonly string[]).includes(list) ? list as ListName : null };
}

export function writeView(v: DeskView, lang: string | null): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (v.filters[k]) q.set(k, v.filters[k]!);
  if (v.select) q.set('select', `${v.select.kind}:${v.select.id}`);
  if (v.list) q.set('list', v.list);
  if (v.list && v.near) { q.set('near', v.near.at); q.set('km', String(v.near.km)); }
  if (lang) q.set('lang', lang);
  const s = q.toString();
  return `${location.pathname}${s ? `?${s}` : ''}`;
}

/** The view and a way to change it: each change replaces the URL (back and forward follow it). */
export function useDeskView(): [DeskView, (change: Partial<DeskView>) => void] {
  const [view, setView] = useState(() => readView(location.search));
  useEffect(() => {
    const onPop = () => setView(readView(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const change = useCallback((c: Partial<DeskView>) => {
    setView((prev) => {
      const next = { ...prev, ...c };
      history.pushState(null, '', writeView(next, new URLSearchParams(location.search).get('lang')));
      return next;
    });
  }, []);
  return [view, change];
}
