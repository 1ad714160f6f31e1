// The cards of the duty officer's desk: everything the server knows about one municipality, incident, ambulance
// team, container site or appeal, put together from the live views, the store and the indicators. Each figure on a
// card is counted here, by the same definitions as the wall (the open overdue one, the sanitary limit), so the
// desk and the wall never disagree. Personal data (an appeal's text, author, contact) goes only to operators, and
// each such view is recorded (routes.ts).
import type { Hub } from '../hub/hub';
import type { Summary } from '../protocol/summary';
import type { IncidentView } from '../protocol/views';
import { appealView, incidentView } from '../hub/views';
import type { CardDeps } from './deps';
import type { CapAlert } from '../adapters/cap/alert';
import { DAY, HOUR, dayStart } from '../domain/time';
import { NEAR_KM, sitePlace, substationsOf, teamPlace } from '../api/place-filters';
import { appealsAgainstUsual } from './appeals-usual';
import { teamCall } from './team-call';

export type { CardDeps };
export const CARD_KINDS = ['municipality', 'incident', 'vehicle', 'site', 'appeal'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

const activeIncidents = (hub: Hub): IncidentView[] => (hub.snapshot('incidents') as { items: IncidentView[] }).items.filter((i) => i.status === 'active');

export function municipalityCard(d: CardDeps, id: string) {
  const m = d.reference.municipalityById.get(id);
  if (!m) return null;
  const now = d.now(), s = d.summary(), from = dayStart(now, d.timezone);
  const sites = d.hub.sites().filter((x) => x.municipality === id);
  const byStatus: Record<string, number> = {}, byOperator: Record<string, number> = {};
  for (const x of sites) { byStatus[x.status] = (byStatus[x.status] ?? 0) + 1; byOperator[x.operator] = (byOperator[x.operator] ?? 0) + 1; }
  const substations = substationsOf(d.reference, id);
  // the teams on the map (with a position), as the teams list counts them
  const ofHere = teamPlace({ municipality: id }, d.reference);
  const teams = d.hub.vehicles().filter((v) => v.lon !== null && ofHere(v));
  const overdue = d.store.desk.openOverdue(id, now);
  return {
    kind: 'municipality' as const, id, name_ru: m.name_ru, name_en: m.name_en, population: m.population_estimate, time: now,
    appeals: { today: s.appeals.byMunicipality.find((r) => r.id === id) ?? null, ...appealsAgainstUsual(d, id) },
    deadlines: { ...(s.deadlines.byMunicipality.find((r) => r.id === id) ?? null), openOverdue: overdue.n, oldestOverdueDueAt: overdue.oldest },
    containers: { sites: sites.length, byStatus, byOperator },
    incidents: activeIncidents(d.hub).filter((i) => i.municipality === id),
    fleet: { substations, teams: teams.map((v) => ({ id: v.id, callsign: v.callsign, status: v.status })), callsToday: d.store.desk.callsIn(id, from, now + 1) },
    departmental: departmentalIn(d, s, id, now),
  };
}

/** The departmental indicators that carry this municipality: samples placed in it in the last week. */
function departmentalIn(d: CardDeps, s: Summary, id: string, now: number): Summary['departmental'] {
  return s.departmental.filter((x) => d.store.desk.metricIn(x.key, id, now - 7 * DAY));
}

export function incidentCard(d: CardDeps, id: string, operator: boolean) {
  const i = d.store.incidents.get(id);
  if (!i) return null;
  const view = incidentView(i);
  const cap = d.store.desk.capAlertsOf(id).map((a) => ({ sender: a.sender, identifier: a.identifier, sent: a.sent, source: a.source,
    infos: (JSON.parse(a.alert) as CapAlert).infos }));
  // the same filter as the lists the counts open (/api/vehicles and /api/containers with near and km)
  const near = { near: `${i.lon},${i.lat}`, km: NEAR_KM };
  return {
    kind: 'incident' as const, time: d.now(), ...view, area: i.area, source: i.source, cap,
    description: operator ? i.description : null,
    near: { ...near, teams: d.hub.vehicles().filter(teamPlace(near, d.reference)).map((v) => ({ id: v.id, callsign: v.callsign, status: v.status })),
      sites: d.hub.sites().filter(sitePlace(near, d.reference)).length },
  };
}

export function vehicleCard(d: CardDeps, id: string) {
  const v = d.hub.vehicle(id);
  if (!v) return null;
  const now = d.now();
  const last = d.store.desk.lastFixSource(id);
  const substation = v.substation ? d.reference.substations.find((x) => x.id === v.substation) ?? null : null;
  return {
    kind: 'vehicle' as const, id, time: now, callsign: v.callsign, status: v.status, statusSince: d.store.desk.statusSince(id, v.status), substation: substation ? { id: substation.id, name_ru: substation.name_ru, name_en: substation.name_en } : null,
    lon: v.lon, lat: v.lat, speedKmh: v.speedKmh, heading: v.heading, fixAt: v.fixAt, fixAgeSeconds: v.fixAt === null ? null : Math.round((now - v.fixAt) / 1000),
    source: last ? { kind: last.source.startsWith('osmand:') ? 'device' : last.source === 'simulator' ? 'simulator' : 'producer', name: last.source } : null,
    call: teamCall(d.store, v, now),
    track: d.store.fleet.track(id, now - HOUR, 2000),
  };
}

export function siteCard(d: CardDeps, id: string) {
  const site = d.hub.sites().find((x) => x.id === id);
  if (!site) return null;
  const now = d.now(), limit = d.summary().containers.sanitaryLimit;
  const sinceService = site.servicedAt === null ? null : now - site.servicedAt;
  return {
    kind: 'site' as const, id, time: now, operator: site.operator, municipality: site.municipality, lon: site.lon, lat: site.lat,
    containers: site.containers, fill: site.fill, status: site.status, servicedAt: site.servicedAt,
    sanitary: { limitDays: limit.days, basis: limit.basis, hoursSinceService: sinceService === null ? null : Math.round(sinceService / HOUR),
      pastLimit: sinceService === null || sinceService > limit.days * DAY },
    week: d.store.desk.siteEvents(id, now - 7 * DAY),
  };
}

export function appealCard(d: CardDeps, id: string, operator: boolean) {
  const a = d.store.appeals.get(id);
  if (!a) return null;
  const history = [['received', a.receivedAt], ['in_work', a.inWorkAt], ['answered', a.answeredAt], ['closed', a.closedAt]]
    .filter((h): h is [string, number] => h[1] !== null).map(([status, at]) => ({ status, at }));
  const now = d.now();
  return {
    kind: 'appeal' as const, time: now, ...appealView(a), source: a.source, dueAt: a.dueAt, ceilingAt: a.ceilingAt,
    overdue: a.answeredAt === null && a.closedAt === null && a.dueAt < now, history,
    personal: operator ? { text: a.text, author: a.author, contact: a.contact, address: a.address } : null,
  };
}

/** the cards as the desk receives them (JSON) */
export type MunicipalityCard = NonNullable<ReturnType<typeof municipalityCard>>;
export type IncidentCard = NonNullable<ReturnType<typeof incidentCard>>;
export type VehicleCard = NonNullable<ReturnType<typeof vehicleCard>>;
export type SiteCard = NonNullable<ReturnType<typeof siteCard>>;
export type AppealCard = NonNullable<ReturnType<typeof appealCard>>;
export type AnyCard = MunicipalityCard | IncidentCard | VehicleCard | SiteCard | AppealCard;
