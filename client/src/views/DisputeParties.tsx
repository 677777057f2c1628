/**
 * The parties of a dispute, shown only when asked for: the request is audited on the server
 * (read_personal), and an analyst sees them masked. Wall displays never get here.
 */
import { useEffect, useState } from 'react';
import type { SessionUserJson } from '../api/endpoints.ts';
import { workflow, type Party } from '../api/workflow-endpoints.ts';
import { useT } from './use-i18n.ts';

export function DisputeParties({ id, user }: { id: number; user: SessionUserJson }) {
  const t = useT();
  const [parties, setParties] = useState<Party[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { setParties(null); setError(null); }, [id]);
  if (user.role === 'display') return null;
  const show = () => {
    setBusy(true);
    workflow.parties(id).then((d) => setParties(d.parties ?? []), (e) => setError((e as Error).message)).finally(() => setBusy(false));
  };
  return (
    <section className="dispute-parties" data-testid="dispute-parties">
      <h4>{t('parties')} {user.role === 'analyst' && <small>· {t('partiesMasked')}</small>}</h4>
      {parties === null
        ? <p><button type="button" onClick={show} disabled={busy} data-action="show-parties">{t('showParties')}</button> <small>{t('partiesLogged')}</small></p>
        : parties.length === 0
          ? <p>{t('noParties')}</p>
          : <ul className="parties">{parties.map((p, i) => (
            <li key={i}><b>{t(`party${p.role}`)}</b> {p.name}{p.phone ? ` · ${p.phone}` : ''}{p.id_number ? ` · ${t('idNumber')} ${p.id_number}` : ''}{p.address ? ` · ${p.address}` : ''}</li>
          ))}</ul>}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
