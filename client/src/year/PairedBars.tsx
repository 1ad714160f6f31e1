// Two years side by side, one pair of bars per label: this year bright, last year muted, on one scale, the value
// written on this year's bar. A missing value leaves its bar out, never draws a zero.
import { Num } from '../ui/Num';

export interface Pair { id: string; label: string; value: number | null; lastYear: number | null }

export function PairedBars({ pairs, format, vertical }: { pairs: Pair[]; format: (v: number) => string; vertical?: boolean }) {
  const max = Math.max(1, ...pairs.flatMap((p) => [p.value ?? 0, p.lastYear ?? 0]));
  const size = (v: number | null) => `${((v ?? 0) / max) * 100}%`;
  return (
    <div className={`paired ${vertical ? 'paired-columns' : 'paired-rows'}`}>
      {pairs.map((p) => (
        <div key={p.id} className="paired-item" data-pair={p.id}>
          <span className="paired-label">{p.label}</span>
          <span className="paired-bars">
            {p.lastYear !== null && <i className="paired-last" style={vertical ? { height: size(p.lastYear) } : { width: size(p.lastYear) }} />}
            {p.value !== null && <i className="paired-this" style={vertical ? { height: size(p.value) } : { width: size(p.value) }} />}
          </span>
          {p.value !== null && <Num className="paired-value" text={format(p.value)} />}
        </div>
      ))}
    </div>
  );
}
