// What a producer may send, in one place (docs/security.md lists the same numbers). Each limit keeps
// one producer from freezing every wall: what is stored is drawn by every screen, so it must stay drawable.
export const LIMITS = {
  /** items in one native batch (containers: a whole operator's register in one go) */
  batchItems: 20_000,
  containerBatchItems: 50_000,
  /** entities in one FIWARE request (batch update, upsert or notification) */
  fiwareEntities: 10_000,
  /** instances of one NGSI-LD multi-attribute (one per datasetId: separate sensors of one container) */
  fiwareInstances: 100,
  /** vertices of one ring of an incident area, and of all its rings together */
  ringVertices: 10_000,
  areaVertices: 20_000,
  /** polygons of a MultiPolygon, and rings (outer + holes) of one polygon */
  areaPolygons: 100,
  polygonRings: 100,
  /** what a screen receives of an area: simplified to at most this many vertices */
  screenAreaVertices: 500,
  /** labels of one metric sample (a department's own dimensions: district, plant, line...) */
  metricLabels: 20,
  /** a GeoJSON position: [lon, lat] or [lon, lat, altitude] */
  positionValues: 3,
  /** vehicles one producer (an ingest key) may bring into being; the simulator and registered devices are counted apart */
  newVehiclesPerProducer: 1000,
  /** OsmAnd devices that may register themselves (SITROOM_OSMAND_AUTOREGISTER=on) */
  autoRegisteredDevices: 200,
  /** pairing codes waiting at once: per client address (one wall computer may drive many screens), and in all */
  pendingPairingsPerAddress: 16,
  pendingPairings: 1000,
} as const;

// Times outside 2000-01-01..2100-01-01 are refused everywhere: server/domain/time.ts (inTimeRange, parseTime).

/** Characters no id may hold: C0 and C1 controls (U+0000 breaks XML answers, others break logs and terminals). */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/;
/** The same as a JSON-schema pattern for ids: at least one character, none of them a control character. */
export const ID_PATTERN = '^[^\\u0000-\\u001F\\u007F-\\u009F]+$';
