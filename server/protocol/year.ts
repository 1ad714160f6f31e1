// The year told against the last: GET /api/summary/year. Each figure is summed from the year's daily figures
// (server/year/) over the same dates of both years, from 1 January to yesterday (whole days only, so both sides are
// complete); `lastYear` is null where no day of last year's period has a record of that group.
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(t: T, description?: string) => Type.Union([t, Type.Null()], description ? { description } : {});
const Period = Type.Object({ from: Type.String({ description: 'local day, YYYY-MM-DD' }), to: Type.String(), days: Type.Integer() });
export const YearCompared = Type.Object({ value: Nullable(Type.Number()), lastYear: Nullable(Type.Number()) },
  { description: 'this year\'s period against the same dates last year; null: no record of it' });
export type YearCompared = Static<typeof YearCompared>;
const Keyed = Type.Composite([YearCompared, Type.Object({ id: Type.String() })]);
const GroupCoverage = Type.Object({ computed: Type.Integer({ description: "days counted from the store's own records" }),
  imported: Type.Integer({ description: 'days imported from an archive' }) });
const Coverage = Type.Record(Type.String(), GroupCoverage, { description: 'per group of figures (appeals, fleet, sites, incidents, producers)' });

export const YearSummary = Type.Object({
  time: Type.Number({ description: 'when this was computed (epoch ms)' }),
  timezone: Type.String(),
  period: Period,
  lastYearPeriod: Period,
  coverage: Type.Object({ thisYear: Coverage, lastYear: Coverage }),
  appeals: Type.Object({
    total: YearCompared,
    byChannel: Type.Array(Keyed),
    byMonth: Type.Array(Type.Composite([YearCompared, Type.Object({ month: Type.Integer({ minimum: 1, maximum: 12 }) })]),
      { description: 'appeals received in each month of the period' }),
    due: YearCompared,
    dueOnTime: YearCompared,
    onTimeShare: YearCompared,
  }),
  fleet: Type.Object({
    onDutyPerDay: YearCompared,
    byMonth: Type.Array(Type.Composite([YearCompared, Type.Object({ month: Type.Integer({ minimum: 1, maximum: 12 }) })]),
      { description: 'teams on duty per day, the average of each month of the period' }),
    callsPerDay: Type.Composite([YearCompared], { description: 'calls received per day, over the days with a record of calls' }),
    arrivals: YearCompared,
    within20Share: YearCompared,
  }),
  sites: Type.Object({
    monitored: Type.Composite([YearCompared], { description: 'sites registered now, against those registered by the same date last year' }),
    services: YearCompared,
    onTimeShare: YearCompared,
  }),
  incidents: Type.Object({ total: YearCompared, byType: Type.Array(Keyed) }),
  producers: Type.Object({ producers: YearCompared, feeds: YearCompared }),
});
export type YearSummary = Static<typeof YearSummary>;
