// The desk's server side on a real store: every kind of card, a figure's list equal to the figure (JSON total, pages
// and CSV), the filters naming a bad one, personal data only with a record of the view, and screens kept out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, authHeaders, startApp, type TestApp } from '../../helpers/app';

let t: TestApp;
beforeAll(async () => { t = await startApp(); seed(); });
afterAll(async () => { await t.close(); });

const HOUR = 3_600_000, DAY = 24 * HOUR;
const at = (msAgo: number) => new Date(t.clock.now() - msAgo).toISOString();

function seed(): void {
  const s = t.app.sitroom;
  // 30 appeals in Ufa over 20 days: the old ones past their deadline and still open, some answered
  s.ingest.appeals(Array.from({ length: 30 }, (_, i) => ({
    id: `ap-${i}`, channel: i % 2 ? 'portal' : 'social', category: i % 3 ? 'roads' : 'housing_utilities', municipality: 'ufa', lon: 55.96, lat: 54.74,
    receivedAt: at(i * 16 * HOUR), text: i === 0 ? '=HYPERLINK("http://x")' : `about the road ${i}`, author: 'Иванов Иван', contact: '+7 900 000-00-00',
    ...(i % 4 === 0 && i > 0 ? { status: 'answered' as const, answeredAt: at(i * 16 * HOUR - HOUR) } : {}),
  })), 'test');
  s.ingest.incidents([{ id: 'inc-1', type: 'fire', severity: 'severe', lon: 55.95, lat: 54.73, title: 'Пожар на складе', description: 'склад №3', reportedAt: at(HOUR) }], 'test');
  s.ingest.positions([{ vehicle: 'amb-1', at: at(30 * 60_000), lon: 55.90, lat: 54.70, status: 'free' },
    { vehicle: 'amb-1', at: at(60_000), lon: 55.951, lat: 54.731, status: 'on_scene', speedKmh: 0 }], 'test');
  s.ingest.containers([{ id: 'site-1', lon: 55.952, lat: 54.732, operator: 'central', fill: 40, at: at(5 * DAY), servicedAt: at(5 * DAY) },
    { id: 'site-1', lon: 55.952, lat: 54.732, operator: 'central', fill: 100, status: 'overflowing', at: at(HOUR) }], 'test');
}

const get = (url: string, headers: Record<string, string> = adminHeaders()) => t.app.inject({ url, headers });
const card = async (kind: string, id: string) => { const r = await get(`/api/cards/${kind}/${encodeURIComponent(id)}`); expect(r.statusCode, r.body).toBe(200); return r.json(); };

