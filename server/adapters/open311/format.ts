// Open311 GeoReport v2 answers in JSON or XML: JSON answers are top-level arrays, XML a root element with one child
// per item; errors are a list of {code, description} in both.
export type Format = 'json' | 'xml';
export type Flat = Record<string, string | number | boolean | null | undefined | string[]>;

// XML 1.0 allows tab, LF, CR and U+0020 and up, except surrogates without a pair and U+FFFE/U+FFFF: anything else in a
// stored value (a U+0000 from an older database) is dropped, so one bad value cannot break a whole feed
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const escapeXml = (s: string): string => s.replace(NOT_XML, '')
  .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

function element(name: string, value: Flat[string]): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element('item', v)).join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A list of flat objects as XML: <root><item>…</item>…</root>; nested objects are serialised by `nested`. */
export function toXml(root: string, item: string, items: readonly Flat[], nested: Record<string, (v: unknown) => string> = {}): string {
  const body = items.map((o) => `<${item}>${Object.entries(o).map(([k, v]) => (nested[k] ? nested[k](v) : element(k, v))).join('')}</${item}>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><${root}>${body}</${root}>`;
}

export interface Open311Error { code: number; description: string }

export function errorsXml(errors: readonly Open311Error[]): string {
  return toXml('errors', 'error', errors.map((e) => ({ code: e.code, description: e.description })));
}

/** The region's wall-clock time with its offset (Open311 dates carry a time zone): 2026-11-23T14:05:00+05:00. */
export function isoWithOffset(t: number, offsetMs: number): string {
  const local = new Date(Math.floor(t / 1000) * 1000 + offsetMs).toISOString().slice(0, 19);
  const m = Math.round(offsetMs / 60_000), sign = m < 0 ? '-' : '+', a = Math.abs(m);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
