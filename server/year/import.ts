// An archive's daily figures for the days before Sitroom's own records (last year's statistics from the systems the
// centre used before): checked whole, naming the field and the limit, and stored all together or not at all.
import { Type, type Static } from '@sinclair/typebox';
import type { Store } from '../store';
import type { Reference } from '../reference/load';
import type { FigureRow } from '../store/daily-figures';
import { dayKey, dayStart } from '../domain/time';
import { FIGURES, type FigureGroup } from './figures';
import { firstOwnDay } from './close-days';

const Count = Type.Integer({ minimum: 0, maximum: 10_000_000 });
const Id = Type.String({ minLength: 1, maxLength: 80 });
export const DailyFiguresBody = Type.Object({
  days: Type.Array(Type.Object({
    day: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a local day, YYYY-MM-DD' }),
    appeals: Type.Optional(Type.Object({ received: Type.Record(Id, Count, { description: 'per channel id' }), due: Count, dueOnTime: Count }, { additionalProperties: false })),
    fleet: Type.Optional(Type.Object({ onDuty: Type.Number({ minimum: 0, maximum: 100_000 }), calls: Count, arrivals: Count, within20: Count }, { additionalProperties: false })),
    sites: Type.Optional(Type.Object({ monitored: Count, services: Count, servicesOnTime: Count }, { additionalProperties: false })),
    incidents: Type.Optional(Type.Object({ reported: Type.Record(Id, Count, { description: 'per incident type id' }) }, { additionalProperties: false })),
    producers: Type.Optional(Type.Object({ active: Type.Array(Id, { maxItems: 500 }), feeds: Type.Array(Id, { maxItems: 2000 }) }, { additionalProperties: false })),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 1000 }),
}, { additionalProperties: false });
export type DailyFiguresBody = Static<typeof DailyFiguresBody>;
type DayRecord = DailyFiguresBody['days'][number];

/** a refusal naming its field (also a bad `at` on the year summary) */
export class ImportRefusal extends Error { readonly statusCode = 400; constructor(readonly field: string, message: string) { super(`${field}: ${message}`); } }

function check(d: DayRecord, at: string, ctx: { first: string | null; today: string; channels: Set<string>; types: Set<string> }): void {
  const t = Date.parse(`${d.day}T00:00:00Z`);
  if (!Number.isFinite(t) || new Date(t).toISOString().slice(0, 10) !== d.day) throw new ImportRefusal(`${at}/day`, `"${d.day}" is not a calendar day`);
  if (d.day >= ctx.today) throw new ImportRefusal(`${at}/day`, `${d.day} has not closed yet (today is ${ctx.today})`);
  if (ctx.first !== null && d.day >= ctx.first) {
    throw new ImportRefusal(`${at}/day`, `${d.day} is on or after ${ctx.first}, the first day Sitroom counts from its own records; an import fills only the days before it`);
  }
  if (!d.appeals && !d.fleet && !d.sites && !d.incidents && !d.producers) throw new ImportRefusal(at, 'no figures (appeals, fleet, sites, incidents or producers)');
  const atMost = (part: number, whole: number, field: string, of: string) => {
    if (part > whole) throw new ImportRefusal(`${at}/${field}`, `${part} is more than ${of} (${whole})`);
  };
  if (d.appeals) {
    atMost(d.appeals.dueOnTime, d.appeals.due, 'appeals/dueOnTime', 'appeals/due');
    for (const c of Object.keys(d.appeals.received)) if (!ctx.channels.has(c)) throw new ImportRefusal(`${at}/appeals/received/${c}`, `no channel "${c}"; known: ${[...ctx.channels].join(', ')}`);
  }
  if (d.fleet) atMost(d.fleet.within20, d.fleet.arrivals, 'fleet/within20', 'fleet/arrivals');
  if (d.sites) atMost(d.sites.servicesOnTime, d.sites.services, 'sites/servicesOnTime', 'sites/services');
  for (const k of Object.keys(d.incidents?.reported ?? {})) if (!ctx.types.has(k)) throw new ImportRefusal(`${at}/incidents/reported/${k}`, `no incident type "${k}"; known: ${[...ctx.types].join(', ')}`);
}

function rowsOf(d: DayRecord): FigureRow[] {
  const r = (figure: string, key: string, value: number): FigureRow => ({ day: d.day, figure, key, value });
  const groups: FigureGroup[] = [];
  const rows: FigureRow[] = [];
  if (d.appeals) { groups.push('appeals'); rows.push(...Object.entries(d.appeals.received).map(([k, v]) => r(FIGURES.received, k, v)), r(FIGURES.due, '', d.appeals.due), r(FIGURES.dueOnTime, '', d.appeals.dueOnTime)); }
  if (d.fleet) { groups.push('fleet', 'calls'); rows.push(r(FIGURES.onDuty, '', d.fleet.onDuty), r(FIGURES.calls, '', d.fleet.calls), r(FIGURES.arrivals, '', d.fleet.arrivals), r(FIGURES.within20, '', d.fleet.within20)); }
  if (d.sites) { groups.push('sites'); rows.push(r(FIGURES.monitored, '', d.sites.monitored), r(FIGURES.services, '', d.sites.services), r(FIGURES.servicesOnTime, '', d.sites.servicesOnTime)); }
  if (d.incidents) { groups.push('incidents'); rows.push(...Object.entries(d.incidents.reported).map(([k, v]) => r(FIGURES.incidents, k, v))); }
  if (d.producers) { groups.push('producers'); rows.push(...d.producers.active.map((p) => r(FIGURES.producers, p, 1)), ...d.producers.feeds.map((p) => r(FIGURES.feeds, p, 1))); }
  return [...rows, ...groups.map((g) => r(FIGURES.covered, g, 1))];
}

/** Checks every day of the batch, then stores them all in one transaction; returns how many days were stored. */
export function importDailyFigures(store: Store, reference: Reference, timezone: string, now: number, body: DailyFiguresBody): number {
  const ctx = { first: firstOwnDay(store, timezone), today: dayKey(dayStart(now, timezone), timezone),
    channels: new Set(reference.channels.map((c) => c.id)), types: new Set(reference.incidentTypes.map((t) => t.id)) };
  const seen = new Set<string>();
  body.days.forEach((d, i) => {
    check(d, `body/days/${i}`, ctx);
    if (seen.has(d.day)) throw new ImportRefusal(`body/days/${i}/day`, `${d.day} is in this batch twice`);
    seen.add(d.day);
  });
  store.transaction(() => { for (const d of body.days) store.dailyFigures.putDay(d.day, rowsOf(d), 'imported'); });
  return body.days.length;
}
