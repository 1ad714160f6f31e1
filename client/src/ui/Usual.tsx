// A figure against its usual value for this weekday and time of day: "usual 1,240 (1,100–1,380)", and only when the
// server marked it outside that range, "▲ above usual" in the colour of whether that is good or bad. The server
// decides the range and the mark (server/domain/baseline.ts); this only draws them.
import type { Usual } from '../../../server/protocol/summary';
import type { Formatters } from '../i18n/format';

export function UsualMark({ usual, riseIsBad, fmt, holiday }: { usual: Usual | null | undefined; riseIsBad: boolean; fmt: Formatters; holiday?: boolean }) {
  if (holiday) return <span className="usual change change-flat" data-flag="holiday">{fmt.t('holidayToday')}</span>;
  if (!usual) return <span className="usual change change-none" data-flag="none">{fmt.t('usualUnknown')}</span>;
  const tone = usual.flag === null ? 'flat' : (usual.flag === 'above') === riseIsBad ? 'bad' : 'good';
  const range = usual.low === usual.high ? fmt.n(usual.usual) : `${fmt.n(usual.usual)} (${fmt.n(usual.low)}–${fmt.n(usual.high)})`;
  return (
    <span className={`usual change change-${tone}`} data-flag={usual.flag ?? 'usual'}>
      {usual.flag && <b>{usual.flag === 'above' ? '▲' : '▼'} {fmt.t(usual.flag === 'above' ? 'aboveUsual' : 'belowUsual')} · </b>}
      {fmt.t('usual')} {range}
    </span>
  );
}
