// A screen that is not paired yet: it asks the server for a short code, shows it large, and waits (polling with its
// private ticket) until an operator approves it in the console; then it keeps its token and opens its wall.
import { useEffect, useState } from 'react';
import { useFmt } from '../ui/use-fmt';
import { keepScreenToken } from './token';

type Poll = { status: 'pending'; code: string; expiresAt: number } | { status: 'paired'; token: string; wall: string; screen: string } | { status: 'unknown' };

export function PairingPage() {
  const fmt = useFmt();
  const [code, setCode] = useState<{ code: string; expiresAt: number } | null>(null);
  const [waiting, setWaiting] = useState(false);

  useEffect(() => {
    let stopped = false;
    let ticket: string | null = null;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    (async () => {
      while (!stopped) {
        try {
          if (!ticket) {
            const res = await fetch('/api/pairing', { method: 'POST' });
            if (!res.ok) throw new Error(`HTTP ${res.status}`);
            const started = (await res.json()) as { code: string; ticket: string; expiresAt: number };
            ticket = started.ticket;
            setCode({ code: started.code, expiresAt: started.expiresAt });
          }
          setWaiting(false);
          const res = await fetch('/api/pairing/poll', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ticket }) });
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          const poll = (await res.json()) as Poll;
          if (poll.status === 'paired') {
            keepScreenToken(poll.token);
            location.replace(`/wall/${encodeURIComponent(poll.wall)}/${encodeURIComponent(poll.screen)}`);
            return;
          }
          if (poll.status === 'unknown') { ticket = null; continue; } // expired: a new code
        } catch {
          setWaiting(true); // the server is not reachable: keep trying, never an error page
          await sleep(3000);
          continue;
        }
        await sleep(1500);
      }
    })();
    return () => { stopped = true; };
  }, []);

  return (
    <div className="pairing" data-pairing={code?.code ?? ''}>
      <div className="pairing-title">{fmt.t('pairTitle')}</div>
      {code ? <>
        <div className="pairing-code" aria-label="pairing code">{code.code.slice(0, 3)} {code.code.slice(3)}</div>
        <div className="pairing-hint">{fmt.t('pairHint')}</div>
        <div className="pairing-hint muted">{fmt.t('pairExpires', { time: fmt.hm(code.expiresAt) })} · {location.host}</div>
      </> : null}
      {waiting && <div className="pairing-hint muted">{fmt.t('pairWaiting')}</div>}
    </div>
  );
}
