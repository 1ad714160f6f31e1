// Names of producers the pipeline treats specially.

/** The embedded simulator. A vehicle that a real device reported for recently is no longer moved by it. */
export const SIMULATOR_SOURCE = 'simulator';
/** How long a device's last fix keeps the simulator off its vehicle. */
export const DEVICE_TAKEOVER_MS = 30 * 60_000;
/** Sitroom's own jobs (samples it derives, such as teams on duty): never listed as departmental indicators. */
export const INTERNAL_SOURCE = 'sitroom';
/** Positions from OsmAnd / Traccar Client devices: `osmand:<device registration id>`; devices are registered apart. */
export const OSMAND_SOURCE = 'osmand:';