describe('cards', () => {
  it('a municipality: open overdue and its oldest, appeals today by channel and category, sites, incidents, teams', async () => {
    const c = await card('municipality', 'ufa');
    const open = t.app.sitroom.store.appeals.list({ since: null, municipality: 'ufa', category: null, limit: 1000, cursor: null })
      .filter((a) => a.answeredAt === null && a.closedAt === null && a.dueAt < t.clock.now());
    expect(c.deadlines.openOverdue).toBe(open.length);
    expect(c.deadlines.oldestOverdueDueAt).toBe(Math.min(...open.map((a) => a.dueAt)));
    expect(c.incidents.map((i: { id: string }) => i.id)).toEqual(['inc-1']);
    expect(c.containers.byStatus).toEqual({ overflowing: 1 });
    expect(c.name_ru).toBe('Уфа');
    t.app.sitroom.ingest.metrics([{ key: 'ems.call', at: at(5 * 60_000), value: 1, municipality: 'ufa', id: 'call-1' },
      { key: 'ems.call', at: at(4 * 60_000), value: 1, municipality: 'ufa', id: 'call-2' }, { key: 'ems.call', at: at(3 * 60_000), value: 1, municipality: 'sibay', id: 'call-3' }], 'test');
    expect((await card('municipality', 'ufa')).fleet.callsToday).toBe(2);
    // a departmental system reporting per district: its indicator is on Ufa's card, not on Sibay's
    t.app.sitroom.ingest.metrics([{ key: 'utilities.heat_outages', at: at(10 * 60_000), value: 3, municipality: 'ufa', unit: 'шт',
      title_ru: 'Отключения тепла', title_en: 'Heating outages', id: 'heat-1' }], 'teploset');
    t.app.sitroom.jobs.refreshKpi(true); // the 1 s job, run by hand on the test clock
    expect((await card('municipality', 'ufa')).departmental.map((m: { key: string }) => m.key)).toEqual(['utilities.heat_outages']);
    expect((await card('municipality', 'sibay')).departmental).toEqual([]);
  });

  it('an incident with its description and the team and site near it; a team with its track and source; a site with its week', async () => {
    const i = await card('incident', 'inc-1');
    expect(i).toMatchObject({ kind: 'incident', title: 'Пожар на складе', description: 'склад №3', source: 'test', near: { sites: 1 } });
    expect(i.near.teams.map((v: { id: string }) => v.id)).toEqual(['amb-1']);
    const v = await card('vehicle', 'amb-1');
    // free at 30 minutes ago, on scene since the fix a minute ago
    expect(v).toMatchObject({ kind: 'vehicle', status: 'on_scene', statusSince: t.clock.now() - 60_000, fixAgeSeconds: 60, source: { kind: 'producer', name: 'test' } });
    expect(v.track).toHaveLength(2);
    const s = await card('site', 'site-1');
    expect(s).toMatchObject({ kind: 'site', status: 'overflowing', fill: 100, sanitary: { hoursSinceService: 120, pastLimit: true } });
    expect(s.week.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['registered', 'status']));
  });

  it("a team's current call: where and when it came, the distance left and the expected arrival, then its arrival; none once it is done", async () => {
    const call = { id: 'call-77', receivedAt: at(10 * 60_000), lon: 57.0, lat: 54.75, address: 'ул. Ленина, 1' };
    // 2 km west of the call, 5 minutes ago, on the way
    t.app.sitroom.ingest.positions([{ vehicle: 'amb-call', at: at(5 * 60_000), lon: 57.0 - 2 / (111.32 * Math.cos(54.75 * Math.PI / 180)), lat: 54.75, status: 'en_route', call }], 'dispatch');
    const going = (await card('vehicle', 'amb-call')).call;
    expect(going).toMatchObject({ id: 'call-77', address: 'ул. Ленина, 1', receivedAt: t.clock.now() - 10 * 60_000, assignedAt: t.clock.now() - 5 * 60_000,
      arrivedAt: null, kmLeft: 2, targetMinutes: 20, late: false });
    // 2 km at 45 km/h from the fix 5 minutes ago: 2 min 40 s after it, already past, so now
    expect(going.expectedAt).toBe(t.clock.now());
    t.app.sitroom.ingest.positions([{ vehicle: 'amb-call', at: at(60_000), lon: 57.0, lat: 54.75, status: 'on_scene', call }], 'dispatch');
    expect((await card('vehicle', 'amb-call')).call).toMatchObject({ arrivedAt: t.clock.now() - 60_000, minutesToArrive: 9, kmLeft: null, late: false });
    // a late fix from the way there changes neither when it took the call nor when it arrived
    t.app.sitroom.ingest.positions([{ vehicle: 'amb-call', at: at(3 * 60_000), lon: 56.99, lat: 54.75, status: 'en_route', call }], 'dispatch');
    expect((await card('vehicle', 'amb-call')).call).toMatchObject({ assignedAt: t.clock.now() - 5 * 60_000, arrivedAt: t.clock.now() - 60_000 });
    t.app.sitroom.ingest.positions([{ vehicle: 'amb-call', at: at(0), lon: 57.0, lat: 54.75, status: 'returning' }], 'dispatch');
    expect((await card('vehicle', 'amb-call')).call).toBeNull();
    // a dispatch system that knows when the team took the call and got there: its times, not the fix's; 25 minutes is late
    t.app.sitroom.ingest.positions([{ vehicle: 'amb-known', at: at(0), lon: 57.1, lat: 54.8, status: 'on_scene',
      call: { id: 'call-78', receivedAt: at(40 * 60_000), assignedAt: at(38 * 60_000), arrivedAt: at(15 * 60_000) } }], 'dispatch');
    expect((await card('vehicle', 'amb-known')).call).toMatchObject({ assignedAt: t.clock.now() - 38 * 60_000, arrivedAt: t.clock.now() - 15 * 60_000, minutesToArrive: 25, late: true });
    const bad = await t.app.inject({ method: 'POST', url: '/api/ingest/positions', headers: authHeaders(),
      payload: { positions: [{ vehicle: 'amb-call', at: at(0), lon: 57, lat: 54.75, call: { id: 'c', receivedAt: 'soon' } }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('call/receivedAt');
  });

  it('an appeal shows its personal data to an operator and records the view; screens get no card at all', async () => {
    const before = t.app.sitroom.store.desk.personalDataViews(100).length;
    const a = await card('appeal', 'ap-3');
    expect(a.personal).toEqual({ text: 'about the road 3', author: 'Иванов Иван', contact: '+7 900 000-00-00', address: null });
    expect(a.history.map((h: { status: string }) => h.status)).toEqual(['received']);
    const log = (await get('/api/admin/personal-data-views')).json() as { actor: string; appeal: string }[];
    expect(log).toHaveLength(before + 1);
    expect(log[0]).toMatchObject({ actor: 'admin token', appeal: 'ap-3' });
    // this computer without a token is a screen: no card, nothing recorded
    expect((await get('/api/cards/appeal/ap-3', {})).statusCode).toBe(403);
    expect((await get('/api/cards/municipality/ufa', {})).statusCode).toBe(403);
    expect(t.app.sitroom.store.desk.personalDataViews(100)).toHaveLength(before + 1);
    expect((await get('/api/cards/appeal/nope')).statusCode).toBe(404);
    expect((await get('/api/cards/weather/x')).statusCode).toBe(400);
  });
});

describe('lists behind the figures', () => {
  it('the overdue list of a municipality equals its figure, in pages and in CSV', async () => {
    const figure = (await card('municipality', 'ufa')).deadlines.openOverdue as number;
    expect(figure).toBeGreaterThan(5);
    const first = (await get('/api/appeals?municipality=ufa&overdue=true&limit=5')).json() as { total: number; items: { id: string }[]; next: string };
    expect(first.total).toBe(figure);
    const ids = [...first.items.map((x) => x.id)];
    for (let next: string | null = first.next; next;) {
      const page = (await get(`/api/appeals?municipality=ufa&overdue=true&limit=5&cursor=${next}`)).json() as { items: { id: string }[]; next: string | null };
      ids.push(...page.items.map((x) => x.id));
      next = page.next;
    }
    expect(new Set(ids).size).toBe(figure);
    const csv = await get('/api/appeals.csv?municipality=ufa&overdue=true');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('id,channel,category,municipality,status,receivedAt,dueAt,answeredAt,closedAt,lon,lat,source');
    expect(lines).toHaveLength(figure + 1);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(ids));
    expect(csv.body).not.toContain('Иванов');
  });

  it('filters by channel and status, names a bad filter, and exports every other list', async () => {
    const portal = (await get('/api/appeals?channel=portal&limit=1000')).json() as { total: number; items: { channel: string }[] };
    expect(portal.total).toBe(15);
    expect(portal.items.every((x) => x.channel === 'portal')).toBe(true);
    expect((await get('/api/appeals?status=answered')).json().total).toBe(7);
    const bad = await get('/api/appeals?channel=telegraph');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'querystring/channel' });
    expect((await get('/api/appeals.csv?since=yesterday')).json().field).toBe('querystring/since');
    // teams: amb-1 and the two on calls (amb-call, amb-known)
    for (const [url, rows] of [['/api/incidents.csv', 1], ['/api/containers.csv?status=overflowing', 1], ['/api/vehicles.csv', 3]] as const) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['x-total-count'], url).toBe(String(rows));
      expect(r.body.slice(1).trim().split('\r\n'), url).toHaveLength(rows + 1);
    }
  });
});

