// Where each list of the desk comes from: the server's list endpoints with the desk's filters, the rows each item
// makes, and the CSV with the same filters. A list's rows are the items its figure counts.
import { BUSY_STATUSES, type IncidentView } from '../../../server/protocol/views';
import { api } from '../console/api';
import type { DeskView, ListName, Near } from './url-state';

export interface Row { kind: 'appeal' | 'site' | 'vehicle' | 'incident'; id: string; cells: (string | number | null)[] }
export interface ListData { columns: string[]; rows: Row[]; total: number; csv: string }

const HOUR = 3_600_000;
const WINDOW_MS: Record<string, number> = { '24h': 24 * HOUR, '7d': 7 * 24 * HOUR, '30d': 30 * 24 * HOUR };
const time = (t: number | null) => (t === null ? null : new Date(t).toLocaleString([], { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }));

/** The appeal filters as query parameters (the window: today, or a span back from now). */
export function appealParams(f: DeskView['filters'], list: ListName): URLSearchParams {
  const q = new URLSearchParams();
  for (const k of ['municipality', 'category', 'channel'] as const) if (f[k]) q.set(k, f[k]!);
  if (list === 'overdue') q.set('overdue', 'true');
  else if (list === 'past-ceiling') q.set('pastCeiling', 'true');
  else if (!f.window || f.window === 'today') q.set('today', 'true');
  else q.set('since', new Date(Date.now() - (WINDOW_MS[f.window] ?? 24 * HOUR)).toISOString());
  return q;
}

interface AppealItem { id: string; channel: string; category: string; municipality: string; status: string; receivedAt: number; dueAt: number }
interface AppealPage { total: number; items: AppealItem[]; next: string | null }

/** Every page of an appeals list, 1,000 rows at a time, up to `max` rows. */
async function appeals(q: URLSearchParams, max = 20_000): Promise<{ total: number; items: AppealItem[] }> {
  const items: AppealItem[] = [];
  let total = 0;
  for (let cursor: string | null = null, first = true; first || (cursor && items.length < max); first = false) {
    const page: AppealPage = await api<AppealPage>('GET', `/api/appeals?${q.toString()}&limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
    total = page.total; items.push(...page.items); cursor = page.next;
  }
  return { total, items };
}

interface GeoFeatures<P> { features: { id: string; properties: P }[] }
type Filters = DeskView['filters'];

/** a place as the server's municipality, near and km filters */
function placeParams(q: URLSearchParams, f: Filters, near: Near | null): URLSearchParams {
  if (f.municipality) q.set('municipality', f.municipality);
  if (near) { q.set('near', near.at); q.set('km', String(near.km)); }
  return q;
}

async function appealList(name: ListName, f: Filters): Promise<ListData> {
  const q = appealParams(f, name);
  const { total, items } = await appeals(q);
  return { columns: ['id', 'channel', 'category', 'municipality', 'status', 'received', 'due'], total, csv: `/api/appeals.csv?${q.toString()}`,
    rows: items.map((a) => ({ kind: 'appeal', id: a.id, cells: [a.id, a.channel, a.category, a.municipality, a.status, time(a.receivedAt), time(a.dueAt)] })) };
}

/** container sites: all of a place, or the overflowing ones; of one operator when the filter says so */
async function siteList(name: ListName, f: Filters, near: Near | null): Promise<ListData> {
  const q = placeParams(new URLSearchParams(), f, near);
  if (name === 'overflowing') q.set('status', 'overflowing');
  if (f.operator) q.set('operator', f.operator);
  const sites = (await api<GeoFeatures<{ operator: string; municipality: string; fill: number; status: string; servicedAt: string | null }>>('GET', `/api/containers?${q.toString()}`)).features;
  return { columns: ['id', 'operator', 'municipality', 'status', 'fill', 'serviced'], total: sites.length, csv: `/api/containers.csv?${q.toString()}`,
    rows: sites.map((s) => ({ kind: 'site', id: s.id, cells: [s.id, s.properties.operator, s.properties.municipality, s.properties.status, s.properties.fill, time(s.properties.servicedAt ? Date.parse(s.properties.servicedAt) : null)] })) };
}

/** ambulance teams of a place (all, or those on calls: the fleet figure's busy) */
async function teamList(name: ListName, f: Filters, near: Near | null): Promise<ListData> {
  const q = placeParams(new URLSearchParams(name === 'busy' ? { status: BUSY_STATUSES.join(',') } : {}), f, near);
  const teams = (await api<GeoFeatures<{ callsign: string; substation: string | null; status: string | null }>>('GET', `/api/vehicles?${q.toString()}`)).features;
  return { columns: ['callsign', 'substation', 'status'], total: teams.length, csv: `/api/vehicles.csv?${q.toString()}`,
    rows: teams.map((v) => ({ kind: 'vehicle', id: v.id, cells: [v.properties.callsign, v.properties.substation, v.properties.status] })) };
}

function incidentList(f: Filters, incidents: readonly IncidentView[]): ListData {
  const active = incidents.filter((i) => i.status === 'active' && (!f.municipality || i.municipality === f.municipality));
  return { columns: ['title', 'type', 'severity', 'municipality', 'reported'], total: active.length,
    csv: `/api/incidents.csv?status=active${f.municipality ? `&municipality=${f.municipality}` : ''}`,
    rows: active.map((i) => ({ kind: 'incident', id: i.id, cells: [i.title, i.type, i.severity, i.municipality, time(i.reportedAt)] })) };
}

/** how many items a list holds: the server's count of the same filters (an appeals list without its rows) */
export async function listTotal(name: ListName, f: Filters): Promise<number> {
  if (name === 'appeals' || name === 'overdue' || name === 'past-ceiling') {
    return (await api<{ total: number }>('GET', `/api/appeals?${appealParams(f, name).toString()}&limit=1`)).total;
  }
  return (await loadList(name, f, null, [])).total;
}

export async function loadList(name: ListName, f: Filters, near: Near | null, incidents: readonly IncidentView[]): Promise<ListData> {
  switch (name) {
    case 'appeals': case 'overdue': case 'past-ceiling': return appealList(name, f);
    case 'overflowing': case 'sites': return siteList(name, f, near);
    case 'busy': case 'teams': return teamList(name, f, near);
    default: return incidentList(f, incidents);
  }
}
