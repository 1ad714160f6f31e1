// The indicators, derived once on the server (server/domain/indicators) and sent whole on the `kpi` topic and at
// GET /api/summary. Every figure says what it is compared with; times are epoch ms, durations say their unit.

/** A figure's usual value for this weekday and time of day (server/domain/baseline.ts). */
export interface Usual {
  usual: number;
  /** the usual range: the baseline weeks' values without the highest and the lowest */
  low: number;
  high: number;
  weeks: number;
  /** outside the usual range by more than √usual; null inside it and on holidays */
  flag: 'above' | 'below' | null;
}

/** A count today so far, against its usual value (the main comparison) and, as secondary ones, the same local time of
 *  day yesterday and on the same weekday last week. */
export interface Compared {
  today: number;
  /** null with fewer than 3 ordinary weeks of history */
  usual: Usual | null;
  yesterdaySameTime: number;
  lastWeekSameTime: number;
}

/** What a figure counts, over which window, and what it is compared with. */
export interface FigureDefinition {
  ru: FigureText;
  en: FigureText;
}
export interface FigureText {
  counts: string; window: string; compared: string;
  /** a one-line footnote where the figure is shown to visitors (the delegation scene) */
  short?: string;
}

/** Per local hour: the usual count and range on the baseline weekdays (whole days). */
export interface AppealsHourlyUsual { usual: number[]; low: number[]; high: number[]; weeks: number }

export interface KeyedCompared extends Compared { id: string }

export interface MunicipalityDeadlines {
  id: string;
  /** appeals whose deadline fell in the window, and how many of those were answered (or closed) by it */
  due: number;
  dueOnTime: number;
  /** dueOnTime / due; null when no deadline fell in the window */
  onTimeShare: number | null;
  openOverdue: number;
  /** appeals answered in the window, and the median share of its deadline an answer used (0.5: halfway) */
  answered: number;
  medianDeadlineUsed: number | null;
}

/** Per channel, where every appeal has one deadline, so hours compare. */
export interface ChannelDeadlines {
  id: string;
  deadlineHours: number;
  due: number;
  dueOnTime: number;
  onTimeShare: number | null;
  answered: number;
  medianResponseHours: number | null;
}

export interface RankingRow { id: string; openOverdue: number; medianDeadlineUsed: number | null; onTimeShare: number | null }

export interface OperatorContainers {
  id: string;
  sites: number;
  /** sites due by now today: serviced today, or past their sanitary limit */
  dueSoFar: number;
  servicedToday: number;
  /** servicedToday / dueSoFar; null when nothing was due */
  servicedTodayShare: number | null;
  /** sites past their sanitary limit now */
  pastLimit: number;
  overflowing: number;
  notServiced24h: number;
  notServiced72h: number;
}

/** A departmental system's indicator, as its producer last described it, with its newest value. */
export interface DepartmentalMetric {
  key: string;
  title_ru: string | null;
  title_en: string | null;
  unit: string | null;
  value: number | null;
  /** when the newest value was measured */
  at: number | null;
  /** the newest value at least 24 hours older than `at`: what the figure is compared with */
  dayAgo: { value: number; at: number } | null;
  warn: number | null;
  critical: number | null;
  /** above: values above the thresholds are bad; below: values below them are */
  direction: 'above' | 'below';
  source: string;
}

export interface Summary {
  /** server time the summary describes */
  time: number;
  timezone: string;
  /** local date (YYYY-MM-DD) that "today" means */
  day: string;
  /** what "usual" is built from: the ordinary same weekdays used, and today's holiday if it is one */
  baseline: { weeks: number; days: string[]; holiday: { ru: string; en: string } | null };
  /** each figure's definition, by figure id (server/domain/indicators/definitions.ts) */
  definitions: Record<string, FigureDefinition>;
  appeals: {
    total: Compared;
    byChannel: KeyedCompared[];
    byCategory: KeyedCompared[];
    byMunicipality: (KeyedCompared & { per10k: number })[];
    /** today's five most frequent categories */
    top5: { id: string; count: number }[];
    /** appeals per local hour: today so far, all of yesterday, all of the same weekday last week, the usual band */
    hourly: { today: number[]; yesterday: number[]; lastWeek: number[]; usual: AppealsHourlyUsual | null };
    /** appeals received in the last 24 hours not yet answered or closed */
    open: number;
    /** the newest appeal's receive time: how fresh this block is */
    newestAt: number | null;
  };
  deadlines: {
    windowDays: number;
    /** appeals whose deadline fell in the window, those answered (or closed) by it, and the share */
    due: number;
    dueOnTime: number;
    onTimeShare: number | null;
    /** open appeals past their deadline now, and of which past the channel's ceiling (a subset: shown as "of which") */
    openOverdue: number;
    openPastCeiling: number;
    byMunicipality: MunicipalityDeadlines[];
    byChannel: ChannelDeadlines[];
  };
  /** the 63 municipalities, worst first */
  ranking: {
    byOverdue: RankingRow[];
    /** by the median share of the deadline answers used: comparable across channels */
    byResponse: RankingRow[];
  };
  fleet: {
    teams: number;
    onDuty: number;
    /** teams on duty on the same weekday 52 weeks ago, within an hour of this time of day (that day's average
     *  when no sample is that close; metric ems.teams_on_duty); null without history */
    onDutyLastYear: number | null;
    free: number;
    busy: number;
    byStatus: Record<string, number>;
    callsToday: number;
    callsUsual: Usual | null;
    callsYesterdaySameTime: number;
    arrivalsToday: number;
    medianArrivalMinutes: number | null;
    within20Share: number | null;
    arrivalTargetMinutes: number;
    newestFixAt: number | null;
  };
  containers: {
    sites: number;
    byStatus: Record<string, number>;
    overflowing: number;
    notServiced24h: number;
    notServiced72h: number;
    servicedToday: number;
    dueSoFar: number;
    pastLimit: number;
    /** the sanitary limit in force: from the three-day mean temperature when reported, else by season */
    sanitaryLimit: { days: 1 | 3; basis: 'temperature' | 'season'; meanTemperatureC: number | null };
    byOperator: OperatorContainers[];
    newestAt: number | null;
  };
  incidents: {
    active: number;
    today: number;
    byType: Record<string, number>;
    bySeverity: Record<string, number>;
    newestAt: number | null;
  };
  /** items placed outside the republic in the last 24 hours (SITROOM_OUT_OF_REGION=flag): kept aside, counted nowhere
   *  else, listed at /api/outside-region */
  outsideRegion: { appeals: number; incidents: number; containers: number; total: number };
  /** indicators pushed by departmental systems to /api/ingest/metrics, by key */
  departmental: DepartmentalMetric[];
  hotline: {
    calls: Compared;
    answered: number;
    missed: number;
    missedShare: number | null;
    medianWaitSeconds: number | null;
    newestAt: number | null;
  };
}
