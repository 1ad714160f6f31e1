// The indicators, derived once on the server (server/domain/indicators) and sent whole on the `kpi` topic and at
// GET /api/summary. Every figure says what it is compared with; times are epoch ms, durations say their unit.
// One definition: the TypeBox schemas below are the API's description (/docs) and the types the code uses.
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(t: T, description?: string) => Type.Union([t, Type.Null()], description ? { description } : {});
const Counts = Type.Record(Type.String(), Type.Integer());
const EpochMs = (description: string) => Nullable(Type.Number(), description);

/** A figure's usual value for this weekday and time of day (server/domain/baseline.ts). */
export const Usual = Type.Object({
  usual: Type.Number(),
  low: Type.Number({ description: "the usual range: the baseline weeks' values without the highest and the lowest" }),
  high: Type.Number(),
  weeks: Type.Integer(),
  flag: Nullable(Type.Union([Type.Literal('above'), Type.Literal('below')]), 'outside the usual range by more than √usual; null inside it and on holidays'),
}, { description: "a figure's usual value for this weekday and time of day" });
export type Usual = Static<typeof Usual>;

/** A count today so far, against its usual value (the main comparison) and, as secondary ones, the same local time of
 *  day yesterday and on the same weekday last week. */
export const Compared = Type.Object({
  today: Type.Integer(),
  usual: Nullable(Usual, 'null with fewer than 3 ordinary weeks of history'),
  yesterdaySameTime: Type.Integer(),
  lastWeekSameTime: Type.Integer(),
});
export type Compared = Static<typeof Compared>;

export const FigureText = Type.Object({
  counts: Type.String(), window: Type.String(), compared: Type.String(),
  short: Type.Optional(Type.String({ description: 'a one-line footnote where the figure is shown to visitors (the delegation scene)' })),
});
export type FigureText = Static<typeof FigureText>;
/** What a figure counts, over which window, and what it is compared with. */
export const FigureDefinition = Type.Object({ ru: FigureText, en: FigureText });
export type FigureDefinition = Static<typeof FigureDefinition>;

/** Per local hour: the usual count and range on the baseline weekdays (whole days). */
export const AppealsHourlyUsual = Type.Object({ usual: Type.Array(Type.Number()), low: Type.Array(Type.Number()), high: Type.Array(Type.Number()), weeks: Type.Integer() });
export type AppealsHourlyUsual = Static<typeof AppealsHourlyUsual>;

export const KeyedCompared = Type.Composite([Compared, Type.Object({ id: Type.String() })]);
export type KeyedCompared = Static<typeof KeyedCompared>;

export const MunicipalityDeadlines = Type.Object({
  id: Type.String(),
  due: Type.Integer({ description: 'appeals whose deadline fell in the window' }),
  dueOnTime: Type.Integer({ description: 'of those, answered (or closed) by it' }),
  onTimeShare: Nullable(Type.Number(), 'dueOnTime / due; null when no deadline fell in the window'),
  openOverdue: Type.Integer(),
  answered: Type.Integer({ description: 'appeals answered in the window' }),
  medianDeadlineUsed: Nullable(Type.Number(), 'the median share of its deadline an answer used (0.5: halfway)'),
});
export type MunicipalityDeadlines = Static<typeof MunicipalityDeadlines>;

/** Per channel, where every appeal has one deadline, so hours compare. */
export const ChannelDeadlines = Type.Object({
  id: Type.String(), deadlineHours: Type.Number(), due: Type.Integer(), dueOnTime: Type.Integer(),
  onTimeShare: Nullable(Type.Number()), answered: Type.Integer(), medianResponseHours: Nullable(Type.Number()),
});
export type ChannelDeadlines = Static<typeof ChannelDeadlines>;

export const RankingRow = Type.Object({ id: Type.String(), openOverdue: Type.Integer(), medianDeadlineUsed: Nullable(Type.Number()), onTimeShare: Nullable(Type.Number()) });
export type RankingRow = Static<typeof RankingRow>;

export const OperatorContainers = Type.Object({
  id: Type.String(),
  sites: Type.Integer(),
  dueSoFar: Type.Integer({ description: 'sites due by now today: serviced today, or past their sanitary limit' }),
  servicedToday: Type.Integer(),
  servicedTodayShare: Nullable(Type.Number(), 'servicedToday / dueSoFar; null when nothing was due'),
  pastLimit: Type.Integer({ description: 'sites past their sanitary limit now' }),
  overflowing: Type.Integer(),
  notServiced24h: Type.Integer(),
  notServiced72h: Type.Integer(),
});
export type OperatorContainers = Static<typeof OperatorContainers>;

/** A departmental system's indicator, as its producer last described it, with its newest value. */
export const DepartmentalMetric = Type.Object({
  key: Type.String(),
  title_ru: Nullable(Type.String()),
  title_en: Nullable(Type.String()),
  unit: Nullable(Type.String()),
  value: Nullable(Type.Number()),
  at: EpochMs('when the newest value was measured'),
  dayAgo: Nullable(Type.Object({ value: Type.Number(), at: Type.Number() }), 'the newest value at least 24 hours older than `at`: what the figure is compared with'),
  warn: Nullable(Type.Number()),
  critical: Nullable(Type.Number()),
  direction: Type.Union([Type.Literal('above'), Type.Literal('below')], { description: 'above: values above the thresholds are bad; below: values below them are' }),
  source: Type.String(),
});
export type DepartmentalMetric = Static<typeof DepartmentalMetric>;

