// GeoJSON as GIS tools need it: served as application/geo+json, and every real-valued property written with a
// decimal point (52 as 52.0). JSON has one number type, so a tool that guesses a column's type from the values it
// sees (GDAL/OGR, QGIS) would otherwise take speedKmh as an integer until a decimal arrives, and change the type of
// the column between two reads.
export const GEOJSON_TYPE = 'application/geo+json';

const MARK = '\u0001';
const MARKED = /"\\u0001(-?[0-9][0-9.eE+-]*)"/g;

/** The document as text, the named properties always with a decimal point (null stays null). */
export function geoJsonText(doc: unknown, realFields: ReadonlySet<string>): string {
  const text = JSON.stringify(doc, (key, value: unknown) =>
    (typeof value === 'number' && Number.isFinite(value) && realFields.has(key) ? `${MARK}${value}` : value));
  return text.replace(MARKED, (_m, n: string) => (/[.eE]/.test(n) ? n : `${n}.0`));
}
