// Incidents: the latest as a ticker (time, type, municipality, severity) and the active ones counted by type.
import { municipalityLabel, nameOf } from '../i18n/lang';
import { useWall } from '../store/wall-store';
import { useFmt } from '../ui/use-fmt';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './registry';

const STREAMS = ['kpi', 'incidents'] as const;

export function Incidents({ options }: PanelProps) {
  const fmt = useFmt();
  const list = useWall((s) => s.incidents);
  const byType = useWall((s) => s.summary?.incidents.byType);
  const ref = useWall((s) => s.reference);
  const latest = list.slice(0, options.rows ?? 5);
  return (
    <PanelFrame kind="incidents" streams={STREAMS} title={fmt.t('panel.incidents')} figures={['incidents.active']}>
      {ref && <>
        <div className="chips small">
          {Object.entries(byType ?? {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).map(([type, n]) => (
            <span key={type} className="chip"><b>{fmt.n(n)}</b> {nameOf(ref.incidentType.get(type), fmt.lang, type)}</span>
          ))}
        </div>
        {latest.length === 0 ? <div className="muted">{fmt.t('noIncidents')}</div> : (
          <ul className="ticker" data-fit>
            {latest.map((i) => (
              <li key={i.id} className={`sev-${i.severity} ${i.status === 'resolved' ? 'resolved' : ''}`} title={fmt.t(`severity.${i.severity}`)}>
                <span className="ticker-time muted">{fmt.hm(i.reportedAt)}</span>
                <span className="ticker-text">{nameOf(ref.incidentType.get(i.type), fmt.lang, i.type)}, {municipalityLabel(ref.municipality.get(i.municipality), fmt.lang, i.municipality)}</span>
                <span className="ticker-sev small">{fmt.t(`severity.${i.severity}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </>}
    </PanelFrame>
  );
}
