// A horizontal bar for a share of a maximum, in a tone.
export function Bar({ share, tone }: { share: number; tone: 'accent' | 'ok' | 'warn' | 'crit' | 'muted' }) {
  const w = `${Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10}%`;
  return <div className="bar"><div className={`bar-fill tone-${tone}`} style={{ width: w }} /></div>;
}