describe('lists of teams and sites by place', () => {
  it("an incident's near counts and a municipality's teams open lists equal to them, in JSON and CSV; a bad place is named", async () => {
    t.app.sitroom.ingest.positions([{ vehicle: 'amb-ufa', at: at(60_000), lon: 56.05, lat: 54.80, status: 'free', substation: 'ufa-2' },
      { vehicle: 'amb-sibay', at: at(60_000), lon: 55.952, lat: 54.7315, status: 'en_route', substation: 'sibay' }], 'test');
    const i = await card('incident', 'inc-1');
    expect(i.near).toMatchObject({ near: '55.95,54.73', km: 5 });
    const q = `near=${i.near.near}&km=${i.near.km}`;
    const teams = (await get(`/api/vehicles?${q}`)).json() as { features: { id: string }[] };
    expect(teams.features.map((f) => f.id).sort()).toEqual(i.near.teams.map((v: { id: string }) => v.id).sort());
    expect(teams.features.map((f) => f.id).sort()).toEqual(['amb-1', 'amb-sibay']);
    const sites = (await get(`/api/containers?${q}`)).json() as { features: unknown[] };
    expect(sites.features).toHaveLength(i.near.sites);
    expect((await get(`/api/containers.csv?${q}`)).headers['x-total-count']).toBe(String(i.near.sites));
    // Ufa's teams: those of its substations, wherever they are
    const ufa = await card('municipality', 'ufa');
    expect(ufa.fleet.teams.map((v: { id: string }) => v.id)).toEqual(['amb-ufa']);
    expect(((await get('/api/vehicles?municipality=ufa')).json() as { features: { id: string }[] }).features.map((f) => f.id)).toEqual(['amb-ufa']);
    expect((await get('/api/vehicles.csv?municipality=ufa')).headers['x-total-count']).toBe('1');
    expect((await get('/api/vehicles.csv?near=55.95,54.73&status=en_route')).headers['x-total-count']).toBe('1');
    for (const url of ['/api/containers?near=55.95', '/api/vehicles.csv?near=200,54', '/api/vehicles?municipality=atlantis', '/api/vehicles?status=flying']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().field, url).toBe(`querystring/${url.split('?')[1]!.split('=')[0]}`);
    }
    expect((await get('/api/containers?near=55.95,54.73&km=500')).statusCode).toBe(400);
  });
});

describe('CSV', () => {
  it('keeps a cell a spreadsheet would run as a formula as text, quotes what needs it, keeps numbers numbers', async () => {
    const { toCsv } = await import('../../../server/api/csv');
    expect(toCsv(['a', 'b', 'c'], [['=HYPERLINK("x")', 'a, "b"', -5], [null, '@cmd', 1.5]]))
      .toBe('\uFEFFa,b,c\r\n"\'=HYPERLINK(""x"")","a, ""b""",-5\r\n,\'@cmd,1.5\r\n');
  });
});
