// A half-ring gauge for a share (0..1), coloured by thresholds: ok at or above `good`, warning above `warn`.
export function Gauge({ share, good, warn, label, tone: given }:
  { share: number | null; good: number; warn: number; label: string; /** a tone decided by the caller instead */ tone?: string }) {
  const v = share === null ? 0 : Math.min(1, Math.max(0, share));
  const tone = given ?? (share === null ? 'muted' : v >= good ? 'ok' : v >= warn ? 'warn' : 'crit');
  const r = 40, cx = 50, cy = 50;
  const end = Math.PI * (1 - v);
  const x = cx + r * Math.cos(end), y = cy - r * Math.sin(end);
  return (
    <svg className="gauge" viewBox="0 0 100 58" role="img" aria-label={label}>
      <path d={`M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${cx + r} ${cy}`} className="gauge-track" />
      {v > 0 && <path d={`M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)}`} className={`gauge-value tone-${tone}`} />}
      <text x={cx} y={cy - 4} className="gauge-text">{label}</text>
    </svg>
  );
}
