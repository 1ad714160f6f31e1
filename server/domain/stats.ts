// Small statistics used by the indicators.
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export const round = (v: number | null, digits = 1): number | null => (v === null ? null : Number(v.toFixed(digits)));
