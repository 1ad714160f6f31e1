// OASIS CAP 1.2: the specification's examples accepted and visible through /api; a republic alert shown live, updated
// and cancelled through <references>; hostile and broken documents refused naming the element, nothing stored;
// polled Atom and RSS feeds.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY, authHeaders, connect, startApp, subscribe, type TestApp, adminHeaders } from '../../helpers/app';
import { EVENTS, type Delta } from '../../../server/protocol/live';

// Shaped after the examples of "Common Alerting Protocol Version 1.2", OASIS Standard, 1 July 2010, Appendix A
// (http://docs.oasis-open.org/emergency/cap/v1.2/CAP-v1.2-os.html): A.2 a severe thunderstorm warning (polygon),
// A.3 an earthquake report (Update with references, circle of radius 0), A.4 an AMBER alert (two languages, geocodes
// only). Identifiers, senders, times, codes and shapes are the examples'; free texts are shortened.
const SPEC_A2 = `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>KSTO1055887203</identifier><sender>KSTO@NWS.NOAA.GOV</sender><sent>2003-06-17T14:57:00-07:00</sent>
  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
  <info>
    <category>Met</category><event>SEVERE THUNDERSTORM</event><responseType>Shelter</responseType>
    <urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>
    <eventCode><valueName>SAME</valueName><value>SVR</value></eventCode>
    <expires>2003-06-17T16:00:00-07:00</expires><senderName>NATIONAL WEATHER SERVICE SACRAMENTO CA</senderName>
    <headline>SEVERE THUNDERSTORM WARNING</headline><description>Severe thunderstorm over south central Alpine County.</description>
    <instruction>TAKE COVER IN A SUBSTANTIAL SHELTER UNTIL THE STORM PASSES.</instruction><contact>BARUFFALDI/JUSKIE</contact>
    <area>
      <areaDesc>EXTREME NORTH CENTRAL TUOLUMNE COUNTY IN CALIFORNIA, EXTREME NORTHEASTERN CALAVERAS COUNTY IN CALIFORNIA, SOUTHWESTERN ALPINE COUNTY IN CALIFORNIA</areaDesc>
      <polygon>38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14</polygon>
      <geocode><valueName>SAME</valueName><value>006109</value></geocode>
      <geocode><valueName>SAME</valueName><value>006009</value></geocode>
      <geocode><valueName>SAME</valueName><value>006003</value></geocode>
    </area>
  </info>
</alert>`;
const SPEC_A3 = `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>TRI13970876.2</identifier><sender>trinet@caltech.edu</sender><sent>2003-06-11T20:56:00-07:00</sent>
  <status>Actual</status><msgType>Update</msgType><scope>Public</scope>
  <references>trinet@caltech.edu,TRI13970876.1,2003-06-11T20:30:00-07:00</references>
  <info>
    <category>Geo</category><event>Earthquake</event><urgency>Past</urgency><severity>Minor</severity><certainty>Observed</certainty>
    <senderName>Southern California Seismic Network (TriNet) operated by Caltech and USGS</senderName>
    <headline>EQ 3.4 Imperial County CA</headline><description>A minor earthquake near Brawley, California.</description>
    <web>http://www.trinet.org/scsn/scsn.html</web>
    <parameter><valueName>EventID</valueName><value>13970876</value></parameter>
    <parameter><valueName>Version</valueName><value>1</value></parameter>
    <parameter><valueName>Magnitude</valueName><value>3.4 Ml</value></parameter>
    <parameter><valueName>Depth</valueName><value>11.8 mi.</value></parameter>
    <parameter><valueName>Quality</valueName><value>Excellent</value></parameter>
    <area><areaDesc>1 mi. WSW of Brawley, CA; 11 mi. N of El Centro, CA</areaDesc><circle>32.9525,-115.5527 0</circle></area>
  </info>
</alert>`;
const SPEC_A4 = `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>KAR0-0306112239-SW</identifier><sender>KARO@CLETS.DOJ.CA.GOV</sender><sent>2003-06-11T22:39:00-07:00</sent>
  <status>Actual</status><msgType>Alert</msgType><source>SW</source><scope>Public</scope>
  <info>
    <language>en-US</language><category>Rescue</category><event>Child Abduction</event>
    <urgency>Immediate</urgency><severity>Severe</severity><certainty>Likely</certainty>
    <eventCode><valueName>SAME</valueName><value>CAE</value></eventCode>
    <senderName>Los Angeles Police Dept - LAPD</senderName><headline>Amber Alert in Los Angeles County</headline>
    <description>A child was abducted; a vehicle description follows.</description><contact>Hollywood Division PD 213 485-4101</contact>
    <area><areaDesc>Los Angeles County</areaDesc><geocode><valueName>SAME</valueName><value>006037</value></geocode></area>
  </info>
  <info>
    <language>es-US</language><category>Rescue</category><event>Abducción de Niño</event>
    <urgency>Immediate</urgency><severity>Severe</severity><certainty>Likely</certainty>
    <eventCode><valueName>SAME</valueName><value>CAE</value></eventCode>
    <senderName>Departamento de Policía de Los Ángeles - LAPD</senderName><headline>Alerta Amber en el condado de Los Ángeles</headline>
    <area><areaDesc>condado de Los Ángeles</areaDesc><geocode><valueName>SAME</valueName><value>006037</value></geocode></area>
  </info>
</alert>`;