const AppealsBlock = Type.Object({
  total: Compared,
  byChannel: Type.Array(KeyedCompared),
  byCategory: Type.Array(KeyedCompared),
  byMunicipality: Type.Array(Type.Composite([KeyedCompared, Type.Object({ per10k: Type.Number() })])),
  top5: Type.Array(Type.Object({ id: Type.String(), count: Type.Integer() }), { description: "today's five most frequent categories" }),
  hourly: Type.Object({ today: Type.Array(Type.Integer()), yesterday: Type.Array(Type.Integer()), lastWeek: Type.Array(Type.Integer()), usual: Nullable(AppealsHourlyUsual) },
    { description: 'appeals per local hour: today so far, all of yesterday, all of the same weekday last week, the usual band' }),
  open: Type.Integer({ description: 'appeals received in the last 24 hours not yet answered or closed' }),
  newestAt: EpochMs("the newest appeal's receive time: how fresh this block is"),
});

const DeadlinesBlock = Type.Object({
  windowDays: Type.Integer(),
  due: Type.Integer({ description: 'appeals whose deadline fell in the window' }),
  dueOnTime: Type.Integer(),
  onTimeShare: Nullable(Type.Number()),
  openOverdue: Type.Integer({ description: 'open appeals past their deadline now' }),
  openPastCeiling: Type.Integer({ description: "of which past the channel's ceiling (a subset)" }),
  byMunicipality: Type.Array(MunicipalityDeadlines),
  byChannel: Type.Array(ChannelDeadlines),
});

const FleetBlock = Type.Object({
  teams: Type.Integer(),
  onDuty: Type.Integer(),
  onDutyLastYear: Nullable(Type.Number(), 'teams on duty on the same weekday 52 weeks ago, within an hour of this time of day; null without history'),
  free: Type.Integer(),
  busy: Type.Integer(),
  byStatus: Counts,
  callsToday: Type.Integer(),
  callsUsual: Nullable(Usual),
  callsYesterdaySameTime: Type.Integer(),
  arrivalsToday: Type.Integer(),
  medianArrivalMinutes: Nullable(Type.Number()),
  within20Share: Nullable(Type.Number()),
  arrivalTargetMinutes: Type.Number(),
  newestFixAt: EpochMs('the newest position fix'),
});

const ContainersBlock = Type.Object({
  sites: Type.Integer(),
  byStatus: Counts,
  overflowing: Type.Integer(),
  notServiced24h: Type.Integer(),
  notServiced72h: Type.Integer(),
  servicedToday: Type.Integer(),
  dueSoFar: Type.Integer(),
  pastLimit: Type.Integer(),
  sanitaryLimit: Type.Object({ days: Type.Union([Type.Literal(1), Type.Literal(3)]), basis: Type.Union([Type.Literal('temperature'), Type.Literal('season')]),
    meanTemperatureC: Nullable(Type.Number()) }, { description: 'the sanitary limit in force: from the three-day mean temperature when reported, else by season' }),
  byOperator: Type.Array(OperatorContainers),
  newestAt: EpochMs('the newest site update'),
});

export const Summary = Type.Object({
  time: Type.Number({ description: 'server time the summary describes' }),
  timezone: Type.String(),
  day: Type.String({ description: 'local date (YYYY-MM-DD) that "today" means' }),
  baseline: Type.Object({ weeks: Type.Integer(), days: Type.Array(Type.String()), holiday: Nullable(Type.Object({ ru: Type.String(), en: Type.String() })) },
    { description: 'what "usual" is built from: the ordinary same weekdays used, and today\'s holiday if it is one' }),
  definitions: Type.Record(Type.String(), FigureDefinition, { description: "each figure's definition, by figure id (server/domain/indicators/definitions.ts)" }),
  appeals: AppealsBlock,
  deadlines: DeadlinesBlock,
  ranking: Type.Object({ byOverdue: Type.Array(RankingRow), byResponse: Type.Array(RankingRow, { description: 'by the median share of the deadline answers used' }) },
    { description: 'the 63 municipalities, worst first' }),
  fleet: FleetBlock,
  containers: ContainersBlock,
  incidents: Type.Object({ active: Type.Integer(), today: Type.Integer(), byType: Counts, bySeverity: Counts, newestAt: EpochMs('the newest incident update') }),
  outsideRegion: Type.Object({ appeals: Type.Integer(), incidents: Type.Integer(), containers: Type.Integer(), total: Type.Integer() },
    { description: 'items placed outside the republic in the last 24 hours (SITROOM_OUT_OF_REGION=flag): kept aside, counted nowhere else, listed at /api/outside-region' }),
  departmental: Type.Array(DepartmentalMetric, { description: 'indicators pushed by departmental systems to /api/ingest/metrics' }),
  hotline: Type.Object({ calls: Compared, answered: Type.Integer(), missed: Type.Integer(), missedShare: Nullable(Type.Number()),
    medianWaitSeconds: Nullable(Type.Number()), newestAt: EpochMs('the newest call') }),
}, { description: 'every figure of the wall, with what each is compared with' });
export type Summary = Static<typeof Summary>;
