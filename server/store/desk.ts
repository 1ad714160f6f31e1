// SQL behind the duty officer's desk: what a card shows beyond the live views (a municipality's appeals today by
// channel and category, its open overdue and the oldest of them, a site's week of events, a team's track and the
// source of its last fix, an incident's CAP alerts) and the record of who viewed an appeal's personal data.
import type { Db } from './database';

export interface AppealMix { channel: string; category: string; n: number }
export interface PersonalDataView { at: number; actor: string; role: string; appeal: string; address: string }

export function deskStore(db: Db) {
  // by channel and category at once: one pass over the window's appeals (on the received_at index)
  const mix = db.prepare<[number, number, string], AppealMix>(
    'SELECT channel, category, count(*) AS n FROM appeals WHERE received_at >= ? AND received_at < ? AND municipality = ? GROUP BY channel, category');
  // the same definition as the wall's open overdue (server/store/appeals.ts): neither answered nor closed, past due
  const overdue = db.prepare<[string, number], { n: number; oldest: number | null }>(
    'SELECT count(*) AS n, min(due_at) AS oldest FROM appeals WHERE municipality = ? AND answered_at IS NULL AND closed_at IS NULL AND due_at < ?');
  const siteEvents = db.prepare<[string, number], { at: number; kind: string; status: string; fill: number }>(
    'SELECT at, kind, status, fill FROM container_events WHERE site = ? AND at >= ? ORDER BY at');
  // the fleet figure's calls (server/domain/indicators/fleet.ts: the sum of ems.call), in one municipality
  const calls = db.prepare<[string, number, number], { n: number | null }>(
    "SELECT sum(value) AS n FROM metrics WHERE name = 'ems.call' AND municipality = ? AND at >= ? AND at < ?");
  // the first fix of a team's current run of one status: since when it has been in it
  const statusSince = db.prepare<[{ vehicle: string; status: string | null }], { since: number | null }>(
    `SELECT min(at) AS since FROM positions WHERE vehicle = @vehicle AND status IS @status AND at > coalesce(
       (SELECT max(at) FROM positions WHERE vehicle = @vehicle AND status IS NOT @status), 0)`);
  // whether an indicator has a sample placed in a municipality lately (a departmental system reporting per district);
  // by name first, so the (name, at) index keeps it to that indicator's last week
  const metricIn = db.prepare<[string, number, string], { one: number }>('SELECT 1 AS one FROM metrics WHERE name = ? AND at >= ? AND municipality = ? LIMIT 1');
  const lastSource = db.prepare<[string], { source: string; at: number }>('SELECT source, at FROM positions WHERE vehicle = ? ORDER BY at DESC LIMIT 1');
  const capAlerts = db.prepare<[string], { sender: string; identifier: string; sent: number; alert: string; source: string }>(
    'SELECT sender, identifier, sent, alert, source FROM cap_alerts WHERE incident = ? ORDER BY sent');
  const addView = db.prepare('INSERT INTO personal_data_views VALUES (@at, @actor, @role, @appeal, @address)');
  const views = db.prepare<[number], PersonalDataView>('SELECT * FROM personal_data_views ORDER BY at DESC LIMIT ?');
  return {
    /** a municipality's appeals received in [from, to), counted by channel and category */
    appealMix: (municipality: string, from: number, to: number): AppealMix[] => mix.all(from, to, municipality),
    openOverdue: (municipality: string, now: number) => overdue.get(municipality, now) ?? { n: 0, oldest: null },
    siteEvents: (site: string, since: number) => siteEvents.all(site, since),
    lastFixSource: (vehicle: string) => lastSource.get(vehicle) ?? null,
    callsIn: (municipality: string, from: number, to: number): number => calls.get(municipality, from, to)?.n ?? 0,
    metricIn: (name: string, municipality: string, since: number): boolean => metricIn.get(name, since, municipality) !== undefined,
    statusSince: (vehicle: string, status: string | null): number | null => statusSince.get({ vehicle, status })?.since ?? null,
    capAlertsOf: (incident: string) => capAlerts.all(incident),
    recordView: (v: PersonalDataView): void => { addView.run(v); },
    personalDataViews: (limit: number): PersonalDataView[] => views.all(limit),
  };
}
export type DeskStore = ReturnType<typeof deskStore>;
