// The wall as it stood at a past moment: the records each live topic held then, rebuilt from history (appeals and
// incidents with their statuses rewound to that moment, each team at its newest fix by then, each site at its newest
// event by then), loaded into a hub of its own, and the indicators computed on it by the live code with `now` set to
// that moment. Nothing here keeps old summaries: a moment is recomputed from what the store holds.
import type { Store } from '../store';
import type { Reference } from '../reference/load';
import type { AppealRecord, IncidentRecord } from '../domain/records';
import type { AppealStatus } from '../protocol/views';
import type { Summary } from '../protocol/summary';
import { APPEAL_WINDOW, RESOLVED_INCIDENT_WINDOW, createHub, type Hub, type HubSeed } from '../hub/hub';
import { computeSummary, type FigureOptions } from '../domain/indicators';
import { sitesAt } from './site-states';

/** an appeal as it stood at t: what happened to it later not yet known */
function appealAt(a: AppealRecord, t: number): AppealRecord {
  const by = (x: number | null) => (x !== null && x <= t ? x : null);
  const inWorkAt = by(a.inWorkAt), answeredAt = by(a.answeredAt), closedAt = by(a.closedAt);
  const status: AppealStatus = closedAt !== null ? 'closed' : answeredAt !== null ? 'answered' : inWorkAt !== null ? 'in_work' : 'received';
  return { ...a, inWorkAt, answeredAt, closedAt, status, updatedAt: Math.min(a.updatedAt, t) };
}

/** an incident as it stood at t: active until its resolution */
export function incidentAt(i: IncidentRecord, t: number): IncidentRecord {
  const resolved = i.resolvedAt !== null && i.resolvedAt <= t;
  return { ...i, status: resolved ? 'resolved' : 'active', resolvedAt: resolved ? i.resolvedAt : null, updatedAt: Math.min(i.updatedAt, t) };
}

/** What each live topic held at t. */
export function recordsAt(store: Store, t: number): HubSeed {
  return {
    appeals: store.appeals.receivedIn(t - APPEAL_WINDOW, t).map((a) => appealAt(a, t)),
    incidents: store.incidents.knownAt(t, t - RESOLVED_INCIDENT_WINDOW).map((i) => incidentAt(i, t)),
    vehicles: store.fleet.vehiclesAt(t),
    containers: sitesAt(store, t),
  };
}

/** A hub holding the live topics' state at t (no listeners, no deltas). */
export function hubAt(store: Store, reference: Reference, t: number): Hub {
  const hub = createHub(reference.municipalities.map((m) => m.id), reference.operators.map((o) => o.id));
  hub.load(recordsAt(store, t), t);
  return hub;
}

/** The fleet alone at t (a replay's in-between frames): a few index seeks per team, no indicators. */
export function fleetAt(store: Store, reference: Reference, t: number): Hub {
  const hub = createHub(reference.municipalities.map((m) => m.id), reference.operators.map((o) => o.id));
  hub.load({ appeals: [], incidents: [], vehicles: store.fleet.vehiclesAt(t), containers: [] }, t);
  return hub;
}

export interface Moment { at: number; hub: Hub; summary: Summary }

/** The wall's state and indicators at t, as the live server computed them then. */
export function momentAt(store: Store, reference: Reference, t: number, timezone: string, options: FigureOptions): Moment {
  const hub = hubAt(store, reference, t);
  const summary = computeSummary(store, reference, hub, t, timezone, options, { containersNewestAt: store.containers.newestEventAt(t) });
  hub.setKpi(summary);
  return { at: t, hub, summary };
}
