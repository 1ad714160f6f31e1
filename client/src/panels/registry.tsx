// The one list of panel kinds the wall can draw. A panel receives its options and never knows where it sits.
import type { ComponentType } from 'react';
import type { PanelKind, PanelOptions } from '../../../server/protocol/layout';
import { AppealsCategories } from './AppealsCategories';
import { AppealsTimeline } from './AppealsTimeline';
import { AppealsToday } from './AppealsToday';
import { Containers } from './Containers';
import { Deadlines } from './Deadlines';
import { Fleet } from './Fleet';
import { Header } from './Header';
import { Hotline } from './Hotline';
import { Incidents } from './Incidents';
import { MapPanel } from './MapPanel';
import { MunicipalityRanking } from './MunicipalityRanking';
import { MetricGauge, MetricStat } from './MetricPanels';
import { Headlines } from './Headlines';
import { YearAppeals } from './YearAppeals';
import { YearCity } from './YearCity';
import { YearFleet } from './YearFleet';

export interface PanelProps { options: PanelOptions }

export const PANELS: Record<PanelKind, ComponentType<PanelProps>> = {
  header: Header,
  'appeals-today': AppealsToday,
  'appeals-categories': AppealsCategories,
  'appeals-timeline': AppealsTimeline,
  deadlines: Deadlines,
  'municipality-ranking': MunicipalityRanking,
  map: MapPanel,
  fleet: Fleet,
  containers: Containers,
  incidents: Incidents,
  hotline: Hotline,
  'metric-stat': MetricStat,
  'metric-gauge': MetricGauge,
  headlines: Headlines,
  'year-appeals': YearAppeals,
  'year-fleet': YearFleet,
  'year-city': YearCity,
};
