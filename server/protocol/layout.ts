// A wall layout: a grid of panels, each with its kind, its place and its options. Layouts are JSON files in
// data/layouts/, checked at start (server/reference/layouts.ts) and served at /api/layouts/:id; the client only
// imports these types and lists.

/** Every panel kind the wall knows; the client registers one component per kind (client/src/panels/registry.tsx). */
export const PANEL_KINDS = ['header', 'appeals-today', 'appeals-categories', 'appeals-timeline', 'deadlines',
  'municipality-ranking', 'map', 'fleet', 'containers', 'incidents', 'hotline', 'metric-stat', 'metric-gauge', 'headlines',
  'year-appeals', 'year-fleet', 'year-city'] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];

/** Live layers the map can draw; a layout switches them on per map panel. */
export const MAP_LAYERS = ['choropleth', 'heat', 'appeals', 'incidents', 'fleet', 'containers'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

/** What the wall hears from, each with the server time of its newest update. `fleet` is the newest fix, `appeals`
 *  the newest appeal (shown as the header's data age). */
export const STREAMS = ['kpi', 'fleet', 'incidents', 'containers', 'appeals'] as const;
export type Stream = (typeof STREAMS)[number];

/** The streams a panel's staleness follows. Not `appeals`: its counts are recomputed with every kpi update, and a
 *  quiet night without a new appeal is not missing data. */
export const PANEL_STREAMS = ['kpi', 'fleet', 'incidents', 'containers'] as const;
export type PanelStream = (typeof PANEL_STREAMS)[number];

/** How long (seconds) each stream may stay silent before the panels that show it turn stale. Fleet counts from the
 *  newest fix of any vehicle (idle trackers report every 20-60 s), kpi from the last recomputation (every <= 10 s). */
export const DEFAULT_FRESHNESS: Record<PanelStream, number> = { kpi: 30, fleet: 60, incidents: 30, containers: 30 };

export interface PanelArea { col: number; row: number; cols: number; rows: number }

export interface PanelOptions {
  /** map: live layers shown */
  layers?: MapLayer[];
  /** ranking, deadlines, incidents, categories: how many rows to list */
  rows?: number;
  /** municipality-ranking: the ordering */
  by?: 'overdue' | 'response';
  /** metric-stat, metric-gauge: the departmental indicator's key (as pushed to /api/ingest/metrics) */
  metric?: string;
  /** metric panels: a title instead of the one the producer sent */
  title_ru?: string;
  title_en?: string;
  /** metric-gauge: the scale (default 0 to 100 for %, else 0 to the larger of the value and the thresholds) */
  min?: number;
  max?: number;
  /** metric panels: minutes after which the newest value counts as missing (default 60) */
  maxAgeMinutes?: number;
}

export interface PanelSpec { kind: PanelKind; area: PanelArea; options?: PanelOptions }

export interface Layout {
  id: string;
  name_ru: string;
  name_en: string;
  /** columns and rows of the grid; panels' areas are 1-based cells in it */
  grid: { cols: number; rows: number };
  /** overrides of DEFAULT_FRESHNESS, seconds */
  freshness?: Partial<Record<PanelStream, number>>;
  panels: PanelSpec[];
}

export interface LayoutList { layouts: { id: string; name_ru: string; name_en: string }[]; default: string }
