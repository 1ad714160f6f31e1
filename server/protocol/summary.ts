// The indicators, derived once on the server (server/domain/indicators) and sent whole on the `kpi` topic and at
// GET /api/summary. Every figure says what it is compared with; times are epoch ms, durations say their unit.

/** A count now, against the same local time of day yesterday and on the same weekday last week. */
export interface Compared {
  today: number;
  yesterdaySameTime: number;
  lastWeekSameTime: number;
}

export interface KeyedCompared extends Compared { id: string }

export interface MunicipalityDeadlines {
  id: string;
  /** appeals answered in the window, and how many of those within their deadline */
  answered: number;
  answeredOnTime: number;
  /** on time / (answered + open past due), over the window; null when nothing is due yet */
  onTimeShare: number | null;
  openOverdue: number;
  medianResponseHours: number | null;
}

export interface OperatorContainers {
  id: string;
  sites: number;
  servicedToday: number;
  servicedTodayShare: number;
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
  appeals: {
    total: Compared;
    byChannel: KeyedCompared[];
    byCategory: KeyedCompared[];
    byMunicipality: (KeyedCompared & { per10k: number })[];
    /** today's five most frequent categories */
    top5: { id: string; count: number }[];
    /** appeals per local hour: today so far, all of yesterday, all of the same weekday last week */
    hourly: { today: number[]; yesterday: number[]; lastWeek: number[] };
    /** appeals received in the last 24 hours not yet answered or closed */
    open: number;
    /** the newest appeal's receive time: how fresh this block is */
    newestAt: number | null;
  };
  deadlines: {
    windowDays: number;
    answered: number;
    answeredOnTime: number;
    onTimeShare: number | null;
    /** open appeals past their deadline now, and past the channel's ceiling */
    openOverdue: number;
    openPastCeiling: number;
    byMunicipality: MunicipalityDeadlines[];
  };
  /** the 63 municipalities, worst first */
  ranking: {
    byOverdue: { id: string; openOverdue: number; medianResponseHours: number | null }[];
    byResponse: { id: string; medianResponseHours: number | null; openOverdue: number }[];
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
