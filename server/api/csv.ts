// CSV as spreadsheets in Russian offices open it: UTF-8 with a byte-order mark (or Excel reads Cyrillic as
// mojibake), RFC 4180 quoting, one header row, times as ISO-8601, no cell a spreadsheet would run as a formula.
export type Cell = string | number | boolean | null | undefined;

const quote = (v: Cell): string => {
  if (v === null || v === undefined) return '';
  // a text a spreadsheet would run as a formula is kept as text (OWASP's CSV injection advice); numbers stay numbers
  const text = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

export const isoCell = (t: number | null | undefined): string | null => (t === null || t === undefined ? null : new Date(t).toISOString());