let t: TestApp;
let feedServer: http.Server;
let feedBase = '';
const feedDocs = new Map<string, { type: string; body: string }>();

beforeAll(async () => {
  feedServer = http.createServer((req, res) => {
    const doc = feedDocs.get(req.url ?? '');
    if (!doc) { res.writeHead(404).end('not here'); return; }
    res.writeHead(200, { 'content-type': doc.type }).end(doc.body);
  });
  await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
  feedBase = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;
  t = await startApp({ env: { SITROOM_CAP_FEEDS: `${feedBase}/atom.xml,${feedBase}/rss.xml,${feedBase}/missing.xml` } });
});
afterAll(async () => { await t.close(); await new Promise((r) => feedServer.close(r)); });

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', '+00:00');
const post = (body: string | Buffer, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/cap',
  headers: { ...authHeaders(), 'content-type': 'application/cap+xml', ...headers }, payload: body });
const alertCount = () => (t.app.sitroom.store.capAlerts.recent(100_000)).length;
const incidentCount = () => t.app.sitroom.store.incidents.live(0).length;

/** A republic alert: Russian and English <info>, a polygon around Ufa, the cap: prefix. */
function ufaAlert(id: string, o: { msgType?: string; references?: string; severity?: string; status?: string; extra?: string;
  expires?: number; polygon?: string; prefix?: string } = {}): string {
  const p = o.prefix ?? 'cap:';
  const sent = iso(t.clock.now() - 60_000);
  const info = (lang: string, event: string, headline: string) => `<${p}info><${p}language>${lang}</${p}language>
    <${p}category>Met</${p}category><${p}event>${event}</${p}event><${p}urgency>Expected</${p}urgency>
    <${p}severity>${o.severity ?? 'Severe'}</${p}severity><${p}certainty>Likely</${p}certainty>
    ${o.expires ? `<${p}expires>${iso(o.expires)}</${p}expires>` : ''}<${p}headline>${headline}</${p}headline>
    <${p}area><${p}areaDesc>Уфа</${p}areaDesc><${p}polygon>${o.polygon ?? '54.70,55.90 54.70,56.05 54.78,56.05 54.78,55.90 54.70,55.90'}</${p}polygon></${p}area>
  </${p}info>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<${p}alert xmlns${p ? `:${p.slice(0, -1)}` : ''}="urn:oasis:names:tc:emergency:cap:1.2">
  <${p}identifier>${id}</${p}identifier><${p}sender>mchs-rb@example.ru</${p}sender><${p}sent>${sent}</${p}sent>
  <${p}status>${o.status ?? 'Actual'}</${p}status><${p}msgType>${o.msgType ?? 'Alert'}</${p}msgType><${p}scope>Public</${p}scope>
  ${o.references ? `<${p}references>${o.references}</${p}references>` : ''}${o.extra ?? ''}
  ${info('en-US', 'Flood', 'Flood warning for Ufa')}${info('ru-RU', 'Паводок', 'Угроза подтопления в Уфе')}
</${p}alert>`;
}

