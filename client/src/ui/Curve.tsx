// Hourly curves (24 values each) as one SVG stretched to its box: the first series solid in the accent, the others
// muted for comparison. Hour marks are HTML below it (text in a stretched SVG would distort).
export interface Series { values: readonly number[]; className: string }
/** a range drawn behind the series (the usual band): low and high per hour */
export interface Band { low: readonly number[]; high: readonly number[]; className: string }

export function Curve({ series, band }: { series: Series[]; band?: Band }) {
  const max = Math.max(1, ...series.flatMap((s) => s.values), ...(band?.high ?? []));
  const W = 240, H = 100, pad = 4;
  const x = (i: number) => (i / 23) * (W - 2 * pad) + pad;
  const y = (v: number) => pad + (1 - v / max) * (H - 2 * pad);
  return (
    <div className="curve-box">
      <svg className="curve" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none">
        {[0.25, 0.5, 0.75].map((f) => <line key={f} x1={0} x2={W} y1={y(max * f)} y2={y(max * f)} className="curve-grid" vectorEffect="non-scaling-stroke" />)}
        {band && <polygon className={band.className} points={[...band.high.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`),
          ...band.low.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).reverse()].join(' ')} />}
        {series.map((s) => (
          <polyline key={s.className} className={s.className} vectorEffect="non-scaling-stroke"
            points={s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')} />
        ))}
      </svg>
      <div className="curve-hours">{['00', '06', '12', '18', '24'].map((h) => <span key={h}>{h}</span>)}</div>
    </div>
  );
}