describe('OASIS CAP 1.2', () => {
  it('accepts the specification examples and keeps every <info>; places outside the republic are kept aside', async () => {
    const a2 = await post(SPEC_A2);
    expect(a2.statusCode).toBe(200);
    expect(a2.json()).toMatchObject({ identifier: 'KSTO1055887203', action: 'created', incident: 'cap:KSTO@NWS.NOAA.GOV/KSTO1055887203' });
    expect(a2.json().note).toMatch(/outside the republic/);
    const a3 = await post(SPEC_A3, { 'content-type': 'application/xml' });
    expect(a3.json()).toMatchObject({ msgType: 'Update', action: 'created' });
    const a4 = await post(SPEC_A4, { 'content-type': 'text/xml' });
    expect(a4.json()).toMatchObject({ action: 'kept', incident: null });
    const outside = (await t.app.inject({ url: '/api/outside-region', headers: adminHeaders() })).json() as { kind: string; id: string; item: { type: string; severity: string; status: string } }[];
    const storm = outside.find((x) => x.id === 'cap:KSTO@NWS.NOAA.GOV/KSTO1055887203')!;
    expect(storm).toMatchObject({ kind: 'incidents', item: { severity: 'severe', status: 'resolved' } });
    const alerts = (await t.app.inject({ url: '/api/cap/alerts', headers: adminHeaders() })).json() as { identifier: string; infos: { language: string; event: string }[] }[];
    expect(alerts.find((a) => a.identifier === 'KAR0-0306112239-SW')!.infos.map((i) => i.language)).toEqual(['en-US', 'es-US']);
    expect(alerts.find((a) => a.identifier === 'KAR0-0306112239-SW')!.infos[1]!.event).toBe('Abducción de Niño');
  });

  it('shows a republic alert live in the wall language, then updates and cancels it through <references>', async () => {
    const live = await connect(t.url);
    await subscribe(live, [{ topic: 'incidents' }]);
    const deltas: Delta<'incidents'>[] = [];
    live.on(EVENTS.delta, (d: Delta) => { if (d.topic === 'incidents') deltas.push(d as Delta<'incidents'>); });
    const created = await post(ufaAlert('RB-2026-001'));
    expect(created.statusCode).toBe(200);
    const id = created.json().incident as string;
    expect(created.json()).toMatchObject({ action: 'created' });
    const shown = t.app.sitroom.store.incidents.get(id)!;
    expect(shown).toMatchObject({ type: 'flood', severity: 'severe', status: 'active', municipality: 'ufa', title: 'Угроза подтопления в Уфе' });
    expect(shown.area?.type).toBe('Polygon');
    expect((shown.area as { coordinates: number[][][] }).coordinates[0]![0]).toEqual([55.9, 54.7]);
    await expect.poll(() => deltas.some((d) => d.payload.upsert.some((i) => i.id === id))).toBe(true);
    // re-sent: the same incident, not a second one
    const before = incidentCount();
    expect((await post(ufaAlert('RB-2026-001'))).json()).toMatchObject({ action: 'updated', incident: id });
    expect(incidentCount()).toBe(before);
    const ref = `mchs-rb@example.ru,RB-2026-001,${iso(t.clock.now() - 60_000)}`;
    const updated = await post(ufaAlert('RB-2026-002', { msgType: 'Update', references: ref, severity: 'Extreme' }));
    expect(updated.json()).toMatchObject({ action: 'updated', incident: id });
    expect(t.app.sitroom.store.incidents.get(id)!.severity).toBe('extreme');
    const cancelled = await post(ufaAlert('RB-2026-003', { msgType: 'Cancel', references: `mchs-rb@example.ru,RB-2026-002,${iso(t.clock.now() - 60_000)}` }));
    expect(cancelled.json()).toMatchObject({ action: 'resolved', incident: id });
    expect(t.app.sitroom.store.incidents.get(id)!.status).toBe('resolved');
    await expect.poll(() => deltas.some((d) => d.payload.upsert.some((i) => i.id === id && i.status === 'resolved'))).toBe(true);
    live.close();
  });

  it('reads an ISO-8859-1 document, any prefix or none, a circle as an area, and keeps Test alerts off the wall', async () => {
    const latin = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n'),
      Buffer.from(ufaAlert('RB-LATIN-1', { prefix: '' }).replace(/^<\?xml[^>]*>\n/, '').replace('Flood warning for Ufa', 'Crue: vigilance orange \u00e0 Oufa')
        .replace(/[^\x00-\xff]+/g, 'Ufa'), 'latin1')]);
    const res = await post(latin);
    expect(res.statusCode, res.body).toBe(200);
    const alerts = (await t.app.inject({ url: '/api/cap/alerts?limit=5', headers: adminHeaders() })).json() as { identifier: string; infos: { headline: string }[] }[];
    expect(alerts.find((a) => a.identifier === 'RB-LATIN-1')!.infos[0]!.headline).toBe('Crue: vigilance orange à Oufa');
    const circle = ufaAlert('RB-CIRCLE', { prefix: 'c:' }).replace(/<c:polygon>[^<]*<\/c:polygon>/g, '<c:circle>54.74,55.97 3.5</c:circle>');
    const r2 = await post(circle);
    expect(r2.statusCode).toBe(200);
    const inc = t.app.sitroom.store.incidents.get(r2.json().incident)!;
    expect(inc.area?.type).toBe('Polygon');
    expect(inc.lon).toBeCloseTo(55.97, 5);
    const before = incidentCount();
    expect((await post(ufaAlert('RB-TEST', { status: 'Test' }))).json()).toMatchObject({ action: 'kept', incident: null });
    expect(incidentCount()).toBe(before);
  });

  it('resolves an incident when its alert expires', async () => {
    const res = await post(ufaAlert('RB-EXPIRES', { expires: t.clock.now() + 5 * 60_000 }));
    const id = res.json().incident as string;
    expect(t.app.sitroom.store.incidents.get(id)!.status).toBe('active');
    t.clock.advance(10 * 60_000);
    expect(t.app.sitroom.cap.receiver.expire()).toBeGreaterThanOrEqual(1);
    expect(t.app.sitroom.store.incidents.get(id)!.status).toBe('resolved');
  });

  it('refuses hostile and broken documents naming the element, stores nothing, and keeps serving', async () => {
    const alerts = alertCount(), incidents = incidentCount();
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>${ufaAlert('RB-LOL').replace(/^<\?xml[^>]*>/, '').replace('Flood warning', '&lol3;')}`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${ufaAlert('RB-XXE').replace(/^<\?xml[^>]*>/, '').replace('Flood warning', '&xxe;')}`;
    const cases: [string | Buffer, number, string, Record<string, string>?][] = [
      [lol, 400, 'doctype'],
      [xxe, 400, 'doctype'],
      [ufaAlert('RB-ENT').replace('Flood warning', '&xxe;'), 400, 'entity'],
      [ufaAlert('RB-NOSCOPE').replace('<cap:scope>Public</cap:scope>', ''), 400, 'alert/scope'],
      [ufaAlert('RB-SEV', { severity: 'Catastrophic' }), 400, 'alert/info[0]/severity'],
      [ufaAlert('RB-RING', { polygon: '54.70,55.90 54.70,56.05 54.78,56.05 54.78,55.90' }), 400, 'alert/info[0]/area[0]/polygon[0]'],
      [ufaAlert('RB-RANGE', { polygon: '54.70,55.90 94.70,56.05 54.78,56.05 54.70,55.90' }), 400, 'alert/info[0]/area[0]/polygon[0]'],
      [ufaAlert('RB-TZ').replace(/<cap:sent>([^<]*)\+00:00<\/cap:sent>/, '<cap:sent>$1</cap:sent>'), 400, 'alert/sent'],
      [ufaAlert('RB-UPD', { msgType: 'Update' }), 400, 'alert/references'],
      ['<html><body>not an alert</body></html>', 400, 'alert'],
      ['<alert><identifier>x</identifier>', 400, 'document'],
      [Buffer.from('<?xml version="1.0" encoding="x-unknown-enc"?><alert/>'), 400, 'encoding'],
      [`<alert>${'<note>x</note>'.repeat(200_000)}</alert>`, 413, 'body'],
      ['{"alert": {}}', 415, 'content-type', { 'content-type': 'application/json' }],
    ];
    for (const [body, status, field, headers] of cases) {
      const res = await post(body, headers);
      expect(res.statusCode, field).toBe(status);
      expect(res.json().field, String(body).slice(0, 60)).toBe(field);
    }
    const noKey = await t.app.inject({ method: 'POST', url: '/cap', headers: { 'content-type': 'application/cap+xml' }, payload: ufaAlert('RB-NOKEY') });
    expect(noKey.statusCode).toBe(401);
    expect(alertCount()).toBe(alerts);
    expect(incidentCount()).toBe(incidents);
    expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('polls Atom and RSS feeds (inline and linked alerts) once per entry, and reports a failing feed', async () => {
    feedDocs.set('/alerts/linked.xml', { type: 'application/cap+xml', body: ufaAlert('RB-FEED-LINKED') });
    feedDocs.set('/atom.xml', { type: 'application/atom+xml', body: `<?xml version="1.0" encoding="UTF-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom"><title>МЧС РБ</title><id>urn:feed:rb</id><updated>2026-11-23T08:00:00Z</updated>
        <entry><id>urn:rb:inline</id><updated>2026-11-23T08:00:00Z</updated><title>inline</title>
          <content type="text/xml">${ufaAlert('RB-FEED-INLINE').replace(/^<\?xml[^>]*>/, '')}</content></entry>
        <entry><id>urn:rb:linked</id><updated>2026-11-23T08:00:00Z</updated><title>linked</title>
          <link rel="alternate" type="application/cap+xml" href="/alerts/linked.xml"/></entry>
      </feed>` });
    feedDocs.set('/rss.xml', { type: 'application/rss+xml', body: `<?xml version="1.0"?><rss version="2.0"><channel><title>RB</title>
      <item><title>rss</title><link>${feedBase}/alerts/rss.xml</link><guid>rb-rss-1</guid></item></channel></rss>` });
    feedDocs.set('/alerts/rss.xml', { type: 'application/cap+xml', body: ufaAlert('RB-FEED-RSS') });
    await t.app.sitroom.cap.feeds.pollAll();
    for (const id of ['RB-FEED-INLINE', 'RB-FEED-LINKED', 'RB-FEED-RSS']) {
      expect(t.app.sitroom.store.incidents.get(`cap:mchs-rb@example.ru/${id}`)?.status, id).toBe('active');
    }
    const status = (await t.app.inject({ url: '/api/cap/feeds', headers: adminHeaders() })).json() as { url: string; ok: boolean; applied: number; error: string | null }[];
    expect(status.find((s) => s.url.endsWith('/atom.xml'))).toMatchObject({ ok: true, applied: 2 });
    expect(status.find((s) => s.url.endsWith('/missing.xml'))).toMatchObject({ ok: false });
    expect(status.find((s) => s.url.endsWith('/missing.xml'))!.error).toMatch(/404/);
    const alerts = alertCount();
    await t.app.sitroom.cap.feeds.pollAll();
    expect(alertCount()).toBe(alerts);
    expect((await t.app.inject({ url: '/api/cap/feeds', headers: adminHeaders() })).json()[0].applied).toBe(2);
    expect(KEY).toBeTruthy();
  });
});
